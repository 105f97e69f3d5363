// M3 (seed 002 sec. 4): an inviting or lecturing tone and the willingness it builds or
// loses; parameters.

#include "models/parent_support/mechanisms/tone.hpp"

#include <fmt/format.h>

#include "models/community_schema.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> ToneParams::specs() {
  const std::string seed = "seed 000 tips 2, 9; seed 001 ch. 2; magnitude: assumption, swept";
  std::vector<ParamSpec> specs{
      share_param("lecture_trust_loss", 0.15, "share of trust", "M3", seed,
                  "share of the trust in a professional lost in one lecturing contact"),
      share_param("lecture_willingness_loss", 0.1, "share of willingness", "M3", seed,
                  "share of the willingness to engage lost in one lecturing contact"),
      share_param("invite_willingness_gain", 0.05, "share of the gap", "M3", seed,
                  "share of the distance to full willingness closed by one inviting contact"),
      share_param("willingness_relaxation", 0.05, "share per week", "M3", "assumption, swept",
                  "share of the distance back to the type's baseline willingness recovered each "
                  "week"),
  };
  const std::array<double, 4> defaults{0.9, 0.5, 0.35, 0.5};
  const std::array<const char*, 4> why{
      "engaged parents respond readily", "denying parents keep school at a distance",
      "absent parents are hard to reach", "sensitive cases are wary of judgement"};
  for (std::size_t t = 0; t < 4; ++t) {
    specs.push_back(
        share_param(fmt::format("willingness_{}", community::kParentTypeNames[t]), defaults[t],
                    "probability", "M16", "seed 002 sec. 4; magnitude: assumption, swept",
                    fmt::format("baseline willingness of a {} parent to accept a contact ({})",
                                community::kParentTypeNames[t], why[t])));
  }
  return specs;
}

ToneParams ToneParams::from(const ParamValues& values) {
  ToneParams params{values.real("lecture_trust_loss"),
                    values.real("lecture_willingness_loss"),
                    values.real("invite_willingness_gain"),
                    values.real("willingness_relaxation"),
                    {}};
  for (std::size_t t = 0; t < 4; ++t) {
    params.baseline_willingness[t] =
        values.real(fmt::format("willingness_{}", community::kParentTypeNames[t]));
  }
  return params;
}

}  // namespace village::parent_support
