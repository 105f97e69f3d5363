#pragma once
// What the opinion models (DeGroot, Deffuant, Hegselmann-Krause) have in common:
// initial opinions and the metrics they record.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/observation.hpp"
#include "sim/parameters.hpp"
#include "sim/rng.hpp"

namespace village {

// Opinions at step 0: uniform on [0, 1), one draw per agent at (0, agent, purpose_id).
std::vector<double> uniform_opinions(NodeId n, const RandomStream& rng, std::uint64_t purpose_id);

struct OpinionClusters {
  std::uint32_t all = 0;    // groups of opinions separated by gaps wider than the tolerance
  std::uint32_t major = 0;  // those holding at least the given share of agents
};

// Sorts the opinions and splits them where consecutive values differ by more than
// `gap`. For bounded-confidence models gap = epsilon: agents further apart than epsilon
// never interact again, so at rest each cluster is a final opinion.
// confidence, major_cluster_share and layer, shared by Deffuant and Hegselmann-Krause.
std::vector<ParamSpec> bounded_confidence_params(double default_confidence,
                                                 const std::string& source);

OpinionClusters count_clusters(std::span<const double> opinions, double gap, double major_share);

// Records mean_opinion (all and per group), opinion_spread (max - min), and, when gap
// > 0, clusters and major_clusters.
void record_opinion_metrics(Observation& observation, std::span<const double> opinions, double gap,
                            double major_share);

}  // namespace village
