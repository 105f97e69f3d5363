#include "sim/generators/generators.hpp"

namespace village {

CsrLayer complete_graph(NodeId n) {
  std::vector<EdgeRecord> edges;
  edges.reserve(static_cast<std::size_t>(n) * (n > 0 ? n - 1 : 0) / 2);
  for (NodeId v = 1; v < n; ++v) {
    for (NodeId w = 0; w < v; ++w)
      edges.push_back({v, w, 1.0f});
  }
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
