// M6, M7 (seed 003): conversations in informal organisations, attendance,
// participation, and the partnership conditions that set their quality.

#include "models/parent_support/mechanisms/informal_organisations.hpp"

#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> OrganisationParams::specs() {
  const std::string seed = "seed 003; magnitude: assumption, swept";
  return {
      share_param("conversation_attendance", 0.4, "probability per conversation", "M6", seed,
                  "chance that a member attends a conversation hosted by the organisation"),
      share_param("participation_gain", 0.3, "share of the gap", "M6", seed,
                  "share of the gap to full informal participation closed by attending"),
      share_param("participation_decay", 0.03, "share per week", "M6", "assumption, swept",
                  "share of informal participation lost in a week without attending"),
      share_param("condition_weight", 0.5, "share", "M7",
                  "seed 003 (four conditions); magnitude: assumption, swept",
                  "share of a partnership's effect lost when one of its four conditions is "
                  "wholly absent"),
  };
}

OrganisationParams OrganisationParams::from(const ParamValues& values) {
  return {values.real("conversation_attendance"), values.real("participation_gain"),
          values.real("participation_decay"), values.real("condition_weight")};
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
