#include "scenarios/community/households.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <boost/random/beta_distribution.hpp>
#include <cmath>

#include "models/community_schema.hpp"
#include "sim/generators/generators.hpp"

namespace village::synthesis {

namespace {

constexpr std::uint64_t kHousehold = purpose("community.household");
const std::array<const char*, 4> kFactorShares{"low_income_share", "low_education_share",
                                               "single_parent_share", "language_barrier_share"};

// A standard normal by Box-Muller from two uniforms of the sequence.
double standard_normal(DrawSequence& draws) {
  const double u = 1.0 - draws.uniform();  // (0, 1]
  const double v = draws.uniform();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

// The index drawn by u in [0, 1) from cumulative (unnormalised) weights.
template <typename Cumulative>
std::uint32_t categorical(double u, const Cumulative& cumulative) {
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
  return static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(
      it - cumulative.begin(), static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
}

// Splits `count` items into `parts` near-equal consecutive runs; returns run starts.
std::vector<NodeId> even_cuts(NodeId count, NodeId parts) {
  std::vector<NodeId> cuts(parts + 1);
  for (NodeId i = 0; i <= parts; ++i)
    cuts[i] = static_cast<NodeId>(static_cast<std::uint64_t>(count) * i / parts);
  return cuts;
}

}  // namespace

Households synthesize_households(const CommunitySpec& spec, const RandomStream& rng) {
  const ParamValues& v = spec.values;
  Households h;
  h.count = static_cast<NodeId>(v.integer("households"));
  const auto neighbourhoods = static_cast<std::uint32_t>(v.integer("neighbourhoods"));
  const NodeId n = h.count;
  h.community.resize(n);
  h.neighbourhood.resize(n);
  h.band.resize(n);
  h.factors.resize(n);
  h.vulnerability.resize(n);
  h.vulnerable.resize(n);
  h.type.resize(n);
  h.trust.resize(n);

  std::vector<double> community_cumulative;
  double total = 0;
  for (const CommunityGroup& group : spec.communities)
    community_cumulative.push_back(total += group.share);
  // Factor thresholds per community: factor k = 1{Z_k < Phi^-1(share_k)} (Gaussian copula).
  const boost::math::normal normal;
  std::vector<std::array<double, 4>> thresholds(spec.communities.size());
  for (std::size_t c = 0; c < spec.communities.size(); ++c) {
    for (std::size_t k = 0; k < 4; ++k) {
      const double share = spec.communities[c].values.real(kFactorShares[k]);
      thresholds[c][k] = share <= 0   ? -INFINITY
                         : share >= 1 ? INFINITY
                                      : boost::math::quantile(normal, share);
    }
  }
  std::vector<double> trust_means;
  for (const CommunityGroup& group : spec.communities)
    trust_means.push_back(group.values.real("institutional_trust_mean"));
  const double rho = v.real("vulnerability_correlation");
  const double common_weight = std::sqrt(rho);
  const double own_weight = std::sqrt(1.0 - rho);
  const std::array<double, 4> type_shares{v.real("engaged_share"), v.real("denying_share"),
                                          v.real("absent_share"), v.real("sensitive_share")};
  const double tilt = v.real("type_vulnerability_tilt");
  const auto min_factors = static_cast<std::uint8_t>(v.integer("vulnerable_min_factors"));
  const double segregation = v.real("segregation");
  const double primary_share = v.real("primary_share");
  const double concentration = v.real("institutional_trust_concentration");
  const double penalty = v.real("vulnerability_trust_penalty");

  for (NodeId i = 0; i < n; ++i) {
    DrawSequence draws(rng, kSetupStep, i, kHousehold);
    const std::uint32_t c = categorical(draws.uniform(), community_cumulative);
    h.community[i] = c;
    h.neighbourhood[i] = draws.uniform() < segregation
                             ? c % neighbourhoods
                             : static_cast<std::uint32_t>(draws.below(neighbourhoods));
    h.band[i] = draws.uniform() < primary_share ? 0 : 1;
    const double common = standard_normal(draws);
    std::uint8_t count = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const double z = common_weight * common + own_weight * standard_normal(draws);
      h.factors[i][k] = z < thresholds[c][k];
      count += h.factors[i][k];
    }
    h.vulnerability[i] = count;
    h.vulnerable[i] = count >= min_factors;
    // Absent and sensitive types concentrate among vulnerable parents (odds x tilt^count).
    const double lift = std::pow(tilt, count);
    const std::array<double, 4> cumulative{
        type_shares[0], type_shares[0] + type_shares[1],
        type_shares[0] + type_shares[1] + type_shares[2] * lift,
        type_shares[0] + type_shares[1] + type_shares[2] * lift + type_shares[3] * lift};
    h.type[i] = static_cast<std::uint8_t>(categorical(draws.uniform(), cumulative));
    const double mean = std::clamp(trust_means[c] - penalty * count, 0.02, 0.98);
    boost::random::beta_distribution<double> beta(mean * concentration,
                                                  (1.0 - mean) * concentration);
    h.trust[i] = std::clamp(beta(draws), 0.0, 1.0);
  }

  // Schools: per band, households in neighbourhood order are cut into schools of about
  // households_per_<band>_school, so a catchment is a run of adjacent neighbourhoods;
  // each school is cut into classes of at most class_size. Within a neighbourhood the
  // order is the household index, which is random already: households are drawn
  // independently and identically. A counting sort keeps this O(n).
  h.school.resize(n);
  h.school_class.resize(n);
  const auto class_size = static_cast<NodeId>(v.integer("class_size"));
  h.class_offsets.push_back(0);
  for (std::uint8_t band = 0; band < 2; ++band) {
    std::vector<NodeId> starts(std::size_t{neighbourhoods} + 1, 0);
    for (NodeId i = 0; i < n; ++i) {
      if (h.band[i] == band) ++starts[h.neighbourhood[i] + 1];
    }
    for (std::uint32_t b = 0; b < neighbourhoods; ++b)
      starts[b + 1] += starts[b];
    std::vector<NodeId> order(starts.back());
    for (NodeId i = 0; i < n; ++i) {
      if (h.band[i] == band) order[starts[h.neighbourhood[i]]++] = i;
    }
    if (order.empty()) continue;
    const double per_school = static_cast<double>(
        v.integer(band == 0 ? "households_per_primary_school" : "households_per_secondary_school"));
    const auto count = static_cast<NodeId>(order.size());
    const auto schools =
        static_cast<NodeId>(std::max(1.0, std::round(static_cast<double>(count) / per_school)));
    const std::vector<NodeId> school_cuts = even_cuts(count, schools);
    for (NodeId s = 0; s < schools; ++s) {
      const NodeId size = school_cuts[s + 1] - school_cuts[s];
      const NodeId classes = std::max<NodeId>(1, (size + class_size - 1) / class_size);
      const std::vector<NodeId> class_cuts = even_cuts(size, classes);
      for (NodeId k = 0; k < classes; ++k) {
        const auto class_id = static_cast<std::uint32_t>(h.class_school.size());
        h.class_school.push_back(h.schools);
        for (NodeId j = school_cuts[s] + class_cuts[k]; j < school_cuts[s] + class_cuts[k + 1];
             ++j) {
          const NodeId household = order[j];
          h.school[household] = h.schools;
          h.school_class[household] = class_id;
          h.class_members.push_back(household);
        }
        h.class_offsets.push_back(static_cast<NodeId>(h.class_members.size()));
      }
      ++h.schools;
    }
  }
  return h;
}

}  // namespace village::synthesis
