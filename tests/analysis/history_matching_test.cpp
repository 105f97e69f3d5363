// The GP emulator (analysis/calibration/gp_emulator.hpp) on a smooth function it must learn
// from 40 points, and history matching (history_matching.hpp) as an "identical twin": targets
// simulated at a known point must leave that point non-implausible while the region shrinks,
// and a parameter no target depends on must keep its whole range.

#include "analysis/calibration/history_matching.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <stdexcept>

#include "analysis/sensitivity/design.hpp"

using namespace village::calibration;
using village::PriorShape;

namespace {

constexpr double kPi = 3.14159265358979323846;

double standard_normal(std::mt19937_64& engine) {
  const double u1 = 1.0 - village::sensitivity::uniform_unit(engine);
  const double u2 = village::sensitivity::uniform_unit(engine);
  return std::sqrt(-2 * std::log(u1)) * std::cos(2 * kPi * u2);
}

std::vector<std::vector<double>> hypercube(std::size_t points, std::uint64_t seed) {
  village::sensitivity::DesignOptions design;
  design.dimensions = 2;
  design.samples = points;
  design.seed = seed;
  return village::sensitivity::make_design(design).points;
}

double smooth(const std::vector<double>& x) {
  return std::sin(2 * kPi * x[0]) + x[1] * x[1];
}

// The simulator's mean: g1 = theta0 + theta1 / 2, g2 = theta0 theta1, g3 = theta1^2 +
// 0.3 sin(6 theta0) (a wiggle, so that the first wave's emulators are not already exact);
// theta2 changes nothing.
std::vector<double> twin_mean(const std::vector<double>& t) {
  return {t[0] + 0.5 * t[1], t[0] * t[1], t[1] * t[1] + 0.3 * std::sin(6 * t[0])};
}

// One run: the mean plus N(0, 0.01^2) noise from the simulation's own stream.
std::vector<std::vector<double>> twin_model(const std::vector<std::vector<double>>& batch,
                                            std::uint64_t first, std::size_t* seen) {
  REQUIRE(first == *seen);  // simulations are numbered consecutively over the run
  *seen += batch.size();
  std::vector<std::vector<double>> out;
  for (std::size_t b = 0; b < batch.size(); ++b) {
    std::mt19937_64 engine(0xface ^ (first + b) * 0x9e3779b97f4a7c15ULL);
    std::vector<double> run = twin_mean(batch[b]);
    for (double& value : run)
      value += 0.01 * standard_normal(engine);
    out.push_back(run);
  }
  return out;
}

const std::vector<Prior> kPriors{
    {PriorShape::uniform, 0, 2}, {PriorShape::uniform, 0, 1.5}, {PriorShape::uniform, 0, 1}};
const std::vector<double> kTruth{1.1, 0.7, 0.3};
const std::vector<Target> kTargets{{"g1", twin_mean(kTruth)[0], 0.05},
                                   {"g2", twin_mean(kTruth)[1], 0.05},
                                   {"g3", twin_mean(kTruth)[2], 0.05}};

HistoryMatchingOptions twin_options() {
  HistoryMatchingOptions options;  // 10 runs per parameter and wave: 30
  options.waves = 4;
  options.budget = 200;
  options.seed = 5;
  return options;
}

HistoryMatchingResult run_twin(const HistoryMatchingOptions& options, std::size_t* seen) {
  return history_matching(
      kPriors, kTargets,
      [seen](const auto& batch, std::uint64_t first) { return twin_model(batch, first, seen); },
      options);
}

}  // namespace

TEST_CASE("A GP emulator learns a smooth function and knows how wrong it is",
          "[history_matching]") {
  for (const double noise : {0.0, 0.05}) {
    INFO("noise sd " << noise);
    std::mt19937_64 engine(21);
    const auto train = hypercube(40, 11);
    const auto test = hypercube(200, 12);
    std::vector<double> y;
    for (const auto& x : train)
      y.push_back(smooth(x) + noise * standard_normal(engine));
    const GpEmulator emulator = fit_gp(train, y);

    const std::vector<double> loo = leave_one_out_standardised_errors(emulator);
    REQUIRE(loo.size() == 40);
    const auto loo_count =
        std::count_if(loo.begin(), loo.end(), [](double z) { return std::abs(z) <= 3; });
    const double loo_within_3 = static_cast<double>(loo_count) / 40.0;
    double squared_error = 0;
    int within_2_count = 0;
    double mean_z2 = 0;
    for (const auto& x : test) {
      const GpPrediction p = predict(emulator, x);
      const double observed = smooth(x) + noise * standard_normal(engine);
      squared_error += (p.mean - smooth(x)) * (p.mean - smooth(x)) / 200;
      const double z = (observed - p.mean) / std::sqrt(p.variance + p.noise_variance);
      mean_z2 += z * z / 200;
      if (std::abs(z) <= 2) ++within_2_count;
    }
    const double rmse = std::sqrt(squared_error);
    const double within_2 = within_2_count / 200.0;
    INFO("LOO within 3: " << loo_within_3 << ", held-out RMSE " << rmse << ", within 2 sd "
                          << within_2 << ", mean z^2 " << mean_z2 << ", lengths "
                          << emulator.lengths[0] << " " << emulator.lengths[1] << ", noise var "
                          << emulator.nugget * emulator.signal_variance);
    CHECK(loo_within_3 >= 0.95);
    // f spans [-1, 2]; the noisy fit cannot beat the noise by much on 40 points.
    CHECK(rmse < (noise == 0 ? 0.01 : 0.06));
    CHECK(within_2 >= 0.85);
  }
}

TEST_CASE("A GP emulator with a tiny nugget interpolates and is unsure away from its data",
          "[history_matching]") {
  const auto train = hypercube(12, 3);
  std::vector<double> y;
  for (const auto& x : train)
    y.push_back(smooth(x));
  GpFitOptions options;
  options.min_nugget = options.max_nugget = 1e-8;
  const GpEmulator emulator = fit_gp(train, y, options);
  CHECK(emulator.nugget == Approx(1e-8));
  const GpPrediction at_point = predict(emulator, train[4]);
  CHECK(at_point.mean == Approx(y[4]).margin(1e-3));
  CHECK(at_point.variance < 1e-5 * emulator.signal_variance);
  const GpPrediction far = predict(emulator, {3.0, -2.0});
  CHECK(far.variance > 0.9 * emulator.signal_variance);
  CHECK(far.variance > 1e4 * at_point.variance);

  CHECK_THROWS_AS(fit_gp(std::vector<std::vector<double>>(train.begin(), train.begin() + 5),
                         std::vector<double>(y.begin(), y.begin() + 5)),
                  std::invalid_argument);
  CHECK_THROWS_AS(fit_gp(train, std::vector<double>(y.begin(), y.begin() + 11)),
                  std::invalid_argument);
  CHECK_THROWS_AS(predict(emulator, {0.5}), std::invalid_argument);
}

TEST_CASE("History matching finds an identical twin's region and shrinks it wave by wave",
          "[history_matching]") {
  std::size_t seen = 0;
  const HistoryMatchingResult result = run_twin(twin_options(), &seen);
  REQUIRE(result.waves.size() == 4);
  CHECK(result.stop == HistoryMatchingStop::waves_done);
  CHECK_FALSE(result.budget_exhausted);
  CHECK(result.simulations == 120);
  CHECK(seen == 120);
  CHECK(result.runs.size() == 120);

  for (std::size_t w = 0; w < result.waves.size(); ++w) {
    const WaveReport& wave = result.waves[w];
    INFO("wave " << wave.wave << ": share " << wave.non_implausible_share << ", training runs "
                 << wave.training_runs << ", samples " << wave.non_implausible_samples
                 << ", LOO within 3 " << wave.loo_within_3[0] << " " << wave.loo_within_3[1] << " "
                 << wave.loo_within_3[2] << ", I(truth) " << implausibility(result, w, kTruth));
    CHECK(wave.simulations == 30);
    CHECK(implausibility(result, w, kTruth) < 3.0);
    if (w > 0) CHECK(wave.non_implausible_share < result.waves[w - 1].non_implausible_share);
    for (const double share : wave.loo_within_3)
      CHECK(share >= 0.9);
  }
  CHECK(result.waves.back().non_implausible_share < 0.05);
  CHECK(is_non_implausible(result, kTruth));
  REQUIRE(!result.non_implausible.empty());
  for (std::size_t j = 0; j < 3; ++j) {
    CHECK(result.box_low[j] <= kTruth[j]);
    CHECK(kTruth[j] <= result.box_high[j]);
  }
  // theta0 and theta1 are pinned down; theta2, which no target reads, is not.
  INFO("box " << result.box_low[0] << "-" << result.box_high[0] << ", " << result.box_low[1] << "-"
              << result.box_high[1] << ", " << result.box_low[2] << "-" << result.box_high[2]);
  CHECK(result.box_high[0] - result.box_low[0] < 0.5 * 2.0);
  CHECK(result.box_high[1] - result.box_low[1] < 0.5 * 1.5);
  CHECK(result.box_high[2] - result.box_low[2] > 0.9);

  // Against the region the simulator's exact mean gives (run noise included, no emulator):
  // the emulators may lose a little of its edge, never its core.
  village::sensitivity::DesignOptions design;
  design.dimensions = 3;
  design.samples = 20000;
  design.seed = 99;
  int exact = 0;
  int kept = 0;
  int core_lost = 0;
  for (const auto& u : village::sensitivity::make_design(design).points) {
    const std::vector<double> theta{2 * u[0], 1.5 * u[1], u[2]};
    const std::vector<double> mean = twin_mean(theta);
    double exact_implausibility = 0;
    for (std::size_t t = 0; t < 3; ++t)
      exact_implausibility =
          std::max(exact_implausibility,
                   std::abs(kTargets[t].observed - mean[t]) / std::sqrt(0.05 * 0.05 + 0.01 * 0.01));
    if (exact_implausibility > 3) continue;
    ++exact;
    if (is_non_implausible(result, theta))
      ++kept;
    else if (exact_implausibility <= 2)
      ++core_lost;
  }
  const double exact_share = exact / 20000.0;
  const double recall = static_cast<double>(kept) / exact;
  INFO("exact share " << exact_share << ", kept " << recall);
  CHECK(result.waves.back().non_implausible_share > 0.8 * exact_share);
  CHECK(result.waves.back().non_implausible_share < 1.2 * exact_share);
  CHECK(recall > 0.85);
  CHECK(core_lost == 0);

  const std::vector<Prior> next = region_as_prior(result, kPriors);
  REQUIRE(next.size() == 3);
  for (std::size_t j = 0; j < 3; ++j) {
    CHECK(next[j].low >= kPriors[j].low);
    CHECK(next[j].high <= kPriors[j].high);
    CHECK(next[j].low <= kTruth[j]);
    CHECK(kTruth[j] <= next[j].high);
  }
}

TEST_CASE("History matching keeps to its budget and repeats itself", "[history_matching]") {
  HistoryMatchingOptions options = twin_options();
  options.budget = 75;
  std::size_t seen = 0;
  const HistoryMatchingResult cut = run_twin(options, &seen);
  CHECK(seen == 75);
  CHECK(cut.simulations == 75);
  CHECK(cut.budget_exhausted);
  CHECK(cut.stop == HistoryMatchingStop::budget);
  REQUIRE(cut.waves.size() == 3);
  CHECK(cut.waves[2].simulations == 15);  // the last wave runs what the budget leaves

  options.budget = 29;  // less than one wave: refused before any simulation
  seen = 0;
  CHECK_THROWS_AS(run_twin(options, &seen), std::invalid_argument);
  CHECK(seen == 0);

  options = twin_options();
  options.waves = 2;
  std::size_t seen_a = 0;
  std::size_t seen_b = 0;
  const HistoryMatchingResult a = run_twin(options, &seen_a);
  const HistoryMatchingResult b = run_twin(options, &seen_b);
  REQUIRE(a.runs.size() == b.runs.size());
  for (std::size_t i = 0; i < a.runs.size(); ++i) {
    CHECK(a.runs[i].theta == b.runs[i].theta);
    CHECK(a.runs[i].simulated == b.runs[i].simulated);
  }
  CHECK(a.non_implausible == b.non_implausible);
  CHECK(a.waves.back().non_implausible_share == b.waves.back().non_implausible_share);
  options.seed = 6;
  std::size_t seen_c = 0;
  CHECK(run_twin(options, &seen_c).runs.front().theta != a.runs.front().theta);
}

TEST_CASE("region_as_prior clips the region to the original bounds", "[history_matching]") {
  HistoryMatchingResult result;
  result.non_implausible = {{-0.5, 0.2}, {0.4, 3.0}};
  result.box_low = {-0.5, 0.2};
  result.box_high = {0.4, 3.0};
  const std::vector<Prior> original{{PriorShape::beta, 0, 1, 2, 2},
                                    {PriorShape::log_uniform, 0.1, 2}};
  const std::vector<Prior> next = region_as_prior(result, original);
  REQUIRE(next.size() == 2);
  CHECK(next[0].shape == PriorShape::uniform);  // a beta cannot be truncated in place
  CHECK(next[0].low == 0.0);
  CHECK(next[0].high == 0.4);
  CHECK(next[1].shape == PriorShape::log_uniform);
  CHECK(next[1].low == 0.2);
  CHECK(next[1].high == 2.0);
  CHECK_THROWS_AS(region_as_prior(result, {original[0]}), std::invalid_argument);
  result.non_implausible.clear();
  CHECK_THROWS_AS(region_as_prior(result, original), std::invalid_argument);
}
