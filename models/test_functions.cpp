#include "models/test_functions.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <numbers>

namespace village {

namespace {

constexpr std::uint64_t kNoise = purpose("test_function.noise");
constexpr int kGFactors = 8;
constexpr std::array<double, kGFactors> kGDefaults{0, 1, 4.5, 9, 99, 99, 99, 99};

// A model whose output is a fixed function of its parameters, plus optional noise.
class FunctionModel : public Model {
 public:
  FunctionModel(double value, double noise) : value_(value), noise_(noise) {}
  void initialize(World&, const RandomStream& rng) override {
    if (noise_ == 0.0) return;
    // Box-Muller from two draws of step 0, agent 0.
    const double u1 = 1.0 - rng.uniform(0, 0, kNoise, 0);
    const double u2 = rng.uniform(0, 0, kNoise, 1);
    value_ += noise_ * std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
  }
  void step(World&, const StepContext&) override {}
  void observe(const World&, Observation& observation) const override {
    observation.record("y", "all", value_);
  }

 private:
  double value_;
  double noise_;
};

ParamSpec real_param(std::string name, double value, double lo, double hi, std::string unit,
                     std::string description, std::string source) {
  return ParamSpec{.name = std::move(name),
                   .default_number = value,
                   .min = lo,
                   .max = hi,
                   .unit = std::move(unit),
                   .description = std::move(description),
                   .source = std::move(source)};
}

ParamSpec noise_param() {
  return real_param("noise", 0.0, 0.0, 1e6, "units of y",
                    "standard deviation of Normal noise added per replicate", "test convention");
}

ParamSpec layer_param() {
  return ParamSpec{.name = "layer",
                   .type = ParamType::text,
                   .default_text = "network",
                   .unit = "layer name",
                   .description = "the network layer (unused: the function ignores the world)",
                   .source = "convention"};
}

}  // namespace

ModelInfo ishigami_model_info() {
  ModelInfo info;
  info.kind = "ishigami";
  info.summary = "Ishigami test function y = sin x1 + a sin^2 x2 + b x3^4 sin x1 (sweep checks)";
  info.reference = "Ishigami & Homma 1990; Saltelli et al. 2010, Comput. Phys. Commun. 181:259";
  const double pi = std::numbers::pi;
  for (int i = 1; i <= 3; ++i) {
    info.params.push_back(real_param(fmt::format("x{}", i), 0.0, -pi, pi, "dimensionless",
                                     fmt::format("input x{}, uniform on [-pi, pi] in the "
                                                 "literature's analysis",
                                                 i),
                                     "Ishigami & Homma 1990"));
  }
  info.params.push_back(
      real_param("a", 7.0, -1e6, 1e6, "dimensionless", "weight of sin^2 x2", "Saltelli 2010"));
  info.params.push_back(
      real_param("b", 0.1, -1e6, 1e6, "dimensionless", "weight of x3^4 sin x1", "Saltelli 2010"));
  info.params.push_back(noise_param());
  info.params.push_back(layer_param());
  info.bytes_per_node = sizeof(double);
  info.make = [](const ParamValues& v) {
    const double x1 = v.real("x1");
    const double x2 = v.real("x2");
    const double x3 = v.real("x3");
    const double y = std::sin(x1) + v.real("a") * std::sin(x2) * std::sin(x2) +
                     v.real("b") * std::pow(x3, 4) * std::sin(x1);
    return std::make_unique<FunctionModel>(y, v.real("noise"));
  };
  return info;
}

ModelInfo sobol_g_model_info() {
  ModelInfo info;
  info.kind = "sobol_g";
  info.summary = "Sobol' g-function y = prod (|4u_i - 2| + a_i) / (1 + a_i), 8 inputs";
  info.reference = "Saltelli & Sobol' 1995, Reliab. Eng. Syst. Saf. 50:225";
  for (int i = 1; i <= kGFactors; ++i) {
    info.params.push_back(real_param(fmt::format("u{}", i), 0.5, 0.0, 1.0, "dimensionless",
                                     fmt::format("input u{}", i), "Saltelli & Sobol' 1995"));
  }
  for (int i = 1; i <= kGFactors; ++i) {
    info.params.push_back(real_param(fmt::format("a{}", i), kGDefaults[i - 1], 0.0, 1e6,
                                     "dimensionless",
                                     fmt::format("importance of u{} (small: important)", i),
                                     "Saltelli et al. 2008, Global Sensitivity Analysis, ch. 3"));
  }
  info.params.push_back(noise_param());
  info.params.push_back(layer_param());
  info.bytes_per_node = sizeof(double);
  info.make = [](const ParamValues& v) {
    double y = 1.0;
    for (int i = 1; i <= kGFactors; ++i) {
      const double a = v.real(fmt::format("a{}", i));
      y *= (std::fabs(4.0 * v.real(fmt::format("u{}", i)) - 2.0) + a) / (1.0 + a);
    }
    return std::make_unique<FunctionModel>(y, v.real("noise"));
  };
  return info;
}

}  // namespace village
