#pragma once
// Degree assortativity of an undirected layer: the Pearson correlation of the degrees
// at the two ends of an edge, each edge counted in both directions (Newman 2002, PRL
// 89:208701, eq. 4, doi:10.1103/PhysRevLett.89.208701; igraph's assortativity_degree,
// networkx's degree_assortativity_coefficient). Degrees, not "remaining" degrees: the
// coefficient is the same (a shift by one). NaN when every edge joins nodes of equal
// degree (zero variance: a regular graph, a star's correlation is -1). O(m).

#include "analysis/network/graph_input.hpp"

namespace village::network {

double degree_assortativity(const CsrLayer& layer);

}  // namespace village::network
