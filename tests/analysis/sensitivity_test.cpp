// Sensitivity designs (shapes, invariants, validation) and estimators checked against
// functions with analytic indices: Ishigami (Ishigami & Homma 1990) and the Sobol' g-function
// (Saltelli & Sobol' 1995). Every random draw is seeded, so these tests are deterministic.

#include "analysis/sensitivity/sensitivity.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <set>
#include <stdexcept>

#include "analysis/sensitivity/design.hpp"

using namespace village::sensitivity;
using Catch::Matchers::Contains;

namespace {

DesignOptions options(DesignKind kind, std::size_t dimensions, std::size_t samples,
                      std::uint64_t seed = 1) {
  DesignOptions result;
  result.kind = kind;
  result.dimensions = dimensions;
  result.samples = samples;
  result.seed = seed;
  return result;
}

template <typename F>
std::vector<double> evaluate(const Design& design, F function) {
  std::vector<double> outputs;
  outputs.reserve(design.points.size());
  for (const std::vector<double>& point : design.points)
    outputs.push_back(function(point));
  return outputs;
}

bool contains(const Interval& interval, double value) {
  return interval.low <= value && value <= interval.high;
}

const std::vector<double> g_coefficients = {0, 1, 4.5, 9, 99, 99};

}  // namespace

TEST_CASE("design kinds parse and print", "[unit]") {
  for (DesignKind kind : {DesignKind::grid, DesignKind::lhs, DesignKind::sobol, DesignKind::morris})
    CHECK(parse_design_kind(design_kind_name(kind)) == kind);
  CHECK(design_kind_name(DesignKind::morris) == "morris");
  CHECK_FALSE(parse_design_kind("Sobol").has_value());
  CHECK_FALSE(parse_design_kind("").has_value());
  CHECK_FALSE(parse_design_kind("lhs ").has_value());
}

TEST_CASE("grid is a full factorial with the last factor fastest", "[unit]") {
  DesignOptions grid = options(DesignKind::grid, 3, 3);
  grid.levels = {0, 2, 0};  // the middle factor is discrete with two levels
  const Design design = make_design(grid);
  REQUIRE(design.points.size() == 18);
  CHECK(design_size(grid) == 18);
  CHECK(design.base_samples == 18);
  CHECK(design.points.front() == std::vector<double>{0.0, 0.25, 0.0});
  CHECK(design.points[1] == std::vector<double>{0.0, 0.25, 0.5});
  CHECK(design.points[3] == std::vector<double>{0.0, 0.75, 0.0});
  CHECK(design.points.back() == std::vector<double>{1.0, 0.75, 1.0});
  std::set<std::vector<double>> distinct(design.points.begin(), design.points.end());
  CHECK(distinct.size() == 18);
  // Discrete levels sit at stratum midpoints, so each level is reached exactly once per block.
  std::vector<std::size_t> per_level(2, 0);
  for (const auto& point : design.points)
    ++per_level[level_index(point[1], 2)];
  CHECK(per_level == std::vector<std::size_t>{9, 9});

  const Design single = make_design(options(DesignKind::grid, 2, 1));
  REQUIRE(single.points.size() == 1);
  CHECK(single.points[0] == std::vector<double>{0.5, 0.5});
}

TEST_CASE("level_index maps the closed unit interval onto the levels", "[unit]") {
  CHECK(level_index(0.0, 3) == 0);
  CHECK(level_index(0.34, 3) == 1);
  CHECK(level_index(0.999, 3) == 2);
  CHECK(level_index(1.0, 3) == 2);  // grid corners and Morris steps reach u = 1
  CHECK(level_index(0.7, 1) == 0);
  CHECK_THROWS_AS(level_index(0.5, 0), std::invalid_argument);
}

TEST_CASE("lhs has one point per stratum per factor", "[unit]") {
  const std::size_t n = 50;
  const Design design = make_design(options(DesignKind::lhs, 4, n, 7));
  REQUIRE(design.points.size() == n);
  CHECK(design.base_samples == n);
  for (std::size_t i = 0; i < 4; ++i) {
    std::vector<std::size_t> strata;
    for (const auto& point : design.points) {
      REQUIRE(point.size() == 4);
      CHECK(point[i] >= 0.0);
      CHECK(point[i] < 1.0);
      strata.push_back(static_cast<std::size_t>(std::floor(point[i] * static_cast<double>(n))));
    }
    std::sort(strata.begin(), strata.end());
    for (std::size_t j = 0; j < n; ++j)
      CHECK(strata[j] == j);
  }
  // Independent permutations: the first two columns are not in the same stratum order.
  std::size_t same = 0;
  for (const auto& point : design.points)
    if (std::floor(point[0] * n) == std::floor(point[1] * n)) ++same;
  CHECK(same < n / 2);
}

TEST_CASE("randomised designs depend only on the seed", "[unit]") {
  for (DesignKind kind : {DesignKind::lhs, DesignKind::morris}) {
    const Design a = make_design(options(kind, 3, 10, 42));
    const Design b = make_design(options(kind, 3, 10, 42));
    const Design c = make_design(options(kind, 3, 10, 43));
    CHECK(a.points == b.points);
    CHECK(a.points != c.points);
  }
  // The Sobol' sequence ignores the seed.
  CHECK(make_design(options(DesignKind::sobol, 2, 8, 1)).points ==
        make_design(options(DesignKind::sobol, 2, 8, 99)).points);
}

TEST_CASE("sobol design has the A, B, AB_i block layout", "[unit]") {
  const std::size_t n = 16, k = 3;
  const Design design = make_design(options(DesignKind::sobol, k, n));
  REQUIRE(design.points.size() == n * (k + 2));
  CHECK(design_size(options(DesignKind::sobol, k, n)) == n * (k + 2));
  CHECK(design.base_samples == n);
  // Boost's engine starts at point 1 of the sequence, (1/2, ..., 1/2).
  CHECK(design.points[0] == std::vector<double>(k, 0.5));
  std::size_t differing = 0;
  for (std::size_t row = 0; row < n; ++row) {
    const auto& a = design.points[row];
    const auto& b = design.points[n + row];
    if (a != b) ++differing;
    for (std::size_t i = 0; i < k; ++i) {
      const auto& ab = design.points[(2 + i) * n + row];
      for (std::size_t j = 0; j < k; ++j)
        CHECK(ab[j] == (j == i ? b[j] : a[j]));
    }
  }
  CHECK(differing == n - 1);
  for (const auto& point : design.points)
    for (double u : point) {
      CHECK(u >= 0.0);
      CHECK(u <= 1.0);
    }
}

TEST_CASE("morris steps move one factor by delta on the grid", "[unit]") {
  const std::size_t k = 5, r = 12, p = 4;
  const double delta = static_cast<double>(p) / (2.0 * static_cast<double>(p - 1));
  const Design design = make_design(options(DesignKind::morris, k, r, 3));
  REQUIRE(design.points.size() == r * (k + 1));
  CHECK(design.base_samples == r);
  std::size_t upward = 0, downward = 0;
  for (std::size_t t = 0; t < r; ++t) {
    std::vector<int> moves(k, 0);
    for (std::size_t j = 0; j < k; ++j) {
      const auto& x = design.points[t * (k + 1) + j];
      const auto& y = design.points[t * (k + 1) + j + 1];
      std::size_t changed = 0;
      for (std::size_t i = 0; i < k; ++i) {
        CHECK(y[i] >= 0.0);
        CHECK(y[i] <= 1.0);
        // Every coordinate lies on {0, 1/(p-1), ..., 1}.
        const double scaled = y[i] * static_cast<double>(p - 1);
        CHECK(scaled == Approx(std::round(scaled)).margin(1e-12));
        if (x[i] != y[i]) {
          ++changed;
          ++moves[i];
          CHECK(std::abs(y[i] - x[i]) == Approx(delta));
          (y[i] > x[i] ? upward : downward)++;
        }
      }
      CHECK(changed == 1);
    }
    CHECK(moves == std::vector<int>(k, 1));
  }
  CHECK(upward > 0);
  CHECK(downward > 0);
}

TEST_CASE("oversized designs are refused before allocating", "[unit]") {
  // 10^10 grid points: refused at the default limit.
  CHECK_THROWS_AS(make_design(options(DesignKind::grid, 10, 10)), std::length_error);
  // 1000^100 overflows size_t; design_size saturates instead of wrapping round.
  const DesignOptions huge = options(DesignKind::grid, 100, 1000);
  CHECK(design_size(huge) == std::numeric_limits<std::size_t>::max());
  CHECK_THROWS_WITH(make_design(huge), Contains("more than the limit"));
  CHECK_THROWS_AS(make_design(options(DesignKind::sobol, 4, 1000), 5999), std::length_error);
  CHECK(make_design(options(DesignKind::sobol, 4, 1000), 6000).points.size() == 6000);
  CHECK(design_size(options(DesignKind::morris, 4, 10)) == 50);
  CHECK(design_size(options(DesignKind::lhs, 4, 10)) == 10);
}

TEST_CASE("invalid design options are refused with a message each", "[unit]") {
  CHECK_THROWS_WITH(make_design(options(DesignKind::lhs, 0, 10)), Contains("at least one factor"));
  CHECK_THROWS_WITH(make_design(options(DesignKind::grid, 2, 0)), Contains("samples >= 1"));
  CHECK_THROWS_WITH(make_design(options(DesignKind::sobol, 2, 1)), Contains("N >= 2"));
  DesignOptions odd = options(DesignKind::morris, 2, 5);
  odd.morris_levels = 3;
  CHECK_THROWS_WITH(make_design(odd), Contains("even number of levels"));
  odd.morris_levels = 0;
  CHECK_THROWS_AS(make_design(odd), std::invalid_argument);
  DesignOptions mismatched = options(DesignKind::grid, 3, 2);
  mismatched.levels = {2, 2};
  CHECK_THROWS_WITH(make_design(mismatched), Contains("3 factors but 2 level counts"));
  CHECK_THROWS_WITH(make_design(options(DesignKind::sobol, 2000, 2)), Contains("at most 1833"));
  // p = 2 is the smallest valid Morris grid: delta = 1, steps between 0 and 1.
  DesignOptions two = options(DesignKind::morris, 2, 3);
  two.morris_levels = 2;
  for (const auto& point : make_design(two).points)
    for (double u : point)
      CHECK((u == 0.0 || u == 1.0));
}

TEST_CASE("uniform draws stay in range and follow the seed", "[unit]") {
  std::mt19937_64 engine(5), again(5);
  std::vector<std::size_t> counts(3, 0);
  for (int i = 0; i < 3000; ++i) {
    const std::size_t value = uniform_index(engine, 3);
    REQUIRE(value < 3);
    ++counts[value];
    CHECK(uniform_index(again, 3) == value);
  }
  for (std::size_t count : counts)
    CHECK(count > 900);  // expected 1000 each, sd about 26
  for (int i = 0; i < 100; ++i) {
    const double u = uniform_unit(engine);
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
  CHECK(uniform_index(engine, 1) == 0);
  CHECK_THROWS_AS(uniform_index(engine, 0), std::invalid_argument);
}

TEST_CASE("test functions and their analytic indices", "[unit]") {
  CHECK(ishigami(std::vector<double>{0.5, 0.5, 0.5}) == Approx(0.0).margin(1e-12));
  // x1 = x2 = pi/2, x3 = 0: sin x1 + a = 8.
  CHECK(ishigami(std::vector<double>{0.75, 0.75, 0.5}) == Approx(8.0));
  // x1 = pi/2, x2 = 0, x3 = pi: 1 + b pi^4.
  CHECK(ishigami(std::vector<double>{0.75, 0.5, 1.0}) ==
        Approx(1.0 + 0.1 * std::pow(std::numbers::pi, 4)));
  CHECK_THROWS_AS(ishigami(std::vector<double>{0.5, 0.5}), std::invalid_argument);

  const AnalyticIndices is = ishigami_indices();
  CHECK(is.first_order[0] == Approx(0.3139).margin(1e-4));
  CHECK(is.first_order[1] == Approx(0.4424).margin(1e-4));
  CHECK(is.first_order[2] == 0.0);
  CHECK(is.total[0] == Approx(0.5576).margin(1e-4));
  CHECK(is.total[1] == Approx(0.4424).margin(1e-4));
  CHECK(is.total[2] == Approx(0.2437).margin(1e-4));

  CHECK(sobol_g(std::vector<double>{0.5, 0.5}, std::vector<double>{0.0, 1.0}) == 0.0);
  CHECK(sobol_g(std::vector<double>{0.0, 1.0}, std::vector<double>{0.0, 1.0}) ==
        Approx(2.0 * 3.0 / 2.0));
  CHECK_THROWS_AS(sobol_g(std::vector<double>{0.5}, std::vector<double>{0.0, 1.0}),
                  std::invalid_argument);

  const AnalyticIndices g = sobol_g_indices(g_coefficients);
  // One factor alone: all variance is first order.
  const AnalyticIndices lone = sobol_g_indices(std::vector<double>{2.0});
  CHECK(lone.first_order[0] == Approx(1.0));
  CHECK(lone.total[0] == Approx(1.0));
  double first_sum = 0;
  for (std::size_t i = 0; i < g_coefficients.size(); ++i) {
    first_sum += g.first_order[i];
    CHECK(g.total[i] >= g.first_order[i]);
  }
  CHECK(first_sum < 1.0);  // the g-function has interactions
  CHECK(g.first_order[0] == Approx(0.7163).margin(1e-4));
  CHECK_THROWS_AS(sobol_g_indices(std::vector<double>{-1.0}), std::invalid_argument);
  CHECK_THROWS_AS(sobol_g_indices(std::vector<double>{}), std::invalid_argument);
}

TEST_CASE("Ishigami Sobol' indices cover the analytic values", "[statistical]") {
  // N = 8192 Sobol' rows, 5 * 8192 evaluations. The raw 95% percentile intervals suffice: the
  // bootstrap treats quasi-random rows as independent, which overstates their error.
  const Design design = make_design(options(DesignKind::sobol, 3, 8192));
  const std::vector<double> outputs =
      evaluate(design, [](const std::vector<double>& u) { return ishigami(u); });
  const SobolIndices estimated = sobol_indices(design, outputs, 500, 11);
  const AnalyticIndices analytic = ishigami_indices();
  // Var Y = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.8446.
  CHECK(estimated.variance == Approx(13.8446).epsilon(0.02));
  REQUIRE(estimated.first_order.size() == 3);
  REQUIRE(estimated.total.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("factor " << i + 1);
    const Interval& s = estimated.first_order[i];
    const Interval& st = estimated.total[i];
    INFO("S  " << s.estimate << " [" << s.low << ", " << s.high << "]");
    INFO("ST " << st.estimate << " [" << st.low << ", " << st.high << "]");
    CHECK(contains(s, analytic.first_order[i]));
    CHECK(contains(st, analytic.total[i]));
    CHECK(contains(s, s.estimate));
    CHECK(contains(st, st.estimate));
    CHECK(s.high - s.low < 0.1);
    CHECK(st.high - st.low < 0.1);
    CHECK(s.estimate == Approx(analytic.first_order[i]).margin(0.02));
    CHECK(st.estimate == Approx(analytic.total[i]).margin(0.02));
  }
}

TEST_CASE("g-function: Morris and Sobol' rank the factors as the analytic indices",
          "[statistical]") {
  const std::size_t k = g_coefficients.size();
  const auto g = [](const std::vector<double>& u) { return sobol_g(u, g_coefficients); };

  const Design morris = make_design(options(DesignKind::morris, k, 30, 2024));
  const MorrisIndices effects = morris_indices(morris, evaluate(morris, g), 500, 3);
  REQUIRE(effects.mu_star.size() == k);
  for (std::size_t i = 2; i < k; ++i) {
    INFO("factor " << i + 1);
    CHECK(effects.mu_star[1].estimate > effects.mu_star[i].estimate);
    // The intervals separate the two important factors from the rest.
    CHECK(effects.mu_star[1].low > effects.mu_star[i].high);
  }
  CHECK(effects.mu_star[0].estimate > effects.mu_star[1].estimate);
  // The g-function is non-monotonic in every factor: signed effects cancel, so mu < mu*.
  CHECK(std::abs(effects.mu[0]) < effects.mu_star[0].estimate);
  CHECK(effects.sigma[0] > 0.0);

  const Design sobol = make_design(options(DesignKind::sobol, k, 4096));
  const SobolIndices indices = sobol_indices(sobol, evaluate(sobol, g), 200, 5);
  const AnalyticIndices analytic = sobol_g_indices(g_coefficients);
  // Factors 1-4 are strictly ordered; 5 and 6 tie (a = 99) below them.
  for (std::size_t i = 0; i + 1 < 4; ++i)
    CHECK(indices.total[i].estimate > indices.total[i + 1].estimate);
  CHECK(indices.total[3].estimate > indices.total[4].estimate);
  CHECK(indices.total[3].estimate > indices.total[5].estimate);
  for (std::size_t i = 0; i < k; ++i) {
    INFO("factor " << i + 1);
    CHECK(indices.total[i].estimate == Approx(analytic.total[i]).margin(0.01));
  }
}

TEST_CASE("Morris effects of a linear function are its signed slopes", "[unit]") {
  const Design design = make_design(options(DesignKind::morris, 3, 8, 9));
  const std::vector<double> outputs = evaluate(
      design, [](const std::vector<double>& u) { return 3.0 * u[0] - 2.0 * u[1] + 0.0 * u[2]; });
  const MorrisIndices effects = morris_indices(design, outputs, 100, 1);
  CHECK(effects.mu[0] == Approx(3.0));
  CHECK(effects.mu[1] == Approx(-2.0));
  CHECK(effects.mu[2] == Approx(0.0).margin(1e-12));
  CHECK(effects.mu_star[0].estimate == Approx(3.0));
  CHECK(effects.mu_star[1].estimate == Approx(2.0));
  CHECK(effects.mu_star[1].low == Approx(2.0));
  CHECK(effects.mu_star[1].high == Approx(2.0));
  for (double sigma : effects.sigma)
    CHECK(sigma == Approx(0.0).margin(1e-9));

  const Design single = make_design(options(DesignKind::morris, 2, 1, 4));
  const MorrisIndices one = morris_indices(
      single, evaluate(single, [](const std::vector<double>& u) { return u[0] * u[1]; }));
  CHECK(one.sigma == std::vector<double>{0.0, 0.0});
}

TEST_CASE("Sobol' indices of an additive function and of a constant", "[unit]") {
  const Design design = make_design(options(DesignKind::sobol, 2, 1024));
  // Var(u0) : Var(2 u1) = 1 : 4 and no interaction.
  const SobolIndices additive = sobol_indices(
      design, evaluate(design, [](const std::vector<double>& u) { return u[0] + 2.0 * u[1]; }), 100,
      1);
  CHECK(additive.first_order[0].estimate == Approx(0.2).margin(0.01));
  CHECK(additive.first_order[1].estimate == Approx(0.8).margin(0.01));
  CHECK(additive.total[0].estimate == Approx(0.2).margin(0.01));
  CHECK(additive.total[1].estimate == Approx(0.8).margin(0.01));
  CHECK(additive.variance == Approx(5.0 / 12.0).epsilon(0.01));

  const std::vector<double> constant(design.points.size(), 3.0);
  const SobolIndices flat = sobol_indices(design, constant, 10, 1);
  CHECK(flat.variance == 0.0);
  CHECK(flat.first_order[0].estimate == 0.0);
  CHECK(flat.total[1].high == 0.0);
}

TEST_CASE("bootstrap intervals depend only on the seed", "[unit]") {
  const Design design = make_design(options(DesignKind::sobol, 3, 256));
  const std::vector<double> outputs =
      evaluate(design, [](const std::vector<double>& u) { return ishigami(u); });
  const SobolIndices a = sobol_indices(design, outputs, 200, 17);
  const SobolIndices b = sobol_indices(design, outputs, 200, 17);
  const SobolIndices c = sobol_indices(design, outputs, 200, 18);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(a.first_order[i].low == b.first_order[i].low);
    CHECK(a.first_order[i].high == b.first_order[i].high);
    CHECK(a.total[i].low == b.total[i].low);
    CHECK(a.total[i].high == b.total[i].high);
    // The point estimate does not depend on the bootstrap at all.
    CHECK(a.first_order[i].estimate == c.first_order[i].estimate);
  }
  CHECK(a.total[0].low != c.total[0].low);

  const Design morris = make_design(options(DesignKind::morris, 3, 20, 1));
  const std::vector<double> morris_outputs =
      evaluate(morris, [](const std::vector<double>& u) { return ishigami(u); });
  const MorrisIndices m1 = morris_indices(morris, morris_outputs, 200, 4);
  const MorrisIndices m2 = morris_indices(morris, morris_outputs, 200, 4);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(m1.mu_star[i].low == m2.mu_star[i].low);
    CHECK(m1.mu_star[i].high == m2.mu_star[i].high);
  }

  // No replicates: a degenerate interval at the estimate.
  const SobolIndices none = sobol_indices(design, outputs, 0, 1);
  CHECK(none.first_order[0].low == none.first_order[0].estimate);
  CHECK(none.first_order[0].high == none.first_order[0].estimate);
}

TEST_CASE("estimators refuse mismatched designs and outputs", "[unit]") {
  const Design sobol = make_design(options(DesignKind::sobol, 2, 8));
  const Design morris = make_design(options(DesignKind::morris, 2, 4));
  const Design lhs = make_design(options(DesignKind::lhs, 2, 8));
  CHECK_THROWS_WITH(sobol_indices(sobol, std::vector<double>(31, 1.0)),
                    Contains("got 31 outputs for a design of 32 points"));
  CHECK_THROWS_WITH(sobol_indices(lhs, std::vector<double>(8, 1.0)),
                    Contains("need a sobol design"));
  CHECK_THROWS_WITH(morris_indices(sobol, std::vector<double>(32, 1.0)),
                    Contains("need a morris design"));
  CHECK_THROWS_WITH(morris_indices(morris, std::vector<double>(11, 1.0)),
                    Contains("got 11 outputs"));
  std::vector<double> with_nan(32, 1.0);
  with_nan[5] = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(sobol_indices(sobol, with_nan), Contains("design point 5 is not finite"));

  Design broken = morris;
  broken.points[1] = broken.points[0];  // a step that moves nothing
  CHECK_THROWS_WITH(morris_indices(broken, std::vector<double>(12, 1.0)),
                    Contains("must move exactly one factor"));
  Design truncated = sobol;
  truncated.points.pop_back();
  CHECK_THROWS_WITH(sobol_indices(truncated, std::vector<double>(32, 1.0)),
                    Contains("the design has 31 points"));
}
