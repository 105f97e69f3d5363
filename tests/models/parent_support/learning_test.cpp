// Learning that can fall (M13) and vulnerable parents who benefit more once reached (M15;
// mechanisms/norms.hpp, competence_decay.hpp, groups.cpp): per-parent checks on one
// stepped replicate of the groups scenario, and the ten-year drift without a programme.

#include <catch2/catch.hpp>
#include <cmath>

#include "stepped_run.hpp"

using namespace village;
using namespace village::parent_support;
using village::test::SteppedRun;

namespace {

struct Change {
  double sum = 0;
  int count = 0;
  double mean() const { return count > 0 ? sum / count : std::nan(""); }
};

}  // namespace

TEST_CASE("peers teach both ways: the most competent parents of a group lose some (M13)",
          "[parent_support][pattern]") {
  // Without teaching and fading, a meeting moves each parent toward the mean of those
  // present: the parents who start above the mean of attenders lose, those below gain,
  // and the attenders' total is kept (but for advice between friends).
  SteppedRun run("groups.toml", {{"facilitator_teaching", ParamValue(0.0)},
                                 {"competence_decay", ParamValue(0.0)}});
  const std::vector<double> before = run.state().competence;
  run.run_until(30);
  const State& st = run.state();
  double attender_mean = 0;
  int attenders = 0;
  for (NodeId p = 0; p < before.size(); ++p) {
    if (st.meetings_attended[p] == 0) continue;
    attender_mean += before[p];
    ++attenders;
  }
  REQUIRE(attenders > 100);
  attender_mean /= attenders;
  Change above, below;
  int fell = 0;
  for (NodeId p = 0; p < before.size(); ++p) {
    if (st.meetings_attended[p] < 2) continue;
    const double change = st.competence[p] - before[p];
    fell += change < 0;
    Change& side = before[p] > attender_mean ? above : below;
    side.sum += change;
    ++side.count;
  }
  INFO("attenders " << attenders << ", mean " << attender_mean << "; above: " << above.count
                    << " change " << above.mean() << "; below: " << below.count << " change "
                    << below.mean() << "; fell " << fell);
  REQUIRE(above.count > 20);
  REQUIRE(below.count > 20);
  CHECK(above.mean() < -0.002);
  CHECK(below.mean() > 0.002);
  CHECK(fell >= above.count / 2);
}

TEST_CASE("without a programme competence no longer ratchets up over ten years (M13)",
          "[parent_support][pattern]") {
  // Before learning could fall, a district without groups drifted from 0.54 to 0.57 in
  // ten years (advice only ever raised competence). Now advice moves both ways and what
  // is learnt fades: four replicates stay within 0.01 of where they began.
  for (std::uint64_t r = 0; r < 4; ++r) {
    SteppedRun run("district.toml", {}, r);
    const auto mean = [&] {
      double sum = 0;
      for (double c : run.state().competence)
        sum += c;
      return sum / static_cast<double>(run.state().competence.size());
    };
    const double start = mean();
    run.run_until(520);
    INFO("replicate " << r << ": " << start << " -> " << mean());
    CHECK(std::abs(mean() - start) < 0.01);
  }
}

TEST_CASE("vulnerable parents benefit more once reached (M15)", "[parent_support][pattern]") {
  // seed 001 intro: vulnerable parents have lower competence and more stress, so a
  // meeting closes more of a larger gap. Among parents who attended, per meeting attended:
  // the competence gained and the stress relieved, vulnerable against not vulnerable.
  SteppedRun run("groups.toml", {});
  const std::vector<double> competence_before = run.state().competence;
  const std::vector<double> stress_before = run.state().stress;
  run.run_until(30);
  const State& st = run.state();
  Change gain[2], relief[2];
  for (NodeId p = 0; p < competence_before.size(); ++p) {
    if (st.meetings_attended[p] == 0) continue;
    const int v = run.view().vulnerable[p] ? 1 : 0;
    gain[v].sum += (st.competence[p] - competence_before[p]) / st.meetings_attended[p];
    relief[v].sum += (stress_before[p] - st.stress[p]) / st.meetings_attended[p];
    ++gain[v].count;
    ++relief[v].count;
  }
  INFO("competence gain per meeting: vulnerable " << gain[1].mean() << " (" << gain[1].count
                                                  << "), others " << gain[0].mean() << " ("
                                                  << gain[0].count << ")");
  INFO("stress relief per meeting: vulnerable " << relief[1].mean() << ", others "
                                                << relief[0].mean());
  REQUIRE(gain[1].count > 30);
  REQUIRE(gain[0].count > 30);
  CHECK(gain[1].mean() > gain[0].mean() + 0.003);
  CHECK(relief[1].mean() > relief[0].mean());
}
