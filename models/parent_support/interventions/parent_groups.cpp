// Recurring parent groups (M8-M14; seed 001, seed 000 tip 3): groups_per_1000 courses
// per 1,000 households, each inviting group_invited parents of its neighbourhood (or of
// one community, like-minded) in group_targeting's order; they meet on group_schedule.hpp's
// schedule, facilitated by a volunteer member or the neighbourhood's professional.
// What happens at a meeting is mechanisms/groups.cpp.

#include "models/parent_support/interventions/parent_groups.hpp"

#include <algorithm>
#include <cmath>

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"
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
  Spending& spending = week.state.write<Column::spending>();
  for (Group& group : groups) {
    if (group.network) continue;
    group.meets_this_week = false;
    if (!course_due(week, group)) continue;
    if (!running) {
      // Off, outside its window, or stopped by the budget: only the last is a skip.
      if (spending.stopped(Intervention::parent_groups))
        spending.meeting_skipped(MeetingSkip::no_budget);
      continue;
    }
    group.volunteer = -1;
    if (week.params.plan.volunteer_facilitators) {
      const auto it = std::find_if(group.members.begin(), group.members.end(),
                                   [&](NodeId m) { return volunteer[m] != 0; });
      if (it != group.members.end()) group.volunteer = *it;
    }
    if (group.volunteer < 0 &&
        !professional_facilitates(week, group, Intervention::parent_groups)) {
      spending.meeting_skipped(group.professional == kNoAgent ? MeetingSkip::no_facilitator
                                                              : MeetingSkip::no_hours);
      continue;
    }
    spending.charge(Intervention::parent_groups, {0, 0, 1});
    spending.meeting_held();
    group.meets_this_week = true;
  }
}

}  // namespace

std::vector<ParamSpec> ParentGroupsPlan::specs() {
  return bought(
      {flag_param("parent_groups", false, "M8-M14", "seed 001; seed 000 tips 3, 5",
                  "recurring parent groups with a facilitator, per neighbourhood"),
       real_param("groups_per_1000", 1, 0, 1000, "groups per 1000 households", "M8", "scenario",
                  "parent groups (at least one when switched on)"),
       integer_param("group_size", 12, 2, 1000, "parents", "M10", "seed 001 ch. 3 (size matters)",
                     "most parents at one meeting"),
       integer_param("group_invited", 40, 1, 1e6, "parents", "M8", "scenario",
                     "parents invited to each group"),
       integer_param("group_interval_weeks", 2, 1, 52, "weeks", "M8", "scenario",
                     "weeks between a group's meetings"),
       integer_param("group_sessions", 8, 1, 1000, "meetings", "M8", "scenario",
                     "meetings in a group's course"),
       flag_param("group_like_minded", false, "M10", "seed 001 ch. 3",
                  "invite each group from one community (like-minded) instead of from its "
                  "neighbourhood (mixed)"),
       share_param("group_structure", 0.5, "structure", "M9", "seed 001 ch. 2",
                   "how structured the programme is (0: open, 1: fixed programme)"),
       flag_param("volunteer_facilitators", false, "M19", "seed 001",
                  "volunteer parents facilitate groups where there are any"),
       plausible(
           real_param("group_hours", 3, 0, 40, "hours per meeting", "M22", "assumption, swept",
                      "professional hours to prepare and facilitate one meeting"),
           2, 5, "judgement: a meeting of 1.5 to 2 hours plus its preparation"),
       real_param("group_fee_euros", 0, 0, 1000, "euros per meeting", "M8",
                  "seed 001 (low or no fees)", "what a parent pays to attend a meeting"),
       integer_param("maintenance_interval_weeks", 0, 0, 520, "weeks", "M14",
                     "Barlow et al. 2014 (effects fade without maintenance)",
                     "after its course, a group meets every this many weeks (0: no "
                     "maintenance meetings)"),
       choice_param("group_targeting", "random", parent_rules(), "M8, M10",
                    "Valente 2012 (network interventions); assumption",
                    "rule that orders the parents a parent group invites from its "
                    "neighbourhood or community (parent_targeting.hpp)")});
}

void ParentGroupsPlan::read(const ParamValues& values) {
  parent_groups = values.flag(outreach_key("parent_groups"));
  groups_per_1000 = values.real(outreach_key("groups_per_1000"));
  group_size = values.real(outreach_key("group_size"));
  group_invited = values.real(outreach_key("group_invited"));
  group_interval_weeks = values.real(outreach_key("group_interval_weeks"));
  group_sessions = values.real(outreach_key("group_sessions"));
  group_like_minded = values.flag(outreach_key("group_like_minded"));
  group_structure = values.real(outreach_key("group_structure"));
  volunteer_facilitators = values.flag(outreach_key("volunteer_facilitators"));
  group_hours = values.real(outreach_key("group_hours"));
  group_fee_euros = values.real(outreach_key("group_fee_euros"));
  maintenance_interval_weeks = values.real(outreach_key("maintenance_interval_weeks"));
  group_targeting = values.text(outreach_key("group_targeting"));
}

ProgrammeSpec parent_groups_programme() {
  ProgrammeSpec spec{Intervention::parent_groups,
                     {"parent_groups", "recurring parent groups", "parent attending", "meeting",
                      "M8-M14", 75, 2, 40, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::groups}), {}, {}};
  spec.setup = {columns({Column::friend_ties}), columns({Column::group_of, Column::groups}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.parent_groups; };
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
