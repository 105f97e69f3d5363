// The parent support point (seed 004; mechanisms/support_point.cpp): a help-seeking
// channel that needs no caseload tie, limited by its staff hours, and a way into other
// parents and parent networks.

#include <catch2/catch.hpp>
#include <cmath>

#include "models/parent_support/week_helpers.hpp"
#include "pattern_harness.hpp"
#include "stepped_run.hpp"

using namespace village;
using namespace village::parent_support;
using namespace pattern;
using village::test::SteppedRun;

namespace {

std::vector<double> sums(const std::vector<RunRecord>& runs, const std::string& metric) {
  std::vector<double> values;
  for (const RunRecord& run : runs)
    values.push_back(sum_over_weeks(run, metric));
  return values;
}

}  // namespace

TEST_CASE(
    "a question passed on by the support point is a first contact with the "
    "neighbourhood's professional, the tie made if there was none (seed 004)",
    "[parent_support][pattern]") {
  SteppedRun run("district.toml", {{"outreach.parent_support_point", ParamValue(true)}});
  std::size_t passed_on = 0, without_tie = 0;
  for (std::uint64_t week = 0; week < 26; ++week) {
    // The ties each parent has before the week.
    std::vector<std::vector<NodeId>> ties(run.view().parents.size());
    const CsrLayer& before = *run.state().caseload;
    for (NodeId p = 0; p < ties.size(); ++p) {
      const auto n = before.neighbours(run.view().parents.begin + p);
      ties[p].assign(n.begin(), n.end());
    }
    run.run_until(week + 1);
    const State& st = run.state();
    const CsrLayer& after = *st.caseload;
    for (NodeId p = 0; p < ties.size(); ++p) {
      const NodeId k = st.point_referral[p];
      if (k == kNoAgent) continue;
      ++passed_on;
      // Only parents whose question no professional heard walk in.
      REQUIRE(st.had_question[p]);
      REQUIRE_FALSE(st.brought_question[p]);
      REQUIRE(st.point_visited[p]);
      REQUIRE(st.weekly_contacts[p][Channel::support_point] == 1);
      // The neighbourhood's professional, or one elsewhere where it has none.
      const NodeId own = run.view().facilitator_in(run.view().parent_neighbourhood[p]);
      if (own != kNoAgent) REQUIRE(k == own);
      const NodeId agent = run.view().parents.begin + p;
      REQUIRE(find_arc(after, agent, k) != after.end_arc(agent));
      if (std::find(ties[p].begin(), ties[p].end(), k) == ties[p].end()) ++without_tie;
    }
  }
  CHECK(passed_on > 20);
  CHECK(without_tie > 0);  // it needs no existing caseload tie
}

TEST_CASE(
    "the support point serves visits up to its staff hours and counts those it turns "
    "away (seed 004)",
    "[parent_support][pattern]") {
  // A point with the hours for one visit a week serves one whenever anyone walks in and
  // turns the others away; one of 16 hours serves all the district's visitors.
  const auto point = [](double hours) {
    return both(set("outreach.parent_support_point", true),
                set("outreach.support_point_hours", hours));
  };
  const double visit_hours = default_values().real("support_point_visit_hours");
  const PairedRuns runs = run_pairs("district.toml", point(visit_hours), point(16.0));
  double turned_away = 0;
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    for (std::uint32_t step = 1; step <= 52; ++step) {
      const double served = value_at_week(runs.a[r], "support_point_visits", "all", step);
      const double away = value_at_week(runs.a[r], "support_point_turned_away", "all", step);
      REQUIRE(served == std::min(1.0, served + away));
      REQUIRE(value_at_week(runs.b[r], "support_point_turned_away", "all", step) == 0);
      turned_away += away;
    }
  }
  // The hours a week buy, and what the small point could not serve, are both reported.
  CHECK(sum_over_weeks(runs.b[0], "hours_support_point") == Approx(16.0 * 52));
  CHECK(turned_away > 0);
}

TEST_CASE(
    "a support point alone raises the reach of vulnerable parents and their ties "
    "(seed 004)",
    "[parent_support][pattern]") {
  const PairedRuns runs = run_pairs("district.toml", set("outreach.parent_support_point", true),
                                    set("outreach.parent_support_point", false));
  check_direction(runs, "reach", "vulnerable");
  check_direction(runs, "reach", "all");
  // At the defaults about 1.7 points of all parents (docs/ODD.md 7.23).
  const PairedTest all =
      a_exceeds_b(finals(runs.a, "reach", "all"), finals(runs.b, "reach", "all"));
  CHECK(all.mean_difference > 0.008);
  CHECK(all.mean_difference < 0.03);
  check_direction(runs, "support_ties", "all");
  // district.toml has professionals in some neighbourhoods only: every question found one.
  for (std::uint32_t r = 0; r < kPairs; ++r)
    CHECK(sum_over_weeks(runs.a[r], "support_point_no_professional") == 0);
  const auto visits = sums(runs.a, "support_point_visits");
  CHECK(*std::min_element(visits.begin(), visits.end()) > 0);
}

TEST_CASE("visitors of the support point join a parent network more readily (seed 004)",
          "[parent_support][pattern]") {
  const auto network =
      both(set("outreach.parent_network", true), set("outreach.parent_support_point", true));
  const PairedRuns runs = run_pairs("district.toml", both(network, set("support_point_pull", 4.0)),
                                    both(network, set("support_point_pull", 1.0)));
  check_direction(runs, "network_member", "all");
}
