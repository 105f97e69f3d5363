// Parent networks (M19, M20; seed 003): one network in each of the first neighbourhoods
// (networks_per_1000 per 1,000 households), driven by the neighbourhood's most competent
// parent; a living network meets every network_interval_weeks, facilitated by its driver
// or, with structural support, by a professional. How networks live and die is
// mechanisms/volunteers.cpp; what happens at a meeting, mechanisms/groups.cpp.

#include "models/parent_support/interventions/parent_network.hpp"

#include <algorithm>
#include <cmath>

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

void initialize(Week& week) {
  const CommunityView& view = week.view;
  const NodeId parents = view.parents.size();
  auto& network_of = week.state.write<Column::network_of>();
  network_of.assign(parents, -1);
  if (!week.params.plan.parent_network || parents == 0) return;
  auto& groups = week.state.write<Column::groups>();
  auto& volunteer = week.state.write<Column::volunteer>();
  const auto& competence = week.state.read<Column::competence>();
  const double per_1000 = week.params.volunteers.networks_per_1000;
  const auto count = static_cast<std::size_t>(std::min<double>(
      view.neighbourhoods,
      std::max(1.0, std::round(per_1000 * static_cast<double>(parents) / 1000.0))));
  for (std::size_t k = 0; k < count; ++k) {
    Group network;
    network.network = true;
    network.neighbourhood = static_cast<std::uint32_t>(k);
    network.professional = view.facilitator_in(network.neighbourhood);
    network.offset = static_cast<std::uint32_t>(k);
    // The driving parent: the most competent parent of the neighbourhood.
    std::int64_t driver = -1;
    for (NodeId p = 0; p < parents; ++p) {
      if (view.parent_neighbourhood[p] != network.neighbourhood) continue;
      if (driver < 0 || competence[p] > competence[static_cast<std::size_t>(driver)]) driver = p;
    }
    if (driver >= 0) {
      network.driver = driver;
      volunteer[static_cast<std::size_t>(driver)] = 1;
      network.members.push_back(static_cast<NodeId>(driver));
      network_of[static_cast<std::size_t>(driver)] = static_cast<std::int32_t>(groups.size());
    }
    groups.push_back(std::move(network));
  }
}

Use most_use(Week& week) {
  Use most;
  for (const Group& group : week.state.read<Column::groups>()) {
    if (network_due(week, group)) most += {0, static_cast<double>(group.members.size()), 1};
  }
  return most;
}

// Structural support pays its weekly hours for every network; networks due meet,
// facilitated by their driver or, with structural support, their professional.
void host_networks(Week& week) {
  const auto& running = week.state.read<Column::running>();
  const bool meeting = runs(running, Intervention::parent_network);
  const bool supported = runs(running, Intervention::structural_support);
  const double support_hours = week.params.plan.network_support_hours;
  for (Group& group : week.state.write<Column::groups>()) {
    if (!group.network) continue;
    group.meets_this_week = false;
    if (supported) {
      week.state.write<Column::hours>().network_support += support_hours;
      week.state.write<Column::spending>().charge(Intervention::structural_support,
                                                  {support_hours, 0, 0});
    }
    if (!network_due(week, group)) continue;
    Spending& spending = week.state.write<Column::spending>();
    if (!meeting) {
      // Off, outside its window, or stopped by the budget: only the last is a skip.
      if (spending.stopped(Intervention::parent_network))
        spending.meeting_skipped(MeetingSkip::no_budget);
      continue;
    }
    group.volunteer = group.driver;
    if (group.volunteer < 0 && !supported) {
      spending.meeting_skipped(MeetingSkip::no_driver);
      continue;
    }
    if (group.volunteer < 0 &&
        !professional_facilitates(week, group, Intervention::structural_support)) {
      spending.meeting_skipped(group.professional == kNoAgent ? MeetingSkip::no_facilitator
                                                              : MeetingSkip::no_hours);
      continue;
    }
    spending.charge(Intervention::parent_network, {0, 0, 1});
    spending.meeting_held();
    group.meets_this_week = true;
  }
}

}  // namespace

std::vector<ParamSpec> ParentNetworkPlan::specs() {
  return bought({flag_param("parent_network", false, "M19, M20", "seed 004",
                            "regional parent networks driven by a parent"),
                 integer_param("network_interval_weeks", 4, 1, 52, "weeks", "M20", "scenario",
                               "weeks between a parent network's meetings")});
}

void ParentNetworkPlan::read(const ParamValues& values) {
  parent_network = values.flag(outreach_key("parent_network"));
  network_interval_weeks = values.real(outreach_key("network_interval_weeks"));
}

ProgrammeSpec parent_network_programme() {
  ProgrammeSpec spec{Intervention::parent_network,
                     {"parent_network", "parent networks", "member attending", "network meeting",
                      "M19, M20", 0, 0, 40, 500, kStandardRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::groups}), {}, {}};
  spec.setup = {columns({Column::competence}),
                columns({Column::network_of, Column::groups, Column::volunteer}),
                {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.parent_network; };
  return spec;
}

StepInfo parent_network_step() {
  return {"network_meetings",
          StepKind::intervention,
          "M19, M20",
          "seed 003",
          "living parent networks due meet, led by their driver or a supporting professional",
          {columns({Column::running}),
           columns({Column::groups, Column::hours_left, Column::hours, Column::spending}),
           {}},
          nullptr,
          host_networks};
}

}  // namespace village::parent_support
