#include "analysis/network/communities.hpp"

#include <igraph.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace village::network {

namespace {

// RAII owners of igraph objects (igraph's own cleanup is a manual stack).
struct IgraphGraph {
  igraph_t graph;
  explicit IgraphGraph(const CsrLayer& layer) {
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, static_cast<igraph_integer_t>(layer.arc_count()));
    igraph_integer_t k = 0;
    for (NodeId v = 0; v < layer.node_count(); ++v)
      for (NodeId u : layer.neighbours(v))
        if (u > v) {
          VECTOR(edges)[k++] = v;
          VECTOR(edges)[k++] = u;
        }
    igraph_vector_int_resize(&edges, k);
    const igraph_error_t status =
        igraph_create(&graph, &edges, layer.node_count(), IGRAPH_UNDIRECTED);
    igraph_vector_int_destroy(&edges);
    if (status != IGRAPH_SUCCESS) throw std::runtime_error("igraph_create failed");
  }
  ~IgraphGraph() { igraph_destroy(&graph); }
  IgraphGraph(const IgraphGraph&) = delete;
  IgraphGraph& operator=(const IgraphGraph&) = delete;
};

struct IgraphVector {
  igraph_vector_t vector;
  explicit IgraphVector(igraph_integer_t size = 0) { igraph_vector_init(&vector, size); }
  ~IgraphVector() { igraph_vector_destroy(&vector); }
  IgraphVector(const IgraphVector&) = delete;
  IgraphVector& operator=(const IgraphVector&) = delete;
};

struct IgraphIntVector {
  igraph_vector_int_t vector;
  IgraphIntVector() { igraph_vector_int_init(&vector, 0); }
  ~IgraphIntVector() { igraph_vector_int_destroy(&vector); }
  IgraphIntVector(const IgraphIntVector&) = delete;
  IgraphIntVector& operator=(const IgraphIntVector&) = delete;
};

void check(igraph_error_t status, const char* what) {
  if (status != IGRAPH_SUCCESS)
    throw std::runtime_error(std::string(what) + " failed: " + igraph_strerror(status));
}

// Edge weights in the order IgraphGraph lists the edges (u < v).
void fill_edge_weights(const CsrLayer& layer, IgraphVector& weights) {
  const auto arc_weight = arc_weights(layer);
  igraph_integer_t k = 0;
  igraph_vector_resize(&weights.vector, static_cast<igraph_integer_t>(layer.edge_count()));
  for (NodeId v = 0; v < layer.node_count(); ++v)
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      if (layer.targets()[a] > v) VECTOR(weights.vector)[k++] = weight_of(arc_weight, a);
}

// Renumbers communities by their smallest node.
std::vector<std::uint32_t> canonical(const igraph_vector_int_t& raw, std::uint32_t& count) {
  const auto n = static_cast<std::size_t>(igraph_vector_int_size(&raw));
  std::vector<std::uint32_t> relabel(n, UINT32_MAX);
  std::vector<std::uint32_t> membership(n);
  count = 0;
  for (std::size_t v = 0; v < n; ++v) {
    auto& label = relabel[static_cast<std::size_t>(VECTOR(raw)[v])];
    if (label == UINT32_MAX) label = count++;
    membership[v] = label;
  }
  return membership;
}

}  // namespace

double modularity(const CsrLayer& layer, const std::vector<std::uint32_t>& membership) {
  require_undirected(layer, "modularity");
  const auto weights = arc_weights(layer);
  std::uint32_t count = 0;
  for (std::uint32_t c : membership)
    count = std::max(count, c + 1);
  std::vector<double> inside(count, 0.0);
  std::vector<double> strength(count, 0.0);
  double total = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v)
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
      const double w = weight_of(weights, a);
      total += w;
      strength[membership[v]] += w;
      if (membership[layer.targets()[a]] == membership[v]) inside[membership[v]] += w;
    }
  if (total == 0) return std::numeric_limits<double>::quiet_NaN();
  double q = 0;
  for (std::uint32_t c = 0; c < count; ++c)
    q += inside[c] / total - (strength[c] / total) * (strength[c] / total);
  return q;
}

// Leiden iterations at most: ample, as a partition is usually stable within a few.
constexpr int kLeidenIterations = 100;

Communities detect_communities(const CsrLayer& layer, CommunityMethod method, std::uint64_t seed) {
  require_undirected(layer, "detect_communities");
  Communities result;
  const NodeId n = layer.node_count();
  if (n == 0) return result;
  // igraph's random generator and handlers are global: one detection at a time (runs
  // that seed by community call this from several threads).
  static std::mutex igraph_state;
  const std::lock_guard<std::mutex> lock(igraph_state);
  // igraph aborts on errors by default; report them through return codes instead.
  igraph_set_error_handler(igraph_error_handler_ignore);
  igraph_set_warning_handler(igraph_warning_handler_ignore);
  check(igraph_rng_seed(igraph_rng_default(), seed), "igraph_rng_seed");
  IgraphGraph graph(layer);
  IgraphVector weights;
  fill_edge_weights(layer, weights);
  IgraphIntVector membership;
  if (method == CommunityMethod::leiden) {
    IgraphVector node_weights(n);
    double total = 0;
    const auto arc_weight = arc_weights(layer);
    for (NodeId v = 0; v < n; ++v) {
      double s = 0;
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
        s += weight_of(arc_weight, a);
      VECTOR(node_weights.vector)[v] = s;
      total += s;
    }
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    const double resolution = total > 0 ? 1.0 / total : 1.0;
    // One iteration at a time from the last partition, until it no longer changes (what
    // n_iterations = -1 does), but at most kLeidenIterations: on some weighted graphs the
    // unbounded loop did not end (a co-attendance layer under a sanitizer build).
    std::vector<std::uint32_t> previous;
    result.stable = false;
    for (int iteration = 0; iteration < kLeidenIterations; ++iteration) {
      check(
          igraph_community_leiden(&graph.graph, &weights.vector, &node_weights.vector, resolution,
                                  0.01, iteration > 0, 1, &membership.vector, &clusters, &quality),
          "igraph_community_leiden");
      std::uint32_t count = 0;
      std::vector<std::uint32_t> now = canonical(membership.vector, count);
      if (now == previous) {
        result.stable = true;
        break;
      }
      previous = std::move(now);
    }
  } else {
    IgraphVector level_modularity;
    check(igraph_community_multilevel(&graph.graph, &weights.vector, 1.0, &membership.vector,
                                      nullptr, &level_modularity.vector),
          "igraph_community_multilevel");
  }
  result.membership = canonical(membership.vector, result.count);
  result.modularity = modularity(layer, result.membership);
  return result;
}

}  // namespace village::network
