#include "analysis/network/network_report.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "analysis/network/assortativity.hpp"
#include "analysis/network/betweenness.hpp"
#include "analysis/network/bridges.hpp"
#include "analysis/network/brokerage.hpp"
#include "analysis/network/closeness.hpp"
#include "analysis/network/clustering.hpp"
#include "analysis/network/communities.hpp"
#include "analysis/network/components.hpp"
#include "analysis/network/degree_strength.hpp"
#include "analysis/network/influence_maximisation.hpp"
#include "analysis/network/kcore.hpp"
#include "analysis/network/key_figure_selection.hpp"
#include "analysis/network/spectral.hpp"
#include "sim/csv.hpp"
#include "sim/rng.hpp"

namespace village::network {

namespace {

nlohmann::ordered_json node_list(const std::vector<NodeId>& nodes,
                                 const std::vector<std::string>& labels) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (NodeId v : nodes)
    list.push_back(labels.empty() ? std::to_string(v) : labels[v]);
  return list;
}

double null_if_nan(double value) {
  return value;
}  // nlohmann writes NaN as null

}  // namespace

NetworkReport analyse_network(const CsrLayer& layer, const std::vector<std::string>& labels,
                              const ReportOptions& options) {
  require_undirected(layer, "analyse_network");
  const NodeId n = layer.node_count();
  const RandomStream rng(options.seed, 0);
  nlohmann::ordered_json timings;
  const auto timed = [&timings](const char* name, auto&& compute) {
    const auto start = std::chrono::steady_clock::now();
    auto value = compute();
    timings[name] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return value;
  };

  const Scores degree = degrees(layer);
  const Scores strength = strengths(layer);
  const Components components = timed("components", [&] { return connected_components(layer); });
  const Clustering clustered = timed("clustering", [&] { return clustering(layer); });
  const double assortativity = degree_assortativity(layer);
  const bool exact = n <= options.exact_betweenness_limit;
  SampledBetweenness sampled;
  const Scores between = timed("betweenness", [&] {
    if (exact) return betweenness(layer);
    sampled = sampled_betweenness(layer, options.betweenness_samples, rng);
    return sampled.values;
  });
  const Closeness close = timed("closeness", [&] { return closeness(layer); });
  const EigenvectorCentrality eigen =
      timed("eigenvector", [&] { return eigenvector_centrality(layer); });
  const KatzCentrality katz = timed("katz", [&] { return katz_centrality(layer); });
  const PageRank rank = timed("pagerank", [&] { return pagerank(layer); });
  const std::vector<std::uint32_t> core = timed("kcore", [&] { return core_numbers(layer); });
  const Communities communities = timed("communities", [&] {
    return detect_communities(layer, CommunityMethod::leiden, options.seed);
  });
  const Brokerage broker = timed("brokerage", [&] { return brokerage(layer); });
  const auto bridge_list = timed("bridges", [&] { return bridges(layer); });
  const CrossCommunityTies cross = cross_community_ties(layer, communities.membership);

  NetworkReport report;
  fmt::memory_buffer csv;
  fmt::format_to(std::back_inserter(csv),
                 "node,label,degree,strength,component,core,local_clustering,betweenness,"
                 "closeness,harmonic,eigenvector,katz,pagerank,community,constraint,"
                 "effective_size,cross_community_share\n");
  for (NodeId v = 0; v < n; ++v) {
    fmt::format_to(std::back_inserter(csv), "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                   v, csv_field(labels.empty() ? std::to_string(v) : labels[v]), degree[v],
                   strength[v], components.membership[v], core[v], clustered.local[v], between[v],
                   close.closeness[v], close.harmonic[v], eigen.values[v], katz.values[v],
                   rank.values[v], communities.membership[v], broker.constraint[v],
                   broker.effective_size[v], cross.node_share[v]);
  }
  report.nodes_csv = fmt::to_string(csv);

  auto& graph = report.graph;
  graph["nodes"] = n;
  graph["edges"] = layer.edge_count();
  graph["weighted"] = layer.has_attribute("weight");
  graph["density"] = density(layer);
  graph["mean_degree"] = n == 0 ? 0.0 : 2.0 * static_cast<double>(layer.edge_count()) / n;
  graph["components"] = components.count();
  graph["largest_component"] = components.largest();
  graph["transitivity"] = clustered.transitivity;
  graph["average_clustering"] = clustered.average_local;
  graph["degree_assortativity"] = null_if_nan(assortativity);
  std::uint32_t max_core = 0;
  for (std::uint32_t c : core)
    max_core = std::max(max_core, c);
  graph["max_core"] = max_core;
  graph["communities"] = {{"method", "leiden (igraph), modularity"},
                          {"seed", options.seed},
                          {"count", communities.count},
                          {"modularity", null_if_nan(communities.modularity)}};
  // Said only when Leiden hit its iteration cap (communities.hpp): the partition is usable
  // but not a fixed point.
  if (!communities.stable) graph["communities"]["stable"] = false;
  graph["bridges"] = bridge_list.size();
  graph["cross_community_share"] = cross.share;
  graph["betweenness"] =
      exact ? nlohmann::ordered_json{{"method", "exact (Brandes 2001)"}}
            : nlohmann::ordered_json{{"method", "sampled sources (Brandes & Pich 2007)"},
                                     {"samples", sampled.samples},
                                     {"epsilon_normalized", sampled.epsilon},
                                     {"absolute_error", sampled.absolute_error},
                                     {"failure_probability", sampled.failure_probability}};
  graph["eigenvalue"] = eigen.eigenvalue;
  graph["katz_alpha"] = katz.alpha;

  const std::size_t k = options.key_figures;
  nlohmann::ordered_json key;
  key["top_degree"] = node_list(top_k(degree, k), labels);
  key["top_betweenness"] = node_list(top_k(between, k), labels);
  key["top_eigenvector"] = node_list(top_k(eigen.values, k), labels);
  key["top_pagerank"] = node_list(top_k(rank.values, k), labels);
  key["brokers_lowest_constraint"] = node_list(lowest_k(broker.constraint, k), labels);
  key["one_per_community"] = node_list(one_per_community(layer, communities.membership), labels);
  key["friend_nomination"] = node_list(friend_nomination(layer, k, rng), labels);
  ImmOptions imm_options;
  imm_options.k = k;
  imm_options.probability = options.cascade_probability;
  const InfluenceSeeds imm_seeds = timed("imm", [&] { return imm(layer, imm_options, rng); });
  key["influence_imm"] = {{"probability", options.cascade_probability},
                          {"epsilon", imm_options.epsilon},
                          {"seeds", node_list(imm_seeds.seeds, labels)},
                          {"estimated_spread", imm_seeds.estimated_spread},
                          {"rr_sets", imm_seeds.samples}};
  if (n <= options.celf_limit) {
    CelfOptions celf_options;
    celf_options.k = k;
    celf_options.probability = options.cascade_probability;
    celf_options.samples = 200;
    const InfluenceSeeds celf_seeds = timed("celf", [&] { return celf(layer, celf_options, rng); });
    key["influence_celf"] = {{"probability", options.cascade_probability},
                             {"samples", celf_seeds.samples},
                             {"seeds", node_list(celf_seeds.seeds, labels)},
                             {"estimated_spread", celf_seeds.estimated_spread}};
  }
  graph["key_figures"] = key;
  graph["seconds"] = timings;
  return report;
}

}  // namespace village::network
