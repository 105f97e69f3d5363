// Parents' voice (M21; mechanisms/fit.hpp, interventions/voice.cpp): a parent panel pays
// its meetings, its changes take effect after a lag, the fit they bring outlasts the panel
// in proportion to what was changed, and it works on evenings and newsletters without any
// parent group.

#include <catch2/catch.hpp>
#include <cmath>

#include "pattern_harness.hpp"

using namespace village;
using namespace village::parent_support;
using namespace pattern;

namespace {

constexpr std::uint32_t kSteps = 52;  // the scenarios' [run] steps

// The weekly value of metric (group "all") by week: the row of step t holds week t - 1.
std::vector<double> by_week(const RunRecord& record, const std::string& metric) {
  std::vector<double> values(kSteps, std::nan(""));
  for (const MetricRow& row : record.rows)
    if (row.metric == metric && row.group == "all" && row.step >= 1 && row.step <= kSteps)
      values[row.step - 1] = row.value;
  return values;
}

// The fit fit.hpp's rule gives for panel meetings at the weeks interval apart in
// [first, end), replayed by hand: each week it wears off, then the changes asked lag weeks
// before take effect.
std::vector<double> expected_fit(std::uint32_t first, std::uint32_t end, std::uint32_t interval,
                                 const ParamValues& values) {
  const double lag = values.real("voice_lag_weeks");
  const double change = values.real("voice_change_per_meeting");
  const double decay = values.real("voice_fit_decay");
  std::vector<double> fit(kSteps);
  double f = 0;
  for (std::uint32_t week = 0; week < kSteps; ++week) {
    f -= decay * f;
    for (std::uint32_t asked = first; asked < end; asked += interval)
      if (static_cast<double>(asked) + lag == static_cast<double>(week)) f += change * (1 - f);
    fit[week] = f;
  }
  return fit;
}

std::vector<double> sums(const std::vector<RunRecord>& runs, const std::string& metric) {
  std::vector<double> values;
  for (const RunRecord& run : runs)
    values.push_back(sum_over_weeks(run, metric));
  return values;
}

void check_exceeds(const std::vector<double>& a, const std::vector<double>& b,
                   const std::string& what) {
  const PairedTest test = a_exceeds_b(a, b);
  INFO(what << ": mean paired difference " << test.mean_difference << ", t = " << test.t_statistic
            << ", critical " << test.critical);
  CHECK(test.mean_difference > 0);
  CHECK(test.t_statistic > test.critical);
}

}  // namespace

TEST_CASE("a parent panel pays its meetings, and its changes take effect after the lag (M21)",
          "[parent_support][pattern]") {
  const PairedRuns runs =
      run_pairs("groups.toml", set("outreach.voice", true), set("outreach.voice", false));
  const ParamValues values = default_values();
  const double hours = values.real("outreach.voice_hours_per_meeting");
  const auto lag = static_cast<std::uint32_t>(values.real("voice_lag_weeks"));
  REQUIRE(lag == 8);
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    const auto euros = by_week(runs.a[r], "euros_voice");
    const auto fit = by_week(runs.a[r], "voice_fit");
    const auto expected = expected_fit(0, kSteps, 8, values);
    const auto with = by_week(runs.a[r], "attendance");
    const auto without = by_week(runs.b[r], "attendance");
    for (std::uint32_t week = 0; week < kSteps; ++week) {
      const double meeting = week % 8 == 0 ? hours * 75 + 50 + (week == 0 ? 1000 : 0) : 0.0;
      REQUIRE(euros[week] == Approx(meeting));
      REQUIRE(fit[week] == Approx(expected[week]).margin(1e-12));
      // Until the first changes take effect the panel changes nothing parents see.
      if (week < lag) REQUIRE(with[week] == without[week]);
    }
    CHECK(fit[lag] > 0);
  }
  // Once they do, more parents come to the courses' meetings.
  check_direction(runs, "attendance", "all");
}

TEST_CASE("the fit outlasts the panel, in proportion to what it changed (M21)",
          "[parent_support][pattern]") {
  // Panels that stop in week 24: one meeting every 4 weeks changes more than one every 12.
  const auto panel = [](double interval) {
    return both(both(set("outreach.voice", true), set("outreach.voice_end_week", 24.0)),
                set("outreach.voice_interval_weeks", interval));
  };
  const PairedRuns runs = run_pairs("district.toml", panel(4.0), panel(12.0));
  const ParamValues values = default_values();
  const auto often = by_week(runs.a[0], "voice_fit");
  const auto seldom = by_week(runs.b[0], "voice_fit");
  const auto expected_often = expected_fit(0, 24, 4, values);
  const auto expected_seldom = expected_fit(0, 24, 12, values);
  for (std::uint32_t week = 0; week < kSteps; ++week) {
    REQUIRE(often[week] == Approx(expected_often[week]).margin(1e-12));
    REQUIRE(seldom[week] == Approx(expected_seldom[week]).margin(1e-12));
  }
  // The last changes (asked in week 20) took effect in week 28; half a year after the
  // panel stopped, most of the fit is still there, and more of the bigger one.
  const std::uint32_t last = kSteps - 1;
  CHECK(often[last] > 0.5 * often[28]);
  CHECK(often[last] > seldom[last]);
  // Fit here is a world state: every replicate of the same arm has the same history.
  for (std::uint32_t r = 1; r < kPairs; ++r)
    CHECK(by_week(runs.a[r], "voice_fit")[last] == often[last]);
  // No meeting after week 24 is paid for.
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    const auto euros = by_week(runs.a[r], "euros_voice");
    for (std::uint32_t week = 24; week < kSteps; ++week)
      REQUIRE(euros[week] == 0);
  }
}

TEST_CASE(
    "without any parent group, the panel's fit draws parents to theme evenings and "
    "newsletters (M21)",
    "[parent_support][pattern]") {
  const auto channels = both(
      both(set("outreach.theme_evenings", true), set("outreach.theme_evening_interval_weeks", 4.0)),
      set("outreach.newsletter_interval_weeks", 4.0));
  const PairedRuns runs = run_pairs("district.toml", both(channels, set("outreach.voice", true)),
                                    both(channels, set("outreach.voice", false)));
  REQUIRE_FALSE(default_values().flag("outreach.parent_groups"));
  check_exceeds(sums(runs.a, "contacts_evening"), sums(runs.b, "contacts_evening"),
                "evening attendances over the year");
  check_exceeds(sums(runs.a, "contacts_newsletter"), sums(runs.b, "contacts_newsletter"),
                "newsletter issues read over the year");
  check_direction(runs, "institutional_trust", "all");
}
