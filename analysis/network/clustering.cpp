#include "analysis/network/clustering.hpp"

#include "sim/parallel.hpp"

namespace village::network {

namespace {

std::uint64_t common_count(std::span<const NodeId> a, std::span<const NodeId> b) {
  std::uint64_t count = 0;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++count;
      ++i;
      ++j;
    }
  }
  return count;
}

}  // namespace

Clustering clustering(const CsrLayer& layer) {
  require_undirected(layer, "clustering");
  const NodeId n = layer.node_count();
  Clustering result;
  result.triangles.assign(n, 0);
  result.local.assign(n, 0.0);
  for_each_index_balanced(0, n, [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    const auto row = layer.neighbours(v);
    std::uint64_t twice = 0;  // each neighbour-neighbour edge is seen from both ends
    for (NodeId u : row)
      twice += common_count(row, layer.neighbours(u));
    result.triangles[v] = twice / 2;
    const double d = static_cast<double>(row.size());
    if (row.size() >= 2) result.local[v] = static_cast<double>(twice) / (d * (d - 1));
  });
  std::uint64_t triangle_sum = 0;
  std::uint64_t triples = 0;
  for (NodeId v = 0; v < n; ++v) {
    const std::uint64_t d = layer.degree(v);
    triangle_sum += result.triangles[v];
    triples += d * (d - (d > 0 ? 1 : 0)) / 2;
  }
  result.average_local =
      n == 0 ? 0.0 : sum_over_indices(0, n, [&](std::int64_t v) { return result.local[v]; }) / n;
  result.transitivity =
      triples == 0 ? 0.0 : static_cast<double>(triangle_sum) / static_cast<double>(triples);
  return result;
}

}  // namespace village::network
