#pragma once
// The registered parameters as a scenario names them: "model.trust_gain",
// "outreach.inviting_share", "community.key_figures.per_1000", "network.p",
// "run.steps". Sweeps find a factor's plausible range here; tests walk every entry.

#include <string>
#include <vector>

#include "scenarios/scenario.hpp"
#include "sim/parameters.hpp"

namespace village {

struct RegisteredParam {
  std::string table;  // "model (parent_support)", "outreach", "community.key_figures", ...
  const ParamSpec* spec = nullptr;
};

// Every declaration of every table, model and generator, once each.
std::vector<RegisteredParam> registered_params();

// The declaration behind a dotted path of this scenario (its model kind and generator
// decide [model] and [network]), or nullptr.
const ParamSpec* find_scenario_param(const Scenario& scenario, const std::string& dotted_path);

}  // namespace village
