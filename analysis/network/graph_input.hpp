#pragma once
// Shared helpers of the network metrics: which layers a metric accepts, and the weight
// of an arc. Metrics read a CsrLayer's own arrays; none copies the graph, except the
// community detection, which hands igraph a copy (igraph owns its graph type).

#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/csr_layer.hpp"

namespace village::network {

using Scores = std::vector<double>;

// Metrics defined for undirected graphs refuse a directed layer rather than silently
// reading arcs as edges; symmetrised() below turns a directed layer into an undirected one.
inline void require_undirected(const CsrLayer& layer, const char* metric) {
  if (layer.directed())
    throw std::invalid_argument(std::string(metric) + ": the layer is directed; symmetrise it");
}

// The arc weights: the "weight" attribute when the layer has one, else empty (all 1).
inline std::span<const float> arc_weights(const CsrLayer& layer) {
  if (layer.has_attribute("weight")) return layer.attribute("weight");
  return {};
}

inline double weight_of(std::span<const float> weights, ArcIndex arc) {
  return weights.empty() ? 1.0 : static_cast<double>(weights[arc]);
}

// The undirected layer with an edge {u, v} wherever u->v or v->u is an arc (weight of
// the first arc met). An undirected layer is returned as is (a copy).
CsrLayer symmetrised(const CsrLayer& layer);

}  // namespace village::network
