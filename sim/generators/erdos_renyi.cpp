#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>
#include <string>

#include "sim/generators/generators.hpp"
#include "sim/generators/geometric_skip.hpp"

namespace village {

namespace {

constexpr std::uint64_t kGnp = purpose("generator.gnp");
constexpr std::uint64_t kGnm = purpose("generator.gnm");

// An unordered pair as one sortable key: larger id in the high word.
std::uint64_t pair_key(NodeId a, NodeId b) {
  return static_cast<std::uint64_t>(std::max(a, b)) << 32 | std::min(a, b);
}

EdgeRecord edge_of(std::uint64_t key) {
  return {static_cast<NodeId>(key >> 32), static_cast<NodeId>(key & 0xFFFF'FFFFu), 1.0f};
}

// `count` distinct pairs drawn uniformly, sorted by key. Each round draws the missing
// number of pairs from its own stream address and keeps the new distinct ones, so the
// result does not depend on anything but the stream. Callers keep count <= pairs / 2,
// so every draw is new with probability >= 1/2 and the rounds shrink geometrically.
std::vector<std::uint64_t> distinct_pairs(NodeId n, std::uint64_t count, const RandomStream& rng) {
  std::vector<std::uint64_t> keys;
  keys.reserve(count);
  std::vector<std::uint64_t> fresh;
  for (std::uint64_t round = 0; keys.size() < count; ++round) {
    DrawSequence draws(rng, kSetupStep, round, kGnm);
    fresh.clear();
    for (std::uint64_t k = keys.size(); k < count; ++k) {
      const auto a = static_cast<NodeId>(draws.below(n));
      auto b = static_cast<NodeId>(draws.below(n - 1));
      if (b >= a) ++b;  // uniform among the other n - 1 nodes
      fresh.push_back(pair_key(a, b));
    }
    std::sort(fresh.begin(), fresh.end());
    fresh.erase(std::unique(fresh.begin(), fresh.end()), fresh.end());
    const auto old_size = static_cast<std::ptrdiff_t>(keys.size());
    std::set_difference(fresh.begin(), fresh.end(), keys.begin(), keys.end(),
                        std::back_inserter(keys));
    std::inplace_merge(keys.begin(), keys.begin() + old_size, keys.end());
  }
  return keys;
}

}  // namespace

CsrLayer erdos_renyi_gnp(NodeId n, double p, const RandomStream& rng) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("erdos_renyi_gnp: p must be in [0, 1]");
  if (p == 1.0) return complete_graph(n);
  std::vector<EdgeRecord> edges;
  const double expected = p * 0.5 * static_cast<double>(n) * (static_cast<double>(n) - 1.0);
  // The expectation plus five standard deviations: one allocation in practice.
  if (n > 1) edges.reserve(static_cast<std::size_t>(expected + 5.0 * std::sqrt(expected) + 16.0));
  DrawSequence draws(rng, kSetupStep, 0, kGnp);
  for_each_lower_pair(n, p, draws, [&](std::uint64_t v, std::uint64_t w) {
    edges.push_back({static_cast<NodeId>(v), static_cast<NodeId>(w), 1.0f});
  });
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

CsrLayer erdos_renyi_gnm(NodeId n, std::uint64_t m, const RandomStream& rng) {
  const std::uint64_t pairs = static_cast<std::uint64_t>(n) * (n > 0 ? n - 1 : 0) / 2;
  if (m > pairs) {
    throw std::invalid_argument("erdos_renyi_gnm: m exceeds the n(n-1)/2 pairs of " +
                                std::to_string(n) + " nodes");
  }
  std::vector<EdgeRecord> edges;
  edges.reserve(m);
  if (m <= pairs / 2) {
    for (const std::uint64_t key : distinct_pairs(n, m, rng))
      edges.push_back(edge_of(key));
  } else {
    // Dense: draw the pairs - m absent pairs instead and list the others, so drawing
    // never stalls on the last free pairs. The listing is O(pairs) = O(m).
    const auto absent = distinct_pairs(n, pairs - m, rng);
    auto next_absent = absent.begin();
    for (NodeId v = 1; v < n; ++v) {
      for (NodeId w = 0; w < v; ++w) {
        const std::uint64_t key = pair_key(v, w);  // increasing in this loop order
        if (next_absent != absent.end() && *next_absent == key) {
          ++next_absent;
        } else {
          edges.push_back({v, w, 1.0f});
        }
      }
    }
  }
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
