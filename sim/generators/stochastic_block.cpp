#include <cmath>
#include <stdexcept>

#include "sim/generators/generators.hpp"

namespace village {

namespace {
constexpr std::uint64_t kBlocks = purpose("generator.sbm");

// Calls link(i) for each index i in [0, count) kept with probability p, by geometric
// skipping over the indices (O(1 + kept) draws).
template <typename Link>
void geometric_walk(std::uint64_t count, double p, DrawSequence& draws, Link&& link) {
  if (p <= 0.0 || count == 0) return;
  if (p >= 1.0) {
    for (std::uint64_t i = 0; i < count; ++i)
      link(i);
    return;
  }
  const double log_q = std::log1p(-p);
  double position = -1.0;
  while (true) {
    position += 1.0 + std::floor(std::log(1.0 - draws.uniform()) / log_q);
    if (position >= static_cast<double>(count)) return;
    link(static_cast<std::uint64_t>(position));
  }
}
}  // namespace

CsrLayer stochastic_block_model(std::span<const NodeId> block_sizes,
                                std::span<const double> probabilities, const RandomStream& rng) {
  const std::size_t blocks = block_sizes.size();
  if (probabilities.size() != blocks * blocks) {
    throw std::invalid_argument("stochastic_block_model: probabilities must be blocks x blocks");
  }
  std::vector<NodeId> start(blocks + 1, 0);
  for (std::size_t b = 0; b < blocks; ++b) {
    if (static_cast<std::uint64_t>(start[b]) + block_sizes[b] > kMaxNodes) {
      throw std::invalid_argument("stochastic_block_model: too many nodes");
    }
    start[b + 1] = start[b] + block_sizes[b];
  }
  for (std::size_t r = 0; r < blocks; ++r) {
    for (std::size_t s = 0; s < blocks; ++s) {
      const double p = probabilities[r * blocks + s];
      if (!(p >= 0.0 && p <= 1.0) || p != probabilities[s * blocks + r]) {
        throw std::invalid_argument(
            "stochastic_block_model: probabilities must be symmetric and in [0, 1]");
      }
    }
  }
  std::vector<EdgeRecord> edges;
  for (std::size_t r = 0; r < blocks; ++r) {
    for (std::size_t s = r; s < blocks; ++s) {
      DrawSequence draws(rng, kSetupStep, r * blocks + s, kBlocks);
      const std::uint64_t size_r = block_sizes[r];
      const std::uint64_t size_s = block_sizes[s];
      if (r == s) {
        // Lower-triangle pairs (v, w), w < v, indexed v(v-1)/2 + w.
        geometric_walk(
            size_r * (size_r - 1) / 2, probabilities[r * blocks + s], draws, [&](std::uint64_t i) {
              auto v = static_cast<std::uint64_t>(
                  (1.0 + std::sqrt(1.0 + 8.0 * static_cast<double>(i))) / 2.0);
              while (v * (v - 1) / 2 > i)
                --v;
              while ((v + 1) * v / 2 <= i)
                ++v;
              const std::uint64_t w = i - v * (v - 1) / 2;
              edges.push_back(
                  {static_cast<NodeId>(start[r] + v), static_cast<NodeId>(start[r] + w), 1.0f});
            });
      } else {
        geometric_walk(size_r * size_s, probabilities[r * blocks + s], draws, [&](std::uint64_t i) {
          edges.push_back({static_cast<NodeId>(start[r] + i / size_s),
                           static_cast<NodeId>(start[s] + i % size_s), 1.0f});
        });
      }
    }
  }
  return CsrLayer::from_edges(start[blocks], edges, Direction::undirected);
}

}  // namespace village
