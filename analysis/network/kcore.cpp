#include "analysis/network/kcore.hpp"

#include <algorithm>

namespace village::network {

std::vector<std::uint32_t> core_numbers(const CsrLayer& layer) {
  require_undirected(layer, "core_numbers");
  const NodeId n = layer.node_count();
  std::vector<std::uint32_t> degree(n);
  std::uint32_t max_degree = 0;
  for (NodeId v = 0; v < n; ++v) {
    degree[v] = layer.degree(v);
    max_degree = std::max(max_degree, degree[v]);
  }
  // Nodes sorted by current degree (bucket sort); bucket_start[d] is where degree d begins.
  std::vector<NodeId> bucket_start(max_degree + std::size_t{2}, 0);
  for (NodeId v = 0; v < n; ++v)
    ++bucket_start[degree[v] + 1];
  for (std::size_t d = 1; d < bucket_start.size(); ++d)
    bucket_start[d] += bucket_start[d - 1];
  std::vector<NodeId> sorted(n);
  std::vector<NodeId> position(n);
  {
    std::vector<NodeId> fill(bucket_start.begin(), bucket_start.end() - 1);
    for (NodeId v = 0; v < n; ++v) {
      position[v] = fill[degree[v]]++;
      sorted[position[v]] = v;
    }
  }
  // Peel in order of current degree; a neighbour with a higher degree drops by one,
  // moving to the front of its bucket so the order stays sorted.
  for (NodeId i = 0; i < n; ++i) {
    const NodeId v = sorted[i];
    for (NodeId u : layer.neighbours(v)) {
      if (degree[u] <= degree[v]) continue;
      const std::uint32_t du = degree[u];
      const NodeId first = std::max(bucket_start[du], i + 1);
      const NodeId w = sorted[first];
      if (u != w) {
        std::swap(sorted[position[u]], sorted[first]);
        position[w] = position[u];
        position[u] = first;
      }
      bucket_start[du] = first + 1;
      --degree[u];
    }
  }
  return degree;
}

}  // namespace village::network
