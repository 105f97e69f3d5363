// The newsletter (M4; seed 000 tip 2): an issue every newsletter_interval_weeks to every
// parent; parents read it when they take in their week (mechanisms/trust.cpp).

#include "models/parent_support/interventions/programme.hpp"

namespace village::parent_support {

namespace {

bool issue_due(const Week& week) {
  const OutreachPlan& plan = week.params.plan;
  return plan.due(Intervention::newsletter, week.week, plan.newsletter_interval_weeks);
}

Use issue(const Week& week) {
  return {week.params.plan.newsletter_hours_per_issue,
          static_cast<double>(week.view.parents.size()), 1};
}

Use most_use(Week& week) {
  return issue_due(week) ? issue(week) : Use{};
}

void close_week(Week& week) {
  if (!issue_due(week)) return;
  week.state.write<Column::hours>().newsletter += week.params.plan.newsletter_hours_per_issue;
  week.state.write<Column::spending>().charge(Intervention::newsletter, issue(week));
}

}  // namespace

ProgrammeSpec newsletter_programme() {
  ProgrammeSpec spec{Intervention::newsletter,
                     {"newsletter", "newsletter", "copy sent to a parent", "issue", "M4", 60, 0,
                      250, 0, kStandardRates}};
  spec.most_use = most_use;
  spec.close_week = close_week;
  spec.close = {{}, columns({Column::hours, Column::spending}), {}};
  return spec;
}

}  // namespace village::parent_support
