#pragma once
// Analytic test functions as models, so that a sweep and its sensitivity analysis can be
// checked end to end against known Sobol indices:
// - "ishigami": y = sin x1 + a sin^2 x2 + b x3^4 sin x1 (Ishigami & Homma 1990, Proc.
//   ISUMA, doi:10.1109/ISUMA.1990.151285), inputs in [-pi, pi]. With a = 7, b = 0.1:
//   S1 = 0.314, S2 = 0.442, S3 = 0, ST1 = 0.558, ST2 = 0.442, ST3 = 0.244.
// - "sobol_g": y = prod_i (|4 u_i - 2| + a_i) / (1 + a_i) (Saltelli & Sobol' 1995, Reliab.
//   Eng. Syst. Saf. 50:225), inputs in [0, 1], eight factors; a small a_i makes factor
//   i important.
// The world is ignored (a one-node network is enough). The value is recorded as metric
// "y" at every step; `noise` adds Normal(0, noise) per replicate, drawn once from the
// run's stream, so that replicates differ when a test needs them to.

#include "models/model_registry.hpp"

namespace village {

ModelInfo ishigami_model_info();
ModelInfo sobol_g_model_info();

}  // namespace village
