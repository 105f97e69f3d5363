#include "analysis/calibration/history_matching.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <stdexcept>

#include "analysis/sensitivity/design.hpp"

namespace village::calibration {

namespace {

using Points = std::vector<std::vector<double>>;

enum class Purpose : std::uint64_t { design = 1, region = 2, refinement = 3, pick = 4 };

// A seed of its own for each (wave, purpose), by SplitMix64's finaliser (Steele, Lea & Flood
// 2014), so that the streams do not overlap in any obvious way.
std::uint64_t stream_seed(std::uint64_t seed, std::size_t wave, Purpose purpose) {
  std::uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (4 * wave + static_cast<std::uint64_t>(purpose));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Points latin_hypercube(std::size_t dimensions, std::size_t points, std::uint64_t seed) {
  sensitivity::DesignOptions design;
  design.kind = sensitivity::DesignKind::lhs;
  design.dimensions = dimensions;
  design.samples = points;
  design.seed = seed;
  return sensitivity::make_design(design).points;
}

std::vector<double> to_parameters(const std::vector<Prior>& priors, const std::vector<double>& u) {
  std::vector<double> theta(priors.size());
  for (std::size_t j = 0; j < priors.size(); ++j)
    theta[j] = priors[j].low + u[j] * (priors[j].high - priors[j].low);
  return theta;
}

std::vector<double> to_unit(const std::vector<Prior>& priors, const std::vector<double>& theta) {
  if (theta.size() != priors.size())
    throw std::invalid_argument("a parameter point needs one value per prior");
  std::vector<double> u(priors.size());
  for (std::size_t j = 0; j < priors.size(); ++j)
    u[j] = (theta[j] - priors[j].low) / (priors[j].high - priors[j].low);
  return u;
}

// The implausibility_rank-th highest implausibility over the targets at unit point x.
double wave_implausibility(const std::vector<GpEmulator>& emulators,
                           const std::vector<Target>& targets,
                           const HistoryMatchingOptions& options, const std::vector<double>& x) {
  std::vector<double> values;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const GpPrediction p = predict(emulators[t], x);
    const double discrepancy = options.discrepancy_fraction * targets[t].observed;
    const double variance = p.variance + (options.include_run_variance ? p.noise_variance : 0.0) +
                            targets[t].sd * targets[t].sd + discrepancy * discrepancy;
    values.push_back(std::abs(targets[t].observed - p.mean) / std::sqrt(variance));
  }
  const std::size_t rank = std::min(options.implausibility_rank, values.size());
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank - 1),
                   values.end(), std::greater<>());
  return values[rank - 1];
}

bool passes_all(const std::vector<WaveReport>& waves, const std::vector<Target>& targets,
                const HistoryMatchingOptions& options, const std::vector<double>& x) {
  return std::all_of(waves.begin(), waves.end(), [&](const WaveReport& wave) {
    return wave_implausibility(wave.emulators, targets, options, x) <= options.cutoff;
  });
}

// Greedy maximin: from a seeded first pick, each next point is the one farthest from those
// already chosen (ties: the first in the pool).
Points maximin_subset(const Points& pool, std::size_t count, std::uint64_t seed) {
  if (pool.size() <= count) return pool;
  std::mt19937_64 engine(seed);
  std::vector<double> nearest(pool.size(), std::numeric_limits<double>::infinity());
  Points chosen;
  std::size_t next = sensitivity::uniform_index(engine, pool.size());
  while (chosen.size() < count) {
    chosen.push_back(pool[next]);
    const std::vector<double>& added = pool[next];
    std::size_t farthest = 0;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      double squared = 0;
      for (std::size_t j = 0; j < added.size(); ++j)
        squared += (pool[i][j] - added[j]) * (pool[i][j] - added[j]);
      nearest[i] = std::min(nearest[i], squared);
      if (nearest[i] > nearest[farthest]) farthest = i;
    }
    next = farthest;
  }
  return chosen;
}

void validate(const std::vector<Prior>& priors, const std::vector<Target>& targets,
              const HistoryMatchingOptions& options, std::size_t per_wave) {
  if (priors.empty() || targets.empty())
    throw std::invalid_argument("history matching needs parameters and targets");
  for (const Prior& p : priors)
    if (!(std::isfinite(p.low) && std::isfinite(p.high) && p.high > p.low))
      throw std::invalid_argument("every prior needs finite bounds with high > low");
  for (const Target& t : targets)
    if (!(t.sd > 0)) throw std::invalid_argument("every target needs an uncertainty above 0");
  if (options.points_per_wave > 0 && options.points_per_wave < 2 * (priors.size() + 1))
    throw std::invalid_argument("a wave needs at least 2(k+1) points for k parameters");
  if (options.budget < per_wave)
    throw std::invalid_argument("the budget must cover at least one wave");
  if (!(options.cutoff > 0) || options.implausibility_rank == 0 || options.waves == 0 ||
      options.candidates == 0)
    throw std::invalid_argument(
        "history matching needs a cutoff above 0 and at least one wave, rank and candidate");
}

}  // namespace

HistoryMatchingResult history_matching(const std::vector<Prior>& priors,
                                       const std::vector<Target>& targets,
                                       const BatchSimulator& simulate,
                                       const HistoryMatchingOptions& options) {
  const std::size_t k = priors.size();
  const std::size_t minimum_runs = 2 * (k + 1);
  const std::size_t per_wave =
      options.points_per_wave > 0 ? options.points_per_wave : std::max(10 * k, minimum_runs);
  validate(priors, targets, options, per_wave);
  HistoryMatchingResult result;
  result.priors = priors;
  result.targets = targets;
  result.options = options;

  // One fixed hypercube over the box estimates the region's share; `passing` is what is left
  // of it. `region` holds every sample known to pass, unit coordinates.
  const Points box_sample =
      latin_hypercube(k, options.candidates, stream_seed(options.seed, 0, Purpose::region));
  Points passing = box_sample;
  Points region = box_sample;
  Points design = latin_hypercube(k, per_wave, stream_seed(options.seed, 1, Purpose::design));
  for (std::size_t wave = 1; wave <= options.waves; ++wave) {
    const std::size_t left = options.budget - result.simulations;
    if (left == 0) {
      result.budget_exhausted = true;
      result.stop = HistoryMatchingStop::budget;
      break;
    }
    if (design.size() > left) {
      design.resize(left);
      result.budget_exhausted = true;
    }
    Points batch;
    for (const std::vector<double>& u : design)
      batch.push_back(to_parameters(priors, u));
    const Points simulated = simulate(batch, result.simulations);
    if (simulated.size() != batch.size())
      throw std::invalid_argument("the simulator must answer every point of a batch");
    for (std::size_t b = 0; b < batch.size(); ++b) {
      if (simulated[b].size() != targets.size())
        throw std::invalid_argument("a simulation must give every target");
      result.runs.push_back({batch[b], simulated[b], wave});
    }
    result.simulations += batch.size();

    // Fit this wave's emulators on the runs in the region left by the earlier waves.
    WaveReport report;
    report.wave = wave;
    report.simulations = batch.size();
    Points x_train;
    std::vector<std::vector<double>> y_train(targets.size());
    for (const SimulatedRun& run : result.runs) {
      const bool finite = std::all_of(run.simulated.begin(), run.simulated.end(),
                                      [](double v) { return std::isfinite(v); });
      std::vector<double> u = to_unit(priors, run.theta);
      if (!finite || !passes_all(result.waves, targets, options, u)) continue;
      x_train.push_back(std::move(u));
      for (std::size_t t = 0; t < targets.size(); ++t)
        y_train[t].push_back(run.simulated[t]);
    }
    report.training_runs = x_train.size();
    if (x_train.size() < minimum_runs) {
      result.stop = HistoryMatchingStop::too_few_runs;
      break;
    }
    for (std::size_t t = 0; t < targets.size(); ++t) {
      report.emulators.push_back(fit_gp(x_train, y_train[t], options.emulator));
      const std::vector<double> loo = leave_one_out_standardised_errors(report.emulators.back());
      const auto within =
          std::count_if(loo.begin(), loo.end(), [](double z) { return std::abs(z) <= 3.0; });
      report.loo_within_3.push_back(static_cast<double>(within) / static_cast<double>(loo.size()));
    }
    result.waves.push_back(std::move(report));

    // The region: the box sample's survivors, plus a denser sample of their bounding box.
    const std::vector<GpEmulator>& newest = result.waves.back().emulators;
    std::erase_if(passing, [&](const std::vector<double>& x) {
      return wave_implausibility(newest, targets, options, x) > options.cutoff;
    });
    const double share =
        static_cast<double>(passing.size()) / static_cast<double>(box_sample.size());
    region = passing;
    if (!passing.empty() && share < 0.5) {
      std::vector<double> low(k, 1.0);
      std::vector<double> high(k, 0.0);
      for (const std::vector<double>& x : passing)
        for (std::size_t j = 0; j < k; ++j) {
          low[j] = std::min(low[j], x[j]);
          high[j] = std::max(high[j], x[j]);
        }
      for (std::size_t j = 0; j < k; ++j) {
        const double margin = 0.1 * (high[j] - low[j]) + 1e-3;
        low[j] = std::max(0.0, low[j] - margin);
        high[j] = std::min(1.0, high[j] + margin);
      }
      for (std::vector<double>& x : latin_hypercube(
               k, options.candidates, stream_seed(options.seed, wave, Purpose::refinement))) {
        for (std::size_t j = 0; j < k; ++j)
          x[j] = low[j] + x[j] * (high[j] - low[j]);
        if (passes_all(result.waves, targets, options, x)) region.push_back(std::move(x));
      }
    }
    result.waves.back().non_implausible_share = share;
    result.waves.back().non_implausible_samples = region.size();
    if (region.empty()) {
      result.stop = HistoryMatchingStop::empty_region;
      break;
    }
    if (result.budget_exhausted) {
      result.stop = HistoryMatchingStop::budget;
      break;
    }
    if (wave < options.waves)
      design = maximin_subset(region, per_wave, stream_seed(options.seed, wave + 1, Purpose::pick));
  }

  for (const std::vector<double>& u : region)
    result.non_implausible.push_back(to_parameters(priors, u));
  if (!result.non_implausible.empty()) {
    result.box_low = result.box_high = result.non_implausible.front();
    for (const std::vector<double>& theta : result.non_implausible)
      for (std::size_t j = 0; j < k; ++j) {
        result.box_low[j] = std::min(result.box_low[j], theta[j]);
        result.box_high[j] = std::max(result.box_high[j], theta[j]);
      }
  }
  return result;
}

double implausibility(const HistoryMatchingResult& result, std::size_t wave_index,
                      const std::vector<double>& theta) {
  return wave_implausibility(result.waves.at(wave_index).emulators, result.targets, result.options,
                             to_unit(result.priors, theta));
}

bool is_non_implausible(const HistoryMatchingResult& result, const std::vector<double>& theta) {
  return passes_all(result.waves, result.targets, result.options, to_unit(result.priors, theta));
}

std::vector<Prior> region_as_prior(const HistoryMatchingResult& result,
                                   const std::vector<Prior>& original) {
  if (result.non_implausible.empty())
    throw std::invalid_argument("history matching left no region to hand on");
  if (original.size() != result.box_low.size())
    throw std::invalid_argument("the priors must be those history matching ran on");
  std::vector<Prior> priors;
  for (std::size_t j = 0; j < original.size(); ++j) {
    const Prior& p = original[j];
    double low = std::max(result.box_low[j], p.low);
    double high = std::min(result.box_high[j], p.high);
    if (!(high > low)) {  // a region of one sample: keep a sliver so the prior stays proper
      const double half_width = 1e-6 * (p.high - p.low);
      low = std::max(p.low, low - half_width);
      high = std::min(p.high, high + half_width);
    }
    const PriorShape shape = p.shape == PriorShape::beta ? PriorShape::uniform : p.shape;
    priors.push_back({shape, low, high, 1.0, 1.0});
  }
  return priors;
}

}  // namespace village::calibration
