#include <algorithm>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "sim/generators/generators.hpp"

namespace village {

namespace {

constexpr std::uint64_t kPoisson = purpose("generator.poisson_degrees");
constexpr std::uint64_t kPowerLaw = purpose("generator.power_law_degrees");
constexpr std::uint64_t kShuffle = purpose("generator.configuration");

// Keeps every Poisson draw far inside std::uint32_t (the sd is below 4e4 at 1e9).
constexpr double kMaxPoissonMean = 1e9;
// The inverse-CDF table holds one double per degree: cap it at 512 MiB.
constexpr std::uint64_t kMaxPowerLawRange = std::uint64_t{1} << 26;

// A uniform random matching of the stubs: Fisher-Yates shuffle, then consecutive pairs.
// The stub list is freed on return, before the layer is built.
std::vector<EdgeRecord> match_stubs(std::span<const std::uint32_t> degrees,
                                    const RandomStream& rng) {
  const auto n = static_cast<NodeId>(degrees.size());
  std::uint64_t stub_count = std::accumulate(degrees.begin(), degrees.end(), std::uint64_t{0});
  std::vector<NodeId> stubs;
  stubs.reserve(stub_count + 1);
  for (NodeId v = 0; v < n; ++v)
    stubs.insert(stubs.end(), degrees[v], v);
  if (stub_count % 2 == 1) {  // so n > 0: the last node takes the extra stub
    stubs.push_back(n - 1);
    ++stub_count;
  }
  DrawSequence draws(rng, kSetupStep, 0, kShuffle);
  for (std::uint64_t i = stub_count; i > 1; --i)
    std::swap(stubs[i - 1], stubs[draws.below(i)]);
  std::vector<EdgeRecord> edges(stub_count / 2);
  for (std::uint64_t e = 0; e < edges.size(); ++e)
    edges[e] = {stubs[2 * e], stubs[2 * e + 1], 1.0f};
  return edges;
}

}  // namespace

std::vector<std::uint32_t> poisson_degrees(NodeId n, double mean, const RandomStream& rng) {
  if (!(mean >= 0.0 && mean <= kMaxPoissonMean)) {
    throw std::invalid_argument("poisson_degrees: mean must be in [0, 1e9]");
  }
  std::vector<std::uint32_t> degrees(n, 0);
  if (mean == 0.0) return degrees;  // Boost requires a positive mean
  // Boost.Random takes any uniform random bit generator; each node has its own address.
  const boost::random::poisson_distribution<std::uint32_t, double> poisson(mean);
  for (NodeId v = 0; v < n; ++v) {
    DrawSequence draws(rng, kSetupStep, v, kPoisson);
    degrees[v] = poisson(draws);
  }
  return degrees;
}

std::vector<std::uint32_t> power_law_degrees(NodeId n, double exponent, std::uint32_t k_min,
                                             std::uint32_t k_max, const RandomStream& rng) {
  if (!(exponent > 1.0) || !std::isfinite(exponent)) {
    throw std::invalid_argument("power_law_degrees: exponent must be finite and > 1");
  }
  if (k_min < 1 || k_min > k_max) {
    throw std::invalid_argument("power_law_degrees: need 1 <= k_min <= k_max");
  }
  const std::uint64_t range = std::uint64_t{k_max} - k_min + 1;
  if (range > kMaxPowerLawRange) {
    throw std::invalid_argument("power_law_degrees: k_max - k_min must be below 2^26");
  }
  // cumulative[i] = sum of k^-exponent for k_min <= k <= k_min + i (unnormalised).
  std::vector<double> cumulative(range);
  double total = 0.0;
  for (std::uint64_t i = 0; i < range; ++i) {
    total += std::pow(static_cast<double>(k_min + i), -exponent);
    cumulative[i] = total;
  }
  const auto last = static_cast<std::ptrdiff_t>(range) - 1;
  std::vector<std::uint32_t> degrees(n);
  for (NodeId v = 0; v < n; ++v) {
    DrawSequence draws(rng, kSetupStep, v, kPowerLaw);
    const double u = draws.uniform() * total;
    // The first k whose cumulative weight exceeds u; rounding can leave u >= total.
    const auto i = std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin();
    degrees[v] = k_min + static_cast<std::uint32_t>(std::min(i, last));
  }
  return degrees;
}

CsrLayer configuration_model(std::span<const std::uint32_t> degrees, const RandomStream& rng) {
  if (degrees.size() > kMaxNodes) {
    throw std::invalid_argument("configuration_model: more than 2^32 - 2 nodes");
  }
  const auto n = static_cast<NodeId>(degrees.size());
  // from_edges drops the self-loops and keeps one of each multi-edge: the erasure.
  return CsrLayer::from_edges(n, match_stubs(degrees, rng), Direction::undirected);
}

}  // namespace village
