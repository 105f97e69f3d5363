#include <stdexcept>
#include <unordered_set>

#include "sim/generators/generators.hpp"

namespace village {

namespace {
constexpr std::uint64_t kRewire = purpose("generator.watts_strogatz");

std::uint64_t pair_key(NodeId a, NodeId b) {
  return a < b ? (static_cast<std::uint64_t>(a) << 32 | b)
               : (static_cast<std::uint64_t>(b) << 32 | a);
}
}  // namespace

CsrLayer watts_strogatz(NodeId n, std::uint32_t k, double beta, const RandomStream& rng) {
  if (k % 2 != 0) throw std::invalid_argument("watts_strogatz: k must be even");
  if (k >= n) throw std::invalid_argument("watts_strogatz: k must be less than n");
  if (!(beta >= 0.0 && beta <= 1.0))
    throw std::invalid_argument("watts_strogatz: beta must be in [0, 1]");
  const std::uint32_t half = k / 2;
  // The edge set answers "already linked?" in O(1) while rewiring, as in Watts &
  // Strogatz's procedure; edges are visited in their order (offset j, then node u).
  std::unordered_set<std::uint64_t> present;
  present.reserve(static_cast<std::size_t>(n) * half * 2);
  std::vector<std::uint64_t> edges;
  edges.reserve(static_cast<std::size_t>(n) * half);
  for (std::uint32_t j = 1; j <= half; ++j) {
    for (NodeId u = 0; u < n; ++u) {
      const auto key = pair_key(u, static_cast<NodeId>((u + j) % n));
      present.insert(key);
      edges.push_back(key);
    }
  }
  std::vector<std::uint32_t> degree(n, k);
  for (std::size_t e = 0; e < edges.size(); ++e) {
    DrawSequence draws(rng, kSetupStep, e, kRewire);
    if (draws.uniform() >= beta) continue;
    // Keep the near end u (the edge's first node in lattice order), rewire the far end.
    const std::uint32_t j = static_cast<std::uint32_t>(e / n) + 1;
    const auto u = static_cast<NodeId>(e % n);
    const auto v = static_cast<NodeId>((u + j) % n);
    if (degree[u] >= n - 1) continue;  // u already linked to everyone
    NodeId w = 0;
    do {
      w = static_cast<NodeId>(draws.below(n));
    } while (w == u || present.count(pair_key(u, w)) != 0);
    present.erase(edges[e]);
    const auto key = pair_key(u, w);
    present.insert(key);
    edges[e] = key;
    --degree[v];
    ++degree[w];
  }
  std::vector<EdgeRecord> records;
  records.reserve(edges.size());
  for (std::uint64_t key : edges) {
    records.push_back(
        {static_cast<NodeId>(key >> 32), static_cast<NodeId>(key & 0xFFFFFFFFu), 1.0f});
  }
  return CsrLayer::from_edges(n, records, Direction::undirected);
}

}  // namespace village
