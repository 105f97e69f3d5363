#pragma once
// The metrics one step records: (metric, group, value). Groups are "all" plus the
// population's reporting groups. Means are computed with fixed-chunk sums, so the
// recorded value is bit-identical for any thread count.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/parallel.hpp"
#include "sim/population.hpp"

namespace village {

struct MetricRow {
  std::uint32_t step = 0;
  std::string metric;
  std::string group;
  double value = 0.0;
};

class Observation {
 public:
  Observation(const Population& population, std::uint32_t step, std::vector<MetricRow>& rows)
      : population_(&population), step_(step), rows_(&rows) {}

  void record(const std::string& metric, const std::string& group, double value) {
    rows_->push_back({step_, metric, group, value});
  }

  // Records the mean of value(i) over agents i in [begin, end), for "all" and for
  // each reporting group (groups with no agent in the range are skipped).
  template <typename Value>
  void record_mean(const std::string& metric, NodeId begin, NodeId end, Value&& value) {
    const auto& group_of = population_->group_of();
    const std::size_t groups = population_->group_names().size();
    const std::int64_t count = static_cast<std::int64_t>(end) - begin;
    if (count <= 0) return;
    const std::int64_t chunks = (count + kReductionChunk - 1) / kReductionChunk;
    const std::size_t width = groups + 1;  // slot 0: all
    std::vector<double> sums(static_cast<std::size_t>(chunks) * width, 0.0);
    std::vector<double> sizes(groups, 0.0);
    // Parallel over chunks when the agents (not the chunks) are many enough to pay.
#pragma omp parallel for schedule(static) if (run_in_parallel(count))
    for (std::int64_t c = 0; c < chunks; ++c) {
      double* partial = sums.data() + static_cast<std::size_t>(c) * width;
      const std::int64_t lo = begin + c * kReductionChunk;
      const std::int64_t hi = std::min<std::int64_t>(end, lo + kReductionChunk);
      for (std::int64_t i = lo; i < hi; ++i) {
        const double v = value(static_cast<NodeId>(i));
        partial[0] += v;
        if (groups != 0) partial[1 + group_of[static_cast<std::size_t>(i)]] += v;
      }
    }
    for (NodeId i = begin; i < end && groups != 0; ++i)
      sizes[group_of[i]] += 1.0;
    std::vector<double> totals(width, 0.0);
    for (std::int64_t c = 0; c < chunks; ++c) {
      for (std::size_t g = 0; g < width; ++g)
        totals[g] += sums[static_cast<std::size_t>(c) * width + g];
    }
    record(metric, "all", totals[0] / static_cast<double>(count));
    for (std::size_t g = 0; g < groups; ++g) {
      if (sizes[g] > 0) record(metric, population_->group_names()[g], totals[g + 1] / sizes[g]);
    }
  }

  const Population& population() const {
    return *population_;
  }
  std::uint32_t step() const {
    return step_;
  }

 private:
  const Population* population_;
  std::uint32_t step_;
  std::vector<MetricRow>* rows_;
};

}  // namespace village
