#include "app/network_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "sim/error.hpp"
#include "sim/import/import.hpp"

namespace village {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

World scenario_world(const Scenario& scenario, std::uint32_t weeks) {
  const RandomStream rng(scenario.plan.seed, 0);
  World world = make_world_factory(scenario)(rng);
  if (weeks > 0) {
    std::unique_ptr<Model> model = scenario.model->make(scenario.model_values);
    model->initialize(world, rng);
    for (std::uint32_t t = 0; t < weeks; ++t)
      model->step(world, StepContext{rng, t});
    model->add_history_layers(world);
  }
  return world;
}

LoadedNetwork scenario_network(const Scenario& scenario, const std::string& input,
                               std::string layer, std::uint32_t weeks,
                               const NetworkOptionNames& names) {
  World world = scenario_world(scenario, weeks);
  // A community's parents' own network is its family and friends.
  if (layer.empty() && scenario.community) layer = "family_friends";
  if (layer.empty()) layer = world.layers.size() == 1 ? world.layers.begin()->first : "network";
  const auto it = world.layers.find(layer);
  if (it == world.layers.end()) {
    std::string layers;
    for (const auto& [name, unused] : world.layers)
      layers += (layers.empty() ? "" : ", ") + name;
    throw InputError({input}, fmt::format("the world has no network layer '{}'", layer),
                     fmt::format("choose one of {} with {}{}", layers, names.layer,
                                 weeks == 0 ? fmt::format(" (layers of what happened, such as a "
                                                          "community's co_attendance, exist "
                                                          "after {})",
                                                          names.week)
                                            : ""));
  }
  LoadedNetwork loaded{std::move(it->second), {}, {}};
  loaded.source = {{"scenario", fs::absolute(scenario.path).string()},
                   {"seed", scenario.plan.seed},
                   {"week", weeks},
                   {"layer", layer},
                   {"world", scenario.world_kind()}};
  return loaded;
}

LoadedNetwork file_network(const fs::path& path, const NetworkFileOptions& options) {
  const std::string ext = lower_extension(path);
  std::string format = options.format;
  if (format == "auto") format = ext == ".graphml" || ext == ".xml" ? "graphml" : "edge_list";
  if (format != "graphml" && format != "affiliation" && format != "edge_list")
    throw InputError({"format"}, fmt::format("unknown network format '{}'", format),
                     "use auto, edge_list, graphml or affiliation");
  if (options.projection != "count" && options.projection != "newman")
    throw InputError({"projection"}, fmt::format("unknown projection '{}'", options.projection),
                     "use count or newman");
  const char delimiter = ext == ".csv" ? ',' : '\0';
  ImportedNetwork imported;
  if (format == "graphml") {
    imported = read_graphml(path);
  } else if (format == "affiliation") {
    AffiliationOptions affiliation;
    affiliation.delimiter = delimiter;
    affiliation.header = options.header;
    affiliation.weight =
        options.projection == "newman" ? ProjectionWeight::newman : ProjectionWeight::count;
    imported = read_affiliation_projection(path, affiliation);
  } else {
    EdgeListOptions edge_list;
    edge_list.delimiter = delimiter;
    edge_list.header = options.header;
    edge_list.weighted = options.weighted;
    edge_list.direction = options.directed ? Direction::directed : Direction::undirected;
    imported = read_edge_list(path, edge_list);
  }
  LoadedNetwork loaded{std::move(imported.layer), std::move(imported.labels), {}};
  loaded.source = {{"file", fs::absolute(path).string()}, {"format", format}};
  if (format == "affiliation") loaded.source["projection"] = options.projection;
  return loaded;
}

}  // namespace village
