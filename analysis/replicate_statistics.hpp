#pragma once
// Across-replicate statistics of a run's final values: mean, standard deviation and a
// Student-t confidence interval for the mean, per (metric, group).

#include <string>
#include <vector>

#include "sim/runner.hpp"

namespace village {

struct ReplicateStatistic {
  std::string metric;
  std::string group;
  std::size_t count = 0;
  double mean = 0;
  double standard_deviation = 0;  // sample (n - 1) standard deviation; 0 for one replicate
  double ci_low = 0;              // confidence interval for the mean
  double ci_high = 0;
};

// One entry per (metric, group) of the runs' last observed step, in first-seen order.
// level: confidence level of the interval, e.g. 0.95.
std::vector<ReplicateStatistic> final_value_statistics(const std::vector<RunRecord>& runs,
                                                       double level);

// Student-t interval half-width for the mean of `count` values: t_{(1+level)/2, n-1} * sd /
// sqrt(n).
double t_interval_half_width(double standard_deviation, std::size_t count, double level);

// A plain-text table for the terminal.
std::string format_statistics_table(const std::vector<ReplicateStatistic>& statistics,
                                    double level);

}  // namespace village
