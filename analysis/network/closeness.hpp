#pragma once
// Closeness and harmonic centrality, from unweighted (hop) distances out of each node.
//
// closeness(v) = (r - 1) / sum of d(v, u) over the r - 1 other nodes u that v reaches
//   (Bavelas 1950; Freeman 1979, Soc. Networks 1:215, doi:10.1016/0378-8733(78)90021-7),
//   computed within v's component as igraph's closeness(normalized=True) and networkx's
//   closeness_centrality(wf_improved=False); 0 for a node that reaches no other node
//   (igraph gives NaN there).
// harmonic(v) = sum over u != v of 1 / d(v, u), divided by n - 1; unreachable nodes add
//   0 (Marchiori & Latora 2000, Physica A 285:539; Boldi & Vigna 2014, Internet Math.
//   10:222, doi:10.1080/15427951.2013.865686; igraph's harmonic_centrality(normalized=True)).
// One BFS per node, in parallel: O(nm). Each node's figure comes from its own BFS, so
// the result does not depend on the thread count.

#include "analysis/network/graph_input.hpp"

namespace village::network {

struct Closeness {
  Scores closeness;
  Scores harmonic;
};

Closeness closeness(const CsrLayer& layer);

}  // namespace village::network
