// The parent support point (M6, M20, M21; seed 004): support_point_hours a week of a
// place parents can walk into with a question (mechanisms/support_point.cpp); its
// visitors join parent networks more readily (mechanisms/volunteers.cpp).

#include "models/parent_support/interventions/parent_support_point.hpp"

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

Use most_use(Week& week) {
  return {week.params.plan.support_point_hours, 0, 0};
}

void staff(Week& week) {
  if (!runs(week.state.read<Column::running>(), Intervention::parent_support_point)) return;
  const double hours = week.params.plan.support_point_hours;
  week.state.write<Column::hours>().support_point += hours;
  week.state.write<Column::spending>().charge(Intervention::parent_support_point, {hours, 0, 0});
}

}  // namespace

std::vector<ParamSpec> SupportPointPlan::specs() {
  return bought({flag_param("parent_support_point", false, "M6, M20, M21", "seed 004",
                            "a parent support point: information, questions, contact with other "
                            "parents"),
                 plausible(real_param("support_point_hours", 16, 0, 400, "hours per week", "M22",
                                      "assumption, swept", "staff hours of the support point"),
                           8, 32, "judgement: staffed one to four days a week")});
}

void SupportPointPlan::read(const ParamValues& values) {
  parent_support_point = values.flag(outreach_key("parent_support_point"));
  support_point_hours = values.real(outreach_key("support_point_hours"));
}

ProgrammeSpec parent_support_point_programme() {
  ProgrammeSpec spec{Intervention::parent_support_point,
                     {"parent_support_point", "parent support point", "", "", "M6, M20, M21", 60, 0,
                      0, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.switched_on = [](const OutreachPlan& plan) { return plan.parent_support_point; };
  return spec;
}

StepInfo parent_support_point_step() {
  return {"support_point",
          StepKind::intervention,
          "M6, M20, M21",
          "seed 003",
          "the parent support point is staffed",
          {columns({Column::running}), columns({Column::hours, Column::spending}), {}},
          nullptr,
          staff};
}

}  // namespace village::parent_support
