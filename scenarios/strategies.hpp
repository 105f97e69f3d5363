#pragma once
// Intervention strategies to compare (`village compare`): the [strategies.<name>]
// tables and the [compare] table of a scenario file.
//
// A strategy is a set of [outreach] overrides: its keys are [outreach] keys (validated
// against the model's declarations, so unknown keys get a "did you mean"), including
// each intervention's window and prices and the budget_euros that caps its spending,
// plus an optional `description`. Its model values are the scenario's values with the
// overrides applied (strategy_model_values).

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/error.hpp"
#include "sim/parameters.hpp"

namespace village {

struct Strategy {
  std::string name;
  std::string description;
  // [outreach] keys (without the "outreach." prefix) and their values, in file order.
  std::vector<std::pair<std::string, ParamValue>> overrides;
  SourceLocation location;
};

struct StrategySet {
  std::vector<Strategy> strategies;   // in file order
  std::string baseline;               // [compare] baseline; default: the first strategy
  std::vector<std::string> outcomes;  // [compare] outcomes
  std::string headline_group;         // [compare] group: the group headlines are about
  SourceLocation compare_location;

  bool empty() const { return strategies.empty(); }
  const Strategy* find(const std::string& name) const;
};

// The [compare] table's outcomes by default.
const std::vector<std::string>& default_compare_outcomes();

// Reads [strategies.*], [compare] and [costs] from a parsed scenario. outreach_specs:
// the model's [outreach] declarations (null: the model has none, and a scenario with
// strategies is refused). Throws InputError at the offending key.
StrategySet read_strategies(const toml::table& root, const std::string& file,
                            const std::vector<ParamSpec>* outreach_specs);

// The scenario's model values with the strategy's [outreach] overrides applied.
ParamValues strategy_model_values(const ParamValues& scenario_values, const Strategy& strategy);

// Its outreach.budget_euros when positive (a cap), else none.
std::optional<double> budget_of(const ParamValues& model_values);

// "key_figure_programme = true, inviting_share = 0.9" (for summaries).
std::string describe_overrides(const Strategy& strategy);

}  // namespace village
