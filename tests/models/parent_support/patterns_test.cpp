// The literature and seed patterns the parent-support model must show (docs/ODD.md,
// section 1): each compares two arms over 30 paired replicates. Both arms of a pair run
// the same community with the same seed and run id (common random numbers), so the
// paired difference removes most of the between-replicate noise. Each test asserts the
// direction at 99% confidence: a one-sided paired t-test, mean(d) / (sd(d) / sqrt(n)) >
// t_{0.99, n-1} (2.462 for n = 30).

#include <boost/math/distributions/students_t.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/scenario.hpp"

namespace {

using namespace village;

constexpr std::uint32_t kPairs = 30;

using Arm = std::function<void(ParamValues&)>;

double final_value(const RunRecord& record, const std::string& metric, const std::string& group) {
  double value = std::nan("");
  for (const MetricRow& row : record.rows) {
    if (row.metric == metric && row.group == group) value = row.value;
  }
  return value;
}

double sum_over_weeks(const RunRecord& record, const std::string& metric) {
  double sum = 0;
  for (const MetricRow& row : record.rows) {
    if (row.metric == metric && row.group == "all") sum += row.value;
  }
  return sum;
}

struct PairedRuns {
  std::vector<RunRecord> a, b;
};

PairedRuns run_pairs(const std::string& scenario_file, const Arm& arm_a, const Arm& arm_b) {
  const Scenario scenario = load_scenario(std::string(VILLAGE_SOURCE_DIR) +
                                          "/tests/data/parent_support/" + scenario_file);
  ParamValues values_a = scenario.model_values;
  ParamValues values_b = scenario.model_values;
  arm_a(values_a);
  arm_b(values_b);
  const WorldFactory make_world = make_world_factory(scenario);
  RunPlan plan = scenario.plan;
  PairedRuns runs;
  runs.a.resize(kPairs);
  runs.b.resize(kPairs);
#pragma omp parallel for schedule(dynamic, 1)
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    runs.a[r] = run_one(r, plan, make_world, [&] { return scenario.model->make(values_a); });
    runs.b[r] = run_one(r, plan, make_world, [&] { return scenario.model->make(values_b); });
  }
  return runs;
}

struct PairedTest {
  double mean_difference;
  double t_statistic;
  double critical;
};

// One-sided paired t-test that a's values exceed b's.
PairedTest a_exceeds_b(const std::vector<double>& a, const std::vector<double>& b) {
  const std::size_t n = a.size();
  double mean = 0;
  for (std::size_t i = 0; i < n; ++i)
    mean += a[i] - b[i];
  mean /= static_cast<double>(n);
  double squares = 0;
  for (std::size_t i = 0; i < n; ++i)
    squares += (a[i] - b[i] - mean) * (a[i] - b[i] - mean);
  const double sd = std::sqrt(squares / static_cast<double>(n - 1));
  const boost::math::students_t distribution(static_cast<double>(n - 1));
  const double critical = boost::math::quantile(distribution, 0.99);
  const double t =
      sd > 0 ? mean / (sd / std::sqrt(static_cast<double>(n))) : (mean > 0 ? INFINITY : 0.0);
  return {mean, t, critical};
}

std::vector<double> finals(const std::vector<RunRecord>& runs, const std::string& metric,
                           const std::string& group) {
  std::vector<double> values;
  for (const RunRecord& run : runs) {
    const double value = final_value(run, metric, group);
    REQUIRE_FALSE(std::isnan(value));
    values.push_back(value);
  }
  return values;
}

void check_direction(const PairedRuns& runs, const std::string& metric, const std::string& group) {
  const PairedTest test = a_exceeds_b(finals(runs.a, metric, group), finals(runs.b, metric, group));
  INFO(metric << " [" << group << "]: mean paired difference " << test.mean_difference
              << ", t = " << test.t_statistic << ", critical t(0.99, " << kPairs - 1
              << ") = " << test.critical);
  CHECK(test.mean_difference > 0);
  CHECK(test.t_statistic > test.critical);
}

template <typename T>
Arm set(const std::string& name, T value) {
  return [name, value](ParamValues& values) {
    REQUIRE(values.has(name));
    values.set(name, ParamValue(value));
  };
}

Arm both(Arm first, Arm second) {
  return [first, second](ParamValues& values) {
    first(values);
    second(values);
  };
}

}  // namespace

TEST_CASE("pattern 1 (M1): contact before incidents beats the same hours after them",
          "[parent_support][pattern]") {
  // Incidents happen from week 26; outreach runs in weeks 0-25 (before) or 26-51 (after).
  const PairedRuns runs = run_pairs(
      "incidents.toml", both(set("outreach.start_week", 0.0), set("outreach.end_week", 26.0)),
      both(set("outreach.start_week", 26.0), set("outreach.end_week", 52.0)));
  check_direction(runs, "incident_cooperation", "all");
  // The same contact hours in both arms (incidents and questions take none here).
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    const double before = sum_over_weeks(runs.a[r], "hours_personal");
    const double after = sum_over_weeks(runs.b[r], "hours_personal");
    CHECK(before > 0);
    CHECK(before == Approx(after).epsilon(0.01));
  }
}

TEST_CASE("pattern 2 (M3): lecturing lowers institutional trust and reach at equal hours",
          "[parent_support][pattern]") {
  const PairedRuns runs = run_pairs("district.toml", set("outreach.inviting_share", 0.9),
                                    set("outreach.inviting_share", 0.1));
  check_direction(runs, "institutional_trust", "all");
  check_direction(runs, "reach", "all");
}

TEST_CASE(
    "pattern 3 (M4, M5): key figures reach more vulnerable parents than a newsletter "
    "at equal cost",
    "[parent_support][pattern]") {
  const PairedRuns runs = run_pairs("district.toml", set("outreach.key_figure_programme", true),
                                    set("outreach.newsletter_interval_weeks", 1.0));
  check_direction(runs, "reach", "vulnerable");
  // Equal cost: the key-figure programme costs no more hours than the newsletter.
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    const double key_figures = sum_over_weeks(runs.a[r], "hours_key_figure_programme") +
                               sum_over_weeks(runs.a[r], "hours_introductions");
    const double newsletter = sum_over_weeks(runs.b[r], "hours_newsletter");
    CHECK(key_figures <= newsletter);
  }
}

TEST_CASE(
    "pattern 4 (M6, M7): a partnership raises help seeking with a language barrier; "
    "a missing condition weakens it",
    "[parent_support][pattern]") {
  const PairedRuns with = run_pairs("district.toml", set("outreach.partnership", true),
                                    set("outreach.partnership", false));
  check_direction(with, "help_seeking", "language_barrier");
  const PairedRuns missing =
      run_pairs("district.toml", set("outreach.partnership", true),
                both(set("outreach.partnership", true), set("outreach.condition_equality", 0.0)));
  check_direction(missing, "help_seeking", "language_barrier");
}

TEST_CASE("pattern 5 (M16): a matched approach reaches more denying and absent parents",
          "[parent_support][pattern]") {
  const PairedRuns runs =
      run_pairs("district.toml", set("outreach.approach", std::string("matched")),
                set("outreach.approach", std::string("uniform")));
  check_direction(runs, "reach", "type:denying");
  check_direction(runs, "reach", "type:absent");
}
