#pragma once
// Small helpers for the model tests: worlds around a given layer, running a model for a
// number of steps, replicate statistics, and the registry checks every model shares.

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "models/model_registry.hpp"
#include "sim/csr_graph_traits.hpp"
#include "sim/generators/generators.hpp"
#include "sim/runner.hpp"

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

// Value of `metric` for group "all" at `step` in a run's records (NaN when absent).
inline double recorded(const village::RunRecord& record, const std::string& metric,
                       std::uint32_t step) {
  for (const auto& row : record.rows) {
    if (row.step == step && row.metric == metric && row.group == "all") return row.value;
  }
  return std::nan("");
}

inline double spread(std::span<const double> x) {
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  return *high - *low;
}

// Connected components of an undirected layer (Boost.Graph on the CSR arrays).
inline std::vector<int> components(const village::CsrLayer& layer) {
  std::vector<int> component(layer.node_count());
  boost::connected_components(
      village::undirected_view(layer),
      boost::make_iterator_property_map(component.begin(),
                                        boost::typed_identity_property_map<village::NodeId>()));
  return component;
}

inline bool connected(const village::CsrLayer& layer) {
  const auto component = components(layer);
  return std::all_of(component.begin(), component.end(), [](int c) { return c == 0; });
}

// Agents reachable from `seed` along the given arcs (the seed included), by Boost.Graph
// BFS on a directed CSR layer built from them.
inline int reachable(village::NodeId nodes, const std::vector<village::EdgeRecord>& arcs,
                     village::NodeId seed) {
  const auto live = village::CsrLayer::from_edges(nodes, arcs, village::Direction::directed);
  std::vector<boost::default_color_type> color(nodes, boost::white_color);
  auto colors = boost::make_iterator_property_map(
      color.begin(), boost::typed_identity_property_map<village::NodeId>());
  boost::breadth_first_visit(village::directed_view(live), seed, boost::color_map(colors));
  return static_cast<int>(
      std::count_if(color.begin(), color.end(), [](auto c) { return c != boost::white_color; }));
}

// Mean and standard error (from the sample variance) of `replicates` draws.
struct Estimate {
  double mean = 0;
  double standard_error = 0;
};

template <typename Draw>
Estimate replicate_mean(int replicates, Draw&& draw) {
  double sum = 0;
  double squares = 0;
  for (int r = 0; r < replicates; ++r) {
    const double x = draw(static_cast<std::uint64_t>(r));
    sum += x;
    squares += x * x;
  }
  const double mean = sum / replicates;
  const double variance = (squares - replicates * mean * mean) / (replicates - 1);
  return {mean, std::sqrt(variance / replicates)};
}

// The registry entry of `kind` documents every parameter (description and source),
// keeps each default inside its declared range and choices, and builds a model from
// the defaults alone that runs on a small network.
inline void check_registry_entry(const std::string& kind) {
  const village::ModelInfo* info = village::find_model(kind);
  REQUIRE(info != nullptr);
  CHECK_FALSE(info->summary.empty());
  CHECK_FALSE(info->reference.empty());
  CHECK(info->make);
  std::set<std::string> names;
  std::vector<village::ParamSpec> specs = info->params;
  for (const auto& table : info->extra_tables) {
    for (village::ParamSpec spec : table.specs) {
      spec.name = table.name + "." + spec.name;
      specs.push_back(spec);
    }
  }
  for (const auto& spec : specs) {
    INFO(kind << "." << spec.name);
    CHECK(names.insert(spec.name).second);
    CHECK_FALSE(spec.description.empty());
    CHECK_FALSE(spec.source.empty());
    CHECK(spec.min <= spec.max);
    switch (spec.type) {
      case village::ParamType::real:
      case village::ParamType::integer:
        CHECK(std::isfinite(spec.default_number));
        CHECK(spec.default_number >= spec.min);
        CHECK(spec.default_number <= spec.max);
        if (spec.min_exclusive) CHECK(spec.default_number > spec.min);
        if (spec.type == village::ParamType::integer)
          CHECK(spec.default_number == std::round(spec.default_number));
        break;
      case village::ParamType::text:
        if (!spec.choices.empty()) {
          CHECK(std::find(spec.choices.begin(), spec.choices.end(), spec.default_text) !=
                spec.choices.end());
        }
        break;
      case village::ParamType::boolean:
        break;
    }
  }
  // A model of a synthesised community runs in its own tests (tests/models/parent_support).
  if (info->needs_community) return;
  // Defaults only, through the runner, as a scenario would run it.
  const village::ParamValues values(info->params);
  const village::RunPlan plan{.seed = 11, .replicates = 1, .steps = 5};
  const auto record = village::run_one(
      0, plan,
      [](const village::RandomStream& rng) {
        return world_of(village::erdos_renyi_gnp(200, 6.0 / 199, rng));
      },
      [&] { return info->make(values); });
  REQUIRE_FALSE(record.rows.empty());
  CHECK(record.rows.back().step == plan.steps);
  for (const auto& row : record.rows) {
    INFO(kind << ": " << row.metric << " at step " << row.step);
    CHECK(std::isfinite(row.value));
  }
}

}  // namespace village_test
