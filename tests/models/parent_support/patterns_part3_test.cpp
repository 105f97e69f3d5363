// Patterns of the mechanisms the sources call essential (issue "What the sources call
// essential"; docs/ODD.md section 7), each over 30 paired replicates with the direction
// asserted at 99% confidence (pattern_harness.hpp).

#include <cmath>
#include <utility>
#include <vector>

#include "pattern_harness.hpp"

namespace {

using namespace village;
using namespace pattern;

}  // namespace

TEST_CASE(
    "pattern B9 (M5, M17): key figures chosen as social referents move limit setting more "
    "than as many chosen at random",
    "[parent_support][pattern]") {
  // Paluck et al. 2016 (PNAS 113:566): seeding the students their peers attend to cut
  // conflict more than seeding others. Six of about 36 key figures speak for limits.
  const PairedRuns runs =
      run_pairs("referents.toml", set("outreach.key_figure_targeting", std::string("referents")),
                set("outreach.key_figure_targeting", std::string("random")));
  check_direction(runs, "limit_setting", "all");
}

TEST_CASE(
    "pattern B9 (M5, M17): key figures weigh in the norm only while the programme pays "
    "them to speak for limits, and the hours are counted",
    "[parent_support][pattern]") {
  // Speaking, against the same programme without it: more limit setting.
  const PairedRuns speaking =
      run_pairs("referents.toml", set("outreach.key_figure_targeting", std::string("referents")),
                both(set("outreach.key_figure_targeting", std::string("referents")),
                     set("outreach.key_figure_speaks_for_limits", false)));
  check_direction(speaking, "limit_setting", "all");
  // Its price: key_figure_norm_hours more for each of the six, every programme week.
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    const double with = sum_over_weeks(speaking.a[r], "hours_key_figure_programme");
    const double without = sum_over_weeks(speaking.b[r], "hours_key_figure_programme");
    CHECK(with - without == Approx(0.5 * 6 * 52).epsilon(0.02));
  }
  // Without the programme the flag buys nothing: the same runs, value for value.
  const PairedRuns unpaid = run_pairs("referents.toml", set("outreach.key_figure_programme", false),
                                      both(set("outreach.key_figure_programme", false),
                                           set("outreach.key_figure_speaks_for_limits", false)));
  for (std::uint32_t r = 0; r < kPairs; ++r)
    CHECK(final_value(unpaid.a[r], "limit_setting", "all") ==
          final_value(unpaid.b[r], "limit_setting", "all"));
}

TEST_CASE(
    "pattern B6: parents who took part pass word of the offer on about seven times as often "
    "as the merely informed, and the informed still bring in about a third of those reached",
    "[parent_support][pattern]") {
  // Banerjee et al. 2013 (Science 341): participants passed information on about 7 times
  // as often as the merely informed, who produced about a third of all who were reached.
  // Per-tie rates, measured over every chance to tell, at the model's defaults.
  const Arm unchanged = [](ParamValues&) {};
  const PairedRuns runs = run_pairs("groups.toml", unchanged, unchanged);
  std::vector<double> ratios, shares;
  for (const RunRecord& run : runs.a) {
    const double engaged = final_value(run, "pass_on_rate_engaged", "all");
    const double informed = final_value(run, "pass_on_rate_informed", "all");
    REQUIRE(informed > 0);
    ratios.push_back(engaged / informed);
    shares.push_back(final_value(run, "heard_from_informed_share", "all"));
  }
  const auto mean_and_half_width = [](const std::vector<double>& values) {
    double mean = 0;
    for (double v : values)
      mean += v;
    mean /= static_cast<double>(values.size());
    double squares = 0;
    for (double v : values)
      squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
    // 99% interval of the mean (t with 29 degrees of freedom: 2.756).
    return std::pair{mean, 2.756 * sd / std::sqrt(static_cast<double>(values.size()))};
  };
  const auto [ratio, ratio_half] = mean_and_half_width(ratios);
  const auto [share, share_half] = mean_and_half_width(shares);
  INFO("pass-on ratio " << ratio << " +- " << ratio_half << "; informed share " << share << " +- "
                        << share_half);
  CHECK(ratio - ratio_half > 5.0);
  CHECK(ratio + ratio_half < 9.0);
  CHECK(share - share_half > 0.2);
  CHECK(share + share_half < 0.5);
}

TEST_CASE("pattern B6: without meetings or evenings nobody hears from a parent who took part",
          "[parent_support][pattern]") {
  const Arm unchanged = [](ParamValues&) {};
  const PairedRuns runs =
      run_pairs("referents.toml", unchanged, set("outreach.key_figure_programme", false));
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    CHECK(final_value(runs.a[r], "heard_from_engaged", "all") == 0);
    CHECK(final_value(runs.a[r], "heard_from_informed", "all") > 0);
  }
  // The key figures' visits inform parents, who pass it on.
  check_direction(runs, "heard_of_offer", "all");
}
