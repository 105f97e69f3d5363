#include "analysis/network/closeness.hpp"

#include <omp.h>

#include <cstdint>

namespace village::network {

Closeness closeness(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  Closeness result;
  result.closeness.assign(n, 0.0);
  result.harmonic.assign(n, 0.0);
  const auto& targets = layer.targets();
#pragma omp parallel if (!omp_in_parallel() && n > 64)
  {
    std::vector<std::int32_t> dist(n, -1);
    std::vector<NodeId> order;
    order.reserve(n);
#pragma omp for schedule(dynamic, 16)
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(n); ++i) {
      const auto source = static_cast<NodeId>(i);
      dist[source] = 0;
      order.assign(1, source);
      std::uint64_t distance_sum = 0;
      double inverse_sum = 0;
      for (std::size_t head = 0; head < order.size(); ++head) {
        const NodeId v = order[head];
        for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
          const NodeId w = targets[a];
          if (dist[w] >= 0) continue;
          dist[w] = dist[v] + 1;
          distance_sum += static_cast<std::uint64_t>(dist[w]);
          inverse_sum += 1.0 / dist[w];
          order.push_back(w);
        }
      }
      const double reached = static_cast<double>(order.size() - 1);
      if (distance_sum > 0) result.closeness[source] = reached / static_cast<double>(distance_sum);
      if (n > 1) result.harmonic[source] = inverse_sum / (n - 1);
      for (NodeId v : order)
        dist[v] = -1;
    }
  }
  return result;
}

}  // namespace village::network
