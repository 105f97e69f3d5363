#pragma once
// Intervention strategies to compare (`village compare`): the [strategies.<name>]
// tables and the [compare] table of a scenario file.
//
// A strategy is a set of overrides of what a municipality buys: for the parent-support
// model its keys are [outreach] intervention keys (validated against the model's
// declarations, so unknown keys get a "did you mean", and world keys are refused),
// including each intervention's window and prices and the budget_euros that caps its
// spending; for a classic model they are its [model] seeding keys (whom to seed, how
// many: models/seeding.hpp). Plus an optional `description`. Its model values are the
// scenario's values with the overrides applied (strategy_model_values).

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "models/model_registry.hpp"
#include "scenarios/uncertainty_table.hpp"
#include "sim/error.hpp"
#include "sim/parameters.hpp"

namespace village {

struct Strategy {
  std::string name;
  std::string description;
  // Keys of `table` (without its prefix) and their values, in file order.
  std::vector<std::pair<std::string, ParamValue>> overrides;
  std::string table = "outreach";  // "outreach", or "model" for a classic model
  SourceLocation location;
};

// A what-if ([what_if.<name>]): the world as it might differ, in world parameters of
// [model] and [outreach] (ParamRole::world). `village compare --what-if NAME` compares
// the strategies in that world; a what-if is never an option ranked against them.
struct WhatIf {
  std::string name;
  std::string description;
  // Full keys ("outreach.inviting_share", "trust_decay") and values, in file order.
  std::vector<std::pair<std::string, ParamValue>> overrides;
  SourceLocation location;
};

struct StrategySet {
  std::vector<Strategy> strategies;   // in file order
  std::vector<WhatIf> what_ifs;       // in file order
  std::string baseline;               // [compare] baseline; default: the first strategy
  std::vector<std::string> outcomes;  // [compare] outcomes
  std::string headline_group;         // [compare] group: the group headlines are about
  SourceLocation compare_location;
  std::optional<UncertaintySettings> uncertainty;  // [uncertainty]

  bool empty() const { return strategies.empty(); }
  const Strategy* find(const std::string& name) const;
  const WhatIf* find_what_if(const std::string& name) const;
};

// The [compare] table's outcomes by default.
const std::vector<std::string>& default_compare_outcomes();

// Reads [strategies.*], [what_if.*], [compare] and [costs] from a parsed scenario of the
// model `model`: strategies set its [outreach] intervention keys, or, for a model
// without [outreach], its [model] intervention keys; outcomes are the model's (group
// "all" by default for a classic model). A strategy that sets a world parameter, or a
// what-if that sets an intervention's, is refused. Throws InputError at the offending key.
StrategySet read_strategies(const toml::table& root, const std::string& file,
                            const ModelInfo& model);

// The scenario's model values with the strategy's [outreach] overrides applied.
ParamValues strategy_model_values(const ParamValues& scenario_values, const Strategy& strategy);

// Its outreach.budget_euros when positive (a cap), else none.
std::optional<double> budget_of(const ParamValues& model_values);

// The scenario's model values in the what-if's world.
ParamValues what_if_model_values(const ParamValues& scenario_values, const WhatIf& what_if);

// "key_figure_programme = true, inviting_share = 0.9" (for summaries).
std::string describe_overrides(const Strategy& strategy);
std::string describe_overrides(const WhatIf& what_if);

}  // namespace village
