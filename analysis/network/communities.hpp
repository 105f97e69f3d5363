#pragma once
// Communities of an undirected layer and their modularity.
//
// modularity Q = sum over communities c of [ W_c / W - (S_c / W)^2 ], W the total arc
//   weight (2m unweighted), W_c the weight of arcs inside c, S_c the total strength of
//   c's nodes (Newman & Girvan 2004, PRE 69:026113, doi:10.1103/PhysRevE.69.026113;
//   weighted: Newman 2004, PRE 70:056131). Resolution 1. igraph's modularity().
// Leiden (Traag, Waltman & van Eck 2019, Sci. Rep. 9:5233,
//   doi:10.1038/s41598-019-41695-z) maximising modularity: igraph_community_leiden with
//   node weights = strengths and resolution 1 / W, randomness beta = 0.01, iterated until
//   the partition no longer changes. Communities are guaranteed connected.
// Louvain (Blondel et al. 2008, J. Stat. Mech. P10008,
//   doi:10.1088/1742-5468/2008/10/P10008): igraph_community_multilevel, the last level.
// Both run on a copy of the graph in igraph's format (O(n + m) memory), with igraph's
// random generator seeded from the seed given, so a seed always gives the same
// partition. Not thread-safe (igraph's generator is global): call from one thread.
// Communities are renumbered in order of their smallest node.

#include <cstdint>
#include <vector>

#include "analysis/network/graph_input.hpp"

namespace village::network {

enum class CommunityMethod { leiden, louvain };

struct Communities {
  std::vector<std::uint32_t> membership;
  std::uint32_t count = 0;
  double modularity = 0;
  // Leiden: the partition stopped changing within the iterations allowed (else it is the
  // last one, and the report says so).
  bool stable = true;
};

Communities detect_communities(const CsrLayer& layer, CommunityMethod method, std::uint64_t seed);

double modularity(const CsrLayer& layer, const std::vector<std::uint32_t>& membership);

}  // namespace village::network
