#include "models/opinion_metrics.hpp"

#include <algorithm>

namespace village {

std::vector<double> uniform_opinions(NodeId n, const RandomStream& rng, std::uint64_t purpose_id) {
  std::vector<double> opinions(n);
  for (NodeId v = 0; v < n; ++v)
    opinions[v] = rng.uniform(0, v, purpose_id);
  return opinions;
}

OpinionClusters count_clusters(std::span<const double> opinions, double gap, double major_share) {
  OpinionClusters clusters;
  if (opinions.empty()) return clusters;
  std::vector<double> sorted(opinions.begin(), opinions.end());
  std::sort(sorted.begin(), sorted.end());
  const double major_size = major_share * static_cast<double>(sorted.size());
  std::size_t start = 0;
  for (std::size_t i = 1; i <= sorted.size(); ++i) {
    if (i == sorted.size() || sorted[i] - sorted[i - 1] > gap) {
      ++clusters.all;
      if (static_cast<double>(i - start) >= major_size) ++clusters.major;
      start = i;
    }
  }
  return clusters;
}

void record_opinion_metrics(Observation& observation, std::span<const double> opinions, double gap,
                            double major_share) {
  const auto n = static_cast<NodeId>(opinions.size());
  observation.record_mean("mean_opinion", 0, n, [&](NodeId v) { return opinions[v]; });
  const auto [low, high] = std::minmax_element(opinions.begin(), opinions.end());
  observation.record("opinion_spread", "all", opinions.empty() ? 0.0 : *high - *low);
  if (gap > 0.0) {
    const OpinionClusters clusters = count_clusters(opinions, gap, major_share);
    observation.record("clusters", "all", clusters.all);
    observation.record("major_clusters", "all", clusters.major);
  }
}

std::vector<ParamSpec> bounded_confidence_params(double default_confidence,
                                                 const std::string& source) {
  return {
      ParamSpec{.name = "confidence",
                .default_number = default_confidence,
                .min = 0.0,
                .max = 1.0,
                .min_exclusive = true,
                .unit = "opinion distance",
                .description = "epsilon: agents further apart than this ignore each other",
                .source = source},
      ParamSpec{.name = "major_cluster_share",
                .default_number = 0.01,
                .min = 0.0,
                .max = 1.0,
                .unit = "share of agents",
                .description = "smallest cluster counted in the metric major_clusters",
                .source = "convention (output definition, not a mechanism)"},
      ParamSpec{.name = "layer",
                .type = ParamType::text,
                .default_text = "network",
                .description = "network layer agents meet on",
                .source = "convention"},
  };
}

}  // namespace village
