#include "analysis/network/assortativity.hpp"

#include <cmath>
#include <limits>

#include "sim/parallel.hpp"

namespace village::network {

double degree_assortativity(const CsrLayer& layer) {
  require_undirected(layer, "degree_assortativity");
  const NodeId n = layer.node_count();
  const double arcs = static_cast<double>(layer.arc_count());
  if (arcs == 0) return std::numeric_limits<double>::quiet_NaN();
  // Mean end degree over arcs: sum over nodes of d^2 / arcs. Then centred sums, two
  // passes, so that nearly-regular graphs do not lose digits to cancellation.
  const double mean = sum_over_indices(0, n,
                                       [&](std::int64_t v) {
                                         const double d = layer.degree(static_cast<NodeId>(v));
                                         return d * d;
                                       }) /
                      arcs;
  const double covariance = sum_over_indices(0, n, [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    double sum = 0;
    for (NodeId u : layer.neighbours(v))
      sum += layer.degree(u) - mean;
    return sum * (layer.degree(v) - mean);
  });
  const double variance = sum_over_indices(0, n, [&](std::int64_t v) {
    const double d = layer.degree(static_cast<NodeId>(v));
    return d * (d - mean) * (d - mean);
  });
  if (!(variance > 1e-12 * arcs * mean * mean)) return std::numeric_limits<double>::quiet_NaN();
  return covariance / variance;
}

}  // namespace village::network
