// Recurring parent groups (M8-M14; seed 001, seed 000 tip 3): groups_per_1000 courses
// per 1,000 households, each inviting group_invited parents of its neighbourhood (or of
// one community, like-minded) in group_targeting's order; they meet on group_schedule.hpp's
// schedule, facilitated by a volunteer member or the neighbourhood's professional.
// What happens at a meeting is mechanisms/groups.cpp.

#include <algorithm>
#include <cmath>

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/parent_targeting.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kInvite = purpose("ps.group.invite");
constexpr std::uint64_t kInviteRanking = purpose("ps.group.invite_ranking");

// Whom courses invite first, on the network at the outset (empty: a uniform sample).
std::vector<std::uint32_t> invitation_ranking(Week& week, const AgentLists& by_place,
                                              std::size_t count) {
  const OutreachPlan& plan = week.params.plan;
  if (plan.group_targeting == "random") return {};
  ParentRanking ranking{plan.group_targeting,
                        week.params.support.support_threshold,
                        count * static_cast<std::size_t>(plan.group_invited),
                        {},
                        kInviteRanking};
  // Greedy influence picks its seeds among the parents of the groups' neighbourhoods
  // (like-minded groups may invite from anywhere).
  if (!plan.group_like_minded && count < week.view.neighbourhoods) {
    for (std::size_t g = 0; g < count; ++g) {
      const auto& local = by_place[g % week.view.neighbourhoods];
      ranking.candidates.insert(ranking.candidates.end(), local.begin(), local.end());
    }
  }
  week.state.read<Column::friend_ties>();  // the ranking rules read it
  return rank_parents(week.world, week.view, ranking, week.rng, 0);
}

// The parents a course may invite: those of its neighbourhood not yet invited, or, like
// minded, of one community: that of a random parent of the neighbourhood, its parents of
// the neighbourhood first, then of elsewhere.
std::vector<NodeId> invitation_pool(Week& week, const std::vector<NodeId>& local,
                                    std::uint32_t place, DrawSequence& draws) {
  const CommunityView& view = week.view;
  const auto& group_of = week.state.write<Column::group_of>();
  const auto invited = static_cast<std::size_t>(week.params.plan.group_invited);
  std::vector<NodeId> pool;
  if (!week.params.plan.group_like_minded || local.empty()) {
    for (NodeId p : local) {
      if (group_of[p] < 0) pool.push_back(p);
    }
    return pool;
  }
  const std::int32_t community = view.parent_community[local[draws.below(local.size())]];
  for (NodeId p : local) {
    if (view.parent_community[p] == community && group_of[p] < 0) pool.push_back(p);
  }
  if (pool.size() >= invited) return pool;
  for (NodeId p = 0; p < view.parents.size() && pool.size() < 4 * invited; ++p) {
    if (view.parent_community[p] == community && group_of[p] < 0 &&
        view.parent_neighbourhood[p] != place)
      pool.push_back(p);
  }
  return pool;
}

void initialize(Week& week) {
  const CommunityView& view = week.view;
  const OutreachPlan& plan = week.params.plan;
  const NodeId parents = view.parents.size();
  auto& group_of = week.state.write<Column::group_of>();
  auto& groups = week.state.write<Column::groups>();
  group_of.assign(parents, -1);
  groups.clear();
  if (!plan.parent_groups || parents == 0) return;
  AgentLists by_place(view.neighbourhoods);
  for (NodeId p = 0; p < parents; ++p)
    by_place[view.parent_neighbourhood[p]].push_back(p);
  const auto count = static_cast<std::size_t>(
      std::max(1.0, std::round(plan.groups_per_1000 * static_cast<double>(parents) / 1000.0)));
  const bool ranked = plan.group_targeting != "random";
  const auto position = invitation_ranking(week, by_place, count);
  for (std::size_t g = 0; g < count; ++g) {
    Group group;
    group.neighbourhood = static_cast<std::uint32_t>(g % view.neighbourhoods);
    group.professional = view.facilitator_in(group.neighbourhood);
    group.offset =
        static_cast<std::uint32_t>(g % static_cast<std::size_t>(plan.group_interval_weeks));
    DrawSequence draws(week.rng, 0, g, kInvite);
    std::vector<NodeId> pool =
        invitation_pool(week, by_place[group.neighbourhood], group.neighbourhood, draws);
    // The first of the pool by the rule, or a uniform sample by a partial Fisher-Yates
    // shuffle.
    const std::size_t take = std::min(static_cast<std::size_t>(plan.group_invited), pool.size());
    if (ranked) order_pool(pool, position, plan.group_targeting, view);
    for (std::size_t i = 0; i < take; ++i) {
      if (!ranked) std::swap(pool[i], pool[i + draws.below(pool.size() - i)]);
      group.members.push_back(pool[i]);
      group_of[pool[i]] = static_cast<std::int32_t>(groups.size());
    }
    std::sort(group.members.begin(), group.members.end());
    groups.push_back(std::move(group));
  }
}

Use most_use(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  Use most;
  for (const Group& group : week.state.read<Column::groups>()) {
    if (course_due(week, group)) most += {plan.group_hours, plan.group_size, 1};
  }
  return most;
}

// The courses due this week meet if a volunteer member (volunteer_facilitators) or their
// professional facilitates.
void host_courses(Week& week) {
  auto& groups = week.state.write<Column::groups>();
  const auto& volunteer = week.state.read<Column::volunteer>();
  const bool running = runs(week.state.read<Column::running>(), Intervention::parent_groups);
  for (Group& group : groups) {
    if (group.network) continue;
    group.meets_this_week = false;
    if (!running || !course_due(week, group)) continue;
    group.volunteer = -1;
    if (week.params.plan.volunteer_facilitators) {
      const auto it = std::find_if(group.members.begin(), group.members.end(),
                                   [&](NodeId m) { return volunteer[m] != 0; });
      if (it != group.members.end()) group.volunteer = *it;
    }
    if (group.volunteer < 0 && !professional_facilitates(week, group, Intervention::parent_groups))
      continue;
    week.state.write<Column::spending>().charge(Intervention::parent_groups, {0, 0, 1});
    group.meets_this_week = true;
  }
}

}  // namespace

ProgrammeSpec parent_groups_programme() {
  ProgrammeSpec spec{Intervention::parent_groups,
                     {"parent_groups", "recurring parent groups", "parent attending", "meeting",
                      "M8-M14", 75, 2, 40, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::groups}), {}, {}};
  spec.setup = {columns({Column::friend_ties}), columns({Column::group_of, Column::groups}), {}};
  return spec;
}

StepInfo parent_groups_step() {
  return {"group_courses",
          StepKind::intervention,
          "M8, M21",
          "seed 001; seed 000 tip 3",
          "courses due meet, facilitated by a volunteer member or their professional",
          {columns({Column::running, Column::volunteer}),
           columns({Column::groups, Column::hours_left, Column::hours, Column::spending}),
           columns({Column::volunteer})},
          nullptr,
          host_courses};
}

}  // namespace village::parent_support
