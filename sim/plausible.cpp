#include "sim/plausible.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <utility>

namespace village {

namespace {

ParamSpec with_range(ParamSpec spec, double low, double high, PriorShape shape, double alpha,
                     double beta, std::string reason) {
  spec.plausible_min = low;
  spec.plausible_max = high;
  spec.prior = shape;
  spec.prior_alpha = alpha;
  spec.prior_beta = beta;
  spec.plausible_reason = std::move(reason);
  return spec;
}

}  // namespace

ParamSpec plausible(ParamSpec spec, double low, double high, std::string reason) {
  return with_range(std::move(spec), low, high, PriorShape::uniform, 1, 1, std::move(reason));
}

ParamSpec plausible_log(ParamSpec spec, double low, double high, std::string reason) {
  return with_range(std::move(spec), low, high, PriorShape::log_uniform, 1, 1, std::move(reason));
}

ParamSpec plausible_beta(ParamSpec spec, double low, double high, double alpha, double beta,
                         std::string reason) {
  return with_range(std::move(spec), low, high, PriorShape::beta, alpha, beta, std::move(reason));
}

bool has_plausible(const ParamSpec& spec) {
  return !std::isnan(spec.plausible_min) && !std::isnan(spec.plausible_max);
}

bool is_assumption(const ParamSpec& spec) {
  return spec.source.find("assumption") != std::string::npos;
}

std::string plausible_problem(const ParamSpec& spec) {
  if (!has_plausible(spec)) return {};
  const double low = spec.plausible_min;
  const double high = spec.plausible_max;
  if (spec.type != ParamType::real && spec.type != ParamType::integer)
    return "only a number can have a plausible range";
  if (!(low < high)) return fmt::format("the plausible range {}-{} is empty", low, high);
  if (low < spec.min || high > spec.max || (spec.min_exclusive && low <= spec.min))
    return fmt::format("the plausible range {}-{} leaves the valid domain", low, high);
  if (spec.default_number < low || spec.default_number > high)
    return fmt::format("the default {} lies outside the plausible range {}-{}", spec.default_number,
                       low, high);
  if (spec.type == ParamType::integer &&
      (low != std::floor(low) || high != std::floor(high) || spec.prior != PriorShape::uniform))
    return "an integer's plausible range needs whole bounds and a uniform prior";
  if (spec.prior == PriorShape::log_uniform && low <= 0)
    return "a log-uniform prior needs a positive lower bound";
  if (spec.prior == PriorShape::beta && !(spec.prior_alpha > 0 && spec.prior_beta > 0))
    return "a beta prior needs positive shapes";
  if (spec.plausible_reason.empty()) return "the plausible range gives no reason";
  return {};
}

double prior_quantile(PriorShape shape, double low, double high, double alpha, double beta,
                      double u) {
  u = std::clamp(u, 0.0, 1.0);
  switch (shape) {
    case PriorShape::uniform:
      return low + u * (high - low);
    case PriorShape::log_uniform:
      return low * std::pow(high / low, u);
    case PriorShape::beta:
      return low + boost::math::ibeta_inv(alpha, beta, u) * (high - low);
  }
  return low;
}

double prior_quantile(const ParamSpec& spec, double u) {
  return prior_quantile(spec.prior, spec.plausible_min, spec.plausible_max, spec.prior_alpha,
                        spec.prior_beta, u);
}

std::string describe_plausible(const ParamSpec& spec) {
  if (!has_plausible(spec)) return {};
  std::string prior = "uniform";
  if (spec.prior == PriorShape::log_uniform) prior = "log-uniform";
  if (spec.prior == PriorShape::beta)
    prior = fmt::format("beta({}, {})", spec.prior_alpha, spec.prior_beta);
  return fmt::format("{}-{}, {}", spec.plausible_min, spec.plausible_max, prior);
}

}  // namespace village
