// The buddy programme (M19; seed 001): each volunteer takes on one more vulnerable parent
// of its neighbourhood a week, up to buddies_per_volunteer, volunteers in parent order:
// the first not yet buddied in buddy_targeting's order (random: a uniform random order),
// ranked on the network as it is in the programme's first week. Every rule matches
// through the same first-not-buddied step, so rules differ in whom, not in how many.

#include "models/parent_support/interventions/buddy_programme.hpp"

#include <algorithm>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/parent_targeting.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kBuddyRanking = purpose("ps.buddy.ranking");

void initialize(Week& week) {
  const CommunityView& view = week.view;
  auto& candidates = week.state.write<Column::buddy_candidates>();
  candidates.assign(view.neighbourhoods, {});
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    if (view.vulnerable[p]) candidates[view.parent_neighbourhood[p]].push_back(p);
  }
  week.state.write<Column::buddies>().assign(view.parents.size(), 0);
  week.state.write<Column::buddied>().assign(view.parents.size(), 0);
  week.state.write<Column::buddies_ranked>() = false;
}

double volunteers(const Flags& volunteer) {
  return static_cast<double>(std::count(volunteer.begin(), volunteer.end(), 1));
}

Use most_use(Week& week) {
  const double count = volunteers(week.state.read<Column::volunteer>());
  return {week.params.plan.buddy_coordination_hours * count, count, 0};
}

void rank_candidates(Week& week, AgentLists& pools) {
  const OutreachPlan& plan = week.params.plan;
  ParentRanking ranking{
      plan.buddy_targeting, week.params.support.support_threshold, 0, {}, kBuddyRanking};
  for (const auto& pool : pools)
    ranking.candidates.insert(ranking.candidates.end(), pool.begin(), pool.end());
  std::sort(ranking.candidates.begin(), ranking.candidates.end());
  ranking.wanted = ranking.candidates.size();
  const auto position = rank_parents(week.world, week.view, ranking, week.rng, week.week);
  for (auto& pool : pools)
    order_pool(pool, position, plan.buddy_targeting, week.view);
}

void match(Week& week) {
  if (!runs(week.state.read<Column::running>(), Intervention::buddy_programme)) return;
  const CommunityView& view = week.view;
  const OutreachPlan& plan = week.params.plan;
  auto& pools = week.state.write<Column::buddy_candidates>();
  bool& ranked = week.state.write<Column::buddies_ranked>();
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  if (!ranked) rank_candidates(week, pools);
  ranked = true;
  const auto& volunteer = week.state.read<Column::volunteer>();
  auto& buddies = week.state.write<Column::buddies>();
  auto& buddied = week.state.write<Column::buddied>();
  const auto strength = static_cast<float>(week.params.volunteers.buddy_strength);
  const float values[3] = {strength, strength, static_cast<float>(week.week)};
  double count = 0, matched = 0;
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    if (!volunteer[p]) continue;
    ++count;
    if (buddies[p] >= plan.buddies_per_volunteer) continue;
    const auto& pool = pools[view.parent_neighbourhood[p]];
    const auto next =
        std::find_if(pool.begin(), pool.end(), [&](NodeId q) { return q != p && !buddied[q]; });
    if (next == pool.end()) continue;
    friends.stage_edge(view.parents.begin + p, view.parents.begin + *next, values);
    buddied[*next] = 1;
    ++buddies[p];
    ++matched;
  }
  week.state.write<Column::hours>().buddies += plan.buddy_coordination_hours * count;
  week.state.write<Column::spending>().charge(Intervention::buddy_programme,
                                              {plan.buddy_coordination_hours * count, matched, 0});
  if (friends.staged_count() > 0) friends.rebuild();
}

}  // namespace

std::vector<ParamSpec> BuddyPlan::specs() {
  return bought(
      {flag_param("buddy_programme", false, "M19", "seed 004 (parent buddies); seed 001",
                  "volunteer parents each buddy vulnerable parents of their neighbourhood"),
       plausible(integer_param("buddies_per_volunteer", 2, 1, 100, "parents", "M19", "assumption",
                               "vulnerable parents one volunteer buddies"),
                 1, 4, "judgement: buddy schemes pair a volunteer with one family or a few"),
       plausible(
           real_param("buddy_coordination_hours", 0.5, 0, 40, "hours per volunteer per week", "M19",
                      "assumption, swept", "programme hours to match and support one buddy"),
           0.25, 1.0, "judgement: a coordinator's quarter hour to hour a week per volunteer"),
       choice_param("buddy_targeting", "random", parent_rules(), "M12, M19",
                    "seed 004 (parent buddies); Valente 2012",
                    "rule that orders the vulnerable parents of a neighbourhood that "
                    "volunteers buddy (parent_targeting.hpp)")});
}

void BuddyPlan::read(const ParamValues& values) {
  buddy_programme = values.flag(outreach_key("buddy_programme"));
  buddies_per_volunteer = values.real(outreach_key("buddies_per_volunteer"));
  buddy_coordination_hours = values.real(outreach_key("buddy_coordination_hours"));
  buddy_targeting = values.text(outreach_key("buddy_targeting"));
}

ProgrammeSpec buddy_programme_programme() {
  ProgrammeSpec spec{Intervention::buddy_programme,
                     {"buddy_programme", "buddy programme", "buddy matched", "", "M19", 60, 50, 0,
                      2500, kStandardRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::volunteer}), {}, {}};
  spec.setup = {
      {},
      columns({Column::buddy_candidates, Column::buddies, Column::buddied, Column::buddies_ranked}),
      {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.buddy_programme; };
  return spec;
}

StepInfo buddy_programme_step() {
  return {"buddies",
          StepKind::intervention,
          "M19",
          "seed 001",
          "volunteers each take on one more vulnerable parent of their neighbourhood",
          {columns({Column::running, Column::volunteer}),
           columns({Column::buddy_candidates, Column::buddies_ranked, Column::friend_ties,
                    Column::buddies, Column::buddied, Column::hours, Column::spending}),
           columns({Column::volunteer})},
          nullptr,
          match};
}

}  // namespace village::parent_support
