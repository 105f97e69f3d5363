// Training as a mechanism that changes professionals (M3, M16, M22; practice.hpp,
// interventions/training.cpp): who is trained, what each session costs, the learning
// curve, fading without refreshers, and that the untrained keep practising as before.

#include <catch2/catch.hpp>
#include <cmath>

#include "models/community_schema.hpp"
#include "models/parent_support/parent_support_model.hpp"
#include "pattern_harness.hpp"
#include "scenarios/scenario.hpp"

using namespace village;
using namespace village::parent_support;

namespace {

Scenario district() {
  return load_scenario(std::string(VILLAGE_SOURCE_DIR) +
                       "/tests/data/parent_support/district.toml");
}

// The four practice properties of professional k, in practice.hpp's order.
std::array<double, 4> practice_of(const State& state, NodeId k) {
  return {state.professional_inviting[k], state.professional_matching[k],
          state.professional_responsiveness[k], state.professional_competence[k]};
}

// A district run with training of five professionals from start_week, stepped by hand.
struct TrainingRun {
  Scenario scenario = district();
  ParamValues values = scenario.model_values;
  RandomStream rng{scenario.plan.seed, 0};
  World world;
  ParentSupportModel model;
  std::vector<std::array<double, 4>> start;  // every professional's start (week 0)

  explicit TrainingRun(const std::vector<std::pair<std::string, ParamValue>>& settings)
      : world(make_world_factory(scenario)(rng)), model(with(settings)) {
    model.initialize(world, rng);
    for (NodeId k = 0; k < model.view().professionals.size(); ++k)
      start.push_back(practice_of(model.state(), k));
  }
  ParamValues with(const std::vector<std::pair<std::string, ParamValue>>& settings) {
    values.set("outreach.training", true);
    values.set("outreach.training_capacity", 5.0);
    for (const auto& [name, value] : settings)
      values.set(name, value);
    return values;
  }
  void step(std::uint64_t week) { model.step(world, StepContext{rng, week}); }
  // Each property's trained level for professional k (practice.hpp).
  std::array<double, 4> trained(NodeId k) const {
    const auto x0 = start[k];
    const std::array<double, 4> level{
        values.real("outreach.trained_inviting_share"), values.real("outreach.trained_matching"),
        std::min(1.0, x0[2] + values.real("outreach.training_responsiveness_gain")),
        std::min(1.0, x0[3] + values.real("outreach.training_competence_gain"))};
    std::array<double, 4> out{};
    for (std::size_t i = 0; i < 4; ++i)
      out[i] = std::max(x0[i], level[i]);
    return out;
  }
  std::vector<NodeId> trainees() const {
    std::vector<NodeId> out;
    for (NodeId k = 0; k < start.size(); ++k)
      if (practice_of(model.state(), k) != start[k]) out.push_back(k);
    return out;
  }
};

}  // namespace

TEST_CASE("training starts from current practice, the world's", "[unit]") {
  TrainingRun run({});
  const CommunityView& view = run.model.view();
  REQUIRE(!run.start.empty());
  for (NodeId k = 0; k < run.start.size(); ++k) {
    CHECK(run.start[k][0] == run.values.real("outreach.inviting_share"));
    CHECK(run.start[k][1] == 0.0);  // approach = "uniform"
    CHECK(run.start[k][2] == view.cultural_responsiveness[k]);
    CHECK(run.start[k][3] == view.competence[k]);
  }
  TrainingRun matched({{"outreach.approach", ParamValue(std::string("matched"))}});
  CHECK(matched.start[0][1] == 1.0);
}

TEST_CASE(
    "training reaches training_capacity professionals, the largest caseloads first, "
    "and pays each session",
    "[unit]") {
  // Key figures introduce parents to professionals, so caseloads grow before the training.
  TrainingRun run({{"outreach.training_start_week", ParamValue(12.0)},
                   {"outreach.key_figure_programme", ParamValue(true)}});
  const CommunityView& view = run.model.view();
  const CsrLayer& caseload = run.world.layer(std::string(community::layer::caseload));
  const auto caseloads = [&] {
    std::vector<std::size_t> parents(view.professionals.size());
    for (NodeId k = 0; k < view.professionals.size(); ++k)
      parents[k] = caseload.degree(view.professionals.begin + k);
    return parents;
  };
  const std::vector<std::size_t> at_start = caseloads();
  std::vector<std::size_t> at_training;
  const double session_hours = run.values.real("outreach.training_hours") / 4;
  for (std::uint64_t week = 0; week < 22; ++week) {
    if (week == 12) at_training = caseloads();
    run.step(week);
    const double euros = run.model.spending().week_euros(Intervention::training);
    // Four sessions a fortnight apart from week 12, one group of five: hours at 75, the
    // trainer at 600 a session, 150 a trainee and the set-up in the first.
    const bool session = week >= 12 && week <= 18 && week % 2 == 0;
    const double expected =
        session ? 5 * session_hours * 75 + 600 + (week == 12 ? 5 * 150 + 2500 : 0) : 0;
    CHECK(euros == Approx(expected));
  }
  REQUIRE(at_training != at_start);  // caseloads grew, so the week of the choice matters
  const std::vector<NodeId> trained = run.trainees();
  CHECK(trained.size() == 5);
  std::size_t smallest_trained = SIZE_MAX, largest_untrained = 0;
  for (NodeId k = 0; k < view.professionals.size(); ++k) {
    const bool is_trained = std::find(trained.begin(), trained.end(), k) != trained.end();
    if (is_trained)
      smallest_trained = std::min(smallest_trained, at_training[k]);
    else
      largest_untrained = std::max(largest_untrained, at_training[k]);
  }
  CHECK(smallest_trained >= largest_untrained);
}

TEST_CASE(
    "each session closes training_learning_rate of the gap, and the untrained keep "
    "practising as before",
    "[unit]") {
  TrainingRun run({{"outreach.training_fade", ParamValue(0.0)}});
  const double rate = run.values.real("outreach.training_learning_rate");
  std::uint32_t sessions = 0;
  for (std::uint64_t week = 0; week < 10; ++week) {
    run.step(week);
    if (week <= 6 && week % 2 == 0) ++sessions;
    const std::vector<NodeId> trained = run.trainees();
    REQUIRE(trained.size() == 5);
    for (NodeId k = 0; k < run.start.size(); ++k) {
      const auto now = practice_of(run.model.state(), k);
      const bool is_trained = std::find(trained.begin(), trained.end(), k) != trained.end();
      if (!is_trained) {
        CHECK(now == run.start[k]);
        continue;
      }
      const auto target = run.trained(k);
      for (std::size_t i = 0; i < 4; ++i)
        CHECK(now[i] ==
              Approx(target[i] - (target[i] - run.start[k][i]) * std::pow(1 - rate, sessions)));
    }
  }
  // Four sessions close most of the tone gap: 0.5 toward 0.85.
  const NodeId first = run.trainees().front();
  CHECK(run.model.state().professional_inviting[first] > 0.8);
}

TEST_CASE(
    "without refreshers what was learnt fades by training_fade a week, refreshers "
    "hold it up and are paid",
    "[unit]") {
  const double fade = 0.05;
  const std::vector<std::pair<std::string, ParamValue>> course{
      {"outreach.training_fade", ParamValue(fade)},
      {"outreach.training_sessions", ParamValue(1.0)}};
  TrainingRun once(course);
  auto refreshed_settings = course;
  refreshed_settings.push_back({"outreach.training_refresher_weeks", ParamValue(10.0)});
  TrainingRun refreshed(refreshed_settings);
  std::vector<double> gap_once, gap_refreshed;
  for (std::uint64_t week = 0; week <= 20; ++week) {
    once.step(week);
    refreshed.step(week);
    const NodeId k = once.trainees().front();
    gap_once.push_back(once.model.state().professional_inviting[k] - once.start[k][0]);
    gap_refreshed.push_back(refreshed.model.state().professional_inviting[k] -
                            refreshed.start[k][0]);
    const double euros = refreshed.model.spending().week_euros(Intervention::training);
    const double hours = refreshed.values.real("outreach.training_hours");
    if (week == 10 || week == 20) CHECK(euros == Approx(5 * hours * 75 + 600));
    if (week != 0 && week != 10 && week != 20) CHECK(euros == 0);
  }
  REQUIRE(gap_once[0] > 0);
  // Learnt in week 0, then faded every week after (the fade runs before the session).
  for (std::size_t week = 1; week <= 20; ++week)
    CHECK(gap_once[week] == Approx(gap_once[0] * std::pow(1 - fade, week)));
  CHECK(gap_refreshed[9] == Approx(gap_once[9]));
  CHECK(gap_refreshed[10] > gap_once[10]);
  CHECK(gap_refreshed[20] > gap_once[0] * std::pow(1 - fade, 20) * 2);
}

TEST_CASE("pattern (M3, M16): training all professionals raises reach and institutional trust",
          "[parent_support][pattern]") {
  using namespace pattern;
  const PairedRuns runs =
      run_pairs("district.toml", set("outreach.training", true), set("outreach.training", false));
  check_direction(runs, "reach", "all");
  check_direction(runs, "reach", "type:denying");
  check_direction(runs, "institutional_trust", "all");
}
