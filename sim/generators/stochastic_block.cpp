#include <cmath>
#include <stdexcept>
#include <string>

#include "sim/generators/generators.hpp"
#include "sim/generators/geometric_skip.hpp"

namespace village {

namespace {

constexpr std::uint64_t kBlocks = purpose("generator.sbm");

void check_probabilities(std::span<const double> probabilities, std::size_t blocks) {
  if (probabilities.size() != blocks * blocks) {
    throw std::invalid_argument(
        "stochastic_block_model: probabilities must have blocks x blocks = " +
        std::to_string(blocks * blocks) + " entries, not " + std::to_string(probabilities.size()));
  }
  for (std::size_t r = 0; r < blocks; ++r) {
    for (std::size_t s = 0; s < blocks; ++s) {
      const double p = probabilities[r * blocks + s];
      if (!(p >= 0.0 && p <= 1.0)) {
        throw std::invalid_argument("stochastic_block_model: probabilities must be in [0, 1]");
      }
      if (p != probabilities[s * blocks + r]) {
        throw std::invalid_argument("stochastic_block_model: probabilities must be symmetric");
      }
    }
  }
}

}  // namespace

CsrLayer stochastic_block_model(std::span<const NodeId> block_sizes,
                                std::span<const double> probabilities, const RandomStream& rng) {
  const std::size_t blocks = block_sizes.size();
  check_probabilities(probabilities, blocks);
  std::vector<std::uint64_t> start(blocks + 1, 0);
  double expected = 0.0;
  for (std::size_t r = 0; r < blocks; ++r) {
    start[r + 1] = start[r] + block_sizes[r];
    if (start[r + 1] > kMaxNodes) {
      throw std::invalid_argument("stochastic_block_model: more than 2^32 - 2 nodes");
    }
    for (std::size_t s = r; s < blocks; ++s) {
      const double size_s = static_cast<double>(block_sizes[s]);
      const double pairs = static_cast<double>(block_sizes[r]) * (r == s ? size_s - 1 : 2 * size_s);
      expected += 0.5 * probabilities[r * blocks + s] * pairs;
    }
  }
  std::vector<EdgeRecord> edges;
  // The expectation plus five standard deviations: one allocation in practice.
  edges.reserve(static_cast<std::size_t>(expected + 5.0 * std::sqrt(expected) + 16.0));
  for (std::size_t r = 0; r < blocks; ++r) {
    for (std::size_t s = r; s < blocks; ++s) {
      // Each block pair has its own stream address, so blocks are independent.
      DrawSequence draws(rng, kSetupStep, r * blocks + s, kBlocks);
      const double p = probabilities[r * blocks + s];
      const std::uint64_t first_r = start[r];
      const std::uint64_t first_s = start[s];
      if (r == s) {  // pairs w < v inside the block
        for_each_lower_pair(block_sizes[r], p, draws, [&](std::uint64_t v, std::uint64_t w) {
          edges.push_back(
              {static_cast<NodeId>(first_r + v), static_cast<NodeId>(first_r + w), 1.0f});
        });
      } else {  // the full rectangle, row-major
        const std::uint64_t size_s = block_sizes[s];
        const std::uint64_t cells = block_sizes[r] * size_s;
        for_each_success(cells, p, draws, [&](std::uint64_t i) {
          edges.push_back({static_cast<NodeId>(first_r + i / size_s),
                           static_cast<NodeId>(first_s + i % size_s), 1.0f});
        });
      }
    }
  }
  return CsrLayer::from_edges(static_cast<NodeId>(start[blocks]), edges, Direction::undirected);
}

}  // namespace village
