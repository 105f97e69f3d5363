// The parent support point (M6, M20, M21; seed 003): support_point_hours a week of a
// place parents can walk into; it draws parents into parent networks
// (mechanisms/volunteers.cpp, support_point_pull).

#include "models/parent_support/interventions/programme.hpp"

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

ProgrammeSpec parent_support_point_programme() {
  ProgrammeSpec spec{Intervention::parent_support_point,
                     {"parent_support_point", "parent support point", "", "", "M6, M20, M21", 60, 0,
                      0, 2500, kStandardRates}};
  spec.most_use = most_use;
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
