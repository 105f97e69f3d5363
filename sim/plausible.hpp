#pragma once
// Plausible ranges. A parameter's valid domain ([min, max]) says what the model can run
// with; its plausible range says where, within that, the world can credibly lie, with
// a prior over it and the reasoning. Every magnitude whose source is an assumption has
// one (tests/sim/plausible_test.cpp); sweeps take it for `--param NAME` with no range,
// and comparison under uncertainty draws from it.

#include <string>

#include "sim/parameters.hpp"

namespace village {

// spec with the plausible range [low, high], a uniform prior, and why.
ParamSpec plausible(ParamSpec spec, double low, double high, std::string reason);
// A log-uniform prior over [low, high] (low > 0): for a magnitude known only to its order.
ParamSpec plausible_log(ParamSpec spec, double low, double high, std::string reason);
// A Beta(alpha, beta) prior stretched over [low, high]: most weight near its mode
// low + (alpha - 1) / (alpha + beta - 2) (high - low), where the source points.
ParamSpec plausible_beta(ParamSpec spec, double low, double high, double alpha, double beta,
                         std::string reason);

bool has_plausible(const ParamSpec& spec);
// The source names the magnitude an assumption (no seed or paper gives it).
bool is_assumption(const ParamSpec& spec);
// What is wrong with the plausible range given the valid domain and default ("" when
// nothing): outside the domain, empty, default outside it, bad prior, no reason.
std::string plausible_problem(const ParamSpec& spec);

// The value at u in [0, 1] of the prior's quantile function (u = 0.5: the median).
double prior_quantile(PriorShape shape, double low, double high, double alpha, double beta,
                      double u);
double prior_quantile(const ParamSpec& spec, double u);

// "0.1-0.5, uniform", "0.005-0.05, log-uniform", "0.2-0.4, beta(2, 2)".
std::string describe_plausible(const ParamSpec& spec);

}  // namespace village
