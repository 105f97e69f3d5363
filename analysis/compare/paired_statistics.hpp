#pragma once
// Statistics of a paired comparison across replicates. Strategies run on the same
// replicate seeds (common random numbers), so strategy s and the baseline in replicate
// r share their community and every draw where they make the same decision; their
// difference is analysed per replicate (a paired t interval), which removes the
// between-replicate variance both share.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace village {

// The p-quantile of Student's t with `degrees_of_freedom` (Boost.Math).
double t_quantile(double degrees_of_freedom, double probability);

struct MeanInterval {
  std::size_t count = 0;
  double mean = 0;
  double standard_deviation = 0;  // sample (n - 1); 0 for fewer than two values
  double low = 0;                 // Student-t confidence interval for the mean
  double high = 0;

  // The interval excludes zero.
  bool excludes_zero() const { return low > 0 || high < 0; }
};

// Mean, sd and t interval at `level` (e.g. 0.95). With one value the interval is the value.
MeanInterval mean_interval(const std::vector<double>& values, double level);

// The paired difference treatment[r] - baseline[r]: its mean, sd and t interval.
// Throws std::invalid_argument when the sizes differ.
MeanInterval paired_difference(const std::vector<double>& treatment,
                               const std::vector<double>& baseline, double level);

// Replicates needed for a paired t interval at `level` to exclude zero when the true
// mean difference and sd are as estimated: the least n with
// t_{(1+level)/2, n-1} sd / sqrt(n) < |mean| (n >= 2). Empty when mean is 0 (no
// difference to detect) or more than `most` would be needed.
std::optional<std::size_t> replicates_needed(double mean, double standard_deviation, double level,
                                             std::size_t most = 1000000);

// Cost per additional unit of outcome, mean(extra cost) / mean(extra units), with a
// Fieller interval (Fieller 1954, J. R. Stat. Soc. B 16:175; for cost-effectiveness
// ratios: Willan & O'Brien 1996, Health Econ. 5:297) from the paired per-replicate
// extra costs and extra units and their covariance.
struct RatioInterval {
  enum class Status {
    estimated,  // gain > 0 and distinguishable from zero: [low, high] is bounded
    unbounded,  // gain > 0 but its interval includes zero: the ratio's interval is unbounded
    no_gain,    // mean gain <= 0: no cost per additional unit
    dominant,   // gain > 0 at no extra cost (mean extra cost <= 0)
  };
  Status status = Status::no_gain;
  double ratio = 0;
  double low = 0;
  double high = 0;

  // "estimated", "unbounded", "no_gain", "dominant".
  std::string status_name() const;
};

RatioInterval cost_per_unit(const std::vector<double>& extra_cost,
                            const std::vector<double>& extra_units, double level);

}  // namespace village
