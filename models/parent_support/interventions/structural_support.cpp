// Structural support for parent networks (M20; seed 003): a professional spends
// network_support_hours a week on every parent network, facilitates its meetings when it
// has no driver, and finds a new driver when the old one leaves. It is delivered with
// the networks' meetings (parent_network.cpp) and in their life (mechanisms/volunteers.cpp).

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"

namespace village::parent_support {

namespace {

Use most_use(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  Use most;
  for (const Group& group : week.state.read<Column::groups>()) {
    if (!group.network) continue;
    most.hours += plan.network_support_hours + (network_due(week, group) ? plan.group_hours : 0);
  }
  return most;
}

}  // namespace

ProgrammeSpec structural_support_programme() {
  ProgrammeSpec spec{Intervention::structural_support,
                     {"structural_support", "structural support for parent networks", "", "", "M20",
                      75, 0, 0, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.reserve = {columns({Column::groups}), {}, {}};
  return spec;
}

}  // namespace village::parent_support
