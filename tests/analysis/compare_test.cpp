// Paired statistics, t-quantiles, cost arithmetic and the strategy comparison on
// synthetic data with known answers.

#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/compare/comparison.hpp"
#include "sim/csv.hpp"

using namespace village;

TEST_CASE("t quantiles match published tables", "[unit]") {
  // Student's t, two-sided 95%: df 1, 10, 29; and the normal limit.
  CHECK(t_quantile(1, 0.975) == Approx(12.706204736).epsilon(1e-8));
  CHECK(t_quantile(10, 0.975) == Approx(2.228138852).epsilon(1e-8));
  CHECK(t_quantile(29, 0.975) == Approx(2.045229642).epsilon(1e-8));
  CHECK(t_quantile(1e7, 0.975) == Approx(1.959963985).epsilon(1e-6));
  CHECK(t_quantile(5, 0.5) == Approx(0.0).margin(1e-12));
}

TEST_CASE("mean interval of known values", "[unit]") {
  const MeanInterval m = mean_interval({1, 2, 3, 4, 5}, 0.95);
  CHECK(m.count == 5);
  CHECK(m.mean == Approx(3));
  CHECK(m.standard_deviation == Approx(std::sqrt(2.5)));
  const double half = 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0);
  CHECK(m.low == Approx(3 - half));
  CHECK(m.high == Approx(3 + half));
  CHECK(m.excludes_zero());
  const MeanInterval one = mean_interval({7}, 0.95);
  CHECK(one.low == 7);
  CHECK(one.high == 7);
}

TEST_CASE("a paired interval removes the variance both arms share", "[unit]") {
  // The baseline varies a lot between replicates; the treatment adds 1..5 to it.
  const std::vector<double> baseline{100, -50, 300, 20, -200};
  std::vector<double> treatment;
  for (std::size_t i = 0; i < baseline.size(); ++i)
    treatment.push_back(baseline[i] + static_cast<double>(i + 1));
  const MeanInterval paired = paired_difference(treatment, baseline, 0.95);
  const MeanInterval direct = mean_interval({1, 2, 3, 4, 5}, 0.95);
  CHECK(paired.mean == Approx(direct.mean));
  CHECK(paired.low == Approx(direct.low));
  CHECK(paired.high == Approx(direct.high));
  CHECK(paired.excludes_zero());
  // Unpaired, the two arms' intervals overlap widely.
  CHECK(mean_interval(treatment, 0.95).low < mean_interval(baseline, 0.95).high);
  CHECK_THROWS_AS(paired_difference({1, 2}, {1}, 0.95), std::invalid_argument);
}

TEST_CASE("replicates needed to separate a difference", "[unit]") {
  // mean 1, sd 1: n = 7 is the least n with t_{n-1} / sqrt(n) < 1 (2.447 / 2.646).
  const auto n = replicates_needed(1.0, 1.0, 0.95);
  REQUIRE(n);
  CHECK(*n == 7);
  CHECK(t_quantile(6, 0.975) / std::sqrt(7.0) < 1.0);
  CHECK(t_quantile(5, 0.975) / std::sqrt(6.0) >= 1.0);
  CHECK_FALSE(replicates_needed(0.0, 1.0, 0.95));
  CHECK_FALSE(replicates_needed(1e-9, 1.0, 0.95, 1000));
  CHECK(*replicates_needed(-2.0, 0.0, 0.95) == 2);
}

TEST_CASE("cost per additional unit: ratio and Fieller interval", "[unit]") {
  SECTION("no noise: the interval is the ratio") {
    const RatioInterval r = cost_per_unit({100, 100, 100}, {10, 10, 10}, 0.95);
    CHECK(r.status == RatioInterval::Status::estimated);
    CHECK(r.ratio == Approx(10));
    CHECK(r.low == Approx(10));
    CHECK(r.high == Approx(10));
  }
  SECTION("the bounds solve Fieller's equation") {
    const std::vector<double> cost{1000, 1200, 900, 1100, 1050, 980};
    const std::vector<double> units{10, 13, 8, 12, 11, 9};
    const RatioInterval r = cost_per_unit(cost, units, 0.95);
    REQUIRE(r.status == RatioInterval::Status::estimated);
    const MeanInterval c = mean_interval(cost, 0.95);
    const MeanInterval e = mean_interval(units, 0.95);
    CHECK(r.ratio == Approx(c.mean / e.mean));
    CHECK(r.low < r.ratio);
    CHECK(r.high > r.ratio);
    const double n = 6;
    double cov = 0;
    for (std::size_t i = 0; i < cost.size(); ++i)
      cov += (cost[i] - c.mean) * (units[i] - e.mean);
    cov /= n - 1;
    const double t = t_quantile(n - 1, 0.975);
    for (double bound : {r.low, r.high}) {
      const double lhs = std::pow(c.mean - bound * e.mean, 2);
      const double rhs = t * t *
                         (c.standard_deviation * c.standard_deviation / n - 2 * bound * cov / n +
                          bound * bound * e.standard_deviation * e.standard_deviation / n);
      CHECK(lhs == Approx(rhs).epsilon(1e-9));
    }
  }
  SECTION("a gain not distinguishable from zero gives an unbounded interval") {
    const RatioInterval r = cost_per_unit({100, 110, 90, 105, 95}, {1, -1, 2, -2, 0.5}, 0.95);
    CHECK(r.status == RatioInterval::Status::unbounded);
  }
  SECTION("no gain, and gain at no extra cost") {
    CHECK(cost_per_unit({100, 100}, {-1, -2}, 0.95).status == RatioInterval::Status::no_gain);
    const RatioInterval d = cost_per_unit({-100, -50}, {3, 4}, 0.95);
    CHECK(d.status == RatioInterval::Status::dominant);
    CHECK(d.status_name() == "dominant");
  }
}

TEST_CASE("run cost sums the weekly spending by intervention", "[unit]") {
  std::vector<MetricRow> rows;
  for (std::uint32_t week = 1; week <= 3; ++week) {
    rows.push_back({week, "hours_professional", "all", 100});
    rows.push_back({week, "hours_total", "all", 116});
    rows.push_back({week, "euros_newsletter", "all", week == 1 ? 610.0 : 0.0});
    rows.push_back({week, "euros_partnership", "all", 200});
    rows.push_back({week, "stopped_newsletter", "all", 0});
    rows.push_back({week, "stopped_partnership", "all", week >= 2 ? 1.0 : 0.0});
    rows.push_back({week, "euros_total", "all", (week == 1 ? 610.0 : 0.0) + 200});
    rows.push_back({week, "euros_partnership", "vulnerable", 999});  // other groups ignored
  }
  const CostBreakdown c = run_cost(rows);
  CHECK(c.total_euros == Approx(1210));
  REQUIRE(c.items.size() == 2);
  CHECK(c.items[0].intervention == "newsletter");
  CHECK(c.items[0].euros == Approx(610));
  CHECK(c.items[0].stopped_share == 0);
  CHECK(c.items[0].stop_week == -1);
  CHECK(c.items[1].intervention == "partnership");
  CHECK(c.items[1].euros == Approx(600));
  CHECK(c.items[1].stopped_share == 1);
  CHECK(c.items[1].stop_week == 2);  // the first week it reads 1
  CHECK(c.professional_hours == Approx(300));
  CHECK(c.programme_hours == Approx(48));

  // The mean over runs matches items by name; the stop week averages the runs it stopped.
  CostBreakdown other;
  other.total_euros = 10;
  other.items = {{"partnership", 10, 1, 4}};
  const CostBreakdown m = mean_cost({c, other});
  CHECK(m.total_euros == Approx(610));
  REQUIRE(m.items.size() == 2);
  CHECK(m.items[0].euros == Approx(305));  // newsletter: 610 and 0
  CHECK(m.items[1].euros == Approx(305));
  CHECK(m.items[1].stopped_share == Approx(1));
  CHECK(m.items[1].stop_week == Approx(3));
  CHECK(m.items[0].stop_week == -1);
}

namespace {

StrategyRuns synthetic(const std::string& name, const std::vector<double>& reach,
                       const std::vector<double>& cost) {
  StrategyRuns s;
  s.name = name;
  for (std::size_t r = 0; r < reach.size(); ++r) {
    RunRecord run;
    run.run = static_cast<std::uint32_t>(r);
    run.rows = {{0, "reach", "all", 0.0},
                {0, "reach", "vulnerable", 0.0},
                {10, "reach", "all", reach[r]},
                {10, "reach", "vulnerable", reach[r] / 2}};
    s.runs.push_back(run);
    CostBreakdown c;
    c.total_euros = cost[r];
    s.costs.push_back(c);
    s.group_sizes.push_back({{"all", 1000}, {"vulnerable", 200}});
  }
  return s;
}

}  // namespace

TEST_CASE("strategy comparison: paired differences, costs per parent and csv", "[unit]") {
  const std::vector<double> base{0.10, 0.20, 0.15, 0.25, 0.12};
  std::vector<double> better;
  for (double b : base)
    better.push_back(b + 0.05);  // exactly 50 more parents of 1000 in every replicate
  std::vector<StrategyRuns> runs{
      synthetic("newsletter", base, {1000, 1000, 1000, 1000, 1000}),
      synthetic("key, \"figures\"", better, {6000, 6000, 6000, 6000, 6000})};
  runs[1].budget_euros = 5000;
  ComparisonOptions options;
  options.outcomes = {"reach"};
  options.groups = {"all", "vulnerable"};
  const Comparison c = compare_strategies(runs, options);
  REQUIRE(c.rows.size() == 4);
  const ComparisonRow* row = c.find("key, \"figures\"", "reach", "all");
  REQUIRE(row);
  CHECK(row->difference.mean == Approx(0.05));
  CHECK(row->difference.low == Approx(0.05));
  CHECK(row->extra_units.mean == Approx(50));
  CHECK(row->extra_cost.mean == Approx(5000));
  CHECK(row->cost_per_unit.ratio == Approx(100));  // 5000 euros / 50 parents
  CHECK(row->over_budget);
  CHECK(row->unit == "additional parent reached");
  const ComparisonRow* vulnerable = c.find("key, \"figures\"", "reach", "vulnerable");
  CHECK(vulnerable->extra_units.mean == Approx(5));  // 0.025 x 200
  CHECK(vulnerable->cost_per_unit.ratio == Approx(1000));
  CHECK(vulnerable->unit == "additional vulnerable parent reached");
  CHECK(c.ranking("reach", "all").front() == "key, \"figures\"");
  CHECK(separation_warnings(c, {"all", "vulnerable"}).empty());

  const std::string csv = comparison_csv(c);
  CHECK_THAT(csv, Catch::StartsWith("strategy,baseline,outcome,group,replicates,mean,sd,ci_low"));
  CHECK_THAT(csv, Catch::Contains("\n\"key, \"\"figures\"\"\",newsletter,reach,all,5,"));
  CHECK_THAT(csv, Catch::Contains(",estimated,5000,yes\n"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 5);

  // With noise the same mean difference is not separated; the warning says how many
  // replicates would.
  std::vector<double> noisy{base[0] + 0.2, base[1] - 0.15, base[2] + 0.1, base[3] - 0.1,
                            base[4] + 0.05};
  runs[1] = synthetic("noisy", noisy, {1000, 1000, 1000, 1000, 1000});
  const Comparison n = compare_strategies(runs, options);
  const auto warnings = separation_warnings(n, {"all"});
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("noisy vs newsletter"));
  CHECK_THAT(warnings[0], Catch::Contains("paired replicates would separate them"));
  CHECK(n.find("noisy", "reach", "all")->cost_per_unit.status ==
        RatioInterval::Status::dominant);  // no extra cost, positive mean gain
}

TEST_CASE("outcome over time: mean and band per step", "[unit]") {
  std::vector<RunRecord> runs(2);
  runs[0].rows = {{0, "reach", "all", 0.1}, {1, "reach", "all", 0.3}};
  runs[1].rows = {{0, "reach", "all", 0.1}, {1, "reach", "all", 0.5}};
  const TimeBand band = outcome_over_time(runs, "reach", "all", 0.95);
  REQUIRE(band.steps.size() == 2);
  CHECK(band.mean[0] == Approx(0.1));
  CHECK(band.low[0] == Approx(0.1));
  CHECK(band.mean[1] == Approx(0.4));
  CHECK(band.high[1] == Approx(0.4 + 12.706204736 * std::sqrt(0.02) / std::sqrt(2.0)));
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
}
