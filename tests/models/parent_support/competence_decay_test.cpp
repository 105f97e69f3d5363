// Competence fading without practice (M13; mechanisms/competence_decay.hpp, ODD 7.19):
// the exact weekly update on a hand-built community, and the pattern it makes over a
// year of parent groups.

#include "models/parent_support/mechanisms/competence_decay.hpp"

#include <catch2/catch.hpp>

#include "community_fixture.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/schedule.hpp"
#include "pattern_harness.hpp"

using namespace village;
using namespace village::parent_support;
using namespace pattern;

namespace village::parent_support {
StepInfo competence_decay_step();
}

TEST_CASE("competence returns toward the parent's own level in weeks without a meeting", "[unit]") {
  World world = test::community_fixture();
  const CommunityView view = CommunityView::of(world);
  ParamValues values = default_values();
  values.set("competence_decay", 0.1);
  const ModelParams params = ModelParams::from(values);
  State state;
  size_columns(state, view.parents.size(), view.professionals.size(), view.key_figures.size(),
               view.organisations.size(), view.schools);
  const NormParams& np = params.norms;
  const auto own = [&](NodeId p) {
    return std::clamp(np.competence_base - np.competence_per_factor * view.vulnerability[p], 0.0,
                      1.0);
  };
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    state.competence[p] = p % 3 == 0 ? own(p) - 0.05 : std::min(1.0, own(p) + 0.3);
    state.meetings_this_week[p] = p % 4 == 0 ? 1 : 0;
  }
  const std::vector<double> before = state.competence;
  const StepInfo step = competence_decay_step();
  const RandomStream rng(7, 0);
  Access access(state, step.columns, step.name);
  Week week{world, view, params, values, 3, rng, access};
  step.advance(week);
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    INFO("parent " << p);
    // Gains above and losses below the own level both fade (M13: learning can fall).
    if (p % 4 == 0)
      CHECK(state.competence[p] == before[p]);
    else
      CHECK(state.competence[p] == Approx(before[p] - 0.1 * (before[p] - own(p))));
  }
  // The step is in the week, registers its parameter, and at 0 changes nothing.
  const auto& steps = week_schedule();
  CHECK(std::any_of(steps.begin(), steps.end(),
                    [](const StepInfo& s) { return s.name == "competence_decay"; }));
  CHECK(default_values().real("competence_decay") == 0.005);
  values.set("competence_decay", 0.0);
  State untouched = state;
  Access again(untouched, step.columns, step.name);
  Week quiet{world, view, ModelParams::from(values), values, 4, rng, again};
  step.advance(quiet);
  CHECK(untouched.competence == state.competence);
}

TEST_CASE("what groups teach fades when competence decays (M13)", "[parent_support][pattern]") {
  // Same groups, same seeds: with decay at the top of its plausible range parents end the
  // year less competent than without.
  const Arm groups = set("outreach.parent_groups", true);
  check_direction(run_pairs("groups.toml", both(groups, set("competence_decay", 0.0)),
                            both(groups, set("competence_decay", 0.02))),
                  "competence", "all");
}
