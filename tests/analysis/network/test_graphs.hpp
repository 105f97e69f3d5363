#pragma once
// Small graphs with hand-computable metrics, random graphs for property tests, and
// brute-force references (all-pairs distances and path counts).

#include <cstdint>
#include <limits>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/generators/generators.hpp"
#include "sim/parallel.hpp"
#include "sim/rng.hpp"

namespace village_test {

using village::CsrLayer;
using village::EdgeRecord;
using village::NodeId;

inline CsrLayer undirected(NodeId n, const std::vector<EdgeRecord>& edges, bool weighted = false) {
  return CsrLayer::from_edges(n, edges, village::Direction::undirected, weighted);
}

inline CsrLayer path_graph(NodeId n) {
  std::vector<EdgeRecord> edges;
  for (NodeId v = 0; v + 1 < n; ++v)
    edges.push_back({v, v + 1});
  return undirected(n, edges);
}

// Node 0 is the centre, 1..n-1 the leaves.
inline CsrLayer star_graph(NodeId n) {
  std::vector<EdgeRecord> edges;
  for (NodeId v = 1; v < n; ++v)
    edges.push_back({0, v});
  return undirected(n, edges);
}

inline CsrLayer complete(NodeId n) {
  return village::complete_graph(n);
}

inline CsrLayer cycle_graph(NodeId n) {
  std::vector<EdgeRecord> edges;
  for (NodeId v = 0; v < n; ++v)
    edges.push_back({v, (v + 1) % n});
  return undirected(n, edges);
}

// Two cliques of size k (nodes 0..k-1 and k..2k-1) joined by the bridge (k-1, k).
inline CsrLayer two_cliques(NodeId k) {
  std::vector<EdgeRecord> edges;
  for (NodeId base : {NodeId{0}, k})
    for (NodeId a = 0; a < k; ++a)
      for (NodeId b = a + 1; b < k; ++b)
        edges.push_back({base + a, base + b});
  edges.push_back({k - 1, k});
  return undirected(2 * k, edges);
}

inline CsrLayer random_graph(NodeId n, double p, std::uint64_t seed) {
  return village::erdos_renyi_gnp(n, p, village::RandomStream(seed, 0));
}

// A random graph with weights in {1, 2, 3} (the same on both arcs of an edge).
inline CsrLayer random_weighted_graph(NodeId n, double p, std::uint64_t seed) {
  const CsrLayer plain = random_graph(n, p, seed);
  const village::RandomStream rng(seed, 1);
  std::vector<EdgeRecord> edges;
  for (NodeId v = 0; v < n; ++v)
    for (NodeId u : plain.neighbours(v))
      if (u > v)
        edges.push_back({v, u, static_cast<float>(1 + rng.bits(0, v * 1000ULL + u, 7) % 3)});
  return undirected(n, edges, true);
}

inline constexpr int kUnreachable = std::numeric_limits<int>::max();

// Floyd-Warshall hop distances.
inline std::vector<std::vector<int>> all_distances(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  std::vector<std::vector<int>> d(n, std::vector<int>(n, kUnreachable));
  for (NodeId v = 0; v < n; ++v) {
    d[v][v] = 0;
    for (NodeId u : layer.neighbours(v))
      d[v][u] = 1;
  }
  for (NodeId k = 0; k < n; ++k)
    for (NodeId i = 0; i < n; ++i)
      for (NodeId j = 0; j < n; ++j)
        if (d[i][k] != kUnreachable && d[k][j] != kUnreachable && d[i][k] + d[k][j] < d[i][j])
          d[i][j] = d[i][k] + d[k][j];
  return d;
}

// Number of shortest paths between every pair, by dynamic programming over distances.
inline std::vector<std::vector<double>> shortest_path_counts(
    const CsrLayer& layer, const std::vector<std::vector<int>>& d) {
  const NodeId n = layer.node_count();
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
  for (NodeId s = 0; s < n; ++s) {
    sigma[s][s] = 1;
    // Targets in order of distance from s.
    for (int level = 1; level < static_cast<int>(n); ++level)
      for (NodeId t = 0; t < n; ++t)
        if (d[s][t] == level)
          for (NodeId u : layer.neighbours(t))
            if (d[s][u] == level - 1) sigma[s][t] += sigma[s][u];
  }
  return sigma;
}

// Runs f with 1 thread, then 2, restoring the thread count.
template <typename F>
auto at_one_and_two_threads(F&& f) {
  const int saved = village::thread_count();
  village::set_thread_count(1);
  auto one = f();
  village::set_thread_count(2);
  auto two = f();
  village::set_thread_count(saved);
  return std::make_pair(one, two);
}

}  // namespace village_test
