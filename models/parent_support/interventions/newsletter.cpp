// The newsletter (M4; seed 000 tip 2): an issue every newsletter_interval_weeks to every
// parent; parents read it when they take in their week (mechanisms/trust.cpp).

#include "models/parent_support/interventions/newsletter.hpp"

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

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

std::vector<ParamSpec> NewsletterPlan::specs() {
  return bought(
      {integer_param("newsletter_interval_weeks", 0, 0, 520, "weeks", "M4", "seed 002 sec. 6",
                     "weeks between newsletter issues to all parents (0: no newsletter)"),
       plausible(real_param("newsletter_hours_per_issue", 6, 0, 1000, "hours per issue", "M4",
                            "assumption, swept", "programme hours to write and send one issue"),
                 3, 12, "judgement: half a day to a day and a half to write and send an issue")});
}

void NewsletterPlan::read(const ParamValues& values) {
  newsletter_interval_weeks = values.real(outreach_key("newsletter_interval_weeks"));
  newsletter_hours_per_issue = values.real(outreach_key("newsletter_hours_per_issue"));
}

ProgrammeSpec newsletter_programme() {
  ProgrammeSpec spec{Intervention::newsletter,
                     {"newsletter", "newsletter", "copy sent to a parent", "issue", "M4", 60, 0,
                      250, 0, kStandardRates}};
  spec.most_use = most_use;
  spec.close_week = close_week;
  spec.close = {{}, columns({Column::hours, Column::spending}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.newsletter_interval_weeks > 0; };
  return spec;
}

}  // namespace village::parent_support
