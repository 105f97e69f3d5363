// Theme evenings at school (M1, M8, M17; seed 000 tip 3): every school holds an evening on
// agreements every theme_evening_interval_weeks (staggered by school); who comes and what
// it does is mechanisms/groups.cpp (evenings).

#include "models/parent_support/interventions/theme_evenings.hpp"

#include <algorithm>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

bool evening_due(const Week& week, const AgentLists& school_parents, std::size_t school) {
  const OutreachPlan& plan = week.params.plan;
  return !school_parents[school].empty() &&
         plan.due(Intervention::theme_evenings, week.week, plan.theme_evening_interval_weeks,
                  static_cast<double>(school % 13));
}

void initialize(Week& week) {
  const CommunityView& view = week.view;
  auto& school_parents = week.state.write<Column::school_parents>();
  school_parents.assign(view.schools, {});
  for (NodeId p = 0; p < view.parents.size(); ++p)
    school_parents[view.parent_school[p]].push_back(p);
  week.state.write<Column::evening_school>().assign(view.schools, 0);
}

Use most_use(Week& week) {
  const auto& school_parents = week.state.read<Column::school_parents>();
  Use most;
  for (std::size_t s = 0; s < school_parents.size(); ++s) {
    if (!evening_due(week, school_parents, s)) continue;
    most +=
        {week.params.plan.theme_evening_hours, static_cast<double>(school_parents[s].size()), 1};
  }
  return most;
}

void schedule_evenings(Week& week) {
  auto& evening_school = week.state.write<Column::evening_school>();
  std::fill(evening_school.begin(), evening_school.end(), 0);
  const bool running = runs(week.state.read<Column::running>(), Intervention::theme_evenings);
  const auto& school_parents = week.state.read<Column::school_parents>();
  WeekHours& hours = week.state.write<Column::hours>();
  Spending& spending = week.state.write<Column::spending>();
  const double cost = week.params.plan.theme_evening_hours;
  for (std::size_t s = 0; s < evening_school.size(); ++s) {
    if (!evening_due(week, school_parents, s)) continue;
    if (!running) {
      // Off, outside its window, or stopped by the budget: only the last is a skip.
      if (spending.stopped(Intervention::theme_evenings))
        spending.meeting_skipped(MeetingSkip::no_budget);
      continue;
    }
    evening_school[s] = 1;
    hours.theme_evenings += cost;
    spending.charge(Intervention::theme_evenings, {cost, 0, 1});
    spending.meeting_held();
  }
}

}  // namespace

std::vector<ParamSpec> ThemeEveningsPlan::specs() {
  return bought(
      {flag_param("theme_evenings", false, "M1, M8, M17",
                  "seed 002 sec. 1; seed 000 tip 3 (Urk, Hardenberg)",
                  "schools hold parent evenings on agreements about limits"),
       integer_param("theme_evening_interval_weeks", 13, 1, 520, "weeks", "M17", "scenario",
                     "weeks between a school's theme evenings"),
       plausible(real_param("theme_evening_hours", 4, 0, 100, "hours per evening", "M22",
                            "assumption, swept", "professional hours for one school's evening"),
                 3, 8,
                 "judgement: the evening itself plus from one to five hours of preparation")});
}

void ThemeEveningsPlan::read(const ParamValues& values) {
  theme_evenings = values.flag(outreach_key("theme_evenings"));
  theme_evening_interval_weeks = values.real(outreach_key("theme_evening_interval_weeks"));
  theme_evening_hours = values.real(outreach_key("theme_evening_hours"));
}

ProgrammeSpec theme_evenings_programme() {
  ProgrammeSpec spec{Intervention::theme_evenings,
                     {"theme_evenings", "theme evenings at school", "parent attending", "evening",
                      "M1, M8, M17", 75, 0, 150, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::school_parents}), {}, {}};
  spec.setup = {{}, columns({Column::school_parents, Column::evening_school}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.theme_evenings; };
  return spec;
}

StepInfo theme_evenings_step() {
  return {"theme_evenings",
          StepKind::intervention,
          "M1, M8, M17",
          "seed 000 tip 3",
          "schools due hold their theme evening",
          {columns({Column::running, Column::school_parents}),
           columns({Column::evening_school, Column::hours, Column::spending}),
           {}},
          nullptr,
          schedule_evenings};
}

}  // namespace village::parent_support
