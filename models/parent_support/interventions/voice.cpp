// Parent voice (M21; seed 004): a parent panel or survey every voice_interval_weeks; each
// meeting asks for changes that make groups, evenings and newsletters fit parents better
// after a lag (mechanisms/fit.cpp).

#include "models/parent_support/interventions/voice.hpp"

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

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
  week.state.write<Column::voice_changes>().push_back(static_cast<std::uint32_t>(week.week));
}

}  // namespace

std::vector<ParamSpec> VoicePlan::specs() {
  return bought(
      {flag_param("voice", false, "M21", "seed 004; seed 000 tip 4",
                  "a parent panel or survey asks for changes that tailor groups, evenings and "
                  "newsletters to parents' needs"),
       plausible(
           integer_param("voice_interval_weeks", 8, 1, 52, "weeks", "M21", "assumption, swept",
                         "weeks between the panel's meetings (or survey rounds)"),
           4, 13, "judgement: from monthly to quarterly panel meetings"),
       plausible(real_param("voice_hours_per_meeting", 6, 0, 400, "hours per meeting", "M21",
                            "assumption, swept",
                            "professional hours to prepare, chair and report a panel meeting"),
                 3, 10, "judgement: half to one and a half days to prepare, chair and report")});
}

void VoicePlan::read(const ParamValues& values) {
  voice = values.flag(outreach_key("voice"));
  voice_interval_weeks = values.real(outreach_key("voice_interval_weeks"));
  voice_hours_per_meeting = values.real(outreach_key("voice_hours_per_meeting"));
}

ProgrammeSpec voice_programme() {
  ProgrammeSpec spec{Intervention::voice,
                     {"voice", "parent panel or survey", "", "panel meeting", "M21", 75, 0, 50,
                      1000, kStandardRates}};
  spec.most_use = most_use;
  spec.switched_on = [](const OutreachPlan& plan) { return plan.voice; };
  return spec;
}

StepInfo voice_step() {
  return {"voice",
          StepKind::intervention,
          "M21",
          "seed 004",
          "the parent panel meets and asks for changes",
          {columns({Column::running}),
           columns({Column::hours, Column::spending, Column::voice_changes}),
           {}},
          nullptr,
          hold_panel};
}

}  // namespace village::parent_support
