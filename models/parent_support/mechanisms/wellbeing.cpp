// M14 (seed 001 intro, ch. 4): parenting stress, its relief and relaxation;
// parameters and the weekly step.

#include "models/parent_support/mechanisms/wellbeing.hpp"

#include <algorithm>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> WellbeingParams::specs() {
  return {
      plausible(
          share_param("stress_base", 0.3, "stress", "M14", "seed 001 intro; assumption, swept",
                      "baseline parenting stress of a parent without vulnerability factors"),
          0.2, 0.4,
          "judgement: a parent without vulnerability factors has low to moderate stress "
          "on a 0-1 scale"),
      plausible(
          share_param(
              "stress_per_factor", 0.1, "stress per factor", "M14, M15",
              "seed 001 intro (vulnerable parents: more parenting stress); assumption, swept",
              "additional baseline stress per vulnerability factor"),
          0.05, 0.15,
          "seed 001 intro: vulnerable parents have more parenting stress; judgement: half to 1.5x "
          "the default (four factors then add 0.2 to 0.6)"),
      plausible_log(
          share_param("stress_relaxation", 0.05, "share per week", "M14",
                      "Barlow et al. 2014, Cochrane CD002020 (effects fade within a year); swept",
                      "share of the distance back to the baseline stress recovered each week: "
                      "relief from meetings fades (0.05: half-life about 14 weeks)"),
          0.01, 0.12,
          "Barlow et al. 2014: group effects on stress are still seen at 6 months and not at "
          "12; judgement: a half-life from 6 weeks (little left at 6 months) to 69 weeks (half "
          "left at 12 months, within a trial's noise) brackets that"),
      plausible(share_param("meeting_relief", 0.15, "share of stress", "M14",
                            "seed 001 ch. 6; Barlow et al. 2014 (SMD -0.29 on stress); "
                            "assumption, swept",
                            "share of stress relieved by attending a group meeting"),
                0.05, 0.25,
                "Barlow et al. 2014: SMD -0.29 on stress over a whole programme, so one meeting "
                "relieves modestly; judgement: a third to 1.7x the default"),
      plausible(share_param("stress_sd", 0.15, "stress", "M14",
                            "assumption (observation: the unit of a standardised mean "
                            "difference); swept",
                            "standard deviation of parenting stress between parents on the "
                            "model's 0-1 scale, by which attender_stress_smd is standardised"),
                0.1, 0.2,
                "judgement: baselines alone span 0.3 to 0.7 over zero to four vulnerability "
                "factors, and questionnaire scores vary also within a level of risk; a tenth to "
                "a fifth of the scale"),
  };
}

WellbeingParams WellbeingParams::from(const ParamValues& values) {
  return {values.real("stress_base"), values.real("stress_per_factor"),
          values.real("stress_relaxation"), values.real("meeting_relief"),
          values.real("stress_sd")};
}

double WellbeingParams::baseline(int vulnerability) const {
  return std::clamp(stress_base + stress_per_factor * vulnerability, 0.0, 1.0);
}

// The step (M14): stress relaxes toward the parent's baseline; stress and competence stay
// in [0, 1].

namespace {

void initialize(Week& week) {
  const CommunityView& view = week.view;
  auto& stress = week.state.write<Column::stress>();
  stress.resize(view.parents.size());
  for (NodeId p = 0; p < view.parents.size(); ++p)
    stress[p] = week.params.wellbeing.baseline(view.vulnerability[p]);
}

void relax(Week& week) {
  const CommunityView& view = week.view;
  const WellbeingParams& wp = week.params.wellbeing;
  auto& stress = week.state.write<Column::stress>();
  auto& competence = week.state.write<Column::competence>();
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    stress[p] += wp.stress_relaxation * (wp.baseline(view.vulnerability[p]) - stress[p]);
    stress[p] = std::clamp(stress[p], 0.0, 1.0);
    competence[p] = std::clamp(competence[p], 0.0, 1.0);
  });
}

}  // namespace

StepInfo wellbeing_step() {
  return {"relaxation",
          StepKind::mechanism,
          "M14",
          "seed 001 intro, ch. 4",
          "stress relaxes toward the parent's baseline",
          {{}, columns({Column::stress, Column::competence}), {}},
          initialize,
          relax};
}

namespace {

void wellbeing_values(const OutcomeInputs& in, NodeId p, double* values) {
  const State& st = in.state;
  const WellbeingParams& wp = in.params.wellbeing;
  const bool attender = st.course_attended[p] != 0;
  const double change = (st.stress[p] - wp.baseline(in.view.vulnerability[p])) / wp.stress_sd;
  values[0] = st.stress[p];
  values[1] = attender ? change : 0.0;
  values[2] = attender;
  values[3] = attender ? 0.0 : change;
  values[4] = !attender;
}

}  // namespace

// Parenting stress (M12, M18), and the standardised mean difference in stress between the
// parents who came to a course and those who did not, each against their own baseline
// (M14; Barlow et al. 2014): support between parents keeps everyone's stress below its
// baseline, so the others are the comparison, as a trial's control group would be.
OutcomeBlock wellbeing_outcomes() {
  OutcomeBlock block{"wellbeing",
                     {{"stress", Aggregate::mean},
                      {"attender_stress_change", Aggregate::hidden},
                      {"course_attenders", Aggregate::hidden},
                      {"other_stress_change", Aggregate::hidden},
                      {"course_others", Aggregate::hidden}}};
  block.fill = each_parent<wellbeing_values>;
  block.ratios = {{"attender_stress_smd", 1, 2, 3, 4}};
  return block;
}

}  // namespace village::parent_support
