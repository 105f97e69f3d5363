#include "analysis/network/brokerage.hpp"

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "analysis/network/degree_strength.hpp"

namespace village::network {

Brokerage brokerage(const CsrLayer& layer) {
  require_undirected(layer, "brokerage");
  const NodeId n = layer.node_count();
  const auto weights = arc_weights(layer);
  const auto& targets = layer.targets();
  const Scores strength = strengths(layer);
  Scores strongest(n, 0.0);
  for (NodeId v = 0; v < n; ++v)
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      strongest[v] = std::max(strongest[v], weight_of(weights, a));
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  Brokerage result{Scores(n, nan), Scores(n, nan)};
#pragma omp parallel if (!omp_in_parallel() && n > 64)
  {
    // slot[j] = 1 + position of j in the current node's row, 0 when j is no contact.
    std::vector<std::uint32_t> slot(n, 0);
    std::vector<double> indirect;   // sum over q of p_iq p_qj, per contact j
    std::vector<double> redundant;  // sum over q of p_iq m_jq, per contact j
#pragma omp for schedule(dynamic, 64)
    for (std::int64_t node = 0; node < static_cast<std::int64_t>(n); ++node) {
      const auto i = static_cast<NodeId>(node);
      const auto row = layer.neighbours(i);
      if (row.empty() || strength[i] <= 0) continue;
      for (std::size_t k = 0; k < row.size(); ++k)
        slot[row[k]] = static_cast<std::uint32_t>(k + 1);
      indirect.assign(row.size(), 0.0);
      redundant.assign(row.size(), 0.0);
      for (ArcIndex iq = layer.first_arc(i); iq < layer.end_arc(i); ++iq) {
        const NodeId q = targets[iq];
        const double p_iq = weight_of(weights, iq) / strength[i];
        for (ArcIndex qj = layer.first_arc(q); qj < layer.end_arc(q); ++qj) {
          const std::uint32_t k = slot[targets[qj]];
          if (k == 0) continue;  // not a contact of i (i itself included)
          const double w_qj = weight_of(weights, qj);
          indirect[k - 1] += p_iq * w_qj / strength[q];
          redundant[k - 1] += p_iq * w_qj / strongest[targets[qj]];
        }
      }
      double constraint = 0;
      double effective = 0;
      for (ArcIndex ij = layer.first_arc(i); ij < layer.end_arc(i); ++ij) {
        const std::size_t k = ij - layer.first_arc(i);
        const double term = weight_of(weights, ij) / strength[i] + indirect[k];
        constraint += term * term;
        effective += 1.0 - redundant[k];
      }
      result.constraint[i] = constraint;
      result.effective_size[i] = effective;
      for (NodeId j : row)
        slot[j] = 0;
    }
  }
  return result;
}

}  // namespace village::network
