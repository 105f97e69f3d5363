#pragma once
// Part 2 of the parent-support model: what happens among parents. Group meetings (M8-M10,
// M21), ties formed at them (M11), support along parent-parent ties (M12), learning
// (M13), stress and relaxation (M14), shared norms on limit setting (M17), youth risk
// (M18), volunteers and fragile parent networks (M19, M20). ParentSupportModel owns one
// and calls it in the order of its week (parent_support_model.hpp):
//   C'. host_meetings: which meetings take place this week; professionals' hours
//   G.  meet: attendance, relief, learning, ties, group feeling, dropout, evenings
//   H.  exchange_support, I. spread_norms, J. settle (decay, relaxation, volunteers,
//       networks), then the family_friends layer is rebuilt if meetings added ties.

#include <array>
#include <cstdint>
#include <vector>

#include "models/parent_support/community_view.hpp"
#include "models/parent_support/groups.hpp"
#include "models/parent_support/interventions.hpp"
#include "models/parent_support/key_figures.hpp"
#include "models/parent_support/meeting_log.hpp"
#include "models/parent_support/norms.hpp"
#include "models/parent_support/outreach_plan.hpp"
#include "models/parent_support/support.hpp"
#include "models/parent_support/trust.hpp"
#include "models/parent_support/volunteers.hpp"
#include "models/parent_support/wellbeing.hpp"
#include "sim/observation.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village::parent_support {

struct NetworkParams {
  WellbeingParams wellbeing;
  SupportParams support;
  NormParams norms;
  GroupParams groups;
  VolunteerParams volunteers;
  TrustParams trust;
  KeyFigureParams key_figures;
  OutreachPlan plan;

  static std::vector<ParamSpec> specs();  // the part-2 [model] declarations
  static NetworkParams from(const ParamValues& values);
};

// Hours of part 2's programmes in one week.
struct NetworkHours {
  double groups = 0;          // professionals facilitating groups (from their budgets)
  double theme_evenings = 0;  // programme hours
  double network_support = 0;
  double support_point = 0;
  double training = 0;
  double buddies = 0;
  double voice = 0;
};

class NetworkDynamics {
 public:
  explicit NetworkDynamics(NetworkParams params) : params_(std::move(params)) {}

  // spending: the run's ledger, which says which interventions run this week and is
  // charged with what they use.
  void initialize(World& world, const CommunityView& view, const std::vector<double>& trust,
                  Spending& spending, const RandomStream& rng);
  // The most part 2's intervention i can use this week (for its budget reservation).
  Use most_use(Intervention i, std::uint64_t week) const;
  // Whether professionals were trained this week (professional_competence changed).
  bool trained_this_week() const { return trained_; }
  // Decides this week's meetings; facilitating professionals' hours come out of
  // hours_left (indexed by professional).
  void host_meetings(const World& world, std::uint64_t week, std::vector<double>& hours_left);
  void meet(World& world, std::uint64_t week, const std::vector<double>& institutional_trust,
            const RandomStream& rng);
  void exchange_support(World& world, std::uint64_t week, const RandomStream& rng);
  void spread_norms(const World& world, std::uint64_t week, const RandomStream& rng);
  void settle(World& world, std::uint64_t week, const RandomStream& rng);

  // Outcomes per parent (for the model's group sums).
  double stress(std::size_t p) const { return stress_[p]; }
  double competence(std::size_t p) const { return competence_[p]; }
  bool limit_setting(std::size_t p) const { return limits_[p] != 0; }
  bool ever_attended(std::size_t p) const { return course_attended_[p] != 0; }
  bool invited(std::size_t p) const { return group_of_[p] >= 0; }
  bool started_and_stayed(std::size_t p) const { return course_attended_[p] && !dropped_[p]; }
  bool volunteer(std::size_t p) const { return volunteer_[p] != 0; }
  bool buddied(std::size_t p) const { return buddied_[p] != 0; }
  std::uint16_t meetings_this_week(std::size_t p) const { return meetings_this_week_[p]; }
  std::uint8_t evenings_this_week(std::size_t p) const { return evening_this_week_[p]; }
  std::uint8_t support_received(std::size_t p) const { return support_received_[p]; }
  // This week's requests for support and those granted, by SupportKind.
  const std::array<double, 3>& support_asked() const { return support_asked_; }
  const std::array<double, 3>& support_granted() const { return support_granted_; }
  // Support ties (strength >= support_threshold) of parent agent a.
  std::uint32_t support_ties(const World& world, NodeId agent) const;
  double youth_risk(std::size_t p, std::uint32_t support_ties) const {
    return params_.norms.youth_risk(limits_[p] != 0, competence_[p], support_ties);
  }
  // Share of parent networks alive; negative when there are none.
  double networks_alive() const;
  const NetworkHours& hours() const { return hours_; }
  // Every meeting held so far, with the parents present (meeting_log.hpp).
  const MeetingLog& meetings() const { return meetings_; }
  const std::vector<double>& professional_competence() const { return professional_competence_; }

 private:
  // A group course, or a parent network (members join and leave; it meets for as long
  // as it lives).
  struct Group {
    std::uint32_t neighbourhood = 0;
    NodeId professional = kNoAgent;  // facilitator (agent id), or
    std::int64_t volunteer = -1;     // facilitating parent (index), or none
    std::vector<NodeId> members;     // parent indices invited (course) or members (network)
    double feeling = 0;
    std::uint32_t held = 0;    // meetings held
    std::uint32_t offset = 0;  // stagger of its schedule
    bool network = false;
    bool meets_this_week = false;
    std::int64_t driver = -1;  // networks: the driving parent (index)
  };

  double facilitator_trust(const World& world, const Group& group, std::size_t p,
                           const std::vector<double>& institutional_trust) const;
  void hold_meeting(World& world, std::uint64_t week, std::size_t g,
                    const std::vector<double>& institutional_trust, const RandomStream& rng,
                    std::vector<EdgeRecord>& new_ties);
  void hold_evenings(World& world, std::uint64_t week, const std::vector<double>& trust,
                     const RandomStream& rng, std::vector<EdgeRecord>& new_ties);
  void refresh_or_form(World& world, std::uint64_t week, NodeId a, NodeId b,
                       std::vector<EdgeRecord>& new_ties);
  void run_networks(std::uint64_t week, const RandomStream& rng);
  void choose_trainees(const World& world);
  void match_buddies(World& world, std::uint64_t week, const RandomStream& rng);
  bool course_due(const Group& group, std::uint64_t week) const;
  bool network_due(const Group& group, std::uint64_t week) const;
  bool evening_due(std::size_t school, std::uint64_t week) const;

  NetworkParams params_;
  const CommunityView* view_ = nullptr;
  Spending* spending_ = nullptr;
  bool trained_ = false;
  std::vector<double> professional_competence_;
  // Per parent.
  std::vector<double> stress_, competence_, threshold_;
  std::vector<std::uint8_t> limits_, limits_next_, dropped_, volunteer_, attended_last_;
  std::vector<std::uint8_t> course_attended_;  // attended a meeting of its group course
  std::vector<std::uint16_t> meetings_attended_, meetings_this_week_;
  std::vector<std::uint8_t> support_received_;
  std::vector<float> evening_adopters_, evening_seen_;
  std::vector<std::uint8_t> evening_this_week_;
  std::vector<std::int32_t> group_of_;    // the group course a parent is invited to, or -1
  std::vector<std::int32_t> network_of_;  // the parent network a parent belongs to, or -1
  std::vector<std::vector<NodeId>> school_parents_;
  std::vector<std::vector<NodeId>> vulnerable_by_place_;  // buddy candidates
  std::vector<std::uint16_t> buddies_;                    // per volunteer: parents buddied
  std::vector<std::uint8_t> buddied_;                     // per parent: has a buddy
  bool buddies_ranked_ = false;  // vulnerable_by_place_ in buddy_targeting's order
  MeetingLog meetings_;
  std::vector<NodeId> trainees_;  // professional indices the training reaches
  std::array<double, 3> support_asked_{};
  std::array<double, 3> support_granted_{};
  std::vector<Group> groups_;
  std::vector<std::uint8_t> evening_school_;  // per school: holds an evening this week
  NetworkHours hours_;
};

}  // namespace village::parent_support
