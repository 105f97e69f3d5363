#pragma once
// Every metric of analysis/network on one layer, as the two files `village analyze
// network` writes: nodes.csv (one row per node, one column per metric) and graph.json
// (graph-level figures, key figures, and how each figure was computed).

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/network/graph_input.hpp"

namespace village::network {

struct ReportOptions {
  std::uint64_t seed = 1;
  // Exact betweenness up to this many nodes; above, sampled_betweenness with
  // betweenness_samples sources.
  NodeId exact_betweenness_limit = 20000;
  std::uint64_t betweenness_samples = 256;
  std::size_t key_figures = 5;
  // CELF runs up to this many nodes (it is O(k n R (n + m))); IMM always runs.
  NodeId celf_limit = 2000;
  double cascade_probability = 0.1;
};

struct NetworkReport {
  std::string nodes_csv;
  nlohmann::ordered_json graph;
};

// labels: the name of each node (empty: node ids). An undirected layer is expected
// (symmetrise a directed one first).
NetworkReport analyse_network(const CsrLayer& layer, const std::vector<std::string>& labels,
                              const ReportOptions& options);

}  // namespace village::network
