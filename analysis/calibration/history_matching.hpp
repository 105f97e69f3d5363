#pragma once
// History matching in waves (Craig et al. 1997; Vernon, Goldstein & Bower 2010, Bayesian
// Analysis 5:619; Andrianakis et al. 2015, PLoS Comput Biol 11:e1003968): the core of
// `village calibrate --method history-matching` (issue 21). Rather than a posterior, it finds
// the parameter region where the model could match the targets and rules out the rest.
//
// Each wave simulates a design, fits one GP emulator per target (gp_emulator.hpp) and rules
// out parameter points whose implausibility exceeds the cutoff:
//   I_t(x) = |z_t - E[f_t(x)]| / sqrt(Var_emulator + Var_run + sd_t^2 + (d |z_t|)^2),
// z_t the observed target, sd_t its uncertainty, Var_run one run's stochastic spread (the
// emulator's nugget; Andrianakis et al. 2015's ensemble variability; optional), d the
// model-discrepancy fraction. A point's implausibility is the maximum over targets (or the
// second, third, ... highest: implausibility_rank, Vernon et al. 2010 sec. 3); the cutoff 3
// follows Pukelsheim's (1994) three-sigma rule for unimodal distributions.
//
// - Parameters map from the unit cube as low + u (high - low) for every prior shape: history
//   matching uses the priors' boxes only, not their densities.
// - Wave 1 is a Latin hypercube over the box (sensitivity::make_design). Wave w's emulators
//   are fitted on every run so far that is non-implausible under waves 1..w-1 (refocusing:
//   each emulator only has to be good where it is used). Runs with a non-finite output are
//   left out of the fits.
// - The non-implausible region is the set passing every wave's emulators, in turn. Its share
//   of the box is estimated on one fixed Latin hypercube of `candidates` points over the box,
//   so it cannot grow from wave to wave. While it is below half the box, a second hypercube
//   of as many points over the region's bounding box (grown by 10% a side) adds samples.
//   The next wave's design is a greedy maximin subset of the passing samples (Johnson,
//   Moore & Ylvisaker 1990), started from a seeded pick.
// - Stops after `waves`, when the region is empty, when fewer runs than an emulator needs
//   (2(k+1)) lie in it, or when the budget is spent. The budget is checked before every
//   batch and never exceeded; a wave the budget cuts short runs the simulations left.
//
// Determinism: all draws come from generators seeded by (seed, wave, purpose); the simulator
// is called on whole batches. The result depends only on the inputs and simulator output.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/calibration/abc_smc.hpp"
#include "analysis/calibration/gp_emulator.hpp"

namespace village::calibration {

struct HistoryMatchingOptions {
  // Runs per wave; 0: 10 per parameter (Loeppky, Sacks & Welch 2009, Technometrics 51:366),
  // at least 2(k+1), what one emulator needs.
  std::size_t points_per_wave = 0;
  std::size_t waves = 4;  // at most
  double cutoff = 3.0;
  std::size_t budget = 2000;       // simulations in all
  std::size_t candidates = 20000;  // points per hypercube that sample the region
  double discrepancy_fraction = 0.0;
  bool include_run_variance = true;     // Var_run in the denominator
  std::size_t implausibility_rank = 1;  // 1: the maximum over targets, 2: the second, ...
  std::uint64_t seed = 1;
  GpFitOptions emulator;
};

struct SimulatedRun {
  std::vector<double> theta;  // parameter units
  std::vector<double> simulated;
  std::size_t wave = 0;  // 1, 2, ...
};

struct WaveReport {
  std::size_t wave = 0;
  std::size_t simulations = 0;              // run in this wave
  std::size_t training_runs = 0;            // the runs this wave's emulators were fitted on
  double non_implausible_share = 0;         // of the box, passing waves 1..this one
  std::size_t non_implausible_samples = 0;  // both hypercubes' points that pass
  std::vector<double> loo_within_3;         // per target: share of |LOO error| <= 3
  std::vector<GpEmulator> emulators;        // per target, over the unit cube
};

enum class HistoryMatchingStop { waves_done, budget, empty_region, too_few_runs };

struct HistoryMatchingResult {
  std::vector<Prior> priors;  // what implausibility() needs to read a point
  std::vector<Target> targets;
  HistoryMatchingOptions options;
  std::vector<WaveReport> waves;  // complete waves only
  // The samples passing every wave, parameter units, and their bounding box.
  std::vector<std::vector<double>> non_implausible;
  std::vector<double> box_low;
  std::vector<double> box_high;
  std::vector<SimulatedRun> runs;  // every simulation, in order
  std::size_t simulations = 0;
  bool budget_exhausted = false;
  HistoryMatchingStop stop = HistoryMatchingStop::waves_done;
};

// Throws std::invalid_argument on empty priors or targets, a prior with high <= low, a target
// sd <= 0, points_per_wave (given) below 2(k+1), a budget below one wave, cutoff <= 0,
// implausibility_rank 0, waves or candidates 0, or a simulation without one value per target.
HistoryMatchingResult history_matching(const std::vector<Prior>& priors,
                                       const std::vector<Target>& targets,
                                       const BatchSimulator& simulate,
                                       const HistoryMatchingOptions& options);

// The implausibility of theta (parameter units) under wave `wave_index`'s emulators (0-based
// into result.waves).
double implausibility(const HistoryMatchingResult& result, std::size_t wave_index,
                      const std::vector<double>& theta);

// Whether theta passes the cutoff under every wave's emulators.
bool is_non_implausible(const HistoryMatchingResult& result, const std::vector<double>& theta);

// Priors for a following ABC-SMC (McCulloch et al. 2022, JASSS 25(2):1): each parameter on the
// region's bounding box clipped to its original bounds. Uniform and log-uniform priors keep
// their shape, which is their exact truncation; a beta prior becomes uniform on the box.
// Throws std::invalid_argument if the region is empty or `original` does not match.
std::vector<Prior> region_as_prior(const HistoryMatchingResult& result,
                                   const std::vector<Prior>& original);

}  // namespace village::calibration
