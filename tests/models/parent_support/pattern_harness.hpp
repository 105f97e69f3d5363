#pragma once
// The harness of the parent-support pattern tests: two arms over kPairs paired replicates
// (common random numbers: both arms of pair r run with the scenario's seed and run id r),
// compared by a one-sided paired t-test at 99% confidence.

#include <boost/math/distributions/students_t.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/scenario.hpp"

namespace pattern {

using namespace village;

constexpr std::uint32_t kPairs = 30;

using Arm = std::function<void(ParamValues&)>;

inline double final_value(const RunRecord& record, const std::string& metric,
                          const std::string& group) {
  double value = std::nan("");
  for (const MetricRow& row : record.rows) {
    if (row.metric == metric && row.group == group) value = row.value;
  }
  return value;
}

inline double value_at_week(const RunRecord& record, const std::string& metric,
                            const std::string& group, std::uint32_t week) {
  for (const MetricRow& row : record.rows) {
    if (row.step == week && row.metric == metric && row.group == group) return row.value;
  }
  return std::nan("");
}

inline double sum_over_weeks(const RunRecord& record, const std::string& metric) {
  double sum = 0;
  for (const MetricRow& row : record.rows) {
    if (row.metric == metric && row.group == "all") sum += row.value;
  }
  return sum;
}

struct PairedRuns {
  std::vector<RunRecord> a, b;
};

// Changes a replicate's world before the model runs (e.g. rewires a layer).
using WorldEdit = std::function<void(World&, const RandomStream&)>;

inline PairedRuns run_pairs(const std::string& scenario_file, const Arm& arm_a, const Arm& arm_b,
                            const WorldEdit& edit_a = {}, const WorldEdit& edit_b = {}) {
  const Scenario scenario = load_scenario(std::string(VILLAGE_SOURCE_DIR) +
                                          "/tests/data/parent_support/" + scenario_file);
  ParamValues values_a = scenario.model_values;
  ParamValues values_b = scenario.model_values;
  arm_a(values_a);
  arm_b(values_b);
  const WorldFactory base = make_world_factory(scenario);
  const auto edited = [&](const WorldEdit& edit) -> WorldFactory {
    return [&base, edit](const RandomStream& rng) {
      World world = base(rng);
      if (edit) edit(world, rng);
      return world;
    };
  };
  const WorldFactory make_a = edited(edit_a);
  const WorldFactory make_b = edited(edit_b);
  RunPlan plan = scenario.plan;
  PairedRuns runs;
  runs.a.resize(kPairs);
  runs.b.resize(kPairs);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    runs.a[r] = run_one(r, plan, make_a, [&] { return scenario.model->make(values_a); });
    runs.b[r] = run_one(r, plan, make_b, [&] { return scenario.model->make(values_b); });
  }
  return runs;
}

struct PairedTest {
  double mean_difference;
  double t_statistic;
  double critical;
};

// One-sided paired t-test that a's values exceed b's.
inline PairedTest a_exceeds_b(const std::vector<double>& a, const std::vector<double>& b) {
  const std::size_t n = a.size();
  double mean = 0;
  for (std::size_t i = 0; i < n; ++i)
    mean += a[i] - b[i];
  mean /= static_cast<double>(n);
  double squares = 0;
  for (std::size_t i = 0; i < n; ++i)
    squares += (a[i] - b[i] - mean) * (a[i] - b[i] - mean);
  const double sd = std::sqrt(squares / static_cast<double>(n - 1));
  const boost::math::students_t distribution(static_cast<double>(n - 1));
  const double critical = boost::math::quantile(distribution, 0.99);
  const double t =
      sd > 0 ? mean / (sd / std::sqrt(static_cast<double>(n))) : (mean > 0 ? INFINITY : 0.0);
  return {mean, t, critical};
}

inline std::vector<double> finals(const std::vector<RunRecord>& runs, const std::string& metric,
                                  const std::string& group) {
  std::vector<double> values;
  for (const RunRecord& run : runs) {
    const double value = final_value(run, metric, group);
    REQUIRE_FALSE(std::isnan(value));
    values.push_back(value);
  }
  return values;
}

inline void check_direction(const PairedRuns& runs, const std::string& metric,
                            const std::string& group) {
  const PairedTest test = a_exceeds_b(finals(runs.a, metric, group), finals(runs.b, metric, group));
  INFO(metric << " [" << group << "]: mean paired difference " << test.mean_difference
              << ", t = " << test.t_statistic << ", critical t(0.99, " << kPairs - 1
              << ") = " << test.critical);
  CHECK(test.mean_difference > 0);
  CHECK(test.t_statistic > test.critical);
}

template <typename T>
inline Arm set(const std::string& name, T value) {
  return [name, value](ParamValues& values) {
    REQUIRE(values.has(name));
    values.set(name, ParamValue(value));
  };
}

inline Arm both(Arm first, Arm second) {
  return [first, second](ParamValues& values) {
    first(values);
    second(values);
  };
}

}  // namespace pattern
