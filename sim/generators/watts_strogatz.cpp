#include <stdexcept>

#include "sim/generators/generators.hpp"
#include "sim/generators/pair_set.hpp"

namespace village {

namespace {

constexpr std::uint64_t kRewire = purpose("generator.watts_strogatz");

std::uint64_t pair_key(NodeId a, NodeId b) {
  return a < b ? (static_cast<std::uint64_t>(a) << 32 | b)
               : (static_cast<std::uint64_t>(b) << 32 | a);
}

// Lattice edge e = (j - 1) n + u joins u and u + j (mod n), j = 1..k/2. Only lattice
// edges are ever rewired, each once and in index order (offset j, then node u, as in
// Watts & Strogatz 1998), and only at its own index. So "is {a, b} linked?" is: the
// lattice edge between them, if any, still has its lattice far end; or {a, b} is among
// the rewired edges. The hash set then holds about beta n k / 2 edges, not all of them.
class RewiredRing {
 public:
  RewiredRing(NodeId n, std::uint32_t half, double beta)
      : n_(n),
        half_(half),
        rewired_(static_cast<std::size_t>(beta * static_cast<double>(n) * half * 1.05)) {
    far_.reserve(static_cast<std::size_t>(n) * half);
    for (std::uint32_t j = 1; j <= half; ++j) {
      for (NodeId u = 0; u < n; ++u)
        far_.push_back(ahead(u, j));
    }
  }

  std::size_t edge_count() const { return far_.size(); }
  NodeId far(std::size_t e) const { return far_[e]; }

  bool linked(NodeId a, NodeId b) const {
    return lattice_intact(a, b) || lattice_intact(b, a) || rewired_.contains(pair_key(a, b));
  }

  void rewire(std::size_t e, NodeId near, NodeId new_far) {
    far_[e] = new_far;
    rewired_.insert(pair_key(near, new_far));
  }

 private:
  NodeId ahead(NodeId u, std::uint32_t j) const {
    return u < n_ - j ? u + j : u - (n_ - j);  // (u + j) mod n without overflow; j < n
  }
  // Whether a's lattice edge towards b = a + j (mod n), 1 <= j <= k/2, is still there.
  bool lattice_intact(NodeId a, NodeId b) const {
    const std::uint64_t j = b >= a ? b - a : std::uint64_t{b} + n_ - a;
    if (j == 0 || j > half_) return false;
    return far_[(j - 1) * n_ + a] == b;
  }

  NodeId n_;
  std::uint32_t half_;
  std::vector<NodeId> far_;
  PairSet rewired_;
};

}  // namespace

CsrLayer watts_strogatz(NodeId n, std::uint32_t k, double beta, const RandomStream& rng) {
  if (k % 2 != 0) throw std::invalid_argument("watts_strogatz: k must be even");
  if (k >= n) throw std::invalid_argument("watts_strogatz: k must be less than n");
  if (!(beta >= 0.0 && beta <= 1.0))
    throw std::invalid_argument("watts_strogatz: beta must be in [0, 1]");
  // k < n keeps every offset j <= k/2 below n/2, so the lattice has no repeated pairs.
  const std::uint32_t half = k / 2;
  RewiredRing ring(n, half, beta);
  std::vector<std::uint32_t> degree(n, k);
  for (std::uint32_t j = 1; j <= half; ++j) {
    for (NodeId u = 0; u < n; ++u) {
      const std::size_t e = static_cast<std::size_t>(j - 1) * n + u;
      DrawSequence draws(rng, kSetupStep, e, kRewire);
      if (draws.uniform() >= beta) continue;
      if (degree[u] >= n - 1) continue;  // u is linked to everyone: nowhere to go
      NodeId w = 0;
      do {
        w = static_cast<NodeId>(draws.below(n));
      } while (w == u || ring.linked(u, w));
      --degree[ring.far(e)];
      ++degree[w];
      ring.rewire(e, u, w);
    }
  }
  std::vector<EdgeRecord> edges;
  edges.reserve(ring.edge_count());
  for (std::size_t e = 0; e < ring.edge_count(); ++e)
    edges.push_back({static_cast<NodeId>(e % n), ring.far(e), 1.0f});
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
