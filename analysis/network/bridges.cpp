#include "analysis/network/bridges.hpp"

#include <algorithm>

namespace village::network {

std::vector<std::pair<NodeId, NodeId>> bridges(const CsrLayer& layer) {
  require_undirected(layer, "bridges");
  const NodeId n = layer.node_count();
  constexpr std::uint32_t unvisited = UINT32_MAX;
  std::vector<std::uint32_t> entry(n, unvisited);  // DFS discovery time
  std::vector<std::uint32_t> low(n, 0);
  struct Frame {
    NodeId node;
    NodeId parent;
    ArcIndex next_arc;
  };
  std::vector<Frame> stack;
  std::vector<std::pair<NodeId, NodeId>> result;
  std::uint32_t clock = 0;
  for (NodeId root = 0; root < n; ++root) {
    if (entry[root] != unvisited) continue;
    entry[root] = low[root] = clock++;
    stack.push_back({root, root, layer.first_arc(root)});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const NodeId v = frame.node;
      if (frame.next_arc < layer.end_arc(v)) {
        const NodeId w = layer.targets()[frame.next_arc++];
        if (entry[w] == unvisited) {
          entry[w] = low[w] = clock++;
          stack.push_back({w, v, layer.first_arc(w)});
        } else if (w != frame.parent || v == frame.parent) {
          low[v] = std::min(low[v], entry[w]);  // back edge (the tree edge is skipped)
        }
        continue;
      }
      const NodeId parent = frame.parent;
      stack.pop_back();
      if (stack.empty()) break;
      low[parent] = std::min(low[parent], low[v]);
      if (low[v] > entry[parent]) result.emplace_back(std::min(v, parent), std::max(v, parent));
    }
  }
  std::sort(result.begin(), result.end());
  return result;
}

CrossCommunityTies cross_community_ties(const CsrLayer& layer,
                                        const std::vector<std::uint32_t>& membership) {
  const NodeId n = layer.node_count();
  CrossCommunityTies result;
  result.node_share.assign(n, 0.0);
  std::uint64_t crossing_arcs = 0;
  for (NodeId v = 0; v < n; ++v) {
    std::uint64_t crossing = 0;
    for (NodeId u : layer.neighbours(v))
      crossing += membership[u] != membership[v] ? 1 : 0;
    crossing_arcs += crossing;
    if (layer.degree(v) > 0) result.node_share[v] = static_cast<double>(crossing) / layer.degree(v);
  }
  if (layer.arc_count() > 0)
    result.share = static_cast<double>(crossing_arcs) / static_cast<double>(layer.arc_count());
  return result;
}

}  // namespace village::network
