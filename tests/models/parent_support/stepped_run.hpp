#pragma once
// One replicate of a test scenario (tests/data/parent_support/), stepped week by week by
// hand so that a test can read every parent's and professional's state between weeks.

#include <string>
#include <utility>
#include <vector>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/scenario.hpp"
#include "sim/runner.hpp"

namespace village::test {

struct SteppedRun {
  using Settings = std::vector<std::pair<std::string, ParamValue>>;

  Scenario scenario;
  ParamValues values;
  RandomStream rng;
  World world;
  parent_support::ParentSupportModel model;
  std::uint64_t week = 0;

  SteppedRun(const std::string& scenario_file, const Settings& settings, std::uint64_t run = 0)
      : scenario(load_scenario(std::string(VILLAGE_SOURCE_DIR) + "/tests/data/parent_support/" +
                               scenario_file)),
        values(with(scenario.model_values, settings)),
        rng(scenario.plan.seed, run),
        world(make_world_factory(scenario)(rng)),
        model(values) {
    model.initialize(world, rng);
  }

  static ParamValues with(ParamValues values, const Settings& settings) {
    for (const auto& [name, value] : settings)
      values.set(name, value);
    return values;
  }
  const parent_support::State& state() const { return model.state(); }
  const parent_support::CommunityView& view() const { return model.view(); }
  // Runs weeks until (exclusive) the given week.
  void run_until(std::uint64_t end) {
    for (; week < end; ++week)
      model.step(world, StepContext{rng, week});
  }
};

}  // namespace village::test
