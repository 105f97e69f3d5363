// The decision analysis of comparison under uncertainty (analysis/uncertainty/):
// probability best, acceptability curves, EVPPI, partial rank correlations, the split of
// replicate noise from world uncertainty, and PRIM boxes, on constructed cases whose
// answers are known.

#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "analysis/sensitivity/design.hpp"
#include "analysis/uncertainty/decision.hpp"
#include "analysis/uncertainty/evppi.hpp"
#include "analysis/uncertainty/prim.hpp"
#include "analysis/uncertainty/study.hpp"

using namespace village::uncertainty;

namespace {

constexpr double kPi = 3.14159265358979323846;

// N worlds of three parameters on a Latin hypercube: p, q, r.
std::vector<std::vector<double>> worlds(std::size_t n, std::uint64_t seed) {
  village::sensitivity::DesignOptions options;
  options.kind = village::sensitivity::DesignKind::lhs;
  options.dimensions = 3;
  options.samples = n;
  options.seed = seed;
  return village::sensitivity::make_design(options).points;
}

std::vector<double> column(const std::vector<std::vector<double>>& points, std::size_t j) {
  std::vector<double> c;
  for (const auto& p : points)
    c.push_back(p[j]);
  return c;
}

// Strategy A (index 0) is better by 100 units iff p < 0.5; replicate-like noise of sd 5.
struct Crossing {
  std::vector<std::vector<double>> points = worlds(1000, 7);
  WorldTable effect;
  WorldTable cost;
  Crossing() {
    std::mt19937_64 engine(11);
    std::normal_distribution<double> noise(0.0, 5.0);
    for (const auto& p : points) {
      const bool low = p[0] < 0.5;
      effect.push_back({(low ? 100.0 : 0.0) + noise(engine), (low ? 0.0 : 100.0) + noise(engine)});
      cost.push_back({0.0, 0.0});
    }
  }
};

}  // namespace

TEST_CASE("the Wilson interval of a share is the textbook one", "[unit]") {
  const Share half = wilson_interval(5, 10);
  CHECK(half.estimate == Approx(0.5));
  CHECK(half.low == Approx(0.2366).margin(1e-4));
  CHECK(half.high == Approx(0.7634).margin(1e-4));
  const Share none = wilson_interval(0, 20);
  CHECK(none.low == 0);
  CHECK(none.high == Approx(0.1611).margin(1e-4));
}

TEST_CASE(
    "a strategy that dominates in every world is best with probability 1 and leaves "
    "nothing to learn",
    "[unit]") {
  const auto points = worlds(200, 3);
  WorldTable effect, cost;
  for (const auto& p : points) {
    // B (index 1) reaches more and costs less, by margins that vary with the world.
    effect.push_back({10 + 5 * p[0], 12 + 5 * p[0] + p[1]});
    cost.push_back({1000 + 200 * p[2], 900 + 200 * p[2]});
  }
  const auto best = probability_best(effect);
  CHECK(best[1].estimate == 1.0);
  CHECK(best[0].estimate == 0.0);
  CHECK(best[1].low > 0.98);
  const Acceptability curve = acceptability(effect, cost, lambda_grid(1e5, 12));
  for (std::size_t l = 0; l < curve.lambdas.size(); ++l) {
    CHECK(curve.probability[l][1].estimate == 1.0);
    CHECK(curve.frontier[l] == 1);
    CHECK(curve.evpi[l] == Approx(0).margin(1e-9));
  }
  const WorldTable nb = net_benefit(effect, cost, 500);
  for (std::size_t j = 0; j < 3; ++j)
    CHECK(evppi(column(points, j), nb) == Approx(0).margin(1e-6));
}

TEST_CASE(
    "a known crossing: probability best one half, EVPPI of the crossing parameter "
    "near its analytic value, none for the others, and PRIM finds p < 0.5",
    "[unit]") {
  const Crossing c;
  const auto best = probability_best(c.effect);
  CHECK(best[0].low <= 0.5);
  CHECK(best[0].high >= 0.5);
  CHECK(best[0].estimate == Approx(0.5).margin(0.01));
  // At lambda 1 the net benefit is the effect. Knowing p, the decision maker gets 100 in
  // every world; not knowing it, 50 either way: EVPPI(p) = EVPI = 50.
  const WorldTable nb = net_benefit(c.effect, c.cost, 1.0);
  const double value_p = evppi(column(c.points, 0), nb);
  CHECK(value_p == Approx(50).epsilon(0.1));
  CHECK(evpi(nb) == Approx(50).epsilon(0.1));
  CHECK(evppi(column(c.points, 1), nb) < 0.05 * value_p);
  CHECK(evppi(column(c.points, 2), nb) < 0.05 * value_p);
  // The partial rank correlation of the incremental net benefit with p is strongly
  // negative (A's advantage falls as p rises): about -0.75 for a step with noise inside
  // each side, whose ranks carry no order in p. q and r are unrelated.
  std::vector<double> incremental;
  for (const auto& row : nb)
    incremental.push_back(row[0] - row[1]);
  const std::vector<double> prcc = partial_rank_correlations(c.points, incremental);
  CHECK(prcc[0] < -0.7);
  CHECK(std::abs(prcc[1]) < 0.1);
  CHECK(std::abs(prcc[2]) < 0.1);
  std::vector<bool> wins;
  for (const auto& row : nb)
    wins.push_back(best_of(row) == 0);
  const PrimBox box = prim_box(c.points, wins);
  CHECK(box.high_moved[0]);
  CHECK_FALSE(box.low_moved[0]);
  CHECK(box.high[0] == Approx(0.5).margin(0.03));
  CHECK_FALSE(box.restricted(1));
  CHECK_FALSE(box.restricted(2));
  CHECK(box.coverage >= 0.9);
  CHECK(box.density >= 0.9);
  CHECK(describe_box(box, {"p", "q", "r"}).rfind("p <= 0.", 0) == 0);
}

TEST_CASE("acceptability curve and frontier checked by hand on a small table", "[unit]") {
  // Two strategies in four worlds. Incremental effect of B over A: 1, 2, 3, -1; incremental
  // cost: 100, 100, 400, -50. B is best at lambda when lambda * dE > dC.
  const WorldTable effect{{0, 1}, {0, 2}, {0, 3}, {0, -1}};
  const WorldTable cost{{0, 100}, {0, 100}, {0, 400}, {0, -50}};
  const Acceptability curve = acceptability(effect, cost, {0, 60, 150});
  // lambda 0: B wins only where it saves (world 4): 1/4. Mean NB: A 0, B -137.5: A.
  CHECK(curve.probability[0][1].estimate == Approx(0.25));
  CHECK(curve.frontier[0] == 0);
  // lambda 60: NB_B = -40, 20, -220, -10: B wins in world 2 only. Mean -62.5: A. EVPI =
  // mean of max(0, NB_B) = 20 / 4 = 5.
  CHECK(curve.probability[1][1].estimate == Approx(0.25));
  CHECK(curve.frontier[1] == 0);
  CHECK(curve.evpi[1] == Approx(5));
  // lambda 150: NB_B = 50, 200, 50, -100: B wins in three worlds; mean 50: B. EVPI =
  // (50 + 200 + 50 + 0) / 4 - 50 = 25.
  CHECK(curve.probability[2][1].estimate == Approx(0.75));
  CHECK(curve.probability[2][0].estimate == Approx(0.25));
  CHECK(curve.frontier[2] == 1);
  CHECK(curve.evpi[2] == Approx(25));
  // The grid: 0, then geometric from high / 1000 to high.
  const std::vector<double> grid = lambda_grid(1e4, 4);
  REQUIRE(grid.size() == 4);
  CHECK(grid[0] == 0);
  CHECK(grid[1] == Approx(10));
  CHECK(grid[2] == Approx(316.2278).epsilon(1e-6));
  CHECK(grid[3] == Approx(1e4));
  CHECK_THROWS_AS(probability_best({{1, 2}, {3}}), std::invalid_argument);
}

TEST_CASE("the spline smoother follows a smooth curve and a step", "[unit]") {
  std::vector<double> x, smooth, step;
  for (std::size_t i = 0; i < 400; ++i) {
    x.push_back((static_cast<double>(i) + 0.5) / 400);
    smooth.push_back(std::sin(2 * kPi * x.back()));
    step.push_back(x.back() < 0.3 ? 1.0 : 0.0);
  }
  const SplineFit fit = fit_spline(x, {smooth, step});
  REQUIRE(fit.fitted.size() == 2);
  double worst = 0, step_error = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    worst = std::max(worst, std::abs(fit.fitted[0][i] - smooth[i]));
    step_error += std::abs(fit.fitted[1][i] - step[i]) / static_cast<double>(x.size());
  }
  CHECK(worst < 0.05);
  CHECK(step_error < 0.05);
  CHECK(fit.knots >= 4);
}

TEST_CASE("replicate noise is told apart from the spread between worlds", "[unit]") {
  // World means 0, 2, 4, 6 (variance 20/3); each world's two replicates at mean -+ 1
  // (within-world variance 2, so the noise in a mean of 2 is 1).
  const VarianceSplit split = split_variance({{-1, 1}, {1, 3}, {3, 5}, {5, 7}});
  CHECK(split.world_means_variance == Approx(20.0 / 3));
  CHECK(split.replicate_variance == Approx(2));
  CHECK(split.between_worlds == Approx(20.0 / 3 - 1));
  CHECK(split.noise_share == Approx(0.15));
  const VarianceSplit one = split_variance({{1}, {2}, {4}});
  CHECK(std::isnan(one.noise_share));
}

namespace {

// Two strategies whose reach swaps at p = 0.5 by 2 points of 1,000 parents; b costs more.
Study crossing_study(double replicate_noise) {
  Study study;
  study.strategies = {"a", "b"};
  study.outcome = "reach";
  study.group = "vulnerable";
  study.parameters = {"p", "q", "r"};
  study.parameter_values = worlds(400, 13);
  std::mt19937_64 engine(17);
  std::normal_distribution<double> noise(0.0, replicate_noise);
  for (const auto& x : study.parameter_values) {
    const bool low = x[0] < 0.5;
    std::vector<std::vector<StudyRun>> runs(2);
    for (int r = 0; r < 2; ++r) {
      runs[0].push_back({0.10 + (low ? 0.02 : 0.0) + noise(engine), 1000, 1000});
      runs[1].push_back({0.10 + (low ? 0.0 : 0.02) + noise(engine), 2000, 1000});
    }
    study.runs.push_back(runs);
  }
  return study;
}

}  // namespace

TEST_CASE("a study's analysis names the crossing parameter, its region, and no false warning",
          "[unit]") {
  const StudyAnalysis a = analyse_study(crossing_study(0.001));
  CHECK(a.unit == "additional vulnerable parent reached");
  CHECK(a.best_by_outcome[0].estimate == Approx(0.5).margin(0.01));
  // Units are parents: 2 points of 1,000 parents is 20.
  CHECK(a.effect[0][0] - a.effect[0][1] == Approx(a.value[0][0] * 1000 - a.value[0][1] * 1000));
  // The reference: the baseline a leads (ties go to it), so b, whose 1,000 euros more buy
  // 20 parents where it gains: 50 euros a parent.
  CHECK(a.reference_lambda == Approx(50).epsilon(0.05));
  REQUIRE_FALSE(a.drivers.empty());
  CHECK(a.drivers.front().parameter == "p");
  CHECK(a.drivers[1].evppi_euros < 0.1 * a.drivers.front().evppi_euros);
  CHECK(a.noise_share < 0.05);
  REQUIRE(a.has_box);
  CHECK(a.box.restricted(0));
  CHECK_FALSE(a.box.restricted(1));
  // The only warning: a and b are equally often the best, which no number of worlds parts.
  REQUIRE(a.warnings.size() == 1);
  CHECK_THAT(a.warnings.front(), Catch::Contains("do not separate"));
  CHECK_THAT(a.summary.front(), Catch::Contains("of 400 plausible worlds"));
  CHECK_THAT(a.summary[2], Catch::StartsWith("The choice depends most on p ("));
}

TEST_CASE("a study warns when replicate noise swamps the worlds and when worlds are too few",
          "[unit]") {
  const StudyAnalysis noisy = analyse_study(crossing_study(0.05));
  bool noise_warned = false;
  for (const std::string& w : noisy.warnings)
    noise_warned |= w.find("is replicate noise") != std::string::npos;
  CHECK(noise_warned);
  Study few = crossing_study(0.001);
  few.runs.resize(30);
  few.parameter_values.resize(30);
  const StudyAnalysis small = analyse_study(few);
  bool evppi_warned = false;
  for (const std::string& w : small.warnings)
    evppi_warned |= w.find("(EVPPI) from 30 worlds are rough") != std::string::npos;
  CHECK(evppi_warned);
  few.runs.resize(10);
  few.parameter_values.resize(10);
  CHECK_THROWS_AS(analyse_study(few), std::invalid_argument);
}
