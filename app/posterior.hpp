#pragma once
// A calibration posterior as `village compare --uncertainty N --posterior DIR` reads it:
// DIR/posterior.csv, one column per world parameter (its dotted scenario name, such as
// model.trust_gain) and one row per posterior draw, with an optional `weight` column
// (importance or SMC-ABC weights; equal when absent); the columns `distance` and `sim:*`
// that village calibrate adds are skipped. The worlds are N draws from it by
// systematic resampling (Kitagawa 1996), reproducible from the seed.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/sweep_plan.hpp"

namespace village {

struct PosteriorSample {
  std::vector<std::string> names;         // the parameter columns, in file order
  std::vector<std::vector<double>> rows;  // [draw][parameter]
  std::vector<double> weights;            // [draw], summing to 1
};

// Reads DIR/posterior.csv. Throws InputError at file:line:col for a missing file, an
// empty header, a repeated name, a row of the wrong length, a value that is not a finite
// number, or a negative weight (or all zero).
PosteriorSample read_posterior(const std::filesystem::path& folder);

// n indices into the draws by systematic resampling: one uniform offset from the seed,
// then n equally spaced points on the cumulative weights.
std::vector<std::size_t> resample(const std::vector<double>& weights, std::size_t n,
                                  std::uint64_t seed);

// Sets a sweep's factors to the posterior's parameter columns and its points to
// request.samples draws (seeded by the request's seed, else the scenario's). Refuses a
// column that is not a world parameter of `base`.
void draw_from_posterior(SweepRequest& request, const Scenario& base, const std::string& folder);

}  // namespace village
