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
}  // namespace

std::vector<std::uint32_t> poisson_degrees(NodeId n, double mean, const RandomStream& rng) {
  if (!(mean >= 0.0)) throw std::invalid_argument("poisson_degrees: mean must be >= 0");
  std::vector<std::uint32_t> degrees(n, 0);
  if (mean == 0.0) return degrees;
  const boost::random::poisson_distribution<std::uint32_t, double> poisson(mean);
  for (NodeId v = 0; v < n; ++v) {
    DrawSequence draws(rng, kSetupStep, v, kPoisson);
    degrees[v] = poisson(draws);
  }
  return degrees;
}

std::vector<std::uint32_t> power_law_degrees(NodeId n, double exponent, std::uint32_t k_min,
                                             std::uint32_t k_max, const RandomStream& rng) {
  if (!(exponent > 1.0)) throw std::invalid_argument("power_law_degrees: exponent must be > 1");
  if (k_min < 1 || k_min > k_max)
    throw std::invalid_argument("power_law_degrees: need 1 <= k_min <= k_max");
  // Cumulative distribution of P(k) ~ k^-exponent on [k_min, k_max]; inverse by search.
  std::vector<double> cumulative(k_max - k_min + 1);
  double total = 0.0;
  for (std::uint32_t k = k_min; k <= k_max; ++k) {
    total += std::pow(static_cast<double>(k), -exponent);
    cumulative[k - k_min] = total;
  }
  std::vector<std::uint32_t> degrees(n);
  for (NodeId v = 0; v < n; ++v) {
    const double u = rng.uniform(kSetupStep, v, kPowerLaw) * total;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
    degrees[v] =
        k_min + static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(
                    it - cumulative.begin(), static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
  }
  return degrees;
}

CsrLayer configuration_model(std::span<const std::uint32_t> degrees, const RandomStream& rng) {
  if (degrees.size() > kMaxNodes)
    throw std::invalid_argument("configuration_model: too many nodes");
  const auto n = static_cast<NodeId>(degrees.size());
  std::uint64_t stub_count = std::accumulate(degrees.begin(), degrees.end(), std::uint64_t{0});
  std::vector<NodeId> stubs;
  stubs.reserve(stub_count + 1);
  for (NodeId v = 0; v < n; ++v)
    stubs.insert(stubs.end(), degrees[v], v);
  if (stub_count % 2 == 1) {
    stubs.push_back(n - 1);  // make the sum even
    ++stub_count;
  }
  // Fisher-Yates shuffle, then pair consecutive stubs: a uniform random matching.
  DrawSequence draws(rng, kSetupStep, 0, kShuffle);
  for (std::uint64_t i = stub_count; i > 1; --i)
    std::swap(stubs[i - 1], stubs[draws.below(i)]);
  std::vector<EdgeRecord> edges(stub_count / 2);
  for (std::uint64_t e = 0; e < edges.size(); ++e)
    edges[e] = {stubs[2 * e], stubs[2 * e + 1], 1.0f};
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

}  // namespace village
