#include "models/parent_support/trust.hpp"

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> TrustParams::specs() {
  const std::string seed = "seed 002 sec. 4; seed 003; magnitude: assumption, swept";
  return {
      share_param("trust_gain", 0.3, "share of the gap per contact", "M2", seed,
                  "share of the distance to full trust that one positive contact of quality 1 "
                  "closes; repeated contacts give diminishing returns"),
      share_param("trust_decay", 0.015, "share per week", "M2", seed,
                  "share of the distance to the tie's baseline lost in a week without contact "
                  "(0.015: half-life about 46 weeks)"),
      share_param("initial_tie_trust", 0.8, "multiple of institutional trust", "M2",
                  "assumption, swept",
                  "trust on a tie without history, as a multiple of the parent's trust in "
                  "institutions; also the baseline ties decay toward"),
      share_param("reach_threshold", 0.6, "trust", "M2", "assumption, swept",
                  "trust at or above which a tie counts as trusted (the 'reach' outcome)"),
      share_param("institutional_learning", 0.3, "share of the change", "M2", "assumption, swept",
                  "share of a contact's change in trust in the professional that carries over "
                  "to the parent's trust in institutions"),
      share_param("institutional_relaxation", 0.01, "share per week", "M2", "assumption, swept",
                  "share of the distance back to the initial trust in institutions recovered "
                  "each week (slow: institutional trust is a disposition)"),
  };
}

TrustParams TrustParams::from(const ParamValues& values) {
  return {values.real("trust_gain"),
          values.real("trust_decay"),
          values.real("initial_tie_trust"),
          values.real("reach_threshold"),
          values.real("institutional_learning"),
          values.real("institutional_relaxation")};
}

}  // namespace village::parent_support
