// The parent influencer panel (M4; seed 000, Sudwest-Fryslan): every parent influencer
// posts influencer_posts_per_week; followers see the posts when they take in their week
// (mechanisms/trust.cpp); the programme pays the influencers' coordination.

#include <algorithm>

#include "models/community_schema.hpp"
#include "models/parent_support/interventions/programme.hpp"
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

ProgrammeSpec influencer_panel_programme() {
  ProgrammeSpec spec{Intervention::influencer_panel,
                     {"influencer_panel", "parent influencer panel", "post", "", "M4", 60, 0, 0,
                      2500, kStandardRates}};
  spec.most_use = most_use;
  spec.close_week = close_week;
  spec.close = {{}, columns({Column::hours, Column::spending}), {}};
  return spec;
}

}  // namespace village::parent_support
