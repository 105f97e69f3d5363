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
#include "app/network_input.hpp"
#include "scenarios/scenario.hpp"
#include "sim/import/import.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

LoadedNetwork load_scenario_network(const AnalyzeOptions& options) {
  Scenario scenario = load_scenario(options.input);
  if (options.seed) scenario.plan.seed = *options.seed;
  LoadedNetwork loaded =
      scenario_network(scenario, options.input, options.layer, options.week.value_or(0));
  loaded.source["scenario"] = fs::absolute(options.input).string();
  return loaded;
}

LoadedNetwork load_file_network(const AnalyzeOptions& options) {
  if (options.week) {
    throw InputError({options.input}, "--week applies to a scenario, not to a network file",
                     "drop --week, or give a scenario (.toml)");
  }
  if (!options.layer.empty()) {
    throw InputError({options.input}, "--layer applies to a scenario, not to a network file",
                     "drop --layer: a network file holds one layer");
  }
  NetworkFileOptions file;
  file.format = options.format;
  file.projection = options.projection;
  file.header = options.header;
  file.weighted = options.weighted;
  return file_network(options.input, file);
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
