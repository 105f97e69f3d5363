#include "analysis/calibration/gp_emulator.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

namespace village::calibration {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Rows h(x) = (1, x_1, ..., x_k) of the regression basis.
MatrixXd regression_basis(const MatrixXd& x) {
  MatrixXd h(x.rows(), x.cols() + 1);
  h.col(0).setOnes();
  h.rightCols(x.cols()) = x;
  return h;
}

MatrixXd correlation_matrix(const MatrixXd& x, const VectorXd& lengths) {
  const MatrixXd scaled = x * lengths.cwiseInverse().asDiagonal();
  const Index n = x.rows();
  MatrixXd c(n, n);
  for (Index i = 0; i < n; ++i) {
    c(i, i) = 1.0;
    for (Index j = 0; j < i; ++j)
      c(i, j) = c(j, i) = std::exp(-0.5 * (scaled.row(i) - scaled.row(j)).squaredNorm());
  }
  return c;
}

// The lower Cholesky factor of a, with a jitter from 1e-10 up to 1e-4 on the diagonal when
// rounding leaves a near-singular correlation matrix not quite positive definite.
std::optional<MatrixXd> cholesky_lower(const MatrixXd& a) {
  double jitter = 0.0;
  for (int attempt = 0; attempt < 8; ++attempt) {
    const Eigen::LLT<MatrixXd> llt(a + jitter * MatrixXd::Identity(a.rows(), a.cols()));
    if (llt.info() == Eigen::Success) return MatrixXd(llt.matrixL());
    jitter = jitter == 0.0 ? 1e-10 : jitter * 10.0;
  }
  return std::nullopt;
}

// Everything the likelihood at one set of log hyperparameters computes.
struct Fit {
  MatrixXd lower;           // A = L L'
  MatrixXd whitened_basis;  // L^-1 H
  MatrixXd coefficient_covariance;
  VectorXd coefficients;
  VectorXd weights;  // A^-1 (y - H beta)
  double signal_variance = 0;
  double log_likelihood = -kInfinity;
};

// log_parameters: log lengths, then the log nugget.
std::optional<Fit> fit_at(const MatrixXd& x, const VectorXd& y, const MatrixXd& h,
                          const VectorXd& log_parameters, bool restricted) {
  const Index n = x.rows();
  const Index q = h.cols();
  MatrixXd a = correlation_matrix(x, log_parameters.head(x.cols()).array().exp().matrix());
  a.diagonal().array() += std::exp(log_parameters(x.cols()));
  std::optional<MatrixXd> lower = cholesky_lower(a);
  if (!lower) return std::nullopt;
  Fit fit;
  fit.lower = std::move(*lower);
  const auto l = fit.lower.triangularView<Eigen::Lower>();
  fit.whitened_basis = l.solve(h);
  const VectorXd whitened_y = l.solve(y);
  const Eigen::LLT<MatrixXd> gram(fit.whitened_basis.transpose() * fit.whitened_basis);
  if (gram.info() != Eigen::Success) return std::nullopt;
  fit.coefficients = gram.solve(fit.whitened_basis.transpose() * whitened_y);
  const VectorXd whitened_residual = whitened_y - fit.whitened_basis * fit.coefficients;
  const double sum_of_squares = whitened_residual.squaredNorm();
  const double degrees = static_cast<double>(restricted ? n - q : n);
  if (!(sum_of_squares > 0) || !std::isfinite(sum_of_squares)) return std::nullopt;
  fit.signal_variance = sum_of_squares / degrees;
  const double log_det_a = 2.0 * fit.lower.diagonal().array().log().sum();
  fit.log_likelihood = -0.5 * degrees * std::log(fit.signal_variance) - 0.5 * log_det_a;
  if (restricted) {
    const MatrixXd gram_lower = gram.matrixL();
    fit.log_likelihood -= gram_lower.diagonal().array().log().sum();  // 1/2 log|H'A^-1 H|
  }
  fit.coefficient_covariance = gram.solve(MatrixXd::Identity(q, q));
  fit.weights = fit.lower.transpose().triangularView<Eigen::Upper>().solve(whitened_residual);
  return fit;
}

using Objective = std::function<double(const VectorXd&)>;

// Minimises f over the box [lower, upper] by Nelder-Mead with the standard coefficients
// (reflection 1, expansion 2, contraction and shrink 1/2), clamping every trial point into the
// box. Returns the best point and its value.
std::pair<VectorXd, double> nelder_mead(const Objective& f, const VectorXd& start,
                                        const VectorXd& lower, const VectorXd& upper, double step,
                                        int max_evaluations) {
  const Index d = start.size();
  const auto clamp = [&](const VectorXd& p) -> VectorXd {
    return p.cwiseMax(lower).cwiseMin(upper);
  };
  std::vector<VectorXd> simplex{clamp(start)};
  for (Index i = 0; i < d; ++i) {
    VectorXd vertex = simplex[0];
    vertex(i) += (vertex(i) + step <= upper(i)) ? step : -step;  // step inwards at a bound
    simplex.push_back(clamp(vertex));
  }
  std::vector<double> values;
  for (const VectorXd& vertex : simplex)
    values.push_back(f(vertex));
  int evaluations = static_cast<int>(values.size());
  std::vector<std::size_t> order(simplex.size());
  while (true) {
    for (std::size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    const std::size_t best = order.front();
    const std::size_t worst = order.back();
    const std::size_t second_worst = order[order.size() - 2];
    double spread = 0;
    for (const VectorXd& vertex : simplex)
      spread = std::max(spread, (vertex - simplex[best]).cwiseAbs().maxCoeff());
    const bool flat = values[worst] - values[best] < 1e-7 * (1.0 + std::abs(values[best]));
    if ((flat && spread < 1e-4) || evaluations >= max_evaluations) break;
    VectorXd centroid = VectorXd::Zero(d);
    for (std::size_t i = 0; i < simplex.size(); ++i)
      if (i != worst) centroid += simplex[i];
    centroid /= static_cast<double>(d);
    const auto trial = [&](double t) { return clamp(centroid + t * (simplex[worst] - centroid)); };
    const VectorXd reflected = trial(-1.0);
    const double reflected_value = f(reflected);
    ++evaluations;
    if (reflected_value < values[best]) {
      const VectorXd expanded = trial(-2.0);
      const double expanded_value = f(expanded);
      ++evaluations;
      const bool take_expanded = expanded_value < reflected_value;
      simplex[worst] = take_expanded ? expanded : reflected;
      values[worst] = take_expanded ? expanded_value : reflected_value;
      continue;
    }
    if (reflected_value < values[second_worst]) {
      simplex[worst] = reflected;
      values[worst] = reflected_value;
      continue;
    }
    const bool outside = reflected_value < values[worst];
    const VectorXd contracted = trial(outside ? -0.5 : 0.5);
    const double contracted_value = f(contracted);
    ++evaluations;
    if (contracted_value < std::min(reflected_value, values[worst])) {
      simplex[worst] = contracted;
      values[worst] = contracted_value;
      continue;
    }
    for (std::size_t i = 0; i < simplex.size(); ++i) {
      if (i == best) continue;
      simplex[i] = clamp(simplex[best] + 0.5 * (simplex[i] - simplex[best]));
      values[i] = f(simplex[i]);
      ++evaluations;
    }
  }
  const auto best =
      static_cast<std::size_t>(std::min_element(values.begin(), values.end()) - values.begin());
  return {simplex[best], values[best]};
}

}  // namespace

GpEmulator fit_gp(const std::vector<std::vector<double>>& x_unit, const std::vector<double>& y,
                  const GpFitOptions& options) {
  if (x_unit.size() != y.size() || x_unit.empty())
    throw std::invalid_argument("the emulator needs one output per input point");
  const std::size_t n = y.size();
  const std::size_t k = x_unit.front().size();
  if (k == 0) throw std::invalid_argument("the emulator needs at least one input");
  if (n < 2 * (k + 1))
    throw std::invalid_argument("the emulator needs at least 2(k+1) points for k inputs");
  if (!(options.min_length > 0 && options.min_length <= options.max_length &&
        options.min_nugget > 0 && options.min_nugget <= options.max_nugget))
    throw std::invalid_argument("the emulator's bounds need 0 < min <= max");
  MatrixXd x(n, k);
  VectorXd outputs(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (x_unit[i].size() != k)
      throw std::invalid_argument("every input point needs the same number of coordinates");
    for (std::size_t j = 0; j < k; ++j)
      x(i, j) = x_unit[i][j];
    outputs(i) = y[i];
  }
  if (!x.allFinite() || !outputs.allFinite())
    throw std::invalid_argument("the emulator's data must be finite");
  const MatrixXd h = regression_basis(x);

  const auto d = static_cast<Index>(k + 1);
  VectorXd lower(d);
  VectorXd upper(d);
  lower.head(d - 1).setConstant(std::log(options.min_length));
  upper.head(d - 1).setConstant(std::log(options.max_length));
  lower(d - 1) = std::log(options.min_nugget);
  upper(d - 1) = std::log(options.max_nugget);
  const Objective negative_log_likelihood = [&](const VectorXd& p) {
    const std::optional<Fit> fit = fit_at(x, outputs, h, p, options.restricted);
    return fit && std::isfinite(fit->log_likelihood) ? -fit->log_likelihood : kInfinity;
  };

  // Deterministic starts: an isotropic grid, then Nelder-Mead from the best two.
  std::vector<std::pair<double, VectorXd>> starts;
  for (const double length : {0.1, 0.3, 1.0, 3.0})
    for (const double nugget : {1e-6, 1e-3, 1e-1}) {
      VectorXd p(d);
      p.head(d - 1).setConstant(std::log(length));
      p(d - 1) = std::log(nugget);
      p = p.cwiseMax(lower).cwiseMin(upper);
      starts.emplace_back(negative_log_likelihood(p), p);
    }
  std::stable_sort(starts.begin(), starts.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (!std::isfinite(starts.front().first))
    throw std::runtime_error("the emulator's covariance cannot be factorised at any start");
  VectorXd best_parameters = starts.front().second;
  double best_value = starts.front().first;
  const int max_evaluations = 150 * static_cast<int>(d + 1);
  for (std::size_t s = 0; s < 2; ++s) {
    const auto [p, value] =
        nelder_mead(negative_log_likelihood, starts[s].second, lower, upper, 1.0, max_evaluations);
    if (value < best_value) {
      best_value = value;
      best_parameters = p;
    }
  }

  const Fit fit = *fit_at(x, outputs, h, best_parameters, options.restricted);
  GpEmulator emulator;
  emulator.dimensions = k;
  emulator.points = n;
  for (const std::vector<double>& row : x_unit)
    emulator.inputs.insert(emulator.inputs.end(), row.begin(), row.end());
  emulator.outputs = y;
  for (Index j = 0; j + 1 < d; ++j)
    emulator.lengths.push_back(std::exp(best_parameters(j)));
  emulator.nugget = std::exp(best_parameters(d - 1));
  emulator.signal_variance = fit.signal_variance;
  emulator.coefficients.assign(fit.coefficients.data(), fit.coefficients.data() + d);
  emulator.log_likelihood = fit.log_likelihood;
  emulator.cholesky_lower.assign(fit.lower.data(), fit.lower.data() + fit.lower.size());
  emulator.whitened_basis.assign(fit.whitened_basis.data(),
                                 fit.whitened_basis.data() + fit.whitened_basis.size());
  emulator.coefficient_covariance.assign(
      fit.coefficient_covariance.data(),
      fit.coefficient_covariance.data() + fit.coefficient_covariance.size());
  emulator.weights.assign(fit.weights.data(), fit.weights.data() + fit.weights.size());
  return emulator;
}

GpPrediction predict(const GpEmulator& emulator, const std::vector<double>& x_unit) {
  const std::size_t k = emulator.dimensions;
  if (x_unit.size() != k) throw std::invalid_argument("the point needs one coordinate per input");
  const auto n = static_cast<Index>(emulator.points);
  const auto q = static_cast<Index>(k + 1);
  const Eigen::Map<const MatrixXd> lower(emulator.cholesky_lower.data(), n, n);
  const Eigen::Map<const MatrixXd> whitened_basis(emulator.whitened_basis.data(), n, q);
  const Eigen::Map<const MatrixXd> coefficient_covariance(emulator.coefficient_covariance.data(), q,
                                                          q);
  const Eigen::Map<const VectorXd> weights(emulator.weights.data(), n);
  const Eigen::Map<const VectorXd> coefficients(emulator.coefficients.data(), q);

  VectorXd r(n);  // correlations with the training points
  for (Index i = 0; i < n; ++i) {
    double squared = 0;
    for (std::size_t j = 0; j < k; ++j) {
      const double z =
          (x_unit[j] - emulator.inputs[static_cast<std::size_t>(i) * k + j]) / emulator.lengths[j];
      squared += z * z;
    }
    r(i) = std::exp(-0.5 * squared);
  }
  VectorXd h(q);
  h(0) = 1.0;
  for (std::size_t j = 0; j < k; ++j)
    h(static_cast<Index>(j) + 1) = x_unit[j];

  const VectorXd whitened_r = lower.triangularView<Eigen::Lower>().solve(r);
  const VectorXd u = h - whitened_basis.transpose() * whitened_r;  // beta's share of the error
  const double correlation_left =
      1.0 - whitened_r.squaredNorm() + u.dot(coefficient_covariance * u);
  return {h.dot(coefficients) + r.dot(weights),
          emulator.signal_variance * std::max(0.0, correlation_left),
          emulator.signal_variance * emulator.nugget};
}

std::vector<double> leave_one_out_standardised_errors(const GpEmulator& emulator) {
  // With P = A^-1 - A^-1 H (H'A^-1 H)^-1 H'A^-1, the error without point i is (Py)_i / P_ii
  // and its variance sigma^2 / P_ii (Dubrule 1983); Py is the stored weights.
  const auto n = static_cast<Index>(emulator.points);
  const auto q = static_cast<Index>(emulator.dimensions + 1);
  const Eigen::Map<const MatrixXd> lower(emulator.cholesky_lower.data(), n, n);
  const Eigen::Map<const MatrixXd> whitened_basis(emulator.whitened_basis.data(), n, q);
  const Eigen::Map<const MatrixXd> coefficient_covariance(emulator.coefficient_covariance.data(), q,
                                                          q);
  const MatrixXd lower_inverse =
      lower.triangularView<Eigen::Lower>().solve(MatrixXd::Identity(n, n));
  const VectorXd inverse_diagonal = lower_inverse.colwise().squaredNorm().transpose();
  const MatrixXd inverse_times_basis = lower_inverse.transpose() * whitened_basis;  // A^-1 H
  std::vector<double> errors;
  for (Index i = 0; i < n; ++i) {
    const VectorXd row = inverse_times_basis.row(i).transpose();
    const double p_ii = inverse_diagonal(i) - row.dot(coefficient_covariance * row);
    errors.push_back(emulator.weights[static_cast<std::size_t>(i)] /
                     std::sqrt(emulator.signal_variance * std::max(p_ii, 1e-300)));
  }
  return errors;
}

}  // namespace village::calibration
