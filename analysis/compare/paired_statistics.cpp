#include "analysis/compare/paired_statistics.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <stdexcept>

namespace village {

double t_quantile(double degrees_of_freedom, double probability) {
  const boost::math::students_t distribution(degrees_of_freedom);
  return boost::math::quantile(distribution, probability);
}

MeanInterval mean_interval(const std::vector<double>& values, double level) {
  MeanInterval interval;
  interval.count = values.size();
  if (values.empty()) return interval;
  const double n = static_cast<double>(values.size());
  double sum = 0;
  for (double v : values)
    sum += v;
  interval.mean = sum / n;
  interval.low = interval.high = interval.mean;
  if (values.size() < 2) return interval;
  double squares = 0;
  for (double v : values)
    squares += (v - interval.mean) * (v - interval.mean);
  interval.standard_deviation = std::sqrt(squares / (n - 1));
  const double half =
      t_quantile(n - 1, 0.5 + level / 2) * interval.standard_deviation / std::sqrt(n);
  interval.low = interval.mean - half;
  interval.high = interval.mean + half;
  return interval;
}

MeanInterval paired_difference(const std::vector<double>& treatment,
                               const std::vector<double>& baseline, double level) {
  if (treatment.size() != baseline.size())
    throw std::invalid_argument("paired_difference: the samples differ in size");
  std::vector<double> differences(treatment.size());
  for (std::size_t i = 0; i < treatment.size(); ++i)
    differences[i] = treatment[i] - baseline[i];
  return mean_interval(differences, level);
}

std::optional<std::size_t> replicates_needed(double mean, double standard_deviation, double level,
                                             std::size_t most) {
  if (mean == 0 || !std::isfinite(mean)) return std::nullopt;
  if (standard_deviation == 0) return std::size_t{2};
  // The half-width falls monotonically in n: bisect.
  const auto separates = [&](std::size_t n) {
    const double nn = static_cast<double>(n);
    return t_quantile(nn - 1, 0.5 + level / 2) * standard_deviation / std::sqrt(nn) <
           std::abs(mean);
  };
  if (!separates(most)) return std::nullopt;
  std::size_t low = 2;
  std::size_t high = most;
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (separates(middle))
      high = middle;
    else
      low = middle + 1;
  }
  return low;
}

std::string RatioInterval::status_name() const {
  switch (status) {
    case Status::estimated:
      return "estimated";
    case Status::unbounded:
      return "unbounded";
    case Status::no_gain:
      return "no_gain";
    case Status::dominant:
      return "dominant";
  }
  return "";
}

RatioInterval cost_per_unit(const std::vector<double>& extra_cost,
                            const std::vector<double>& extra_units, double level) {
  if (extra_cost.size() != extra_units.size())
    throw std::invalid_argument("cost_per_unit: the samples differ in size");
  RatioInterval result;
  const MeanInterval cost = mean_interval(extra_cost, level);
  const MeanInterval units = mean_interval(extra_units, level);
  if (units.count == 0 || units.mean <= 0) return result;  // no gain
  result.ratio = cost.mean / units.mean;
  if (cost.mean <= 0) {
    result.status = RatioInterval::Status::dominant;
    result.low = result.high = result.ratio;
    return result;
  }
  const double n = static_cast<double>(units.count);
  if (units.count < 2) {
    result.status = RatioInterval::Status::estimated;
    result.low = result.high = result.ratio;
    return result;
  }
  double covariance = 0;
  for (std::size_t i = 0; i < extra_cost.size(); ++i)
    covariance += (extra_cost[i] - cost.mean) * (extra_units[i] - units.mean);
  covariance /= n - 1;
  // Variances of the two means and their covariance.
  const double vc = cost.standard_deviation * cost.standard_deviation / n;
  const double ve = units.standard_deviation * units.standard_deviation / n;
  const double vce = covariance / n;
  const double t = t_quantile(n - 1, 0.5 + level / 2);
  const double t2 = t * t;
  // (c - R e)^2 <= t^2 (vc - 2 R vce + R^2 ve), a quadratic a R^2 + b R + c <= 0.
  const double a = units.mean * units.mean - t2 * ve;
  const double b = -2 * (cost.mean * units.mean - t2 * vce);
  const double c = cost.mean * cost.mean - t2 * vc;
  if (a <= 0) {
    result.status = RatioInterval::Status::unbounded;
    return result;
  }
  const double discriminant = std::max(0.0, b * b - 4 * a * c);
  const double root = std::sqrt(discriminant);
  result.low = (-b - root) / (2 * a);
  result.high = (-b + root) / (2 * a);
  result.status = RatioInterval::Status::estimated;
  return result;
}

}  // namespace village
