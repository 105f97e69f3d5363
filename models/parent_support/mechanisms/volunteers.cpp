// M19, M20 (seed 001; seed 004): volunteers and fragile parent networks; parameters
// and the weekly steps of volunteering and networks' life.

#include "models/parent_support/mechanisms/volunteers.hpp"

#include <algorithm>

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> VolunteerParams::specs() {
  const std::string seed = "seed 001; seed 004; magnitude: assumption, swept";
  return {
      plausible(real_param("volunteer_min_meetings", 6, 0, 1000, "meetings", "M19", seed,
                           "meetings attended before a parent may become a volunteer"),
                3, 12,
                "seed 001: parents who grew can become volunteers; judgement: from a few meetings "
                "to about a season of them"),
      plausible(share_param("volunteer_min_competence", 0.6, "competence", "M19", seed,
                            "competence a parent needs to become a volunteer"),
                0.5, 0.75,
                "judgement: a volunteer needs about average competence or more (the base is 0.6)"),
      plausible_log(share_param("volunteer_rate", 0.02, "probability per week", "M19", seed,
                                "chance per week that an eligible parent becomes a volunteer"),
                    0.003, 0.03,
                    "judgement: 0.02 a week turns about 65% of eligible parents into volunteers in "
                    "a year; real uptake is likely lower, so the range leans low"),
      plausible_log(
          real_param("networks_per_1000", 0.5, 0, 1000, "per 1000 households", "M20", seed,
                     "parent networks per 1000 households (at least one when switched on)"),
          0.2, 1.5,
          "seed 004: parents are poorly organised and networks are regional; judgement: one "
          "network per about 700 to 5000 households"),
      plausible(share_param("driver_leave_rate", 0.3, "probability per year", "M20",
                            "seed 004 (the child leaves school, burnout); assumption, swept",
                            "yearly chance that a network's driving parent withdraws"),
                0.2, 0.5,
                "seed 004: a driving parent withdraws after a few years; judgement: a mean tenure "
                "of about 1.5 to 4.5 years"),
      plausible_log(share_param("support_recruit_rate", 0.15, "probability per week", "M20", seed,
                                "with structural support, chance per week of finding a new driver"),
                    0.05, 0.3,
                    "seed 004: structural support keeps networks alive; judgement: a new driver is "
                    "found in about 3 to 20 weeks"),
      plausible(share_param("member_loss_rate", 0.1, "share per week", "M20", seed,
                            "without a driver and without structural support, share of members who "
                            "leave a week"),
                0.05, 0.2,
                "seed 004: without a driver or support the initiative collapses; judgement: half "
                "the members gone in about 3 to 14 weeks"),
      plausible(real_param("network_min_members", 3, 0, 1e6, "members", "M20", seed,
                           "members a network needs to live without a driver"),
                2, 6, "judgement: a handful of members keeps a network alive without a driver"),
      plausible_log(
          share_param("network_join_rate", 0.05, "probability per year", "M20", seed,
                      "yearly chance that a parent of the network's neighbourhood joins it"),
          0.02, 0.1,
          "seed 004: parents are hard to find and organisations meet them by chance; judgement: "
          "2-10% of neighbourhood parents join a year"),
      plausible(real_param("support_point_pull", 2, 1, 100, "multiple of the join rate",
                           "M6, M20, M21", "seed 004 (parent support point); assumption, swept",
                           "multiple of the join rate of a parent who has visited the parent "
                           "support point"),
                1.25, 4,
                "seed 004: a parent support point puts parents in touch with each other; "
                "judgement: a quarter more to four times the joins"),
      plausible(share_param("buddy_strength", 0.6, "strength", "M19",
                            "seed 004 (parent buddies); assumption",
                            "strength (and baseline) of the tie between a buddy and the parent it "
                            "supports"),
                0.4, 0.8,
                "seed 004 (parent buddies); judgement: a buddy tie is a support tie of middling to "
                "fairly strong strength"),
  };
}

VolunteerParams VolunteerParams::from(const ParamValues& values) {
  return {values.real("volunteer_min_meetings"), values.real("volunteer_min_competence"),
          values.real("volunteer_rate"),         values.real("networks_per_1000"),
          values.real("driver_leave_rate"),      values.real("support_recruit_rate"),
          values.real("member_loss_rate"),       values.real("network_min_members"),
          values.real("network_join_rate"),      values.real("support_point_pull"),
          values.real("buddy_strength")};
}

// The steps of M19 and M20: parents become volunteers; parent networks live or die with
// their driver, and parents of their neighbourhood join the living ones.

namespace {

constexpr std::uint64_t kVolunteer = purpose("ps.volunteer");
constexpr std::uint64_t kDriverLeaves = purpose("ps.network.driver_leaves");
constexpr std::uint64_t kRecruit = purpose("ps.network.recruit");
constexpr std::uint64_t kMemberLeaves = purpose("ps.network.member_leaves");
constexpr std::uint64_t kJoin = purpose("ps.network.join");

void initialize(Week& week) {
  week.state.write<Column::volunteer>().assign(week.view.parents.size(), 0);
}

void volunteer(Week& week) {
  const CommunityView& view = week.view;
  const VolunteerParams& vp = week.params.volunteers;
  const auto& meetings = week.state.read<Column::meetings_attended>();
  const auto& competence = week.state.read<Column::competence>();
  auto& volunteers = week.state.write<Column::volunteer>();
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    const NodeId agent = view.parents.begin + static_cast<NodeId>(p);
    if (!volunteers[p] && meetings[p] >= vp.min_meetings && competence[p] >= vp.min_competence &&
        week.rng.uniform(week.week, agent, kVolunteer) < vp.volunteer_rate)
      volunteers[p] = 1;
  });
}

// A network's driver may leave (M20); without one, a supporting professional recruits a
// new one among the members (volunteers first, then the most competent), or members
// drift away.
void change_drivers(Week& week, Group& network, std::size_t g, bool supported) {
  const CommunityView& view = week.view;
  const VolunteerParams& vp = week.params.volunteers;
  auto& network_of = week.state.write<Column::network_of>();
  auto& volunteers = week.state.write<Column::volunteer>();
  const auto& competence = week.state.read<Column::competence>();
  const NodeId first = view.parents.begin;
  if (network.driver >= 0 &&
      week.rng.uniform(week.week, first + static_cast<NodeId>(network.driver), kDriverLeaves, g) <
          weekly(vp.driver_leave_rate)) {
    const auto driver = static_cast<NodeId>(network.driver);
    network.members.erase(std::remove(network.members.begin(), network.members.end(), driver),
                          network.members.end());
    network_of[driver] = -1;
    network.driver = -1;
  }
  if (network.driver >= 0) return;
  if (supported) {
    if (network.members.empty() ||
        week.rng.uniform(week.week, network.neighbourhood, kRecruit, g) >= vp.support_recruit_rate)
      return;
    NodeId best = network.members.front();
    for (NodeId m : network.members) {
      if (volunteers[m] > volunteers[best] ||
          (volunteers[m] == volunteers[best] && competence[m] > competence[best]))
        best = m;
    }
    network.driver = best;
    volunteers[best] = 1;
    return;
  }
  std::vector<NodeId> staying;
  for (NodeId m : network.members) {
    if (week.rng.uniform(week.week, first + m, kMemberLeaves, g) >= vp.member_loss_rate)
      staying.push_back(m);
    else
      network_of[m] = -1;
  }
  network.members.swap(staying);
}

// Parents of a neighbourhood with a living network join it, decided in parallel (one
// draw per parent) and appended in parent order.
void join_networks(Week& week, bool supported, double join, double visitor_join) {
  const CommunityView& view = week.view;
  auto& groups = week.state.write<Column::groups>();
  auto& network_of = week.state.write<Column::network_of>();
  const auto& visited = week.state.read<Column::point_visited>();
  std::vector<std::int64_t> network_in(view.neighbourhoods, -1);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const Group& network = groups[g];
    if (network.network && (network.driver >= 0 || supported))
      network_in[network.neighbourhood] = static_cast<std::int64_t>(g);
  }
  std::vector<std::uint8_t> joins(view.parents.size(), 0);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<NodeId>(i);
    if (network_in[view.parent_neighbourhood[p]] < 0 || network_of[p] >= 0) return;
    joins[p] = week.rng.uniform(week.week, view.parents.begin + p, kJoin) <
               (visited[p] ? visitor_join : join);
  });
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    if (!joins[p]) continue;
    const std::int64_t g = network_in[view.parent_neighbourhood[p]];
    groups[static_cast<std::size_t>(g)].members.push_back(p);
    network_of[p] = static_cast<std::int32_t>(g);
  }
}

void run_networks(Week& week) {
  if (!week.params.plan.parent_network) return;
  const VolunteerParams& vp = week.params.volunteers;
  // A parent who met others at the support point joins more readily (seed 004).
  const double join = weekly(vp.join_rate);
  const double visitor_join = weekly(std::min(1.0, vp.join_rate * vp.support_point_pull));
  const bool supported = runs(week.state.read<Column::running>(), Intervention::structural_support);
  auto& groups = week.state.write<Column::groups>();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].network && network_alive(groups[g], vp))
      change_drivers(week, groups[g], g, supported);
  }
  join_networks(week, supported, join, visitor_join);
}

}  // namespace

StepInfo volunteers_step() {
  return {
      "volunteering",
      StepKind::mechanism,
      "M19",
      "seed 001",
      "parents who attended and grew become volunteers",
      {columns({Column::meetings_attended, Column::competence}), columns({Column::volunteer}), {}},
      initialize,
      volunteer};
}

StepInfo networks_step() {
  return {"network_life",
          StepKind::mechanism,
          "M20",
          "seed 004; seed 003",
          "network drivers leave; support recruits new ones; parents join living networks",
          {columns({Column::running, Column::competence, Column::point_visited}),
           columns({Column::groups, Column::network_of, Column::volunteer}),
           {}},
          nullptr,
          run_networks};
}

namespace {

void volunteer_values(const OutcomeInputs& in, NodeId p, double* values) {
  values[0] = in.state.volunteer[p] != 0;
  values[1] = in.state.network_of[p] >= 0;
}

// The share of parent networks alive, when there are any (M20).
void record_networks(const State& st, const ModelParams& params, Observation& observation) {
  double networks = 0, alive = 0;
  for (const Group& group : st.groups) {
    if (!group.network) continue;
    ++networks;
    alive += network_alive(group, params.volunteers);
  }
  if (networks > 0) observation.record("network_alive", "all", alive / networks);
}

}  // namespace

// Volunteer parents (M19), members of a parent network and networks alive (M20).
OutcomeBlock volunteers_outcomes() {
  OutcomeBlock block{"volunteers",
                     {{"volunteers", Aggregate::mean}, {"network_member", Aggregate::mean}}};
  block.fill = each_parent<volunteer_values>;
  block.record_week = record_networks;
  return block;
}

}  // namespace village::parent_support
