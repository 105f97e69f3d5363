#include <stdexcept>

#include "sim/generators/generators.hpp"

namespace village {

namespace {
constexpr std::uint64_t kAttach = purpose("generator.barabasi_albert");
}  // namespace

CsrLayer barabasi_albert(NodeId n, std::uint32_t m, const RandomStream& rng) {
  if (m < 1 || m >= n) throw std::invalid_argument("barabasi_albert: need 1 <= m < n");
  // The edge list doubles as the repeated-nodes list of Batagelj & Brandes 2005: end
  // i % 2 of edge i / 2, for i uniform below twice the edge count, is a node drawn
  // with probability proportional to its degree.
  std::vector<EdgeRecord> edges;
  edges.reserve(static_cast<std::size_t>(m) * n);
  for (NodeId v = 1; v <= m; ++v) {
    for (NodeId w = 0; w < v; ++w)
      edges.push_back({v, w, 1.0f});
  }
  // chosen[t] marks this step's targets: an O(1) repeat check however large m is. The
  // pool always holds at least m + 1 distinct nodes, so m distinct targets exist.
  std::vector<std::uint8_t> chosen(n, 0);
  std::vector<NodeId> targets;
  targets.reserve(m);
  for (NodeId v = m + 1; v < n; ++v) {
    DrawSequence draws(rng, kSetupStep, v, kAttach);
    const std::uint64_t ends = 2 * static_cast<std::uint64_t>(edges.size());
    targets.clear();
    while (targets.size() < m) {
      const std::uint64_t i = draws.below(ends);
      const NodeId t = i % 2 == 0 ? edges[i / 2].source : edges[i / 2].target;
      if (chosen[t] != 0) continue;
      chosen[t] = 1;
      targets.push_back(t);
    }
    for (const NodeId t : targets) {
      edges.push_back({v, t, 1.0f});
      chosen[t] = 0;
    }
  }
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
