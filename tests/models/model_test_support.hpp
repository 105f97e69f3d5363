#pragma once
// Small helpers for the model tests: worlds around a given layer, and running a
// registry model for a number of steps.

#include <memory>
#include <utility>
#include <vector>

#include "models/model_registry.hpp"
#include "sim/generators/generators.hpp"

namespace village_test {

inline village::World world_of(village::CsrLayer layer) {
  village::World world;
  world.population = village::Population({{"node", layer.node_count()}});
  world.layers.emplace("network", std::move(layer));
  return world;
}

inline village::ParamValues defaults_of(const std::string& kind) {
  return village::ParamValues(village::find_model(kind)->params);
}

// Initializes the model and advances it `steps` steps.
inline void advance(village::Model& model, village::World& world, const village::RandomStream& rng,
                    int steps) {
  model.initialize(world, rng);
  for (int t = 0; t < steps; ++t)
    model.step(world, village::StepContext{rng, static_cast<std::uint64_t>(t)});
}

// Final value of `metric` for group "all" from a model's observation.
inline double observed(const village::Model& model, const village::World& world,
                       const std::string& metric) {
  std::vector<village::MetricRow> rows;
  village::Observation observation(world.population, 0, rows);
  model.observe(world, observation);
  for (const auto& row : rows) {
    if (row.metric == metric && row.group == "all") return row.value;
  }
  return -1.0;
}

}  // namespace village_test
