// ABC-SMC (analysis/calibration/abc_smc.hpp) on a model whose posterior is known: the
// mean of 20 draws from N(theta, 1), observed 1.0, gives theta | data ~ N(1, 1/20) under
// a flat prior. A second parameter the data do not touch must come back as wide as its
// prior: "the data cannot tell".

#include "analysis/calibration/abc_smc.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "analysis/sensitivity/design.hpp"

using namespace village::calibration;
using village::PriorShape;

namespace {

constexpr double kPi = 3.14159265358979323846;

// The sample mean of 20 draws from N(theta[0], 1), one random stream per simulation.
std::vector<std::vector<double>> sample_means(const std::vector<std::vector<double>>& batch,
                                              std::uint64_t first, std::size_t* calls) {
  if (calls != nullptr) ++*calls;
  std::vector<std::vector<double>> out;
  for (std::size_t b = 0; b < batch.size(); ++b) {
    std::mt19937_64 engine(0x5eed ^ (first + b) * 0x9e3779b97f4a7c15ULL);
    double sum = 0;
    for (int i = 0; i < 20; ++i) {
      const double u1 = 1.0 - village::sensitivity::uniform_unit(engine);
      const double u2 = village::sensitivity::uniform_unit(engine);
      sum += batch[b][0] + std::sqrt(-2 * std::log(u1)) * std::cos(2 * kPi * u2);
    }
    out.push_back({sum / 20});
  }
  return out;
}

const std::vector<Prior> kPriors{{PriorShape::uniform, -5, 5}, {PriorShape::uniform, 0, 1}};
const std::vector<Target> kTargets{{"mean", 1.0, 1.0 / std::sqrt(20.0)}};

double weighted_mean(const std::vector<Particle>& particles, std::size_t j) {
  double m = 0;
  for (const Particle& p : particles)
    m += p.weight * p.theta[j];
  return m;
}

double weighted_sd(const std::vector<Particle>& particles, std::size_t j) {
  const double m = weighted_mean(particles, j);
  double v = 0;
  for (const Particle& p : particles)
    v += p.weight * (p.theta[j] - m) * (p.theta[j] - m);
  return std::sqrt(v);
}

}  // namespace

TEST_CASE("ABC-SMC recovers a known posterior and says what the data cannot tell", "[unit]") {
  AbcOptions options;
  options.particles = 400;
  options.budget = 40000;
  options.max_generations = 8;
  options.seed = 3;
  std::size_t calls = 0;
  const AbcResult result = abc_smc(
      kPriors, kTargets,
      [&](const auto& batch, std::uint64_t first) { return sample_means(batch, first, &calls); },
      options);
  REQUIRE(result.particles.size() == 400);
  CHECK_FALSE(result.budget_exhausted);
  CHECK(result.generations.size() == 8);
  // The tolerance falls generation by generation.
  for (std::size_t g = 2; g < result.generations.size(); ++g)
    CHECK(result.generations[g].tolerance < result.generations[g - 1].tolerance);
  // N(1, 1/20): mean 1, sd 0.224; ABC at a finite tolerance is a little wider.
  CHECK(weighted_mean(result.particles, 0) == Approx(1.0).margin(0.06));
  CHECK(weighted_sd(result.particles, 0) > 0.18);
  CHECK(weighted_sd(result.particles, 0) < 0.32);
  const std::vector<double> ratio = identifiability(result.particles, kPriors);
  CHECK(ratio[0] < 0.15);  // 90% width about 0.74 of the prior's 9
  CHECK(ratio[1] > 0.75);  // untouched by the data
  double total = 0;
  for (const Particle& p : result.particles)
    total += p.weight;
  CHECK(total == Approx(1.0));
  CHECK(result.generations.back().effective_sample_size > 100);
  CHECK(calls > 8);
}

TEST_CASE("ABC-SMC stops within a generation when the budget is spent", "[unit]") {
  AbcOptions options;
  options.particles = 300;
  options.budget = 700;
  options.seed = 5;
  const AbcResult result = abc_smc(
      kPriors, kTargets,
      [](const auto& batch, std::uint64_t first) { return sample_means(batch, first, nullptr); },
      options);
  CHECK(result.simulations == 700);
  CHECK(result.budget_exhausted);
  // The population is the last complete one: the prior's.
  CHECK(result.particles.size() == 300);
  REQUIRE(result.generations.size() == 2);
  CHECK(result.generations[1].simulations == 400);
  CHECK(result.generations[1].accepted < 300);
}

TEST_CASE("ABC-SMC depends only on its seed", "[unit]") {
  AbcOptions options;
  options.particles = 100;
  options.budget = 5000;
  options.max_generations = 4;
  const auto run = [&](std::uint64_t seed) {
    options.seed = seed;
    return abc_smc(
        kPriors, kTargets,
        [](const auto& batch, std::uint64_t first) { return sample_means(batch, first, nullptr); },
        options);
  };
  const AbcResult a = run(9), b = run(9), c = run(10);
  REQUIRE(a.particles.size() == b.particles.size());
  for (std::size_t i = 0; i < a.particles.size(); ++i) {
    CHECK(a.particles[i].theta == b.particles[i].theta);
    CHECK(a.particles[i].weight == b.particles[i].weight);
  }
  CHECK(a.particles[0].theta != c.particles[0].theta);
}

TEST_CASE("priors integrate to one and refuse what lies outside them", "[unit]") {
  for (const Prior& prior :
       {Prior{PriorShape::uniform, 0.2, 0.8}, Prior{PriorShape::log_uniform, 0.01, 1},
        Prior{PriorShape::beta, 0.1, 0.5, 2, 5}}) {
    double integral = 0;
    const int steps = 200000;
    const double h = (prior.high - prior.low) / steps;
    for (int i = 0; i < steps; ++i)
      integral += h * prior_density(prior, prior.low + (i + 0.5) * h);
    CHECK(integral == Approx(1.0).epsilon(1e-3));
    CHECK(prior_density(prior, prior.low - 0.01) == 0);
    CHECK(prior_density(prior, prior.high + 0.01) == 0);
  }
  // Beta(2, 5) on [0.1, 0.5] at its mode 0.1 + 0.4 / 5: 30 t (1 - t)^4 / 0.4 at t = 0.2.
  CHECK(prior_density({PriorShape::beta, 0.1, 0.5, 2, 5}, 0.18) ==
        Approx(30 * 0.2 * std::pow(0.8, 4) / 0.4));
  CHECK(distance({2.0, 0.0}, {{"a", 1.0, 0.5}, {"b", 0.0, 1.0}}) == Approx(std::sqrt(2.0)));
  AbcOptions bad;
  bad.budget = 10;
  const auto none = [](const auto& batch, std::uint64_t) {
    return std::vector<std::vector<double>>(batch.size(), std::vector<double>{0.0});
  };
  CHECK_THROWS_AS(abc_smc(kPriors, kTargets, none, bad), std::invalid_argument);
  CHECK_THROWS_AS(abc_smc(kPriors, {{"x", 0, 0}}, none, AbcOptions{}), std::invalid_argument);
}
