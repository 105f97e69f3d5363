#pragma once
// How the opinion models (DeGroot, Deffuant, Hegselmann-Krause) start: each agent's
// opinion at step 0 and how far it moves when it updates.
//   opinion      uniform on [0, 1), or the column `opinion` of the attributes file;
//                seeds (models/seeding.hpp) hold seed_opinion
//   stubbornness s in [0, 1] from the column `stubbornness` (else 0); committed seeds
//                have s = 1. An update that would move x to y moves it to
//                x + (1 - s)(y - x): s = 1 never moves (Friedkin & Johnsen 1990's
//                anchoring without the anchor; a committed minority, Xie et al. 2011).

#include <cstdint>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/parameters.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village {

struct OpinionStart {
  std::vector<double> opinion;
  std::vector<double> openness;  // 1 - s per agent; empty when every agent has s = 0
};

// The seeding parameters of the opinion models (no seeds by default) and their
// per-agent parameters (the attributes file's columns).
std::vector<ParamSpec> opinion_seeding_params();
std::vector<ParamSpec> opinion_agent_params();

// `params` holds the model's values (the seeding parameters among them).
OpinionStart opinion_start(const World& world, const CsrLayer& layer, const ParamValues& params,
                           const RandomStream& rng, std::uint64_t initial_purpose,
                           std::uint64_t seed_purpose);

}  // namespace village
