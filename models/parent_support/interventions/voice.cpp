// Parent voice (M21; seed 003): a parent panel or survey every voice_interval_weeks; while
// it runs, meetings and evenings fit parents better (mechanisms/groups.cpp, voice_fit_gain).

#include "models/parent_support/interventions/programme.hpp"

namespace village::parent_support {

namespace {

bool panel_due(const Week& week) {
  const OutreachPlan& plan = week.params.plan;
  return plan.due(Intervention::voice, week.week, plan.voice_interval_weeks);
}

Use most_use(Week& week) {
  return panel_due(week) ? Use{week.params.plan.voice_hours_per_meeting, 0, 1} : Use{};
}

void hold_panel(Week& week) {
  if (!runs(week.state.read<Column::running>(), Intervention::voice) || !panel_due(week)) return;
  const double hours = week.params.plan.voice_hours_per_meeting;
  week.state.write<Column::hours>().voice += hours;
  week.state.write<Column::spending>().charge(Intervention::voice, {hours, 0, 1});
}

}  // namespace

ProgrammeSpec voice_programme() {
  ProgrammeSpec spec{Intervention::voice,
                     {"voice", "parent panel or survey", "", "panel meeting", "M21", 75, 0, 50,
                      1000, kStandardRates}};
  spec.most_use = most_use;
  return spec;
}

StepInfo voice_step() {
  return {"voice",
          StepKind::intervention,
          "M21",
          "seed 003",
          "the parent panel meets",
          {columns({Column::running}), columns({Column::hours, Column::spending}), {}},
          nullptr,
          hold_panel};
}

}  // namespace village::parent_support
