#pragma once
// What drives a decision: the expected value of partial perfect information of each
// uncertain parameter by the regression method of Strong, Oakley & Brennan 2014 (Med
// Decis Making 34:311), partial rank correlation coefficients (Blower & Dowlatabadi
// 1994, Int Stat Rev 62:229), and the split of a difference's spread into the worlds'
// and the replicates' (one-way random-effects ANOVA).

#include <cstddef>
#include <vector>

#include "analysis/uncertainty/decision.hpp"

namespace village::uncertainty {

// A one-parameter least-squares smoother: a cubic regression spline in the truncated
// power basis with knots at quantiles of x, the number of knots chosen by generalised
// cross-validation (Craven & Wahba 1979) jointly for every column of y. Returns the
// fitted values, fitted[column][i], at the data points.
struct SplineFit {
  std::vector<std::vector<double>> fitted;
  std::size_t knots = 0;
};
SplineFit fit_spline(const std::vector<double>& x, const std::vector<std::vector<double>>& y);

// EVPPI of a parameter (its value in each world) for a net-benefit table, in the table's
// unit (euros per decision): E_theta[max_s g_s(theta)] - max_s E[NB_s], where g_s is the
// regression of the incremental net benefit of s against strategy 0 on theta. Replicate
// noise in the table averages out in the regression (Strong et al. 2014). Needs at least
// 20 worlds; throws std::invalid_argument otherwise.
double evppi(const std::vector<double>& parameter, const WorldTable& net_benefit);

// The partial rank correlation of each parameter (columns of `parameters`, one row per
// world) with y: the correlation of the residuals of rank(x_j) and rank(y) after linear
// regression on the other parameters' ranks. NaN where it is undefined (fewer worlds than
// parameters + 3, or a constant column).
std::vector<double> partial_rank_correlations(const std::vector<std::vector<double>>& parameters,
                                              const std::vector<double>& y);

// differences[world][replicate]: one quantity (such as the difference between the two
// leading strategies) in each replicate of each world.
struct VarianceSplit {
  double world_means_variance = 0;  // variance of the worlds' means over replicates
  double replicate_variance = 0;    // mean within-world variance of one replicate
  double between_worlds = 0;        // world_means_variance - replicate_variance / R, >= 0
  // The share of the world means' variance that is replicate noise, replicate_variance /
  // R / world_means_variance (1 when the means do not vary at all). With one replicate
  // per world the split is unknown: replicate_variance and noise_share are NaN.
  double noise_share = 0;
};
VarianceSplit split_variance(const std::vector<std::vector<double>>& differences);

}  // namespace village::uncertainty
