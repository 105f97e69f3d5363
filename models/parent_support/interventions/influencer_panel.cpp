// The parent influencer panel (M4; seed 000, Sudwest-Fryslan): every parent influencer
// posts influencer_posts_per_week; followers see the posts when they take in their week
// (mechanisms/trust.cpp); the programme pays the influencers' coordination.

#include "models/parent_support/interventions/influencer_panel.hpp"

#include <algorithm>

#include "models/community_schema.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"

namespace village::parent_support {

namespace {

double influencers(const CommunityView& view) {
  return static_cast<double>(
      std::count(view.key_figure_role.begin(), view.key_figure_role.end(),
                 static_cast<std::uint8_t>(community::KeyFigureRole::parent_influencer)));
}

Use week_use(const Week& week) {
  const OutreachPlan& plan = week.params.plan;
  const double count = influencers(week.view);
  return {plan.influencer_coordination_hours * count,
          events_in_week(plan.influencer_posts_per_week, week.week) * count, 0};
}

Use most_use(Week& week) {
  return week_use(week);
}

void close_week(Week& week) {
  const Use used = week_use(week);
  week.state.write<Column::hours>().influencer_panel += used.hours;
  week.state.write<Column::spending>().charge(Intervention::influencer_panel, used);
}

}  // namespace

std::vector<ParamSpec> InfluencerPlan::specs() {
  return bought(
      {flag_param("influencer_panel", false, "M4, M21", "seed 000 tip 4 (Sudwest-Fryslan)",
                  "parent influencers post about parenting and prevention"),
       plausible(
           real_param("influencer_posts_per_week", 1, 0, 50, "posts per influencer per week", "M4",
                      "assumption, swept", "posts each influencer makes in a programme week"),
           0.5, 3, "judgement: from a post a fortnight to a few a week"),
       plausible(real_param("influencer_coordination_hours", 0.5, 0, 40,
                            "hours per influencer per week", "M4", "assumption, swept",
                            "programme hours to support one influencer of the panel"),
                 0.25, 1.0,
                 "judgement: a quarter hour to an hour a week of support per influencer")});
}

void InfluencerPlan::read(const ParamValues& values) {
  influencer_panel = values.flag(outreach_key("influencer_panel"));
  influencer_posts_per_week = values.real(outreach_key("influencer_posts_per_week"));
  influencer_coordination_hours = values.real(outreach_key("influencer_coordination_hours"));
}

ProgrammeSpec influencer_panel_programme() {
  ProgrammeSpec spec{Intervention::influencer_panel,
                     {"influencer_panel", "parent influencer panel", "post", "", "M4", 60, 0, 0,
                      2500, kStandardRates}};
  spec.most_use = most_use;
  spec.close_week = close_week;
  spec.close = {{}, columns({Column::hours, Column::spending}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.influencer_panel; };
  return spec;
}

}  // namespace village::parent_support
