#include "analysis/network/degree_strength.hpp"

#include <algorithm>

#include "sim/parallel.hpp"

namespace village::network {

CsrLayer symmetrised(const CsrLayer& layer) {
  if (!layer.directed()) return layer;
  const auto weights = arc_weights(layer);
  std::vector<EdgeRecord> edges;
  edges.reserve(layer.arc_count());
  for (NodeId v = 0; v < layer.node_count(); ++v)
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      edges.push_back({v, layer.targets()[a], static_cast<float>(weight_of(weights, a))});
  return CsrLayer::from_edges(layer.node_count(), edges, Direction::undirected, !weights.empty());
}

Scores degrees(const CsrLayer& layer) {
  Scores result(layer.node_count());
  for_each_index(0, layer.node_count(), [&](std::int64_t v) {
    result[static_cast<std::size_t>(v)] = layer.degree(static_cast<NodeId>(v));
  });
  return result;
}

Scores strengths(const CsrLayer& layer) {
  const auto weights = arc_weights(layer);
  if (weights.empty()) return degrees(layer);
  Scores result(layer.node_count());
  for_each_index(0, layer.node_count(), [&](std::int64_t v) {
    double sum = 0;
    const auto node = static_cast<NodeId>(v);
    for (ArcIndex a = layer.first_arc(node); a < layer.end_arc(node); ++a)
      sum += weights[a];
    result[static_cast<std::size_t>(v)] = sum;
  });
  return result;
}

double density(const CsrLayer& layer) {
  const double n = layer.node_count();
  if (n < 2) return 0.0;
  const double pairs = layer.directed() ? n * (n - 1) : n * (n - 1) / 2;
  return static_cast<double>(layer.edge_count()) / pairs;
}

}  // namespace village::network
