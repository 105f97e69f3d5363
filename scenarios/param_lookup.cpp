#include "scenarios/param_lookup.hpp"

#include <algorithm>

#include "models/model_registry.hpp"
#include "scenarios/community/community_spec.hpp"
#include "scenarios/network_spec.hpp"

namespace village {

namespace {

const ParamSpec* find_in(const std::vector<ParamSpec>& specs, const std::string& name) {
  const auto it = std::find_if(specs.begin(), specs.end(),
                               [&](const ParamSpec& spec) { return spec.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

}  // namespace

std::vector<RegisteredParam> registered_params() {
  std::vector<RegisteredParam> all;
  const auto add = [&](const std::string& table, const std::vector<ParamSpec>& specs) {
    for (const ParamSpec& spec : specs)
      all.push_back({table, &spec});
  };
  add("run", run_params());
  for (const ParamTable& section : community_param_sections())
    add(section.name, section.specs);
  for (const GeneratorInfo& info : generator_registry())
    add("network (" + info.name + ")", info.params);
  for (const ModelInfo& info : model_registry()) {
    add("model (" + info.kind + ")", info.params);
    for (const ParamTable& extra : info.extra_tables)
      add(extra.name, extra.specs);
  }
  return all;
}

const ParamSpec* find_scenario_param(const Scenario& scenario, const std::string& dotted_path) {
  const auto dot = dotted_path.rfind('.');
  if (dot == std::string::npos) return nullptr;
  const std::string table = dotted_path.substr(0, dot);
  const std::string key = dotted_path.substr(dot + 1);
  if (table == "run") return find_in(run_params(), key);
  if (table == "model") return scenario.model ? find_in(scenario.model->params, key) : nullptr;
  if (table == "network") {
    const GeneratorInfo* info = find_generator(scenario.network.generator);
    return info ? find_in(info->params, key) : nullptr;
  }
  for (const ParamTable& section : community_param_sections())
    if (section.name == table) return find_in(section.specs, key);
  if (scenario.model != nullptr)
    for (const ParamTable& extra : scenario.model->extra_tables)
      if (extra.name == table) return find_in(extra.specs, key);
  return nullptr;
}

}  // namespace village
