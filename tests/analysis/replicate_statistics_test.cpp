#include "analysis/replicate_statistics.hpp"

#include <catch2/catch.hpp>

TEST_CASE("final-value statistics use each run's last step", "[unit]") {
  std::vector<village::RunRecord> runs(3);
  const double finals[] = {0.2, 0.4, 0.9};
  for (std::uint32_t r = 0; r < 3; ++r) {
    runs[r].run = r;
    runs[r].rows = {
        {0, "infected", "all", 0.01}, {5, "infected", "all", finals[r]}, {5, "infected", "b", 1.0}};
  }
  const auto statistics = village::final_value_statistics(runs, 0.95);
  REQUIRE(statistics.size() == 2);
  const auto& infected = statistics[0];
  CHECK(infected.metric == "infected");
  CHECK(infected.group == "all");
  CHECK(infected.count == 3);
  CHECK(infected.mean == Approx(0.5));
  CHECK(infected.standard_deviation == Approx(0.360555127546399));  // sqrt(0.13)
  // t quantile 0.975 with 2 degrees of freedom is 4.302652729911275.
  const double half = 4.302652729911275 * 0.360555127546399 / std::sqrt(3.0);
  CHECK(infected.ci_low == Approx(0.5 - half));
  CHECK(infected.ci_high == Approx(0.5 + half));
  CHECK(statistics[1].standard_deviation == 0.0);
  CHECK(statistics[1].ci_low == statistics[1].ci_high);
}

TEST_CASE("a single replicate has no interval", "[unit]") {
  CHECK(village::t_interval_half_width(1.0, 1, 0.95) == 0.0);
  // Large samples approach the normal quantile 1.96.
  CHECK(village::t_interval_half_width(1.0, 100000, 0.95) * std::sqrt(100000.0) ==
        Approx(1.96).epsilon(1e-3));
}

TEST_CASE("the statistics table names every metric and group", "[unit]") {
  std::vector<village::ReplicateStatistic> statistics{{"recovered", "all", 2, 0.9, 0.01, 0.8, 1.0}};
  const std::string table = village::format_statistics_table(statistics, 0.95);
  CHECK_THAT(table, Catch::Contains("95% CI of the mean"));
  CHECK_THAT(table, Catch::Contains("recovered"));
  CHECK_THAT(table, Catch::Contains("0.9"));
}
