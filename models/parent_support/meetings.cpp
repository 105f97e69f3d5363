// Phases C' and G of the parent-support week (network_dynamics.hpp): which group
// meetings, parent-network meetings and school theme evenings take place, and what
// happens at them (M8-M11, M13, M14, M17, M21). Meetings run one after another in group
// order: they are few, and a parent may belong to a group and a network.

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "models/community_schema.hpp"
#include "models/parent_support/network_dynamics.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kAttend = purpose("ps.meeting.attend");
constexpr std::uint64_t kSeat = purpose("ps.meeting.seat");
constexpr std::uint64_t kMeet = purpose("ps.meeting.meet");
constexpr std::uint64_t kDropout = purpose("ps.meeting.dropout");
constexpr std::uint64_t kEvening = purpose("ps.evening.attend");
constexpr std::uint64_t kEveningMeet = purpose("ps.evening.meet");

const std::string kFriends(community::layer::family_friends);
const std::string kCaseload(community::layer::caseload);

ArcIndex find_arc(const CsrLayer& layer, NodeId source, NodeId target) {
  const auto row = layer.neighbours(source);
  const auto it = std::lower_bound(row.begin(), row.end(), target);
  if (it == row.end() || *it != target) return layer.end_arc(source);
  return layer.first_arc(source) + static_cast<ArcIndex>(it - row.begin());
}

}  // namespace

bool NetworkDynamics::course_due(const Group& group, std::uint64_t week) const {
  const OutreachPlan& plan = params_.plan;
  if (group.network || group.members.empty()) return false;
  const double sessions = plan.group_sessions;
  if (group.held < static_cast<std::uint32_t>(sessions))
    return plan.due(Intervention::parent_groups, week, plan.group_interval_weeks, group.offset);
  return plan.maintenance_interval_weeks > 0 &&
         plan.due(Intervention::parent_groups, week, plan.maintenance_interval_weeks,
                  group.offset + plan.group_interval_weeks * sessions);
}

bool NetworkDynamics::network_due(const Group& group, std::uint64_t week) const {
  const OutreachPlan& plan = params_.plan;
  if (!group.network || group.members.empty()) return false;
  const bool alive = group.driver >= 0 ||
                     static_cast<double>(group.members.size()) >= params_.volunteers.min_members;
  return alive &&
         plan.due(Intervention::parent_network, week, plan.network_interval_weeks, group.offset);
}

bool NetworkDynamics::evening_due(std::size_t school, std::uint64_t week) const {
  const OutreachPlan& plan = params_.plan;
  return !school_parents_[school].empty() &&
         plan.due(Intervention::theme_evenings, week, plan.theme_evening_interval_weeks,
                  static_cast<double>(school % 13));
}

Use NetworkDynamics::most_use(Intervention i, std::uint64_t week) const {
  const OutreachPlan& plan = params_.plan;
  Use most;
  switch (i) {
    case Intervention::theme_evenings:
      for (std::size_t s = 0; s < school_parents_.size(); ++s) {
        if (!evening_due(s, week)) continue;
        most += {plan.theme_evening_hours, static_cast<double>(school_parents_[s].size()), 1};
      }
      break;
    case Intervention::parent_groups:
      for (const Group& group : groups_) {
        if (course_due(group, week)) most += {plan.group_hours, plan.group_size, 1};
      }
      break;
    case Intervention::parent_network:
      for (const Group& group : groups_) {
        if (network_due(group, week)) most += {0, static_cast<double>(group.members.size()), 1};
      }
      break;
    case Intervention::structural_support:
      for (const Group& group : groups_) {
        if (!group.network) continue;
        most.hours +=
            plan.network_support_hours + (network_due(group, week) ? plan.group_hours : 0);
      }
      break;
    case Intervention::buddy_programme: {
      double volunteers = 0;
      for (std::uint8_t v : volunteer_)
        volunteers += v;
      most = {plan.buddy_coordination_hours * volunteers, volunteers, 0};
      break;
    }
    case Intervention::training:
      if (static_cast<double>(week) == plan.first_week(Intervention::training)) {
        const auto professionals = static_cast<double>(trainees_.size());
        most = {plan.training_hours * professionals, professionals, 0};
      }
      break;
    case Intervention::parent_support_point:
      most.hours = plan.support_point_hours;
      break;
    case Intervention::voice:
      if (plan.due(Intervention::voice, week, plan.voice_interval_weeks))
        most = {plan.voice_hours_per_meeting, 0, 1};
      break;
    default:
      break;
  }
  return most;
}

// The trainees: with training_capacity, the professionals with the largest caseloads in
// the training week (the most parents reached per professional trained; caseloads grow
// as parents are introduced), ties by id.
void NetworkDynamics::choose_trainees(const World& world) {
  const CommunityView& view = *view_;
  const std::size_t count = trainees_.size();
  trainees_.resize(view.professionals.size());
  std::iota(trainees_.begin(), trainees_.end(), NodeId{0});
  if (count < trainees_.size()) {
    const CsrLayer& caseload = world.layer(kCaseload);
    std::stable_sort(trainees_.begin(), trainees_.end(), [&](NodeId a, NodeId b) {
      return caseload.degree(view.professionals.begin + a) >
             caseload.degree(view.professionals.begin + b);
    });
    trainees_.resize(count);
  }
}

void NetworkDynamics::host_meetings(const World& world, std::uint64_t week,
                                    std::vector<double>& hours_left) {
  hours_ = {};
  trained_ = false;
  const OutreachPlan& plan = params_.plan;
  const CommunityView& view = *view_;
  Spending& spending = *spending_;
  const bool courses = spending.running(Intervention::parent_groups);
  const bool networks = spending.running(Intervention::parent_network);
  const bool supported = spending.running(Intervention::structural_support);
  for (Group& group : groups_) {
    group.meets_this_week = false;
    if (group.network && supported) {
      hours_.network_support += plan.network_support_hours;
      spending.charge(Intervention::structural_support, {plan.network_support_hours, 0, 0});
    }
    const bool due_now =
        group.network ? networks && network_due(group, week) : courses && course_due(group, week);
    if (!due_now) continue;
    // Facilitator: the driver of a network; a volunteer among a course's members when
    // volunteers facilitate; else the professional, if the hours remain.
    group.volunteer = -1;
    if (group.network && group.driver >= 0) {
      group.volunteer = group.driver;
    } else if (!group.network && plan.volunteer_facilitators) {
      for (NodeId m : group.members) {
        if (volunteer_[m]) {
          group.volunteer = m;
          break;
        }
      }
    }
    if (group.volunteer < 0) {
      if (group.professional == kNoAgent || (group.network && !supported)) continue;
      double& left = hours_left[group.professional - view.professionals.begin];
      if (left < plan.group_hours) continue;
      left -= plan.group_hours;
      hours_.groups += plan.group_hours;
      spending.charge(
          group.network ? Intervention::structural_support : Intervention::parent_groups,
          {plan.group_hours, 0, 0});
    }
    spending.charge(group.network ? Intervention::parent_network : Intervention::parent_groups,
                    {0, 0, 1});
    group.meets_this_week = true;
  }
  std::fill(evening_school_.begin(), evening_school_.end(), 0);
  if (spending.running(Intervention::theme_evenings)) {
    for (std::size_t s = 0; s < evening_school_.size(); ++s) {
      if (!evening_due(s, week)) continue;
      evening_school_[s] = 1;
      hours_.theme_evenings += plan.theme_evening_hours;
      spending.charge(Intervention::theme_evenings, {plan.theme_evening_hours, 0, 1});
    }
  }
  if (spending.running(Intervention::voice) &&
      plan.due(Intervention::voice, week, plan.voice_interval_weeks)) {
    hours_.voice += plan.voice_hours_per_meeting;
    spending.charge(Intervention::voice, {plan.voice_hours_per_meeting, 0, 1});
  }
  if (spending.running(Intervention::parent_support_point)) {
    hours_.support_point += plan.support_point_hours;
    spending.charge(Intervention::parent_support_point, {plan.support_point_hours, 0, 0});
  }
  if (spending.running(Intervention::training) &&
      static_cast<double>(week) == plan.first_week(Intervention::training)) {
    // Training in tone and collaboration raises the competence every later contact uses.
    choose_trainees(world);
    for (NodeId k : trainees_)
      professional_competence_[k] =
          std::min(1.0, professional_competence_[k] + plan.training_competence_gain);
    trained_ = true;
    const auto professionals = static_cast<double>(trainees_.size());
    hours_.training += plan.training_hours * professionals;
    spending.charge(Intervention::training,
                    {plan.training_hours * professionals, professionals, 0});
  }
}

double NetworkDynamics::facilitator_trust(const World& world, const Group& group, std::size_t p,
                                          const std::vector<double>& institutional_trust) const {
  const CommunityView& view = *view_;
  if (group.volunteer >= 0) {
    const bool own = view.parent_community[static_cast<std::size_t>(group.volunteer)] ==
                     view.parent_community[p];
    return own ? params_.key_figures.trust_own : params_.key_figures.trust_other;
  }
  const CsrLayer& caseload = world.layer(kCaseload);
  const NodeId agent = view.parents.begin + static_cast<NodeId>(p);
  const ArcIndex arc = find_arc(caseload, agent, group.professional);
  if (arc != caseload.end_arc(agent)) return caseload.attribute("trust")[arc];
  return params_.trust.initial_tie_trust * institutional_trust[p];
}

void NetworkDynamics::refresh_or_form(World& world, std::uint64_t week, NodeId a, NodeId b,
                                      std::vector<EdgeRecord>& new_ties) {
  if (a == b) return;
  CsrLayer& friends = world.layer(kFriends);
  const ArcIndex arc = find_arc(friends, a, b);
  if (arc == friends.end_arc(a)) {
    new_ties.push_back({a, b});
    return;
  }
  auto strength = friends.attribute("strength");
  strength[arc] += static_cast<float>(params_.support.tie_refresh * (1.0 - strength[arc]));
  friends.attribute("last_contact")[arc] = static_cast<float>(week);
}

void NetworkDynamics::meet(World& world, std::uint64_t week,
                           const std::vector<double>& institutional_trust,
                           const RandomStream& rng) {
  std::fill(meetings_this_week_.begin(), meetings_this_week_.end(), 0);
  std::fill(evening_this_week_.begin(), evening_this_week_.end(), 0);
  std::vector<EdgeRecord> new_ties;
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (groups_[g].meets_this_week)
      hold_meeting(world, week, g, institutional_trust, rng, new_ties);
  }
  hold_evenings(world, week, institutional_trust, rng, new_ties);
  if (new_ties.empty()) return;
  CsrLayer& friends = world.layer(kFriends);
  const float values[3] = {static_cast<float>(params_.support.tie_initial_strength), 0.0f,
                           static_cast<float>(week)};
  for (const EdgeRecord& tie : new_ties)
    friends.stage_edge(tie.source, tie.target, values);
  friends.rebuild();
}

void NetworkDynamics::hold_meeting(World& world, std::uint64_t week, std::size_t g,
                                   const std::vector<double>& institutional_trust,
                                   const RandomStream& rng, std::vector<EdgeRecord>& new_ties) {
  Group& group = groups_[g];
  const CommunityView& view = *view_;
  const GroupParams& gp = params_.groups;
  const OutreachPlan& plan = params_.plan;
  const CsrLayer& friends = world.layer(kFriends);
  const auto strength = friends.attribute("strength");
  const double fit = spending_->running(Intervention::voice) ? 1.0 + gp.voice_fit_gain : 1.0;
  // Who comes (M8).
  std::vector<std::pair<std::uint64_t, NodeId>> present;
  for (NodeId p : group.members) {
    if (!group.network && dropped_[p]) continue;
    const NodeId agent = view.parents.begin + p;
    double friends_total = 0, friends_came = 0;
    for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a) {
      const NodeId other = friends.targets()[a];
      if (strength[a] < params_.support.support_threshold || other >= view.parents.end) continue;
      friends_total += 1;
      friends_came += attended_last_[other - view.parents.begin] &&
                      group_of_[other - view.parents.begin] == group_of_[p];
    }
    const double peers = friends_total > 0 ? friends_came / friends_total : 0.0;
    const bool far = view.parent_neighbourhood[p] != group.neighbourhood;
    double chance =
        std::clamp(gp.attend_base +
                       gp.attend_trust * facilitator_trust(world, group, p, institutional_trust) +
                       gp.attend_need * stress_[p] + gp.attend_peers * peers -
                       (far ? gp.attend_distance : 0.0) -
                       gp.attend_cost * plan.group_fee_euros * (view.vulnerable[p] ? 2.0 : 1.0),
                   0.0, 1.0) *
        fit;
    if (!group.network && !course_attended_[p]) chance *= gp.first_attendance;
    const bool comes = rng.uniform(week, agent, kAttend, g) < chance;
    attended_last_[p] = 0;
    if (comes) present.emplace_back(rng.bits(week, agent, kSeat, g), p);
  }
  // At most group_size: the first by a random key.
  std::sort(present.begin(), present.end());
  if (present.size() > static_cast<std::size_t>(plan.group_size))
    present.resize(static_cast<std::size_t>(plan.group_size));
  spending_->charge(group.network ? Intervention::parent_network : Intervention::parent_groups,
                    {0, static_cast<double>(present.size()), 0});
  if (present.empty()) {
    ++group.held;
    return;
  }
  std::vector<NodeId> agents;
  agents.reserve(present.size());
  for (const auto& [key, p] : present)
    agents.push_back(view.parents.begin + p);
  meetings_.add(static_cast<std::uint32_t>(week),
                group.network ? MeetingKind::parent_network : MeetingKind::group_course,
                static_cast<std::uint32_t>(g),
                group.volunteer >= 0 ? view.parents.begin + static_cast<NodeId>(group.volunteer)
                                     : group.professional,
                agents);
  const double skill =
      group.volunteer >= 0
          ? gp.volunteer_skill
          : professional_competence_[group.professional - view.professionals.begin];
  double mean_competence = 0;
  std::map<std::int32_t, int> communities;
  for (const auto& [key, p] : present) {
    mean_competence += competence_[p];
    ++communities[view.parent_community[p]];
  }
  mean_competence /= static_cast<double>(present.size());
  int largest = 0;
  for (const auto& [community, count] : communities)
    largest = std::max(largest, count);
  const double likeness = static_cast<double>(largest) / static_cast<double>(present.size());
  // What meeting does (M11, M13, M14), then the group feeling grows (M10) and some leave (M9).
  for (const auto& [key, p] : present) {
    const NodeId agent = view.parents.begin + p;
    attended_last_[p] = 1;
    if (!group.network) course_attended_[p] = 1;
    ++meetings_attended_[p];
    ++meetings_this_week_[p];
    stress_[p] -= params_.wellbeing.meeting_relief * stress_[p];
    competence_[p] +=
        params_.norms.peer_learning * std::max(0.0, mean_competence - competence_[p]) +
        params_.norms.facilitator_teaching * skill * (1.0 - competence_[p]);
    if (present.size() > 1) {
      DrawSequence draws(rng, week, agent, kMeet + g);
      for (int t = 0; t < static_cast<int>(params_.support.ties_per_meeting); ++t) {
        const NodeId other = present[draws.below(present.size())].second;
        refresh_or_form(world, week, agent, view.parents.begin + other, new_ties);
      }
    }
  }
  group.feeling += gp.feeling_gain * skill * likeness * (1.0 - group.feeling);
  if (!group.network) {
    for (const auto& [key, p] : present) {
      if (rng.uniform(week, view.parents.begin + p, kDropout, g) <
          gp.dropout(group.feeling, plan.group_structure))
        dropped_[p] = 1;
    }
  }
  ++group.held;
}

// School theme evenings on agreements (M17, seed 000 tip 3): parents meet those of their
// child's class, see which of them set limits, and get to know some of them.
void NetworkDynamics::hold_evenings(World& world, std::uint64_t week,
                                    const std::vector<double>& institutional_trust,
                                    const RandomStream& rng, std::vector<EdgeRecord>& new_ties) {
  const CommunityView& view = *view_;
  const GroupParams& gp = params_.groups;
  const double fit = spending_->running(Intervention::voice) ? 1.0 + gp.voice_fit_gain : 1.0;
  const CsrLayer& caseload = world.layer(kCaseload);
  const auto trust = caseload.attribute("trust");
  for (std::size_t s = 0; s < evening_school_.size(); ++s) {
    if (!evening_school_[s]) continue;
    // Attendance, then class by class.
    std::map<std::uint32_t, std::vector<NodeId>> by_class;
    double attending = 0;
    for (NodeId p : school_parents_[s]) {
      const NodeId agent = view.parents.begin + p;
      // Trust in the school: the most trusted tie, else the tie baseline.
      double school_trust = params_.trust.initial_tie_trust * institutional_trust[p];
      for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a)
        school_trust = std::max<double>(school_trust, trust[a]);
      const double chance =
          std::clamp(gp.attend_base + gp.attend_trust * school_trust, 0.0, 1.0) * fit;
      if (rng.uniform(week, agent, kEvening, s) < chance) {
        by_class[view.parent_class[p]].push_back(p);
        evening_this_week_[p] = 1;
        ++attending;
      }
    }
    spending_->charge(Intervention::theme_evenings, {0, attending, 0});
    for (const auto& [school_class, present] : by_class) {
      std::vector<NodeId> agents;
      agents.reserve(present.size());
      for (NodeId p : present)
        agents.push_back(view.parents.begin + p);
      meetings_.add(static_cast<std::uint32_t>(week), MeetingKind::theme_evening,
                    static_cast<std::uint32_t>(s), kNoAgent, agents);
      double adopters = 0;
      for (NodeId p : present)
        adopters += limits_[p];
      for (NodeId p : present) {
        evening_adopters_[p] = static_cast<float>(adopters - limits_[p]);
        evening_seen_[p] = static_cast<float>(present.size() - 1);
        if (present.size() < 2) continue;
        const NodeId agent = view.parents.begin + p;
        DrawSequence draws(rng, week, agent, kEveningMeet);
        const NodeId other = present[draws.below(present.size())];
        refresh_or_form(world, week, agent, view.parents.begin + other, new_ties);
      }
    }
  }
}

}  // namespace village::parent_support
