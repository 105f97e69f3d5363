#include "analysis/uncertainty/evppi.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace village::uncertainty {

namespace {

// x scaled to [0, 1] (a constant x stays 0), so the basis is well conditioned.
std::vector<double> unit_scaled(const std::vector<double>& x) {
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  const double span = *hi - *lo;
  std::vector<double> u(x.size(), 0.0);
  if (span > 0)
    for (std::size_t i = 0; i < x.size(); ++i)
      u[i] = (x[i] - *lo) / span;
  return u;
}

// Distinct knots at the j / (k + 1) quantiles of u, j = 1..k.
std::vector<double> quantile_knots(std::vector<double> u, std::size_t k) {
  std::sort(u.begin(), u.end());
  std::vector<double> knots;
  for (std::size_t j = 1; j <= k; ++j) {
    const double q = u[(u.size() - 1) * j / (k + 1)];
    if (q > u.front() && q < u.back() && (knots.empty() || q > knots.back())) knots.push_back(q);
  }
  return knots;
}

Eigen::MatrixXd spline_basis(const std::vector<double>& u, const std::vector<double>& knots) {
  Eigen::MatrixXd basis(static_cast<Eigen::Index>(u.size()),
                        static_cast<Eigen::Index>(4 + knots.size()));
  for (std::size_t i = 0; i < u.size(); ++i) {
    const auto r = static_cast<Eigen::Index>(i);
    basis(r, 0) = 1;
    basis(r, 1) = u[i];
    basis(r, 2) = u[i] * u[i];
    basis(r, 3) = u[i] * u[i] * u[i];
    for (std::size_t j = 0; j < knots.size(); ++j) {
      const double d = std::max(0.0, u[i] - knots[j]);
      basis(r, static_cast<Eigen::Index>(4 + j)) = d * d * d;
    }
  }
  return basis;
}

Eigen::MatrixXd as_matrix(const std::vector<std::vector<double>>& columns, std::size_t rows) {
  Eigen::MatrixXd m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t c = 0; c < columns.size(); ++c)
    for (std::size_t i = 0; i < rows; ++i)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c)) = columns[c][i];
  return m;
}

// Average ranks (1-based), ties sharing the mean of their positions.
std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]])
      ++j;
    const double mean_rank = 0.5 * static_cast<double>(i + j) + 1.0;
    for (std::size_t k = i; k <= j; ++k)
      r[order[k]] = mean_rank;
    i = j + 1;
  }
  return r;
}

double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::VectorXd ca = a.array() - a.mean();
  const Eigen::VectorXd cb = b.array() - b.mean();
  const double denominator = std::sqrt(ca.squaredNorm() * cb.squaredNorm());
  return denominator > 0 ? ca.dot(cb) / denominator : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

SplineFit fit_spline(const std::vector<double>& x, const std::vector<std::vector<double>>& y) {
  const std::size_t n = x.size();
  const std::vector<double> u = unit_scaled(x);
  const Eigen::MatrixXd targets = as_matrix(y, n);
  SplineFit best;
  double best_gcv = std::numeric_limits<double>::infinity();
  for (std::size_t k : {0, 1, 2, 3, 4, 6, 8, 10, 12, 16, 20}) {
    const std::vector<double> knots = quantile_knots(u, k);
    if (k > 0 && knots.size() < k) continue;  // too few distinct values for k knots
    const std::size_t parameters = 4 + knots.size();
    if (n < parameters + 10) break;
    const Eigen::MatrixXd basis = spline_basis(u, knots);
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(basis);
    const Eigen::MatrixXd fitted = basis * qr.solve(targets);
    const double rss = (targets - fitted).squaredNorm();
    const double dof = static_cast<double>(n - static_cast<std::size_t>(qr.rank()));
    const double gcv = static_cast<double>(n) * rss / (dof * dof);
    if (gcv < best_gcv * (1 - 1e-12)) {
      best_gcv = gcv;
      best.knots = knots.size();
      best.fitted.assign(y.size(), std::vector<double>(n));
      for (std::size_t c = 0; c < y.size(); ++c)
        for (std::size_t i = 0; i < n; ++i)
          best.fitted[c][i] = fitted(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(c));
    }
  }
  return best;
}

double evppi(const std::vector<double>& parameter, const WorldTable& net_benefit) {
  if (parameter.size() != net_benefit.size() || parameter.size() < 20)
    throw std::invalid_argument("EVPPI needs one parameter value per world and at least 20 worlds");
  const std::size_t strategies = net_benefit.front().size();
  if (strategies < 2) return 0.0;
  std::vector<std::vector<double>> incremental(strategies - 1,
                                               std::vector<double>(parameter.size()));
  for (std::size_t w = 0; w < parameter.size(); ++w)
    for (std::size_t s = 1; s < strategies; ++s)
      incremental[s - 1][w] = net_benefit[w][s] - net_benefit[w][0];
  const SplineFit fit = fit_spline(parameter, incremental);
  double expected_max = 0;
  std::vector<double> means(strategies - 1, 0.0);
  for (std::size_t w = 0; w < parameter.size(); ++w) {
    double row_max = 0.0;  // strategy 0's incremental net benefit
    for (std::size_t s = 0; s + 1 < strategies; ++s) {
      row_max = std::max(row_max, fit.fitted[s][w]);
      means[s] += fit.fitted[s][w];
    }
    expected_max += row_max;
  }
  const double n = static_cast<double>(parameter.size());
  double max_mean = 0.0;
  for (double m : means)
    max_mean = std::max(max_mean, m / n);
  return std::max(0.0, expected_max / n - max_mean);
}

std::vector<double> partial_rank_correlations(const std::vector<std::vector<double>>& parameters,
                                              const std::vector<double>& y) {
  const std::size_t n = y.size();
  const std::size_t k = parameters.empty() ? 0 : parameters.front().size();
  std::vector<double> prcc(k, std::numeric_limits<double>::quiet_NaN());
  if (n < k + 3 || parameters.size() != n) return prcc;
  std::vector<std::vector<double>> columns(k, std::vector<double>(n));
  for (std::size_t j = 0; j < k; ++j) {
    for (std::size_t i = 0; i < n; ++i)
      columns[j][i] = parameters[i][j];
    columns[j] = ranks(columns[j]);
  }
  const Eigen::MatrixXd x = as_matrix(columns, n);
  const Eigen::MatrixXd ry = as_matrix({ranks(y)}, n);
  for (std::size_t j = 0; j < k; ++j) {
    Eigen::MatrixXd others(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(k));
    others.col(0).setOnes();
    Eigen::Index c = 1;
    for (std::size_t o = 0; o < k; ++o)
      if (o != j) others.col(c++) = x.col(static_cast<Eigen::Index>(o));
    const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(others);
    const Eigen::VectorXd xj = x.col(static_cast<Eigen::Index>(j));
    const Eigen::VectorXd x_residual = xj - others * qr.solve(xj);
    const Eigen::VectorXd y_residual = ry.col(0) - others * qr.solve(ry.col(0));
    prcc[j] = correlation(x_residual, y_residual);
  }
  return prcc;
}

VarianceSplit split_variance(const std::vector<std::vector<double>>& differences) {
  VarianceSplit split;
  if (differences.size() < 2) return split;
  const std::size_t replicates = differences.front().size();
  std::vector<double> means;
  double within = 0;
  for (const auto& world : differences) {
    if (world.size() != replicates || replicates == 0)
      throw std::invalid_argument("every world needs the same number of replicates");
    const double mean =
        std::accumulate(world.begin(), world.end(), 0.0) / static_cast<double>(replicates);
    means.push_back(mean);
    if (replicates > 1) {
      double ss = 0;
      for (double d : world)
        ss += (d - mean) * (d - mean);
      within += ss / static_cast<double>(replicates - 1);
    }
  }
  const double n = static_cast<double>(means.size());
  const double grand = std::accumulate(means.begin(), means.end(), 0.0) / n;
  double ss = 0;
  for (double m : means)
    ss += (m - grand) * (m - grand);
  split.world_means_variance = ss / (n - 1);
  if (replicates < 2) {  // one replicate per world cannot tell noise from worlds
    split.replicate_variance = split.noise_share = std::numeric_limits<double>::quiet_NaN();
    split.between_worlds = split.world_means_variance;
    return split;
  }
  split.replicate_variance = within / n;
  const double noise = split.replicate_variance / static_cast<double>(replicates);
  split.between_worlds = std::max(0.0, split.world_means_variance - noise);
  split.noise_share =
      split.world_means_variance > 0 ? std::min(1.0, noise / split.world_means_variance) : 1.0;
  return split;
}

}  // namespace village::uncertainty
