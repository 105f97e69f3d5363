// Patterns of the mechanisms the sources call essential (issue "What the sources call
// essential"; docs/ODD.md section 7), each over 30 paired replicates with the direction
// asserted at 99% confidence (pattern_harness.hpp).

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
