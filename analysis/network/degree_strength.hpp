#pragma once
// Degree, strength and density.
//
// degree(v): number of distinct neighbours (out-degree for a directed layer).
// strength(v): sum of the weights of v's arcs (Barrat et al. 2004, PNAS 101:3747,
//   doi:10.1073/pnas.0400087101); equals the degree when the layer has no weights.
// density: m / (n(n-1)/2) for an undirected layer, m / (n(n-1)) for a directed one
//   (Wasserman & Faust 1994, sec. 4.2); 0 for fewer than 2 nodes. Self-loops never
//   occur (CsrLayer drops them). O(n + m).

#include "analysis/network/graph_input.hpp"

namespace village::network {

Scores degrees(const CsrLayer& layer);
Scores strengths(const CsrLayer& layer);
double density(const CsrLayer& layer);

}  // namespace village::network
