#include "analysis/calibration/abc_smc.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include "analysis/sensitivity/design.hpp"
#include "sim/plausible.hpp"

namespace village::calibration {

namespace {

using sensitivity::uniform_unit;

constexpr double kPi = 3.14159265358979323846;
constexpr int kMaxRedraws = 10000;  // proposals outside the prior before giving up

// A standard normal draw by Box-Muller on our own uniforms, so that the stream does not
// depend on the standard library's normal_distribution.
double standard_normal(std::mt19937_64& engine) {
  const double u1 = 1.0 - uniform_unit(engine);  // (0, 1]
  const double u2 = uniform_unit(engine);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * kPi * u2);
}

std::vector<double> draw_prior(const std::vector<Prior>& priors, std::mt19937_64& engine) {
  std::vector<double> theta;
  for (const Prior& p : priors)
    theta.push_back(prior_quantile(p.shape, p.low, p.high, p.alpha, p.beta, uniform_unit(engine)));
  return theta;
}

double joint_prior(const std::vector<Prior>& priors, const std::vector<double>& theta) {
  double density = 1;
  for (std::size_t j = 0; j < priors.size(); ++j)
    density *= prior_density(priors[j], theta[j]);
  return density;
}

double effective_sample_size(const std::vector<Particle>& particles) {
  double sum = 0;
  for (const Particle& p : particles)
    sum += p.weight * p.weight;
  return sum > 0 ? 1.0 / sum : 0.0;
}

void normalise(std::vector<Particle>& particles) {
  double total = 0;
  for (const Particle& p : particles)
    total += p.weight;
  for (Particle& p : particles)
    p.weight = total > 0 ? p.weight / total : 1.0 / static_cast<double>(particles.size());
}

// Twice the weighted covariance (Beaumont et al. 2009), with a little jitter on the
// diagonal so that a parameter the population has pinned keeps moving.
Eigen::MatrixXd kernel_covariance(const std::vector<Particle>& particles,
                                  const std::vector<Prior>& priors) {
  const auto k = static_cast<Eigen::Index>(priors.size());
  Eigen::VectorXd mean = Eigen::VectorXd::Zero(k);
  for (const Particle& p : particles)
    for (Eigen::Index j = 0; j < k; ++j)
      mean(j) += p.weight * p.theta[static_cast<std::size_t>(j)];
  Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(k, k);
  for (const Particle& p : particles) {
    Eigen::VectorXd d(k);
    for (Eigen::Index j = 0; j < k; ++j)
      d(j) = p.theta[static_cast<std::size_t>(j)] - mean(j);
    covariance += p.weight * d * d.transpose();
  }
  covariance *= 2.0;
  for (Eigen::Index j = 0; j < k; ++j) {
    const double span =
        priors[static_cast<std::size_t>(j)].high - priors[static_cast<std::size_t>(j)].low;
    covariance(j, j) += 1e-10 * span * span;
  }
  return covariance;
}

std::size_t weighted_pick(const std::vector<double>& cumulative, double u) {
  const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

double quantile_of(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double position = q * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (position - static_cast<double>(below)) * (values[above] - values[below]);
}

}  // namespace

double prior_density(const Prior& prior, double x) {
  if (x < prior.low || x > prior.high || !(prior.high > prior.low)) return 0.0;
  const double span = prior.high - prior.low;
  switch (prior.shape) {
    case PriorShape::uniform:
      return 1.0 / span;
    case PriorShape::log_uniform:
      return x > 0 ? 1.0 / (x * std::log(prior.high / prior.low)) : 0.0;
    case PriorShape::beta: {
      const double t = (x - prior.low) / span;
      if (t <= 0 || t >= 1) return 0.0;
      const double log_b = std::lgamma(prior.alpha) + std::lgamma(prior.beta) -
                           std::lgamma(prior.alpha + prior.beta);
      return std::exp((prior.alpha - 1) * std::log(t) + (prior.beta - 1) * std::log(1 - t) -
                      log_b) /
             span;
    }
  }
  return 0.0;
}

double distance(const std::vector<double>& simulated, const std::vector<Target>& targets) {
  if (simulated.size() != targets.size())
    throw std::invalid_argument("a simulation must give every target");
  double sum = 0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const double z = (simulated[i] - targets[i].observed) / targets[i].sd;
    sum += z * z;
  }
  return std::sqrt(sum / static_cast<double>(targets.size()));
}

AbcResult abc_smc(const std::vector<Prior>& priors, const std::vector<Target>& targets,
                  const BatchSimulator& simulate, const AbcOptions& options) {
  if (priors.empty() || targets.empty())
    throw std::invalid_argument("ABC-SMC needs parameters and targets");
  for (const Target& t : targets)
    if (!(t.sd > 0)) throw std::invalid_argument("every target needs an uncertainty above 0");
  if (options.particles < 2) throw std::invalid_argument("ABC-SMC needs at least 2 particles");
  if (options.budget < options.particles)
    throw std::invalid_argument("the budget must cover at least one population");
  const std::size_t k = priors.size();
  AbcResult result;

  // Generation 0: the prior.
  {
    std::mt19937_64 engine(options.seed);
    std::vector<std::vector<double>> batch;
    for (std::size_t i = 0; i < options.particles; ++i)
      batch.push_back(draw_prior(priors, engine));
    const auto simulated = simulate(batch, 0);
    result.simulations = batch.size();
    for (std::size_t i = 0; i < batch.size(); ++i)
      result.particles.push_back({batch[i], 1.0, distance(simulated[i], targets), simulated[i]});
    normalise(result.particles);
    result.generations.push_back({std::numeric_limits<double>::infinity(), batch.size(),
                                  batch.size(), 1.0, effective_sample_size(result.particles)});
  }

  for (std::size_t generation = 1; generation < options.max_generations; ++generation) {
    const std::vector<Particle>& previous = result.particles;
    std::vector<double> distances;
    for (const Particle& p : previous)
      distances.push_back(p.distance);
    const double tolerance = quantile_of(distances, options.quantile);
    const Eigen::MatrixXd covariance = kernel_covariance(previous, priors);
    const Eigen::LLT<Eigen::MatrixXd> cholesky(covariance);
    const Eigen::MatrixXd lower = cholesky.matrixL();
    const Eigen::MatrixXd precision = covariance.inverse();
    std::vector<double> cumulative;
    for (const Particle& p : previous)
      cumulative.push_back((cumulative.empty() ? 0.0 : cumulative.back()) + p.weight);

    std::mt19937_64 engine(options.seed ^ (0x9e3779b97f4a7c15ULL * (generation + 1)));
    std::vector<Particle> accepted;
    std::size_t used = 0;
    bool exhausted = false;
    while (accepted.size() < options.particles) {
      if (result.simulations >= options.budget) {
        exhausted = true;
        break;
      }
      const std::size_t size = std::min(options.particles, options.budget - result.simulations);
      std::vector<std::vector<double>> batch;
      for (std::size_t b = 0; b < size; ++b) {
        std::vector<double> theta(k);
        for (int attempt = 0;; ++attempt) {
          const Particle& parent = previous[weighted_pick(cumulative, uniform_unit(engine))];
          Eigen::VectorXd z(static_cast<Eigen::Index>(k));
          for (std::size_t j = 0; j < k; ++j)
            z(static_cast<Eigen::Index>(j)) = standard_normal(engine);
          const Eigen::VectorXd step = lower * z;
          for (std::size_t j = 0; j < k; ++j)
            theta[j] = parent.theta[j] + step(static_cast<Eigen::Index>(j));
          if (joint_prior(priors, theta) > 0) break;
          if (attempt >= kMaxRedraws)
            throw std::runtime_error("ABC-SMC: the kernel keeps proposing outside the prior");
        }
        batch.push_back(theta);
      }
      const auto simulated = simulate(batch, result.simulations);
      result.simulations += batch.size();
      used += batch.size();
      for (std::size_t b = 0; b < batch.size() && accepted.size() < options.particles; ++b) {
        const double d = distance(simulated[b], targets);
        if (d > tolerance) continue;
        // Weight: prior over the mixture of kernels the proposal came from.
        double mixture = 0;
        for (const Particle& p : previous) {
          Eigen::VectorXd diff(static_cast<Eigen::Index>(k));
          for (std::size_t j = 0; j < k; ++j)
            diff(static_cast<Eigen::Index>(j)) = batch[b][j] - p.theta[j];
          mixture += p.weight * std::exp(-0.5 * diff.dot(precision * diff));
        }
        accepted.push_back({batch[b], joint_prior(priors, batch[b]) / mixture, d, simulated[b]});
      }
    }
    GenerationReport report{
        tolerance, used, accepted.size(),
        used > 0 ? static_cast<double>(accepted.size()) / static_cast<double>(used) : 0.0, 0.0};
    if (exhausted) {
      // A generation the budget cut short is reported, not used: the population stays the
      // last complete one.
      result.budget_exhausted = true;
      if (used > 0) result.generations.push_back(report);
      break;
    }
    normalise(accepted);
    report.effective_sample_size = effective_sample_size(accepted);
    result.generations.push_back(report);
    result.particles = std::move(accepted);
    result.population_generation = generation;
    if (report.acceptance_rate < options.min_acceptance) break;
  }
  return result;
}

double weighted_quantile(const std::vector<Particle>& particles, std::size_t parameter, double q) {
  std::vector<std::size_t> order(particles.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return particles[a].theta[parameter] < particles[b].theta[parameter];
  });
  double cumulative = 0;
  for (std::size_t i : order) {
    cumulative += particles[i].weight;
    if (cumulative >= q) return particles[i].theta[parameter];
  }
  return particles[order.back()].theta[parameter];
}

std::vector<double> identifiability(const std::vector<Particle>& particles,
                                    const std::vector<Prior>& priors) {
  std::vector<double> ratios;
  for (std::size_t j = 0; j < priors.size(); ++j) {
    const Prior& p = priors[j];
    const double prior_width = prior_quantile(p.shape, p.low, p.high, p.alpha, p.beta, 0.95) -
                               prior_quantile(p.shape, p.low, p.high, p.alpha, p.beta, 0.05);
    const double posterior_width =
        weighted_quantile(particles, j, 0.95) - weighted_quantile(particles, j, 0.05);
    ratios.push_back(prior_width > 0 ? posterior_width / prior_width : 0.0);
  }
  return ratios;
}

}  // namespace village::calibration
