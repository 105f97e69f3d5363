#include "models/opinion_start.hpp"

#include "models/opinion_metrics.hpp"
#include "models/seeding.hpp"

namespace village {

namespace {
constexpr const char* kOpinionColumn = "opinion";
constexpr const char* kStubbornnessColumn = "stubbornness";
}  // namespace

std::vector<ParamSpec> opinion_seeding_params() {
  return seeding_params(SeedingDefaults{.initial_fraction = 0.0, .opinion = true});
}

std::vector<ParamSpec> opinion_agent_params() {
  return {ParamSpec{.name = kOpinionColumn,
                    .default_number = 0.5,
                    .min = 0.0,
                    .max = 1.0,
                    .unit = "opinion",
                    .description = "the agent's opinion at step 0, instead of a uniform draw",
                    .source = "convention"},
          ParamSpec{.name = kStubbornnessColumn,
                    .default_number = 0.0,
                    .min = 0.0,
                    .max = 1.0,
                    .unit = "share of each move not taken",
                    .description = "s: an update from x toward y moves to x + (1 - s)(y - x); "
                                   "1 never moves",
                    .source = "Friedkin & Johnsen 1990 (susceptibility 1 - s); Xie et al. 2011"}};
}

OpinionStart opinion_start(const World& world, const CsrLayer& layer, const ParamValues& params,
                           const RandomStream& rng, std::uint64_t initial_purpose,
                           std::uint64_t seed_purpose) {
  const NodeId n = world.population.size();
  OpinionStart start;
  start.opinion = agent_column(world, kOpinionColumn);
  if (start.opinion.empty()) start.opinion = uniform_opinions(n, rng, initial_purpose);
  const std::vector<double> stubbornness = agent_column(world, kStubbornnessColumn);
  if (!stubbornness.empty()) {
    start.openness.resize(n);
    for (NodeId v = 0; v < n; ++v)
      start.openness[v] = 1.0 - stubbornness[v];
  }
  const std::vector<NodeId> seeds = choose_seeds(world, layer, params, rng, seed_purpose, 0.0);
  if (!seeds.empty() && params.flag("committed") && start.openness.empty())
    start.openness.assign(n, 1.0);
  for (NodeId v : seeds) {
    start.opinion[v] = params.real("seed_opinion");
    if (params.flag("committed")) start.openness[v] = 0.0;
  }
  return start;
}

}  // namespace village
