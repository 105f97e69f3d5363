#pragma once
// The network `village analyze network` analyses, and village.Network in Python wraps:
// a network file read by the reader its format names, or a layer of a scenario's world
// as the first replicate of `village run` builds it, after N weeks of its model.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"
#include "sim/csr_layer.hpp"

namespace village {

struct LoadedNetwork {
  CsrLayer layer;
  std::vector<std::string> labels;  // empty: nodes are their ids
  nlohmann::ordered_json source;    // what was read, for graph.json
};

struct NetworkFileOptions {
  std::string format = "auto";       // auto | edge_list | graphml | affiliation
  std::string projection = "count";  // affiliation: count | newman
  bool header = false;               // edge or affiliation list: first line names columns
  bool weighted = false;             // edge list: third column is the weight
  bool directed = false;             // edge list: arcs, not edges
};

// How the caller spells the options an error's hint names ("--layer", "--week N" on the
// command line; "layer=", "week=N" in Python).
struct NetworkOptionNames {
  std::string layer = "--layer";
  std::string week = "--week N";
};

// A scenario's world after `weeks` steps of its model (0: as built). The one place that
// knows how a scenario becomes the World a network is taken from.
World scenario_world(const Scenario& scenario, std::uint32_t weeks);

// The layer `layer` of that world (empty: a community's family_friends, else the world's
// only layer, else "network"). Throws InputError at `input` naming the layers there are.
LoadedNetwork scenario_network(const Scenario& scenario, const std::string& input,
                               std::string layer, std::uint32_t weeks,
                               const NetworkOptionNames& names = {});

// A network file in `options.format` ("auto": GraphML for .graphml and .xml, else an edge
// list; comma-separated for .csv). Throws InputError for an unknown format or projection.
LoadedNetwork file_network(const std::filesystem::path& path, const NetworkFileOptions& options);

std::string lower_extension(const std::filesystem::path& path);

}  // namespace village
