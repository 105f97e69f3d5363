#pragma once
// Bridges and ties across communities, on an undirected layer.
//
// bridge: an edge whose removal increases the number of connected components (Tarjan
//   1974, Inf. Process. Lett. 2:160, doi:10.1016/0020-0190(74)90003-9): found by one
//   iterative depth-first search with low-links, O(n + m). Each bridge is listed as
//   (u, v) with u < v, in increasing order. As igraph's bridges() and networkx's bridges().
// cross-community share: of all edges, the share whose ends lie in different
//   communities; per node, the share of its ties that leave its community (0 for an
//   isolated node). Weights are ignored.

#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/network/graph_input.hpp"

namespace village::network {

std::vector<std::pair<NodeId, NodeId>> bridges(const CsrLayer& layer);

struct CrossCommunityTies {
  double share = 0;  // of all edges; 0 for a graph without edges
  Scores node_share;
};

CrossCommunityTies cross_community_ties(const CsrLayer& layer,
                                        const std::vector<std::uint32_t>& membership);

}  // namespace village::network
