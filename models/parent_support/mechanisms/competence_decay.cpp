// M13 (seed 001 ch. 5): what parents learnt or unlearnt fades in weeks without a meeting
// (competence_decay.hpp).

#include "models/parent_support/mechanisms/competence_decay.hpp"

#include <algorithm>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/parallel.hpp"
#include "sim/plausible.hpp"

namespace village::parent_support {

std::vector<ParamSpec> CompetenceDecayParams::specs() {
  // How parents forget is a property of the world, not something bought.
  return {plausible(
      share_param("competence_decay", 0.005, "share of the distance per week", "M13",
                  "assumption, swept: no seed says how long learning lasts; the default halves "
                  "a gain in about 2.7 years, so that 77% is left at a one-year follow-up",
                  "share of the distance between a parent's competence and its own level "
                  "(above or below) lost in a week without a meeting"),
      0.0, 0.02,
      "from no fading to a half-life of about 35 weeks: parenting-programme effects are "
      "usually still measurable at 6-12 months follow-up, so faster fading is implausible")};
}

CompetenceDecayParams CompetenceDecayParams::from(const ParamValues& values) {
  return {values.real("competence_decay")};
}

namespace {

void fade(Week& week) {
  const auto& meetings = week.state.read<Column::meetings_this_week>();
  auto& competence = week.state.write<Column::competence>();
  const double rate = CompetenceDecayParams::from(week.values).rate;
  if (rate <= 0) return;
  const CommunityView& view = week.view;
  const NormParams& np = week.params.norms;
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    if (meetings[p] > 0) return;
    const double own =
        std::clamp(np.competence_base - np.competence_per_factor * view.vulnerability[p], 0.0, 1.0);
    competence[p] -= rate * (competence[p] - own);
  });
}

}  // namespace

StepInfo competence_decay_step() {
  StepInfo step{"competence_decay",
                StepKind::mechanism,
                "M13",
                "seed 001 ch. 5; assumption",
                "competence learnt at meetings fades in weeks without one",
                {columns({Column::meetings_this_week}), columns({Column::competence}), {}},
                nullptr,
                fade};
  step.params = CompetenceDecayParams::specs;
  return step;
}

}  // namespace village::parent_support
