#pragma once
// The parent-support model, part 1 (mechanisms M1-M7, M15, M16, M22 of the seeds
// digest): trust between parents and professionals built or lost through outreach
// channels, key figures, informal organisations and incidents, on a synthesised
// community (models/community_schema.hpp). docs/ODD.md describes it in full.
//
// One step is one week, in this order (each phase writes only what it owns, and reads
// what no phase running at the same time writes, so results do not depend on threads):
//   0. the key-figure programme's key figures are chosen (again); every intervention in
//      its window reserves its week's budget (interventions.hpp)            (serial)
//   A. parents: incidents (M1) and questions (M6) happen; each goes to the parent's most
//      trusted professional                                  (parallel over parents)
//   B. professionals' hours go first to that reactive work (M22)          (serial)
//   C. partner organisations host conversations if the partner has hours (M6, M7)
//   D. key figures visit parents and request introductions (M5)  (parallel over key
//      figures); introductions are granted in random order while hours remain (serial)
//   E. professionals make personal contacts with the hours left (M3, M16, M22)
//                                                      (parallel over professionals)
//   F. parents take in the week: trust on their ties, institutional trust,
//      willingness and informal participation (M2, M3, M4)   (parallel over parents);
//      new parent-professional ties enter the caseload layer (rebuilt once a week).

#include <array>
#include <cstdint>
#include <vector>

#include "models/model_registry.hpp"
#include "models/parent_support/approach.hpp"
#include "models/parent_support/capacity.hpp"
#include "models/parent_support/channels.hpp"
#include "models/parent_support/community_view.hpp"
#include "models/parent_support/help_seeking.hpp"
#include "models/parent_support/incidents.hpp"
#include "models/parent_support/informal_organisations.hpp"
#include "models/parent_support/key_figures.hpp"
#include "models/parent_support/network_dynamics.hpp"
#include "models/parent_support/outreach_plan.hpp"
#include "models/parent_support/tone.hpp"
#include "models/parent_support/trust.hpp"

namespace village::parent_support {

struct ModelParams {
  TrustParams trust;
  ToneParams tone;
  ApproachParams approach;
  ChannelParams channels;
  KeyFigureParams key_figures;
  OrganisationParams organisations;
  IncidentParams incidents;
  HelpSeekingParams help;
  CapacityParams capacity;
  OutreachPlan plan;
  NetworkParams network;  // part 2

  static ModelParams from(const ParamValues& values);
};

// The [model] declarations (all mechanisms) and the extra [outreach] table.
std::vector<ParamSpec> model_specs();
std::vector<ParamTable> extra_tables();
// Defaults of [model] and [outreach] together ("outreach.<key>"), as a loaded scenario
// passes them to the model.
ParamValues default_values();

// Contacts counted per parent and week, by channel.
enum Channel : std::uint8_t {
  personal = 0,
  key_figure_visit,
  introduction,
  conversation,
  newsletter,
  online,
  incident,
  question,
  kChannelCount
};

// Professional and programme hours of one week.
struct WeekHours {
  double capacity = 0;
  double incidents = 0;
  double questions = 0;
  double conversations = 0;
  double introductions = 0;
  double personal = 0;
  double overload = 0;  // reactive work beyond the budget
  double newsletter = 0;
  double key_figure_programme = 0;
  double influencer_panel = 0;
  NetworkHours network;  // part 2: groups (professionals) and programme hours
};

class ParentSupportModel : public Model {
 public:
  explicit ParentSupportModel(ModelParams params)
      : params_(std::move(params)), network_(params_.network) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;
  // "co_attendance": who met whom at the meetings held so far (meeting_log.hpp).
  void add_history_layers(World& world) const override;

  // State, for tests (indexed by parent, from 0).
  const std::vector<double>& institutional_trust() const { return trust_in_institutions_; }
  const std::vector<double>& willingness() const { return willingness_; }
  const std::vector<double>& participation() const { return participation_; }
  const WeekHours& last_week_hours() const { return hours_; }
  const CommunityView& view() const { return view_; }
  const NetworkDynamics& network() const { return network_; }
  const Spending& spending() const { return spending_; }
  // Per key figure: enrolled in the key-figure programme (key_figure_targeting.hpp).
  const std::vector<std::uint8_t>& enrolled() const { return enrolled_; }

 private:
  struct Contact {  // a proactive contact to a parent this week
    NodeId parent;
    NodeId source;  // professional or key figure
    Channel channel;
    bool accepted;
    bool inviting;
    bool introduce;  // key-figure visits: an introduction was granted
  };

  // Chooses the key figures, then reserves every scheduled intervention's week.
  void plan_programmes(const World& world, std::uint64_t week, const RandomStream& rng);
  Use most_use(const World& world, Intervention i, std::uint64_t week) const;
  void happen_reactive(const World& world, std::uint64_t week, const RandomStream& rng);
  void charge_reactive_hours();
  bool conversation_due(NodeId organisation, std::uint64_t week) const;
  void host_conversations(std::uint64_t week);
  void visit_by_key_figures(World& world, std::uint64_t week, const RandomStream& rng);
  // The enrolled key figures' visits and the introductions granted: their count and the
  // partners' hours.
  Use make_visits(World& world, std::uint64_t week, std::uint32_t visits, const RandomStream& rng);
  void contact_personally(World& world, std::uint64_t week, const RandomStream& rng);
  void take_in_week(World& world, std::uint64_t week, const RandomStream& rng);
  void index_contacts_by_parent();
  double best_professional_trust(const CsrLayer& caseload, std::span<const float> trust,
                                 NodeId parent, NodeId* best) const;

  ModelParams params_;
  NetworkDynamics network_;
  CommunityView view_;
  double partnership_quality_ = 0;
  // Per parent.
  std::vector<double> trust_in_institutions_;
  std::vector<double> willingness_;
  std::vector<double> participation_;
  std::vector<std::uint32_t> incidents_;
  std::vector<std::uint32_t> cooperative_;
  std::vector<std::array<std::uint16_t, kChannelCount>> weekly_contacts_;
  // Per parent, this week's reactive work.
  std::vector<std::uint8_t> had_incident_, brought_question_;
  std::vector<NodeId> handler_;
  // Per professional, hours left this week.
  std::vector<double> hours_left_;
  // Per organisation: hosts a conversation this week.
  std::vector<std::uint8_t> hosting_;
  // This week's contacts, then indexed by parent.
  std::vector<Contact> contacts_;
  std::vector<std::uint32_t> contact_offsets_;
  std::vector<std::uint32_t> contact_order_;
  WeekHours hours_;
  Spending spending_;
  std::vector<std::uint8_t> enrolled_;  // per key figure
  NodeId enrolled_count_ = 0;
  bool chosen_ = false;
  bool newsletter_this_week_ = false;
  std::uint32_t posts_this_week_ = 0;
  std::size_t influencers_ = 0;
};

ModelInfo parent_support_model_info();

// The outcomes recorded per parent group that strategies can be ranked on: the means
// over parents, and the shares incident_cooperation and retention (metrics.cpp).
const std::vector<std::string>& outcome_names();

}  // namespace village::parent_support
