#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/generators/generators.hpp"

namespace village {

namespace {
constexpr std::uint64_t kGnp = purpose("generator.gnp");
constexpr std::uint64_t kGnm = purpose("generator.gnm");
}  // namespace

CsrLayer erdos_renyi_gnp(NodeId n, double p, const RandomStream& rng) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("erdos_renyi_gnp: p must be in [0, 1]");
  std::vector<EdgeRecord> edges;
  if (n > 1 && p > 0.0) {
    const double pairs = 0.5 * static_cast<double>(n) * (n - 1);
    edges.reserve(static_cast<std::size_t>(pairs * p * 1.01 + 16));
  }
  if (p >= 1.0) {
    for (NodeId v = 1; v < n; ++v) {
      for (NodeId w = 0; w < v; ++w)
        edges.push_back({v, w, 1.0f});
    }
  } else if (p > 0.0 && n > 1) {
    // Batagelj & Brandes 2005: walk the lower triangle, skipping a geometric number of
    // pairs between edges. Each row v draws from its own address, so the walk is
    // reproducible; the skip carries over rows.
    const double log_q = std::log1p(-p);
    DrawSequence draws(rng, kSetupStep, 0, kGnp);
    std::int64_t v = 1;
    std::int64_t w = -1;
    while (v < n) {
      const double r = 1.0 - draws.uniform();  // (0, 1]
      w += 1 + static_cast<std::int64_t>(std::floor(std::log(r) / log_q));
      while (w >= v && v < n) {
        w -= v;
        ++v;
      }
      if (v < n) edges.push_back({static_cast<NodeId>(v), static_cast<NodeId>(w), 1.0f});
    }
  }
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

CsrLayer erdos_renyi_gnm(NodeId n, std::uint64_t m, const RandomStream& rng) {
  const double pairs = 0.5 * static_cast<double>(n) * (static_cast<double>(n) - 1);
  if (static_cast<double>(m) > pairs)
    throw std::invalid_argument("erdos_renyi_gnm: more edges than pairs");
  // Draw pairs in rounds, keep the distinct ones, top up until m. A round's draws come
  // from its own address, and the kept set is order-independent (sorted), so the
  // result is reproducible.
  std::vector<std::uint64_t> keys;
  keys.reserve(m);
  std::uint64_t round = 0;
  while (keys.size() < m) {
    const std::uint64_t missing = m - keys.size();
    DrawSequence draws(rng, kSetupStep, round++, kGnm);
    std::vector<std::uint64_t> fresh;
    fresh.reserve(missing);
    for (std::uint64_t k = 0; k < missing; ++k) {
      const auto a = static_cast<NodeId>(draws.below(n));
      auto b = static_cast<NodeId>(draws.below(n - 1));
      if (b >= a) ++b;  // uniform among the other n - 1 nodes
      const NodeId low = std::min(a, b);
      const NodeId high = std::max(a, b);
      fresh.push_back(static_cast<std::uint64_t>(high) << 32 | low);
    }
    // Keep the earliest draws: a fresh pair already kept, or repeated, is dropped.
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint64_t> accepted;
    std::vector<std::uint64_t> sorted_fresh = fresh;
    std::sort(sorted_fresh.begin(), sorted_fresh.end());
    sorted_fresh.erase(std::unique(sorted_fresh.begin(), sorted_fresh.end()), sorted_fresh.end());
    std::set_difference(sorted_fresh.begin(), sorted_fresh.end(), keys.begin(), keys.end(),
                        std::back_inserter(accepted));
    keys.insert(keys.end(), accepted.begin(), accepted.end());
  }
  std::vector<EdgeRecord> edges;
  edges.reserve(m);
  for (std::uint64_t key : keys) {
    edges.push_back({static_cast<NodeId>(key >> 32), static_cast<NodeId>(key & 0xFFFFFFFFu), 1.0f});
  }
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
