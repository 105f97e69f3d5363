#include "analysis/network/betweenness.hpp"

#include <omp.h>

#include <cmath>
#include <numeric>

#include "sim/parallel.hpp"

namespace village::network {

namespace {

// One source's BFS and dependency accumulation (Brandes 2001, alg. 1). The backward
// pass walks successors (dist + 1) instead of stored predecessor lists, which works for
// directed layers from out-arcs alone.
struct SourceWorkspace {
  std::vector<std::int32_t> dist;
  std::vector<double> sigma;
  std::vector<double> delta;  // after run(): the source's dependency on each node
  std::vector<NodeId> order;  // BFS order = non-decreasing distance

  explicit SourceWorkspace(NodeId n) : dist(n, -1), sigma(n, 0.0), delta(n, 0.0) {
    order.reserve(n);
  }

  void clear() {
    for (NodeId v : order) {
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    order.clear();
  }

  void run(const CsrLayer& layer, NodeId source) {
    const auto& targets = layer.targets();
    dist[source] = 0;
    sigma[source] = 1;
    order.push_back(source);
    for (std::size_t head = 0; head < order.size(); ++head) {
      const NodeId v = order[head];
      const std::int32_t next = dist[v] + 1;
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
        const NodeId w = targets[a];
        if (dist[w] < 0) {
          dist[w] = next;
          order.push_back(w);
        }
        if (dist[w] == next) sigma[w] += sigma[v];
      }
    }
    for (std::size_t i = order.size(); i-- > 1;) {
      const NodeId v = order[i];
      const std::int32_t next = dist[v] + 1;
      double sum = 0;
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
        const NodeId w = targets[a];
        if (dist[w] == next) sum += (1.0 + delta[w]) / sigma[w];
      }
      delta[v] = sigma[v] * sum;
    }
  }
};

}  // namespace

Scores betweenness_from_sources(const CsrLayer& layer, std::span<const NodeId> sources) {
  const NodeId n = layer.node_count();
  Scores total(n, 0.0);
  if (n == 0 || sources.empty()) return total;
  const bool parallel = !omp_in_parallel() && omp_get_max_threads() > 1 && sources.size() > 1;
  const auto batch = static_cast<std::size_t>(parallel ? 4 * omp_get_max_threads() : 1);
  std::vector<SourceWorkspace> slots;
  slots.reserve(batch);
  for (std::size_t k = 0; k < std::min(batch, sources.size()); ++k)
    slots.emplace_back(n);
    // One parallel region: sources of a batch spread over threads (dynamic: BFS trees
    // differ in size), then each node adds the batch's dependencies in source order.
#pragma omp parallel if (parallel)
  for (std::size_t first = 0; first < sources.size(); first += batch) {
    const auto count = static_cast<std::int64_t>(std::min(batch, sources.size() - first));
#pragma omp for schedule(dynamic, 1)
    for (std::int64_t k = 0; k < count; ++k) {
      SourceWorkspace& slot = slots[static_cast<std::size_t>(k)];
      slot.clear();
      slot.run(layer, sources[first + static_cast<std::size_t>(k)]);
    }
#pragma omp for schedule(static)
    for (std::int64_t v = 0; v < static_cast<std::int64_t>(n); ++v) {
      double sum = total[v];
      for (std::int64_t k = 0; k < count; ++k) {
        const SourceWorkspace& slot = slots[static_cast<std::size_t>(k)];
        if (static_cast<std::int64_t>(sources[first + static_cast<std::size_t>(k)]) != v)
          sum += slot.delta[v];
      }
      total[v] = sum;
    }
  }
  return total;
}

Scores betweenness(const CsrLayer& layer) {
  std::vector<NodeId> sources(layer.node_count());
  std::iota(sources.begin(), sources.end(), NodeId{0});
  Scores result = betweenness_from_sources(layer, sources);
  if (!layer.directed())
    for (double& value : result)
      value /= 2;
  return result;
}

std::uint64_t samples_for_error(NodeId n, double epsilon, double failure_probability) {
  const double k =
      std::log(2.0 * std::max<NodeId>(n, 1) / failure_probability) / (2 * epsilon * epsilon);
  return static_cast<std::uint64_t>(std::ceil(k));
}

SampledBetweenness sampled_betweenness(const CsrLayer& layer, std::uint64_t samples,
                                       const RandomStream& rng, double failure_probability) {
  const NodeId n = layer.node_count();
  SampledBetweenness result;
  result.samples = samples;
  result.failure_probability = failure_probability;
  if (n == 0 || samples == 0) {
    result.values.assign(n, 0.0);
    return result;
  }
  std::vector<NodeId> sources(samples);
  DrawSequence draws(rng, 0, 0, purpose("analysis.betweenness.sources"));
  for (NodeId& source : sources)
    source = static_cast<NodeId>(draws.below(n));
  result.values = betweenness_from_sources(layer, sources);
  const double scale =
      static_cast<double>(n) / static_cast<double>(samples) / (layer.directed() ? 1.0 : 2.0);
  for (double& value : result.values)
    value *= scale;
  const double nn = n;
  result.epsilon =
      std::sqrt(std::log(2.0 * nn / failure_probability) / (2.0 * static_cast<double>(samples)));
  result.absolute_error =
      result.epsilon * nn * std::max(nn - 2, 0.0) / (layer.directed() ? 1.0 : 2.0);
  // On the normalized scale the bound is epsilon * n / (n - 1).
  if (n > 1) result.epsilon *= nn / (nn - 1);
  return result;
}

Scores normalized_betweenness(const Scores& raw, const CsrLayer& layer) {
  const double n = layer.node_count();
  const double pairs = (n - 1) * (n - 2) / (layer.directed() ? 1.0 : 2.0);
  Scores result(raw);
  if (pairs > 0)
    for (double& value : result)
      value /= pairs;
  return result;
}

}  // namespace village::network
