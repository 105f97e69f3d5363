#pragma once
// Global sensitivity estimators for the designs of design.hpp: variance-based Sobol' indices
// (first order after Saltelli et al. 2010, total after Jansen 1999) and Morris elementary
// effects (Morris 1991, with mu* of Campolongo et al. 2007), each with a percentile bootstrap
// interval; plus two analytic test functions with known indices for checking them.
//
// References:
//   Saltelli, Annoni, Azzini, Campolongo, Ratto, Tarantola (2010), Variance based sensitivity
//     analysis of model output. Comput. Phys. Commun. 181, 259-270, doi:10.1016/j.cpc.2009.09.018
//   Jansen (1999), Analysis of variance designs for model output. Comput. Phys. Commun. 117,
//     35-43, doi:10.1016/S0010-4655(98)00154-4
//   Morris (1991), Factorial sampling plans for preliminary computational experiments.
//     Technometrics 33, 161-174, doi:10.1080/00401706.1991.10484804
//   Campolongo, Cariboni, Saltelli (2007), An effective screening design for sensitivity
//     analysis of large models. Environ. Model. Softw. 22, 1509-1518,
//     doi:10.1016/j.envsoft.2006.10.004
//   Ishigami, Homma (1990), An importance quantification technique in uncertainty analysis for
//     computer models. Proc. ISUMA '90, 398-403, doi:10.1109/ISUMA.1990.151285
//   Saltelli, Sobol' (1995), About the use of rank transformation in sensitivity analysis of
//     model output. Reliab. Eng. Syst. Saf. 50, 225-239, doi:10.1016/0951-8320(95)00099-2
//
// Bootstrap draws come only from a std::mt19937_64 seeded with `seed`, through
// uniform_index (design.hpp), so intervals depend only on the design, outputs and seed.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/sensitivity/design.hpp"

namespace village::sensitivity {

// A point estimate from the full sample and its 95% percentile bootstrap interval
// (Efron & Tibshirani 1993, ch. 13). With no bootstrap replicates, low = high = estimate.
struct Interval {
  double estimate = 0, low = 0, high = 0;
};

struct SobolIndices {
  std::vector<Interval> first_order;  // S_i: V_i = mean(f(B) * (f(AB_i) - f(A))) (Saltelli 2010)
  std::vector<Interval> total;        // ST_i: VT_i = mean((f(A) - f(AB_i))^2) / 2 (Jansen 1999)
  double variance = 0;                // Var(Y) over the A and B rows (1/(2N) denominator)
};

// outputs: one finite value per design point in the sobol layout (size N*(k+2)).
// Outputs are centred on the mean of the A and B rows first: the estimators are unbiased for
// any shift, but an uncentred mean inflates their sampling variance (SALib does the same).
// Bootstrap: `bootstrap` resamples of the N row indices with replacement, one resample shared
// by A, B and every AB_i, so the interval reflects the estimators' joint dependence. Note that
// the bootstrap treats the rows as independent; for Sobol' (quasi-random) rows the true error
// is usually smaller, so the interval is conservative. If the outputs have zero variance, no
// factor explains any variance and every index is reported as 0 (likewise in a resample).
// Throws std::invalid_argument for a non-sobol design, a size mismatch or a non-finite output.
// Time O(bootstrap * N * k), memory O(bootstrap * k).
SobolIndices sobol_indices(const Design& design, std::span<const double> outputs,
                           std::size_t bootstrap = 1000, std::uint64_t seed = 1);

struct MorrisIndices {
  std::vector<Interval> mu_star;  // mean |EE_i| (Campolongo et al. 2007), bootstrap CI over
                                  // trajectories
  std::vector<double> mu;         // mean EE_i
  std::vector<double> sigma;      // standard deviation of EE_i (n-1 denominator; 0 when r = 1)
};

// Elementary effect EE_i = (f(x + delta e_i) - f(x)) / delta for each step of each trajectory,
// in unit-cube coordinates and signed by the step direction (a step down divides by -delta).
// outputs: one finite value per design point. The design must be a morris design in which each
// trajectory moves every factor exactly once; otherwise std::invalid_argument. Bootstrap
// resamples whole trajectories with replacement. Time O(bootstrap * r * k).
MorrisIndices morris_indices(const Design& design, std::span<const double> outputs,
                             std::size_t bootstrap = 1000, std::uint64_t seed = 1);

// Ishigami function (Ishigami & Homma 1990) on the unit cube: x_i = -pi + 2 pi u_i,
// f = sin x1 + a sin^2 x2 + b x3^4 sin x1. unit_point must have 3 coordinates.
double ishigami(std::span<const double> unit_point, double a = 7.0, double b = 0.1);
// Sobol' g-function (Saltelli & Sobol' 1995): prod_i (|4u_i - 2| + a_i) / (1 + a_i).
// unit_point and a must have the same size; small a_i means an important factor.
double sobol_g(std::span<const double> unit_point, std::span<const double> a);

// Analytic first-order and total indices, for checking the estimators.
struct AnalyticIndices {
  std::vector<double> first_order, total;
};
// Ishigami: V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2, V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8,
// V3 = 0, V13 = 8 b^2 pi^8 / 225, ST1 = (V1 + V13) / V, ST3 = V13 / V.
AnalyticIndices ishigami_indices(double a = 7.0, double b = 0.1);
// g-function: V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1, S_i = V_i / V,
// ST_i = V_i prod_{j != i} (1 + V_j) / V. Each a_i must exceed -1.
AnalyticIndices sobol_g_indices(std::span<const double> a);

}  // namespace village::sensitivity
