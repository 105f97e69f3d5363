// M6, M7 (seed 003): conversations in informal organisations, attendance,
// participation, and the partnership conditions that set their quality.

#include "models/parent_support/mechanisms/informal_organisations.hpp"

#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> OrganisationParams::specs() {
  const std::string seed = "seed 003; magnitude: assumption, swept";
  return {
      plausible(
          share_param("conversation_attendance", 0.4, "probability per conversation", "M6", seed,
                      "chance that a member attends a conversation hosted by the organisation"),
          0.2, 0.6,
          "judgement: seed 003's conversations are ones parents already have, yet not every "
          "member comes to each; half to 1.5x the default"),
      plausible(share_param("participation_gain", 0.3, "share of the gap", "M6", seed,
                            "share of the gap to full informal participation closed by attending"),
                0.15, 0.5, "judgement: about half to 1.7x the default; seed 003 gives no size"),
      plausible_log(
          share_param("participation_decay", 0.03, "share per week", "M6", "assumption, swept",
                      "share of informal participation lost in a week without attending"),
          0.01, 0.06,
          "judgement: participation fades with a half-life of about 11 to 70 weeks "
          "without attending"),
      plausible(share_param("condition_weight", 0.5, "share", "M7",
                            "seed 003 (four conditions); magnitude: assumption, swept",
                            "share of a partnership's effect lost when one of its four conditions "
                            "is wholly absent"),
                0.25, 0.8,
                "seed 003 names four conditions without weights; judgement: losing one costs a "
                "quarter to most of the effect"),
      plausible_log(share_param("condition_growth", 0.007, "share of the gap per hour", "M7",
                                "seed 003 (building the conditions takes time); magnitude: "
                                "assumption, swept",
                                "share of the gap to a full condition closed per hour invested "
                                "per partner organisation in a week"),
                    0.003, 0.015,
                    "seed 003: the conditions take time to build; judgement: at 2 hours a week "
                    "per organisation the gap halves in half a year to two years"),
      plausible_log(
          share_param("condition_fade", 0.005, "share per week", "M7", "assumption, swept",
                      "share of the conditions built beyond their start lost per week "
                      "(people change, agreements are forgotten)"),
          0.002, 0.01, "judgement: without investment what was built halves in 1.3 to 7 years"),
  };
}

OrganisationParams OrganisationParams::from(const ParamValues& values) {
  return {values.real("conversation_attendance"), values.real("participation_gain"),
          values.real("participation_decay"),     values.real("condition_weight"),
          values.real("condition_growth"),        values.real("condition_fade")};
}

double partnership_quality(const std::array<double, 4>& conditions, double condition_weight) {
  double quality = 1.0;
  for (double condition : conditions)
    quality *= 1.0 - condition_weight * (1.0 - condition);
  return quality;
}

namespace {

void organisation_values(const OutcomeInputs& in, NodeId p, double* values) {
  values[0] = in.state.willingness[p];
  values[1] = in.state.participation[p];
}

}  // namespace

// Willingness to join conversations and participation in informal organisations (M3, M6).
OutcomeBlock informal_organisations_outcomes() {
  OutcomeBlock block{
      "informal_organisations",
      {{"willingness", Aggregate::mean}, {"informal_participation", Aggregate::mean}}};
  block.fill = each_parent<organisation_values>;
  return block;
}

}  // namespace village::parent_support
