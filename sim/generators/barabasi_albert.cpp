#include <algorithm>
#include <stdexcept>

#include "sim/generators/generators.hpp"

namespace village {

namespace {
constexpr std::uint64_t kAttach = purpose("generator.barabasi_albert");
}  // namespace

CsrLayer barabasi_albert(NodeId n, std::uint32_t m, const RandomStream& rng) {
  if (m < 1 || m >= n) throw std::invalid_argument("barabasi_albert: need 1 <= m < n");
  // endpoints lists every edge's two ends, so a uniform pick from it is a node chosen
  // with probability proportional to its degree (Batagelj & Brandes 2005).
  std::vector<NodeId> endpoints;
  endpoints.reserve(2 * static_cast<std::size_t>(m) * n);
  std::vector<EdgeRecord> edges;
  edges.reserve(static_cast<std::size_t>(m) * n);
  for (NodeId v = 1; v <= m; ++v) {
    for (NodeId w = 0; w < v; ++w) {
      edges.push_back({v, w, 1.0f});
      endpoints.push_back(v);
      endpoints.push_back(w);
    }
  }
  std::vector<NodeId> targets;
  for (NodeId v = m + 1; v < n; ++v) {
    DrawSequence draws(rng, kSetupStep, v, kAttach);
    targets.clear();
    const std::size_t pool = endpoints.size();
    while (targets.size() < m) {
      const NodeId t = endpoints[draws.below(pool)];
      if (std::find(targets.begin(), targets.end(), t) == targets.end()) targets.push_back(t);
    }
    for (NodeId t : targets) {
      edges.push_back({v, t, 1.0f});
      endpoints.push_back(v);
      endpoints.push_back(t);
    }
  }
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
