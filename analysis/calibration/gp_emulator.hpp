#pragma once
// A Gaussian-process emulator of one scalar simulator output over inputs scaled to the unit
// cube [0,1]^k: what history matching (history_matching.hpp) rules out parameter space with.
// The choices, as in Vernon, Goldstein & Bower 2010 (Bayesian Analysis 5:619) and the MUCM
// toolkit (O'Hagan 2006, Reliab Eng Syst Saf 91:1290):
//
// - Mean: linear regression h(x)'beta with h(x) = (1, x_1, ..., x_k), beta by generalised
//   least squares together with the GP (universal kriging; Santner, Williams & Notz 2003,
//   ch. 3). The predictive variance includes the uncertainty of beta.
// - Covariance: sigma^2 (c(x, x') + g [x = x']), c the squared exponential (Gaussian)
//   correlation exp(-1/2 sum_l ((x_l - x'_l) / length_l)^2) with one length per input
//   (Rasmussen & Williams 2006, eq. 5.1), and a nugget g: the noise variance over the signal
//   variance, because the simulator is stochastic (Andrianakis & Challenor 2012, Comput Stat
//   Data Anal 56:4215). The emulator predicts the mean output; noise_variance is the spread
//   of one run about it.
// - Hyperparameters: beta and sigma^2 are profiled out in closed form; the log lengths and
//   the log nugget maximise the restricted (REML) likelihood, -(n-q)/2 log sigma^2-hat -
//   1/2 log|A| - 1/2 log|H'A^-1 H| with A = C + gI (Patterson & Thompson 1971; the marginal
//   likelihood MUCM maximises, which corrects ML's underestimate of sigma^2 after fitting q
//   coefficients), or plain ML with restricted = false. The optimiser is deterministic: a
//   small grid of isotropic starts, then Nelder-Mead (Nelder & Mead 1965) from the best two,
//   within the bounds below. Matrices are factorised by Cholesky, with a growing diagonal
//   jitter when rounding leaves them not quite positive definite.
//
// The fit is a pure function of the data and options. Cost: O(n^3) per likelihood
// evaluation, a few hundred evaluations per fit; predict is O(n^2).

#include <cstddef>
#include <vector>

namespace village::calibration {

struct GpFitOptions {
  double min_length = 0.05;  // correlation lengths on the unit cube
  double max_length = 5.0;
  double min_nugget = 1e-8;  // nugget ratio g; min == max fixes it
  double max_nugget = 1.0;
  bool restricted = true;  // REML (true) or ML (false)
};

// The fitted emulator. Matrices are stored column-major so that the header needs no Eigen.
struct GpEmulator {
  std::size_t dimensions = 0;  // k
  std::size_t points = 0;      // n
  std::vector<double> inputs;  // n x k, row-major: the training points
  std::vector<double> outputs;
  std::vector<double> lengths;       // one per input
  double nugget = 0;                 // g, the noise variance over sigma^2
  double signal_variance = 0;        // sigma^2-hat
  std::vector<double> coefficients;  // beta-hat: constant, then one per input
  double log_likelihood = 0;         // the maximised profile (REML or ML) log likelihood
  // What predict and the leave-one-out errors reuse, A = C + gI:
  std::vector<double> cholesky_lower;          // L, A = L L', n x n
  std::vector<double> whitened_basis;          // L^-1 H, n x (k+1)
  std::vector<double> coefficient_covariance;  // (H' A^-1 H)^-1; cov(beta-hat) is sigma^2 times it
  std::vector<double> weights;                 // A^-1 (y - H beta-hat)
};

// Throws std::invalid_argument on mismatched sizes, no inputs, fewer than 2(k+1) points, or
// non-finite values; std::runtime_error if no hyperparameters in the bounds give a
// factorisable covariance (e.g. repeated points with a nugget fixed at 0).
GpEmulator fit_gp(const std::vector<std::vector<double>>& x_unit, const std::vector<double>& y,
                  const GpFitOptions& options = {});

struct GpPrediction {
  double mean = 0;            // of the simulator's mean output at x
  double variance = 0;        // the emulator's uncertainty about that mean (incl. beta's)
  double noise_variance = 0;  // sigma^2 g: one run's spread about the mean
};

// Throws std::invalid_argument if x_unit has not k coordinates.
GpPrediction predict(const GpEmulator& emulator, const std::vector<double>& x_unit);

// (y_i - m_-i) / s_-i for each training point, the prediction without point i, standardised
// by its predictive standard deviation (noise included). Closed form without refitting, with
// beta re-estimated and the other hyperparameters kept (Dubrule 1983, Math Geol 15:687; with
// beta fixed this is Rasmussen & Williams 2006, eq. 5.12). About 95% should lie within +-2
// and nearly all within +-3 (Bastos & O'Hagan 2009, Technometrics 51:425). O(n^3).
std::vector<double> leave_one_out_standardised_errors(const GpEmulator& emulator);

}  // namespace village::calibration
