// M21 (seed 004; seed 000 tip 4): the changes a parent panel asked for take effect after a
// lag and wear off slowly (fit.hpp).

#include "models/parent_support/mechanisms/fit.hpp"

#include <algorithm>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/plausible.hpp"

namespace village::parent_support {

std::vector<ParamSpec> FitParams::specs() {
  // How fast programmes change and drift back is a property of the world; the panel is
  // what a strategy buys (interventions/voice.cpp).
  return {
      plausible(integer_param("voice_lag_weeks", 8, 0, 104, "weeks", "M21",
                              "seed 004 (consultation improves tailoring); assumption, swept",
                              "weeks from a panel meeting until the changes it asked for take "
                              "effect in groups, evenings and newsletters"),
                4, 26,
                "judgement: from the next programme cycle (a month) to the next school "
                "half-year, the time to rewrite a course, a theme or a newsletter"),
      plausible(share_param("voice_change_per_meeting", 0.15, "share of the gap", "M21",
                            "seed 004; assumption, swept",
                            "share of the gap to full fit closed by the changes of one panel "
                            "meeting"),
                0.05, 0.3,
                "judgement: one meeting changes a detail (5%) to a good part (30%) of what "
                "does not fit; at 0.15 six meetings close 62% of the gap"),
      plausible_log(
          share_param("voice_fit_decay", 0.007, "share per week", "M21", "assumption, swept",
                      "share of the fit lost per week as programmes drift back"),
          0.003, 0.013,
          "judgement: a half-life of one to four years, as staff and parents change "
          "(staff turnover about 15% a year)"),
      plausible(share_param("voice_fit_gain", 0.3, "relative increase at full fit", "M21",
                            "seed 004; seed 000 tip 4; assumption, swept",
                            "relative increase of the uptake and effect of groups, theme "
                            "evenings and newsletters at full fit"),
                0.1, 0.6,
                "seed 004: consultation improves tailoring, no size given; judgement: a tenth "
                "to three fifths more attendance and effect when fully tailored"),
  };
}

FitParams FitParams::from(const ParamValues& values) {
  return {values.real("voice_lag_weeks"), values.real("voice_change_per_meeting"),
          values.real("voice_fit_decay"), values.real("voice_fit_gain")};
}

double fit_multiplier(double fit, const ParamValues& values) {
  return 1.0 + values.real("voice_fit_gain") * fit;
}

namespace {

void adapt(Week& week) {
  const FitParams fp = FitParams::from(week.values);
  double& fit = week.state.write<Column::voice_fit>();
  auto& pending = week.state.write<Column::voice_changes>();
  fit -= fp.decay * fit;
  // Panel weeks are appended in order, so the due ones are a prefix.
  const auto due = std::find_if(pending.begin(), pending.end(), [&](std::uint32_t asked) {
    return static_cast<double>(asked) + fp.lag_weeks > static_cast<double>(week.week);
  });
  for (auto it = pending.begin(); it != due; ++it)
    fit += fp.change_per_meeting * (1.0 - fit);
  pending.erase(pending.begin(), due);
}

void initialize(Week& week) {
  week.state.write<Column::voice_fit>() = 0;
  week.state.write<Column::voice_changes>().clear();
}

}  // namespace

StepInfo fit_step() {
  StepInfo step{"fit",
                StepKind::mechanism,
                "M21",
                "seed 004; seed 000 tip 4; assumption",
                "the changes the parent panel asked for take effect after a lag and wear off",
                {{}, columns({Column::voice_fit, Column::voice_changes}), {}},
                initialize,
                adapt};
  step.params = FitParams::specs;
  return step;
}

namespace {

void record_fit(const State& state, const ModelParams&, Observation& observation) {
  observation.record("voice_fit", "all", state.voice_fit);
}

}  // namespace

// The fit the parents' voice has achieved this week (M21).
OutcomeBlock fit_outcomes() {
  OutcomeBlock block{"fit", {}};
  block.record_week = record_fit;
  return block;
}

}  // namespace village::parent_support
