// Structural support for parent networks (M20; seed 003): a professional spends
// network_support_hours a week on every parent network, facilitates its meetings when it
// has no driver, and finds a new driver when the old one leaves. It is delivered with
// the networks' meetings (parent_network.cpp) and in their life (mechanisms/volunteers.cpp).

#include "models/parent_support/interventions/structural_support.hpp"

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

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

std::vector<ParamSpec> StructuralSupportPlan::specs() {
  return bought(
      {flag_param("structural_support", false, "M20", "seed 004",
                  "professionals support the parent networks structurally"),
       plausible(real_param("network_support_hours", 2, 0, 40, "hours per network per week", "M20",
                            "assumption, swept", "professional hours of structural support"),
                 1, 4, "judgement: half to double the default two hours a week")});
}

void StructuralSupportPlan::read(const ParamValues& values) {
  structural_support = values.flag(outreach_key("structural_support"));
  network_support_hours = values.real(outreach_key("network_support_hours"));
}

ProgrammeSpec structural_support_programme() {
  ProgrammeSpec spec{Intervention::structural_support,
                     {"structural_support", "structural support for parent networks", "", "", "M20",
                      75, 0, 0, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.reserve = {columns({Column::groups}), {}, {}};
  spec.switched_on = [](const OutreachPlan& plan) {
    return plan.structural_support && plan.parent_network;
  };
  return spec;
}

}  // namespace village::parent_support
