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
      plausible(share_param("lecture_trust_loss", 0.15, "share of trust", "M3", seed,
                            "share of the trust in a professional lost in one lecturing contact"),
                0.05, 0.3,
                "seed 000 tip 2: lecturing backfires, no size given; judgement: one contact "
                "costs a twentieth to under a third of trust"),
      plausible(share_param("lecture_willingness_loss", 0.1, "share of willingness", "M3", seed,
                            "share of the willingness to engage lost in one lecturing contact"),
                0.05, 0.2,
                "seed 000 tips 2, 9 give the direction only; judgement: half to double the "
                "default"),
      plausible_log(
          share_param("invite_willingness_gain", 0.05, "share of the gap", "M3", seed,
                      "share of the distance to full willingness closed by one inviting contact"),
          0.02, 0.1,
          "judgement: one inviting contact closes a small share of the gap (seed 002 sec. 4: "
          "repetition builds trust); size known only to its order"),
      plausible_log(
          share_param("willingness_relaxation", 0.05, "share per week", "M3", "assumption, swept",
                      "share of the distance back to the type's baseline willingness recovered "
                      "each week"),
          0.02, 0.1,
          "judgement: a tone's effect on willingness fades with a half-life of about 7 to 35 "
          "weeks"),
  };
  const std::array<double, 4> defaults{0.9, 0.5, 0.35, 0.5};
  // Plausible ranges per type (judgement); absent parents lowest (seed 002 sec. 4: unreachable).
  const std::array<std::array<double, 2>, 4> ranges{
      {{0.75, 0.98}, {0.3, 0.7}, {0.15, 0.55}, {0.3, 0.7}}};
  const std::array<const char*, 4> why{
      "engaged parents respond readily", "denying parents keep school at a distance",
      "absent parents are hard to reach", "sensitive cases are wary of judgement"};
  for (std::size_t t = 0; t < 4; ++t) {
    specs.push_back(plausible(
        share_param(fmt::format("willingness_{}", community::kParentTypeNames[t]), defaults[t],
                    "probability", "M16", "seed 002 sec. 4; magnitude: assumption, swept",
                    fmt::format("baseline willingness of a {} parent to accept a contact ({})",
                                community::kParentTypeNames[t], why[t])),
        ranges[t][0], ranges[t][1],
        fmt::format("seed 002 sec. 4 gives the direction ({}); judgement: up to 0.2 either side "
                    "of the default",
                    why[t])));
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
