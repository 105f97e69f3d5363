// The partnership's conditions develop with the hours its professionals invest, and fade
// without them (M7, seed 003; interventions/partnership.cpp).

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cmath>

#include "models/parent_support/interventions.hpp"
#include "models/parent_support/mechanisms/informal_organisations.hpp"
#include "pattern_harness.hpp"
#include "stepped_run.hpp"

using namespace village;
using namespace village::parent_support;
using namespace pattern;
using village::test::SteppedRun;

namespace {

constexpr double kStart = 0.5;  // the conditions' default start

SteppedRun::Settings partnership_with(double investment_hours, std::uint64_t end_week = 1000000) {
  return {{"outreach.partnership", ParamValue(true)},
          {"outreach.partnership_investment_hours", ParamValue(investment_hours)},
          {"outreach.end_week", ParamValue(static_cast<double>(end_week))}};
}

std::size_t partners(const CommunityView& view) {
  return static_cast<std::size_t>(std::count_if(view.organisation_partner.begin(),
                                                view.organisation_partner.end(),
                                                [](NodeId p) { return p != kNoAgent; }));
}

// One week of conditions replayed by hand from the hours the week's state records.
std::array<double, 4> replay(const std::array<double, 4>& before, double invested_per_partner,
                             double growth, double fade) {
  std::array<double, 4> after{};
  for (std::size_t i = 0; i < 4; ++i)
    after[i] = std::clamp(
        before[i] + growth * invested_per_partner * (1.0 - before[i]) - fade * (before[i] - kStart),
        0.0, 1.0);
  return after;
}

}  // namespace

TEST_CASE(
    "the partnership's conditions grow week by week with the hours invested, and its "
    "quality with them (M7)",
    "[parent_support][mechanism]") {
  SteppedRun run("district.toml", partnership_with(2));
  const double growth = run.values.real("condition_growth");
  const double fade = run.values.real("condition_fade");
  const double weight = run.values.real("condition_weight");
  const double organisations = static_cast<double>(partners(run.view()));
  REQUIRE(organisations > 0);
  CHECK(run.state().partnership_quality ==
        Approx(partnership_quality({0.5, 0.5, 0.5, 0.5}, weight)));
  const InterventionInfo& price = info(Intervention::partnership);
  std::array<double, 4> expected = run.state().partnership_conditions;
  double invested_total = 0;
  for (std::uint64_t week = 0; week < 52; ++week) {
    run.run_until(week + 1);
    const State& st = run.state();
    const double invested = st.hours.partnership_investment + st.hours.conversations;
    invested_total += st.hours.partnership_investment;
    // Each partner professional gives its 2 hours as far as it has them.
    CHECK(st.hours.partnership_investment <= 2 * organisations + 1e-9);
    expected = replay(expected, invested / organisations, growth, fade);
    for (std::size_t i = 0; i < 4; ++i)
      CHECK(st.partnership_conditions[i] == Approx(expected[i]).margin(1e-12));
    CHECK(st.partnership_quality == Approx(partnership_quality(expected, weight)));
    // The invested hours are priced like the conversations' (75 euros an hour).
    const double meetings =
        static_cast<double>(std::count(st.hosting.begin(), st.hosting.end(), 1));
    const double fixed = week == 0 ? price.fixed_euros : 0.0;
    CHECK(st.spending.week_euros(Intervention::partnership) ==
          Approx(invested * price.euros_per_hour + meetings * price.euros_per_meeting + fixed));
  }
  CHECK(invested_total > 52 * organisations);  // most weeks, most of the hours were given
  CHECK(run.state().partnership_quality > partnership_quality({0.6, 0.6, 0.6, 0.6}, weight));
}

TEST_CASE("without investment what the partnership built fades back towards its start (M7)",
          "[parent_support][mechanism]") {
  SteppedRun run("district.toml", partnership_with(3, 26));
  const double fade = run.values.real("condition_fade");
  run.run_until(26);
  const std::array<double, 4> built = run.state().partnership_conditions;
  REQUIRE(built[0] > kStart + 0.05);
  run.run_until(52);
  const State& st = run.state();
  CHECK(st.hours.partnership_investment == 0);
  CHECK(st.spending.week_euros(Intervention::partnership) == 0);
  // 26 weeks of fade alone: the gap to the start shrinks by (1 - fade)^26.
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(st.partnership_conditions[i] - kStart ==
          Approx((built[i] - kStart) * std::pow(1.0 - fade, 26)));
}

TEST_CASE(
    "more invested hours build a better partnership, and more parents with a language "
    "barrier seek help (M6, M7)",
    "[parent_support][pattern]") {
  const auto on = set("outreach.partnership", true);
  const PairedRuns runs =
      run_pairs("district.toml", both(on, set("outreach.partnership_investment_hours", 3.0)),
                both(on, set("outreach.partnership_investment_hours", 0.0)));
  check_direction(runs, "partnership_quality", "all");
  check_direction(runs, "help_seeking", "language_barrier");
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    CHECK(sum_over_weeks(runs.a[r], "hours_partnership_investment") > 0);
    CHECK(sum_over_weeks(runs.b[r], "hours_partnership_investment") == 0);
  }
}
