#pragma once
// Adaptive ABC-SMC (approximate Bayesian computation by sequential Monte Carlo): the core
// that `village calibrate` (issue 21) runs the model through. A population of particles
// is drawn from the prior; each generation lowers the tolerance to a quantile of the last
// population's distances (Del Moral, Doucet & Jasra 2012, Stat Comput 22:1009), proposes
// by perturbing weighted particles with a normal kernel of twice their weighted covariance
// (Beaumont, Cornuet, Marin & Robert 2009, Biometrika 96:983), keeps the proposals whose
// simulated targets are within the tolerance, and weights them by prior over proposal
// density. The distance weights each target by its observed uncertainty, so that many
// patterns count at once (pattern-oriented modelling, Grimm et al. 2005, Science 310:987).
//
// Determinism: proposals are drawn in order from a generator seeded by (seed,
// generation); the simulator is called on whole batches and may run them in parallel, and
// acceptance goes in proposal order. The result depends only on the options and the seed.
// The simulation budget is checked within a generation, before every batch.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/parameters.hpp"

namespace village::calibration {

struct Prior {
  PriorShape shape = PriorShape::uniform;
  double low = 0;
  double high = 1;
  double alpha = 1;  // beta: Beta(alpha, beta) stretched over [low, high]
  double beta = 1;
};

// The prior's density at x (0 outside [low, high]).
double prior_density(const Prior& prior, double x);

struct Target {
  std::string name;
  double observed = 0;
  double sd = 1;  // the observation's uncertainty, > 0
};

// sqrt(mean over targets of ((simulated - observed) / sd)^2).
double distance(const std::vector<double>& simulated, const std::vector<Target>& targets);

// Simulated targets for each parameter vector of a batch; `first` numbers the batch's
// first simulation (0, 1, ... over the whole calibration), so that a simulator can give
// every simulation its own random stream.
using BatchSimulator = std::function<std::vector<std::vector<double>>(
    const std::vector<std::vector<double>>& batch, std::uint64_t first)>;

struct AbcOptions {
  std::size_t particles = 200;
  std::size_t budget = 20000;  // simulations in all, checked before every batch
  std::size_t max_generations = 12;
  double quantile = 0.5;         // the next tolerance: this quantile of the distances
  double min_acceptance = 0.02;  // stop when a generation accepts fewer
  std::uint64_t seed = 1;
};

struct Particle {
  std::vector<double> theta;
  double weight = 0;
  double distance = 0;
  std::vector<double> simulated;
};

struct GenerationReport {
  double tolerance = 0;  // infinity for the prior generation
  std::size_t simulations = 0;
  std::size_t accepted = 0;
  double acceptance_rate = 0;
  double effective_sample_size = 0;
};

struct AbcResult {
  std::vector<Particle> particles;  // the last complete population, weights summing to 1
  std::vector<GenerationReport> generations;
  std::size_t simulations = 0;
  bool budget_exhausted = false;
  std::size_t population_generation = 0;  // the generation `particles` come from
};

// Throws std::invalid_argument on empty priors or targets, a target sd <= 0, fewer than 2
// particles, or a budget below one population.
AbcResult abc_smc(const std::vector<Prior>& priors, const std::vector<Target>& targets,
                  const BatchSimulator& simulate, const AbcOptions& options);

// The weighted q-quantile of one parameter over the particles.
double weighted_quantile(const std::vector<Particle>& particles, std::size_t parameter, double q);

// Identifiability of each parameter: the width of its posterior 90% interval over that of
// its prior. Near 1: the data cannot tell the parameter; near 0: they pin it down.
std::vector<double> identifiability(const std::vector<Particle>& particles,
                                    const std::vector<Prior>& priors);

}  // namespace village::calibration
