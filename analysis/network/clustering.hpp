#pragma once
// Clustering of an undirected layer (weights ignored).
//
// triangles(v): number of edges between neighbours of v.
// local clustering C(v) = 2 t(v) / (d(v) (d(v) - 1)) (Watts & Strogatz 1998, Nature
//   393:440, doi:10.1038/30918); nodes of degree < 2 get 0, as networkx's clustering().
// average clustering: mean of C(v) over all nodes, degree < 2 counted as 0 (networkx's
//   average_clustering; igraph's transitivity_avglocal_undirected(mode="zero")).
// transitivity (global clustering): 3 x triangles / connected triples
//   = sum t(v) / sum d(v)(d(v)-1)/2 (Newman 2003, SIAM Rev. 45:167, eq. 3; igraph's
//   transitivity_undirected); 0 when there is no connected triple.
// Method: for each arc (v, u), the merge-intersection of the two sorted neighbour rows;
// O(sum over arcs of d(u) + d(v)), parallel over nodes. Counts are integers, so the
// results do not depend on the thread count.

#include <cstdint>
#include <vector>

#include "analysis/network/graph_input.hpp"

namespace village::network {

struct Clustering {
  std::vector<std::uint64_t> triangles;  // t(v)
  Scores local;                          // C(v)
  double average_local = 0;
  double transitivity = 0;
};

Clustering clustering(const CsrLayer& layer);

}  // namespace village::network
