// The standardised difference in stress between course attenders and the other parents
// (attender_stress_smd; mechanisms/wellbeing.cpp, ODD 7.19): recorded as the two groups'
// mean change against their own baseline, and the fading Barlow et al. (2014) report.

#include <catch2/catch.hpp>
#include <cmath>

#include "pattern_harness.hpp"
#include "stepped_run.hpp"

using namespace village;
using namespace village::parent_support;
using namespace pattern;

TEST_CASE("attender_stress_smd is the attenders' standardised change minus the others'", "[unit]") {
  test::SteppedRun run("groups.toml", {{"stress_sd", 0.12}});
  run.run_until(12);
  std::vector<MetricRow> rows;
  Observation observation(run.world.population, 12, rows);
  run.model.observe(run.world, observation);
  const State& st = run.state();
  const CommunityView& view = run.view();
  const WellbeingParams wp = WellbeingParams::from(run.values);
  double attender_sum = 0, other_sum = 0, attenders = 0, others = 0;
  double vulnerable_attender = 0, vulnerable_other = 0, vulnerable_attenders = 0,
         vulnerable_others = 0;
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    const double change = (st.stress[p] - wp.baseline(view.vulnerability[p])) / 0.12;
    const bool came = st.course_attended[p] != 0;
    (came ? attender_sum : other_sum) += change;
    (came ? attenders : others) += 1;
    if (!view.vulnerable[p]) continue;
    (came ? vulnerable_attender : vulnerable_other) += change;
    (came ? vulnerable_attenders : vulnerable_others) += 1;
  }
  REQUIRE(attenders > 20);
  REQUIRE(vulnerable_attenders > 0);
  const auto recorded = [&](const std::string& group) {
    for (const MetricRow& row : rows)
      if (row.metric == "attender_stress_smd" && row.group == group) return row.value;
    return std::nan("");
  };
  CHECK(recorded("all") == Approx(attender_sum / attenders - other_sum / others).margin(1e-12));
  CHECK(recorded("vulnerable") ==
        Approx(vulnerable_attender / vulnerable_attenders - vulnerable_other / vulnerable_others)
            .margin(1e-12));
  // Twelve weeks into the course, meetings have relieved the attenders (M14).
  CHECK(recorded("all") < -0.1);
}

TEST_CASE("before any course meeting there is no attender_stress_smd", "[unit]") {
  test::SteppedRun run("groups.toml", {{"outreach.parent_groups", false}});
  run.run_until(4);
  std::vector<MetricRow> rows;
  Observation observation(run.world.population, 4, rows);
  run.model.observe(run.world, observation);
  for (const MetricRow& row : rows)
    CHECK(row.metric != "attender_stress_smd");
}

TEST_CASE("the relief of a course fades, faster with faster relaxation (M14; Barlow 2014)",
          "[parent_support][pattern]") {
  // Same groups, same seeds. The courses end at week 16; at week 52 the attenders'
  // standardised difference is nearer zero than at the end of the course, and nearer
  // still with relaxation at the top of its plausible range than at the bottom.
  const PairedRuns runs =
      run_pairs("groups.toml", set("stress_relaxation", 0.12), set("stress_relaxation", 0.02));
  std::vector<double> at_end, at_year;
  for (const RunRecord& record : runs.a) {
    at_end.push_back(value_at_week(record, "attender_stress_smd", "all", 16));
    at_year.push_back(final_value(record, "attender_stress_smd", "all"));
  }
  const PairedTest fading = a_exceeds_b(at_year, at_end);
  INFO("week 52 minus week 16: " << fading.mean_difference << ", t = " << fading.t_statistic);
  CHECK(fading.mean_difference > 0);
  CHECK(fading.t_statistic > fading.critical);
  check_direction(runs, "attender_stress_smd", "all");
}
