// `village analyze network INPUT`: reads a network (an edge list, GraphML, a bipartite
// affiliation list) or builds a scenario's world (optionally after N weeks of its
// model), runs every metric of analysis/network, and writes nodes.csv and graph.json.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "analysis/network/graph_input.hpp"
#include "analysis/network/network_report.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "scenarios/scenario.hpp"
#include "sim/import/import.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

struct LoadedNetwork {
  CsrLayer layer;
  std::vector<std::string> labels;
  nlohmann::ordered_json source;  // what was read, for graph.json
};

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// A scenario's world, as the first replicate of `village run` builds it, after `weeks`
// steps of its model. The one place that knows how a scenario becomes a World.
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

LoadedNetwork load_scenario_network(const AnalyzeOptions& options) {
  Scenario scenario = load_scenario(options.input);
  if (options.seed) scenario.plan.seed = *options.seed;
  const std::uint32_t weeks = options.week.value_or(0);
  World world = scenario_world(scenario, weeks);
  std::string name = options.layer;
  // A community's parents' own network is its family and friends.
  if (name.empty() && scenario.community) name = "family_friends";
  if (name.empty()) name = world.layers.size() == 1 ? world.layers.begin()->first : "network";
  const auto it = world.layers.find(name);
  if (it == world.layers.end()) {
    std::string names;
    for (const auto& [layer_name, layer] : world.layers)
      names += (names.empty() ? "" : ", ") + layer_name;
    throw InputError({options.input}, fmt::format("the world has no network layer '{}'", name),
                     fmt::format("choose one of {} with --layer{}", names,
                                 weeks == 0 ? " (layers of what happened, such as a community's "
                                              "co_attendance, exist after --week N)"
                                            : ""));
  }
  LoadedNetwork loaded{std::move(it->second), {}, {}};
  loaded.source = {{"scenario", fs::absolute(options.input).string()},
                   {"seed", scenario.plan.seed},
                   {"week", weeks},
                   {"layer", name},
                   {"world", scenario.world_kind()}};
  return loaded;
}

LoadedNetwork load_file_network(const AnalyzeOptions& options) {
  const fs::path path(options.input);
  if (options.week) {
    throw InputError({options.input}, "--week applies to a scenario, not to a network file",
                     "drop --week, or give a scenario (.toml)");
  }
  if (!options.layer.empty()) {
    throw InputError({options.input}, "--layer applies to a scenario, not to a network file",
                     "drop --layer: a network file holds one layer");
  }
  const std::string ext = lower_extension(path);
  std::string format = options.format;
  if (format == "auto") format = ext == ".graphml" || ext == ".xml" ? "graphml" : "edge_list";
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
    imported = read_edge_list(path, edge_list);
  }
  LoadedNetwork loaded{std::move(imported.layer), std::move(imported.labels), {}};
  loaded.source = {{"file", fs::absolute(path).string()}, {"format", format}};
  if (format == "affiliation")
    loaded.source["projection"] = options.projection == "newman" ? "newman" : "count";
  return loaded;
}

}  // namespace

int analyze_network_command(const AnalyzeOptions& options) {
  if (options.threads) set_thread_count(*options.threads);
  const fs::path input(options.input);
  if (!fs::exists(input)) {
    throw InputError({options.input}, "no such file",
                     "give a network file (.txt, .csv, .edges, .graphml) or a scenario (.toml)");
  }
  const auto start = std::chrono::steady_clock::now();
  LoadedNetwork loaded = lower_extension(input) == ".toml" ? load_scenario_network(options)
                                                           : load_file_network(options);
  const bool was_directed = loaded.layer.directed();
  // The metrics are those of the undirected network: a directed layer is symmetrised.
  if (was_directed) loaded.layer = network::symmetrised(loaded.layer);

  network::ReportOptions report_options;
  if (options.seed) report_options.seed = *options.seed;
  network::NetworkReport report =
      network::analyse_network(loaded.layer, loaded.labels, report_options);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  nlohmann::ordered_json graph;
  graph["village_version"] = kVersion;
  graph["input"] = loaded.source;
  if (was_directed) graph["input"]["symmetrised"] = true;
  graph["threads"] = thread_count();
  graph["wall_seconds"] = wall;
  graph.update(report.graph);

  const fs::path out = options.out.empty() ? fs::path("runs") / (input.stem().string() + "_network")
                                           : fs::path(options.out);
  create_output_folder(out);
  write_files_atomically(
      {{out / "nodes.csv", report.nodes_csv}, {out / "graph.json", json_text(graph)}});

  if (!options.quiet) {
    const auto& g = report.graph;
    fmt::print("village {}: network of {} ({} nodes, {} edges{}), {:.2f} s\n", kVersion,
               input.filename().string(), g["nodes"].get<std::uint64_t>(),
               g["edges"].get<std::uint64_t>(), g["weighted"].get<bool>() ? ", weighted" : "",
               wall);
    fmt::print("  density {:.4g}, mean degree {:.3g}, {} components (largest {})\n",
               g["density"].get<double>(), g["mean_degree"].get<double>(),
               g["components"].get<std::uint64_t>(), g["largest_component"].get<std::uint64_t>());
    fmt::print("  transitivity {:.3f}, average clustering {:.3f}, degree assortativity {}\n",
               g["transitivity"].get<double>(), g["average_clustering"].get<double>(),
               g["degree_assortativity"].is_null()
                   ? std::string("undefined")
                   : fmt::format("{:.3f}", g["degree_assortativity"].get<double>()));
    fmt::print(
        "  {} communities (Leiden, modularity {:.3f}), {:.1f}% of ties across them, {} bridges\n",
        g["communities"]["count"].get<std::uint64_t>(),
        g["communities"]["modularity"].is_null() ? 0.0
                                                 : g["communities"]["modularity"].get<double>(),
        100 * g["cross_community_share"].get<double>(), g["bridges"].get<std::uint64_t>());
    const auto names = [](const nlohmann::ordered_json& list) {
      std::string text;
      for (const auto& item : list)
        text += (text.empty() ? "" : ", ") + item.get<std::string>();
      return text;
    };
    fmt::print("  key figures: betweenness {}; brokers {}\n",
               names(g["key_figures"]["top_betweenness"]),
               names(g["key_figures"]["brokers_lowest_constraint"]));
    fmt::print("Wrote {}/nodes.csv and graph.json\n", out.string());
  }
  return 0;
}

}  // namespace village
