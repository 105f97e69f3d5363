// M16 (seed 002 sec. 4): a sensitive case needs one fixed contact person, and the
// continuity of that contact. Each sensitive parent with a professional tie has a contact
// person: at first the professional it trusts most, later the first it gets a tie to.
// With fixed_contact_person, a matched contact (mechanisms/approach.cpp) to a sensitive
// parent is left to its contact person, so that its contacts build one tie instead of
// several. The person in that post changes at contact_turnover a year (staff leave,
// change jobs, go on leave): the parent then starts again with the successor, its trust in
// the post back at the tie baseline (trust.hpp), and the change is counted.

#include <algorithm>

#include "models/community_schema.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"
#include "sim/plausible.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kTurnover = purpose("ps.contact_person.turnover");
constexpr auto kSensitive = static_cast<std::uint8_t>(community::ParentType::sensitive);

std::vector<ParamSpec> contact_person_specs() {
  // How professionals organise contact with sensitive cases and how often staff change are
  // properties of the world; training (matching) is what a strategy buys.
  return {
      flag_param("fixed_contact_person", true, "M16",
                 "seed 002 sec. 4 (sensitive cases: one fixed contact person)",
                 "a matched contact to a sensitive parent is left to its one contact person"),
      plausible(share_param("contact_turnover", 0.15, "probability per year", "M16",
                            "seed 002 sec. 4 (continuity for sensitive cases); assumption, "
                            "swept",
                            "yearly chance that the person in a sensitive parent's contact post "
                            "changes, the parent's trust starting again at the tie baseline"),
                0.05, 0.3,
                "judgement: Dutch youth care and school care teams lose of the order of 10-20% "
                "of their staff a year, and leave and changed caseloads add to it"),
  };
}

// The professional the parent trusts most among its ties, or none.
NodeId most_trusted(const CsrLayer& caseload, std::span<const float> trust, NodeId agent) {
  NodeId best = kNoAgent;
  float highest = -1;
  for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a) {
    if (trust[a] > highest) {
      highest = trust[a];
      best = caseload.targets()[a];
    }
  }
  return best;
}

void keep_contact(Week& week) {
  const CommunityView& view = week.view;
  CsrLayer& caseload = week.state.write<Column::caseload>();
  auto& person = week.state.write<Column::contact_person>();
  const auto& institutional = week.state.read<Column::institutional_trust>();
  const auto trust = caseload.attribute(kTrust);
  const double turnover = weekly(week.values.real("contact_turnover"));
  const double baseline = week.params.trust.initial_tie_trust;
  std::vector<std::uint8_t> changed(view.parents.size(), 0);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<NodeId>(i);
    if (view.parent_type[p] != kSensitive) return;
    const NodeId agent = view.parents.begin + p;
    if (person[p] == kNoAgent) {
      person[p] = most_trusted(caseload, trust, agent);
      return;
    }
    if (week.rng.uniform(week.week, agent, kTurnover) >= turnover) return;
    const ArcIndex arc = find_arc(caseload, agent, person[p]);
    if (arc == caseload.end_arc(agent)) return;
    trust[arc] = static_cast<float>(std::min<double>(trust[arc], baseline * institutional[p]));
    changed[p] = 1;
  });
  std::uint32_t& changes = week.state.write<Column::contact_changes>();
  changes = static_cast<std::uint32_t>(std::count(changed.begin(), changed.end(), 1));
}

// Contact persons are chosen in the first week, when trust on the ties is set.
void initialize(Week& week) {
  week.state.write<Column::contact_person>().assign(week.view.parents.size(), kNoAgent);
  week.state.write<Column::contact_changes>() = 0;
}

void record_changes(const State& state, const ModelParams&, Observation& observation) {
  observation.record("contact_person_changes", "all", state.contact_changes);
}

}  // namespace

StepInfo contact_person_step() {
  StepInfo step{"contact_person",
                StepKind::mechanism,
                "M16",
                "seed 002 sec. 4",
                "sensitive parents keep one fixed contact person; staff turnover breaks it",
                {columns({Column::institutional_trust}),
                 columns({Column::contact_person, Column::contact_changes, Column::caseload}),
                 // The tie baseline as last week left institutional trust.
                 columns({Column::institutional_trust})},
                initialize,
                keep_contact};
  step.params = contact_person_specs;
  return step;
}

// Sensitive parents whose contact person changed this week (M16).
OutcomeBlock contact_person_outcomes() {
  OutcomeBlock block{"contact_person", {}};
  block.record_week = record_changes;
  return block;
}

}  // namespace village::parent_support
