// The parent support point as a help-seeking channel (M6, M20; seed 004): parents with a
// question they did not bring to a professional walk in, no caseload tie needed. Within
// the point's staff hours each visit is answered and passed on to the neighbourhood's
// professional, else one of another neighbourhood (staff who act towards school or
// support: a hand-over as a key figure's introduction, the tie made if there was none,
// mechanisms/trust_contacts.hpp); visitors of a neighbourhood
// in the same week meet one another (contact with other parents, M11); and a visitor
// joins a parent network more readily (support_point_pull, mechanisms/volunteers.cpp).
// Visits beyond the hours are turned away and counted, as are visits that found no
// professional to pass on to.

#include <algorithm>
#include <map>

#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/plausible.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kVisit = purpose("ps.support_point.visit");
constexpr std::uint64_t kServe = purpose("ps.support_point.serve");
constexpr std::uint64_t kMeet = purpose("ps.support_point.meet");

std::vector<ParamSpec> support_point_specs() {
  // How parents use a walk-in point and what a visit does are properties of the world;
  // a strategy buys the point and its hours (interventions/parent_support_point.cpp).
  return {
      plausible(share_param("support_point_visit", 0.25, "probability per question", "M6",
                            "seed 004 (a parent support point for questions and complaints); "
                            "assumption, swept",
                            "chance that a parent with a question it did not bring to a "
                            "professional takes it to the parent support point"),
                0.1, 0.4,
                "judgement: a low-threshold walk-in place draws a tenth to two fifths of the "
                "questions that would otherwise go nowhere; well below the chance with a "
                "trusted professional (help_base + help_trust_weight, about 0.5)"),
      plausible(real_param("support_point_visit_hours", 0.75, 0.05, 40, "hours per visit", "M22",
                           "assumption, swept",
                           "staff hours a visit to the support point takes (talk and passing on)"),
                0.5, 1.5, "judgement: a half-hour talk to an hour and a half with follow-up"),
      plausible(share_param("support_point_trust", 0.6, "trust", "M5, M6",
                            "seed 004 (staff who act towards school or support); assumption, "
                            "swept",
                            "trust a visitor places in the support point's staff, part of which "
                            "(trust_transfer) passes to the professional they hand it over to"),
                0.45, 0.75,
                "judgement: the parent chose to walk in, so it trusts the staff at least as a "
                "key figure of another community (0.45), at most as one of its own (0.75)"),
  };
}

void visit(Week& week) {
  const CommunityView& view = week.view;
  auto& referral = week.state.write<Column::point_referral>();
  std::fill(referral.begin(), referral.end(), kNoAgent);
  SupportPointWeek& counts = week.state.write<Column::support_point_week>();
  counts = {};
  if (!runs(week.state.read<Column::running>(), Intervention::parent_support_point)) return;
  const auto& had_question = week.state.read<Column::had_question>();
  const auto& brought = week.state.read<Column::brought_question>();
  const double chance = week.values.real("support_point_visit");
  // Who comes, in the order of a random key: the point serves them until its hours run out.
  std::vector<std::pair<std::uint64_t, NodeId>> visitors;
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    const NodeId agent = view.parents.begin + p;
    if (had_question[p] && !brought[p] && week.rng.uniform(week.week, agent, kVisit) < chance)
      visitors.emplace_back(week.rng.bits(week.week, agent, kServe), p);
  }
  std::sort(visitors.begin(), visitors.end());
  const double served_max =
      week.params.plan.support_point_hours / week.values.real("support_point_visit_hours");
  const auto served =
      std::min(visitors.size(), static_cast<std::size_t>(std::max(0.0, served_max)));
  counts.turned_away = static_cast<std::uint32_t>(visitors.size() - served);
  visitors.resize(served);
  // Staff pass a question on to the neighbourhood's professional, else to one working
  // elsewhere (the point serves the whole municipality).
  std::vector<NodeId> passed_to(view.neighbourhoods, kNoAgent);
  NodeId anywhere = kNoAgent;
  for (std::uint32_t n = 0; n < view.neighbourhoods; ++n) {
    passed_to[n] = view.facilitator_in(n);
    if (anywhere == kNoAgent) anywhere = passed_to[n];
  }
  for (NodeId& k : passed_to)
    if (k == kNoAgent) k = anywhere;
  auto& visited = week.state.write<Column::point_visited>();
  std::map<std::uint32_t, std::vector<NodeId>> by_neighbourhood;
  for (const auto& [key, p] : visitors) {
    ++counts.visits;
    visited[p] = 1;
    referral[p] = passed_to[view.parent_neighbourhood[p]];
    if (referral[p] == kNoAgent) ++counts.no_professional;
    by_neighbourhood[view.parent_neighbourhood[p]].push_back(p);
  }
  // Contact with other parents: each visitor meets one other of its neighbourhood.
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  auto& new_ties = week.state.write<Column::new_friend_ties>();
  for (const auto& [neighbourhood, present] : by_neighbourhood) {
    if (present.size() < 2) continue;
    for (NodeId p : present) {
      const NodeId agent = view.parents.begin + p;
      const NodeId other = present[week.rng.bits(week.week, agent, kMeet) % present.size()];
      refresh_or_form(friends, week.params.support, week.week, agent, view.parents.begin + other,
                      new_ties);
    }
  }
}

void initialize(Week& week) {
  const NodeId parents = week.view.parents.size();
  week.state.write<Column::point_referral>().assign(parents, kNoAgent);
  week.state.write<Column::point_visited>().assign(parents, 0);
  week.state.write<Column::support_point_week>() = {};
}

void record_visits(const State& state, const ModelParams& params, Observation& observation) {
  if (!params.plan.parent_support_point) return;
  const SupportPointWeek& w = state.support_point_week;
  observation.record("support_point_visits", "all", w.visits);
  observation.record("support_point_turned_away", "all", w.turned_away);
  observation.record("support_point_no_professional", "all", w.no_professional);
}

}  // namespace

StepInfo support_point_visits_step() {
  StepInfo step{"support_point_visits",
                StepKind::mechanism,
                "M6, M11, M20",
                "seed 004",
                "parents with a question no professional heard walk into the support point, "
                "which passes it on and puts them in touch with each other",
                {columns({Column::running, Column::had_question, Column::brought_question}),
                 columns({Column::point_referral, Column::point_visited, Column::support_point_week,
                          Column::friend_ties, Column::new_friend_ties}),
                 {}},
                initialize,
                visit};
  step.params = support_point_specs;
  return step;
}

// The support point's visits this week, those turned away for want of hours and those
// with no professional to pass on to (recorded with outreach.parent_support_point).
OutcomeBlock support_point_outcomes() {
  OutcomeBlock block{"support_point", {}};
  block.record_week = record_visits;
  return block;
}

}  // namespace village::parent_support
