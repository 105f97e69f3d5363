// M5 (seed 002 sec. 2; seed 000 tip 4): trust in key figures and what they pass on
// when they introduce parents; parameters.

#include "models/parent_support/mechanisms/key_figures.hpp"

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> KeyFigureParams::specs() {
  const std::string seed = "seed 002 sec. 2; seed 000 tip 4; magnitude: assumption, swept";
  return {
      plausible(share_param("key_figure_trust_own", 0.75, "trust", "M5", seed,
                            "initial trust of a parent in a key figure of the own community"),
                0.6, 0.9,
                "seed 002 sec. 2: key figures are trusted bridges; judgement: 0.15 either side, "
                "above the other's"),
      plausible(share_param("key_figure_trust_other", 0.45, "trust", "M5", seed,
                            "initial trust of a parent in a key figure of another community"),
                0.3, 0.6,
                "judgement: 0.15 either side, at most the low end of trust in an own community's "
                "key figure"),
      plausible(share_param("key_figure_acceptance", 0.9, "probability at full trust", "M5", seed,
                            "chance that a parent receives a key figure's visit, times the trust "
                            "in it"),
                0.7, 1.0,
                "seed 000 tip 4: Urk's church elders visit families; judgement: most visits are "
                "received at full trust"),
      plausible(share_param("introduction_rate", 0.3, "probability at full trust", "M5", seed,
                            "chance that an accepted visit leads to an introduction to the key "
                            "figure's partner professional, times the trust in the key figure"),
                0.15, 0.5, "judgement: half to 1.7x the default"),
      plausible(share_param("trust_transfer", 0.7, "share", "M5", seed,
                            "share of the gap between trust in the key figure and trust in the "
                            "introduced professional that the introduction closes"),
                0.4, 0.9,
                "seed 002 sec. 2: trust in the bridge carries over; judgement: under half to "
                "most of the gap"),
  };
}

KeyFigureParams KeyFigureParams::from(const ParamValues& values) {
  return {values.real("key_figure_trust_own"), values.real("key_figure_trust_other"),
          values.real("key_figure_acceptance"), values.real("introduction_rate"),
          values.real("trust_transfer")};
}

}  // namespace village::parent_support
