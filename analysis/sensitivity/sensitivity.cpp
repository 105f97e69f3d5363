#include "analysis/sensitivity/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <stdexcept>

namespace village::sensitivity {
namespace {

constexpr double confidence = 0.95;

void check_outputs(const Design& design, std::span<const double> outputs, std::size_t expected_rows,
                   std::string_view what) {
  if (design.points.size() != expected_rows)
    throw std::invalid_argument(fmt::format("{}: the design has {} points but its layout needs {}",
                                            what, design.points.size(), expected_rows));
  if (outputs.size() != expected_rows)
    throw std::invalid_argument(fmt::format("{}: got {} outputs for a design of {} points", what,
                                            outputs.size(), expected_rows));
  for (std::size_t row = 0; row < outputs.size(); ++row)
    if (!std::isfinite(outputs[row]))
      throw std::invalid_argument(
          fmt::format("{}: the output at design point {} is not finite", what, row));
}

// Linear interpolation between order statistics (Hyndman & Fan 1996, type 7).
double quantile_of_sorted(const std::vector<double>& sorted, double probability) {
  const double position = probability * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double weight = position - static_cast<double>(below);
  return sorted[below] + weight * (sorted[above] - sorted[below]);
}

Interval percentile_interval(double estimate, std::vector<double> replicates) {
  if (replicates.empty()) return {estimate, estimate, estimate};
  std::sort(replicates.begin(), replicates.end());
  return {estimate, quantile_of_sorted(replicates, (1.0 - confidence) / 2.0),
          quantile_of_sorted(replicates, (1.0 + confidence) / 2.0)};
}

struct SobolEstimate {
  double variance = 0;
  std::vector<double> first_order, total;
};

// The Saltelli (2010) / Jansen (1999) estimators over the rows rows[0..N) of each block, for
// outputs already centred. `rows` is the identity for the point estimate, a resample otherwise.
SobolEstimate estimate_sobol(std::span<const double> centred, std::size_t n, std::size_t k,
                             std::span<const std::size_t> rows) {
  double sum = 0, squares = 0;
  std::vector<double> first(k, 0.0), total(k, 0.0);
  for (std::size_t row : rows) {
    const double a = centred[row];
    const double b = centred[n + row];
    sum += a + b;
    squares += a * a + b * b;
    for (std::size_t i = 0; i < k; ++i) {
      const double ab = centred[(2 + i) * n + row];
      first[i] += b * (ab - a);
      total[i] += (a - ab) * (a - ab);
    }
  }
  const double count = static_cast<double>(2 * rows.size());
  const double mean = sum / count;
  SobolEstimate estimate;
  estimate.variance = std::max(0.0, squares / count - mean * mean);
  estimate.first_order.assign(k, 0.0);
  estimate.total.assign(k, 0.0);
  if (estimate.variance <= 0.0) return estimate;
  const double rows_count = static_cast<double>(rows.size());
  for (std::size_t i = 0; i < k; ++i) {
    estimate.first_order[i] = first[i] / rows_count / estimate.variance;
    estimate.total[i] = total[i] / (2.0 * rows_count) / estimate.variance;
  }
  return estimate;
}

}  // namespace

SobolIndices sobol_indices(const Design& design, std::span<const double> outputs,
                           std::size_t bootstrap, std::uint64_t seed) {
  if (design.kind != DesignKind::sobol)
    throw std::invalid_argument(fmt::format("Sobol' indices need a sobol design, not a {} design",
                                            design_kind_name(design.kind)));
  const std::size_t n = design.base_samples;
  const std::size_t k = design.dimensions;
  if (n < 2 || k < 1)
    throw std::invalid_argument("Sobol' indices need a sobol design with N >= 2 and k >= 1");
  check_outputs(design, outputs, n * (k + 2), "Sobol' indices");

  double mean = 0;
  for (std::size_t row = 0; row < 2 * n; ++row)
    mean += outputs[row];
  mean /= static_cast<double>(2 * n);
  std::vector<double> centred(outputs.begin(), outputs.end());
  for (double& value : centred)
    value -= mean;

  std::vector<std::size_t> rows(n);
  for (std::size_t row = 0; row < n; ++row)
    rows[row] = row;
  const SobolEstimate point = estimate_sobol(centred, n, k, rows);

  std::vector<std::vector<double>> first_replicates(k), total_replicates(k);
  for (std::size_t i = 0; i < k; ++i) {
    first_replicates[i].reserve(bootstrap);
    total_replicates[i].reserve(bootstrap);
  }
  std::mt19937_64 engine(seed);
  for (std::size_t replicate = 0; replicate < bootstrap; ++replicate) {
    for (std::size_t& row : rows)
      row = uniform_index(engine, n);
    const SobolEstimate resampled = estimate_sobol(centred, n, k, rows);
    for (std::size_t i = 0; i < k; ++i) {
      first_replicates[i].push_back(resampled.first_order[i]);
      total_replicates[i].push_back(resampled.total[i]);
    }
  }

  SobolIndices indices;
  indices.variance = point.variance;
  for (std::size_t i = 0; i < k; ++i) {
    indices.first_order.push_back(
        percentile_interval(point.first_order[i], std::move(first_replicates[i])));
    indices.total.push_back(percentile_interval(point.total[i], std::move(total_replicates[i])));
  }
  return indices;
}

MorrisIndices morris_indices(const Design& design, std::span<const double> outputs,
                             std::size_t bootstrap, std::uint64_t seed) {
  if (design.kind != DesignKind::morris)
    throw std::invalid_argument(fmt::format("Morris indices need a morris design, not a {} design",
                                            design_kind_name(design.kind)));
  const std::size_t r = design.base_samples;
  const std::size_t k = design.dimensions;
  if (r < 1 || k < 1)
    throw std::invalid_argument("Morris indices need a morris design with r >= 1 and k >= 1");
  check_outputs(design, outputs, r * (k + 1), "Morris indices");

  // effects[i][t]: the elementary effect of factor i in trajectory t.
  std::vector<std::vector<double>> effects(k, std::vector<double>(r, 0.0));
  std::vector<bool> moved(k);
  for (std::size_t t = 0; t < r; ++t) {
    std::fill(moved.begin(), moved.end(), false);
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t from = t * (k + 1) + j;
      const std::vector<double>& x = design.points[from];
      const std::vector<double>& y = design.points[from + 1];
      if (x.size() != k || y.size() != k)
        throw std::invalid_argument(
            fmt::format("Morris indices: design point {} does not have {} coordinates",
                        x.size() != k ? from : from + 1, k));
      std::size_t changed = k, changes = 0;
      for (std::size_t i = 0; i < k; ++i)
        if (x[i] != y[i]) {
          changed = i;
          ++changes;
        }
      if (changes != 1 || moved[changed])
        throw std::invalid_argument(
            fmt::format("Morris indices: step {} of trajectory {} must move exactly one factor "
                        "not moved before in that trajectory",
                        j, t));
      moved[changed] = true;
      effects[changed][t] = (outputs[from + 1] - outputs[from]) / (y[changed] - x[changed]);
    }
  }

  MorrisIndices indices;
  std::mt19937_64 engine(seed);
  std::vector<std::size_t> resample(r);
  std::vector<std::vector<double>> replicates(k, std::vector<double>(bootstrap));
  // One resample of trajectories is shared by all factors, as the rows are in Sobol'.
  for (std::size_t b = 0; b < bootstrap; ++b) {
    for (std::size_t& t : resample)
      t = uniform_index(engine, r);
    for (std::size_t i = 0; i < k; ++i) {
      double sum = 0;
      for (std::size_t t : resample)
        sum += std::abs(effects[i][t]);
      replicates[i][b] = sum / static_cast<double>(r);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    double sum = 0, absolute = 0;
    for (double effect : effects[i]) {
      sum += effect;
      absolute += std::abs(effect);
    }
    const double mean = sum / static_cast<double>(r);
    double squares = 0;
    for (double effect : effects[i])
      squares += (effect - mean) * (effect - mean);
    indices.mu.push_back(mean);
    indices.sigma.push_back(r > 1 ? std::sqrt(squares / static_cast<double>(r - 1)) : 0.0);
    indices.mu_star.push_back(
        percentile_interval(absolute / static_cast<double>(r), std::move(replicates[i])));
  }
  return indices;
}

double ishigami(std::span<const double> unit_point, double a, double b) {
  if (unit_point.size() != 3)
    throw std::invalid_argument(
        fmt::format("the Ishigami function takes 3 inputs, got {}", unit_point.size()));
  constexpr double pi = std::numbers::pi;
  const double x1 = -pi + 2.0 * pi * unit_point[0];
  const double x2 = -pi + 2.0 * pi * unit_point[1];
  const double x3 = -pi + 2.0 * pi * unit_point[2];
  const double s2 = std::sin(x2);
  return std::sin(x1) + a * s2 * s2 + b * std::pow(x3, 4) * std::sin(x1);
}

double sobol_g(std::span<const double> unit_point, std::span<const double> a) {
  if (unit_point.size() != a.size())
    throw std::invalid_argument(fmt::format("the g-function has {} coefficients but got {} inputs",
                                            a.size(), unit_point.size()));
  double product = 1.0;
  for (std::size_t i = 0; i < a.size(); ++i)
    product *= (std::abs(4.0 * unit_point[i] - 2.0) + a[i]) / (1.0 + a[i]);
  return product;
}

AnalyticIndices ishigami_indices(double a, double b) {
  const double pi4 = std::pow(std::numbers::pi, 4);
  const double pi8 = pi4 * pi4;
  const double v1 = 0.5 * (1.0 + b * pi4 / 5.0) * (1.0 + b * pi4 / 5.0);
  const double v2 = a * a / 8.0;
  const double v13 = 8.0 * b * b * pi8 / 225.0;
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

AnalyticIndices sobol_g_indices(std::span<const double> a) {
  if (a.empty()) throw std::invalid_argument("the g-function needs at least one coefficient");
  std::vector<double> partial(a.size());
  double product = 1.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!(a[i] > -1.0))
      throw std::invalid_argument(
          fmt::format("g-function coefficient a_{} = {} must exceed -1", i + 1, a[i]));
    partial[i] = 1.0 / (3.0 * (1.0 + a[i]) * (1.0 + a[i]));
    product *= 1.0 + partial[i];
  }
  const double variance = product - 1.0;
  AnalyticIndices indices;
  for (std::size_t i = 0; i < a.size(); ++i) {
    indices.first_order.push_back(partial[i] / variance);
    indices.total.push_back(partial[i] * product / (1.0 + partial[i]) / variance);
  }
  return indices;
}

}  // namespace village::sensitivity
