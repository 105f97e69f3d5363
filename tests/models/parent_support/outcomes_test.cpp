// The outcomes every mechanism registers (outcomes.hpp, ODD section 4): names are unique,
// ratios point into their block, and a run records each registered outcome once per group and week.

#include "models/parent_support/outcomes.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/scenario.hpp"

using namespace village;
using namespace village::parent_support;

TEST_CASE("registered outcomes have unique names and ratios within their block", "[unit]") {
  std::set<std::string> names;
  std::size_t recorded = 0;
  for (const OutcomeBlock& block : outcome_blocks()) {
    INFO(block.mechanism);
    CHECK((block.outcomes.empty() == (block.fill == nullptr)));
    for (const ParentOutcome& outcome : block.outcomes) {
      CHECK(names.insert(outcome.name).second);
      recorded += outcome.aggregate != Aggregate::hidden;
    }
    for (const OutcomeRatio& ratio : block.ratios) {
      CHECK(names.insert(ratio.name).second);
      REQUIRE(ratio.numerator < block.outcomes.size());
      REQUIRE(ratio.denominator < block.outcomes.size());
      // A contrast names both parts of its second ratio, or neither.
      REQUIRE((ratio.minus_numerator == OutcomeRatio::kNone) ==
              (ratio.minus_denominator == OutcomeRatio::kNone));
      if (ratio.minus_numerator != OutcomeRatio::kNone) {
        REQUIRE(ratio.minus_numerator < block.outcomes.size());
        REQUIRE(ratio.minus_denominator < block.outcomes.size());
      }
    }
  }
  CHECK(recorded > 20);
  // The outcomes a strategy comparison can rank by are the registered means and ratios.
  for (const std::string& name : outcome_names())
    CHECK(names.count(name) == 1);
}

TEST_CASE("a run records every registered outcome once per group and week", "[unit]") {
  Scenario scenario =
      load_scenario(std::string(VILLAGE_SOURCE_DIR) + "/tests/data/parent_support/district.toml");
  scenario.plan.steps = 6;
  ParamValues values = scenario.model_values;
  for (const char* on : {"parent_groups", "theme_evenings", "partnership", "parent_network"})
    values.set(std::string("outreach.") + on, true);
  const WorldFactory world = make_world_factory(scenario);
  const RunRecord record =
      run_one(0, scenario.plan, world, [&] { return scenario.model->make(values); });
  std::map<std::pair<std::uint32_t, std::string>, int> seen;  // (week, metric) in "all"
  std::set<std::string> groups;
  for (const MetricRow& row : record.rows) {
    groups.insert(row.group);
    if (row.group == "all") ++seen[{row.step, row.metric}];
  }
  CHECK(groups.count("vulnerable") == 1);
  for (std::uint32_t week = 1; week <= scenario.plan.steps; ++week) {
    for (const OutcomeBlock& block : outcome_blocks()) {
      for (const ParentOutcome& outcome : block.outcomes) {
        INFO(block.mechanism << " " << outcome.name << " week " << week);
        CHECK(seen[{week, outcome.name}] == (outcome.aggregate == Aggregate::hidden ? 0 : 1));
      }
      for (const OutcomeRatio& ratio : block.ratios)
        CHECK(seen[{week, ratio.name}] <= 1);
    }
    CHECK(seen[{week, "hours_total"}] == 1);
    CHECK(seen[{week, "euros_total"}] == 1);
  }
}
