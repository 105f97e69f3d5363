#pragma once
// A comparison of strategies run on the same replicate seeds: for each strategy, outcome
// and group, the final value across replicates, the paired difference to the baseline,
// the cost and the cost per additional unit of outcome, each with a confidence interval
// (paired_statistics.hpp). Also the outcome over time with its band, the ranking and
// the warnings for differences the replicates cannot yet separate.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/compare/costs.hpp"
#include "analysis/compare/paired_statistics.hpp"
#include "sim/runner.hpp"

namespace village {

// One strategy's replicates, replicate r at index r (run id r).
struct StrategyRuns {
  std::string name;
  std::vector<RunRecord> runs;
  std::vector<CostBreakdown> costs;                        // per replicate
  std::vector<std::map<std::string, double>> group_sizes;  // per replicate: parents per group
  std::optional<double> budget_euros;
};

// Lower is better for stress, isolation and youth risk; higher for the rest.
bool higher_is_better(const std::string& outcome);

// Outcomes that are a share (or mean probability) over the group's parents: an extra
// unit is one parent (difference x group size). Others are priced per 0.01 of the mean.
bool counts_parents(const std::string& outcome);

// "additional vulnerable parent reached", "0.01 more institutional_trust (all)".
std::string unit_name(const std::string& outcome, const std::string& group);

struct ComparisonRow {
  std::string strategy;
  std::string outcome;
  std::string group;
  MeanInterval value;        // final value across replicates
  MeanInterval difference;   // paired, strategy - baseline (zero for the baseline)
  MeanInterval cost;         // euros per run
  MeanInterval extra_cost;   // paired, strategy - baseline
  MeanInterval extra_units;  // paired gain in units (sign: better is positive)
  std::string unit;
  RatioInterval cost_per_unit;
  std::optional<double> budget_euros;
  bool over_budget = false;  // mean cost above the budget
  bool is_baseline = false;
  // Replicates a paired interval would need to exclude zero (when it does not yet).
  std::optional<std::size_t> replicates_needed;
};

struct ComparisonOptions {
  std::size_t baseline = 0;           // index into the strategies
  std::vector<std::string> outcomes;  // metrics to compare
  // Groups to compare: "all", "vulnerable", "language_barrier" and "community:*" by default.
  std::vector<std::string> groups;
  double level = 0.95;
};

struct Comparison {
  std::vector<std::string> strategies;
  std::size_t baseline = 0;
  std::vector<ComparisonRow> rows;  // strategy-major, then outcome, then group
  double level = 0.95;

  const ComparisonRow* find(const std::string& strategy, const std::string& outcome,
                            const std::string& group) const;
  // Strategies ordered best first by the outcome's mean in the group.
  std::vector<std::string> ranking(const std::string& outcome, const std::string& group) const;
};

// Throws std::invalid_argument when strategies differ in their replicate count.
Comparison compare_strategies(const std::vector<StrategyRuns>& strategies,
                              const ComparisonOptions& options);

// The groups present in the runs that a comparison reports by default.
std::vector<std::string> default_groups(const std::vector<RunRecord>& runs);

// comparison.csv: one row per strategy, outcome and group.
std::string comparison_csv(const Comparison& comparison);

// Warnings for differences to the baseline whose interval includes zero, in the given
// groups, with the replicates that would separate them.
std::vector<std::string> separation_warnings(const Comparison& comparison,
                                             const std::vector<std::string>& groups);

// A value of one metric and group at each recorded step, across replicates.
struct TimeBand {
  std::vector<double> steps;
  std::vector<double> mean;
  std::vector<double> low;
  std::vector<double> high;
};
TimeBand outcome_over_time(const std::vector<RunRecord>& runs, const std::string& metric,
                           const std::string& group, double level);

}  // namespace village
