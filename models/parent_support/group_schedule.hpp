#pragma once
// When group courses and parent networks meet (M8, M20): courses every
// group_interval_weeks for group_sessions, then every maintenance_interval_weeks; living
// networks every network_interval_weeks. Interventions reserve and deliver by it;
// mechanisms/groups.cpp and evenings.cpp hold the meetings, which share tie forming (M11).

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/week_helpers.hpp"

namespace village::parent_support {

// A network lives while it has a driver or at least min_members members (M20).
inline bool network_alive(const Group& group, const VolunteerParams& volunteers) {
  return group.driver >= 0 || static_cast<double>(group.members.size()) >= volunteers.min_members;
}

inline bool course_due(const Week& week, const Group& group) {
  const OutreachPlan& plan = week.params.plan;
  if (group.network || group.members.empty()) return false;
  const double sessions = plan.group_sessions;
  if (group.held < static_cast<std::uint32_t>(sessions))
    return plan.due(Intervention::parent_groups, week.week, plan.group_interval_weeks,
                    group.offset);
  return plan.maintenance_interval_weeks > 0 &&
         plan.due(Intervention::parent_groups, week.week, plan.maintenance_interval_weeks,
                  group.offset + plan.group_interval_weeks * sessions);
}

inline bool network_due(const Week& week, const Group& group) {
  const OutreachPlan& plan = week.params.plan;
  if (!group.network || group.members.empty()) return false;
  return network_alive(group, week.params.volunteers) &&
         plan.due(Intervention::parent_network, week.week, plan.network_interval_weeks,
                  group.offset);
}

// The group's professional facilitates its meeting, if it has group_hours left this
// week; payer is charged the hours.
inline bool professional_facilitates(Week& week, const Group& group, Intervention payer) {
  if (group.professional == kNoAgent) return false;
  const double cost = week.params.plan.group_hours;
  double& left =
      week.state.write<Column::hours_left>()[group.professional - week.view.professionals.begin];
  if (left < cost) return false;
  left -= cost;
  week.state.write<Column::hours>().groups += cost;
  week.state.write<Column::spending>().charge(payer, {cost, 0, 0});
  return true;
}

// Parents a and b (agents) meet: their tie is refreshed, or a new one will be formed
// (mechanisms/support.cpp, ties_formed).
inline void refresh_or_form(CsrLayer& friends, const SupportParams& support, std::uint64_t week,
                            NodeId a, NodeId b, std::vector<EdgeRecord>& new_ties) {
  if (a == b) return;
  const ArcIndex arc = find_arc(friends, a, b);
  if (arc == friends.end_arc(a)) {
    new_ties.push_back({a, b});
    return;
  }
  auto strength = friends.attribute(kStrength);
  strength[arc] += static_cast<float>(support.tie_refresh * (1.0 - strength[arc]));
  friends.attribute(kLastContact)[arc] = static_cast<float>(week);
}

}  // namespace village::parent_support
