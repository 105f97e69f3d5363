#include "scenarios/strategies.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"

namespace village {

namespace {

// Outcomes a comparison can rank strategies on: those the model records per group.
const std::vector<std::string>& known_outcomes(const ModelInfo& model) {
  return model.outcomes.empty() ? parent_support::outcome_names() : model.outcomes;
}

const std::vector<ParamSpec>* outreach_specs_of(const ModelInfo& model) {
  for (const ParamTable& table : model.extra_tables)
    if (table.name == "outreach") return &table.specs;
  return nullptr;
}

const toml::table& as_table(const toml::node& node, const std::string& name,
                            const std::string& file, const std::string& example) {
  if (!node.is_table()) {
    throw InputError(location_of(node, file), fmt::format("'{}' must be a table", name),
                     fmt::format("write it as a section: {}", example));
  }
  return *node.as_table();
}

// A table's entries in file order (toml++ keeps them sorted by name), so that overrides
// keep the order they were written in and the first mistake in the file is the one
// reported.
std::vector<std::pair<std::string, const toml::node*>> in_file_order(const toml::table& table) {
  std::vector<std::pair<std::string, const toml::node*>> entries;
  for (const auto& [key, node] : table)
    entries.emplace_back(std::string(key.str()), &node);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const auto& x = a.second->source().begin;
    const auto& y = b.second->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return entries;
}

std::string read_description(const toml::table& table, const std::string& section,
                             const std::string& file) {
  const toml::node* node = table.get("description");
  if (node == nullptr) return {};
  if (!node->is_string()) {
    throw InputError(location_of(*node, file),
                     fmt::format("{}.description must be a string", section),
                     "write it like description = \"what changes\"");
  }
  return node->as_string()->get();
}

const ParamSpec* find_spec(const std::vector<ParamSpec>& specs, const std::string& name) {
  const auto it = std::find_if(specs.begin(), specs.end(),
                               [&](const ParamSpec& spec) { return spec.name == name; });
  return it == specs.end() ? nullptr : &*it;
}

// A strategy buys interventions: it may not change how parents, professionals or
// organisations behave (ParamRole::world), only through an intervention that pays for it.
void refuse_world_keys(const toml::table& table, const std::string& section,
                       const std::vector<ParamSpec>& specs,
                       const std::vector<ParamSpec>& model_specs, const std::string& file) {
  for (const auto& [key, node] : in_file_order(table)) {
    const ParamSpec* spec = find_spec(specs, key);
    if (spec == nullptr) spec = find_spec(model_specs, key);  // [model]: all world
    if (spec == nullptr || spec->role != ParamRole::world) continue;
    const std::string through =
        spec->changed_by.empty()
            ? "no intervention of this version changes it"
            : fmt::format("what a strategy can buy to change it is {}", spec->changed_by);
    throw InputError(
        location_of(*node, file),
        fmt::format("{}.{} is a world parameter (how the world behaves, not something a "
                    "strategy buys)",
                    section, key),
        fmt::format("{}; to ask what if the world differs, set it in a [what_if.<name>] table "
                    "and run village compare --what-if <name>",
                    through));
  }
}

Strategy read_strategy(const std::string& name, const toml::table& table, const std::string& file,
                       const std::vector<ParamSpec>& outreach_specs,
                       const std::vector<ParamSpec>& model_specs, const std::string& keys_table) {
  Strategy strategy;
  strategy.name = name;
  strategy.table = keys_table;
  strategy.location = location_of(table, file);
  const std::string section = fmt::format("strategies.{}", name);
  if (name.empty()) {
    throw InputError(strategy.location, "a strategy needs a non-empty name",
                     "write it like [strategies.key_figures]");
  }
  strategy.description = read_description(table, section, file);
  refuse_world_keys(table, section, outreach_specs, model_specs, file);
  ParamValues values(outreach_specs);
  read_params(table, section, outreach_specs, {"description"}, file, values);
  for (const auto& [key, node] : in_file_order(table))
    if (key != "description") strategy.overrides.emplace_back(key, values.all().at(key));
  return strategy;
}

// A what-if sets world parameters only: [outreach] world keys or [model] keys.
WhatIf read_what_if(const std::string& name, const toml::table& table, const std::string& file,
                    const std::vector<ParamSpec>& outreach_specs,
                    const std::vector<ParamSpec>& model_specs) {
  WhatIf what_if;
  what_if.name = name;
  what_if.location = location_of(table, file);
  const std::string section = fmt::format("what_if.{}", name);
  what_if.description = read_description(table, section, file);
  std::vector<std::string> known{"description"};
  for (const auto* specs : {&outreach_specs, &model_specs})
    for (const ParamSpec& spec : *specs)
      if (spec.role == ParamRole::world) known.push_back(spec.name);
  for (const auto& [k, node] : in_file_order(table)) {
    if (k == "description") continue;
    const SourceLocation at = location_of(*node, file);
    const ParamSpec* outreach = find_spec(outreach_specs, k);
    const ParamSpec* model = find_spec(model_specs, k);
    if (outreach != nullptr && outreach->role == ParamRole::intervention) {
      throw InputError(
          at, fmt::format("{}.{} is what a strategy buys, not how the world is", section, k),
          "set it in a [strategies.<name>] table; a what-if changes world parameters");
    }
    if (model != nullptr && model->role == ParamRole::intervention) {
      throw InputError(
          at, fmt::format("{}.{} is what a strategy buys, not how the world is", section, k),
          "set it in a [strategies.<name>] table; a what-if changes world parameters");
    }
    const ParamSpec* spec = outreach != nullptr ? outreach : model;
    if (spec == nullptr)
      throw InputError(at, fmt::format("unknown world parameter {}.{}", section, k),
                       did_you_mean(k, known));
    const std::string full = outreach != nullptr ? "outreach." + k : k;
    what_if.overrides.emplace_back(full, read_param(*node, *spec, section, file));
  }
  if (what_if.overrides.empty())
    throw InputError(what_if.location, fmt::format("[{}] sets no world parameter", section),
                     "add keys like inviting_share = 0.8 (village params shows each key's role)");
  return what_if;
}

std::vector<WhatIf> read_what_ifs(const toml::table& root, const std::string& file,
                                  const std::vector<ParamSpec>& outreach_specs,
                                  const std::vector<ParamSpec>& model_specs) {
  std::vector<WhatIf> what_ifs;
  const toml::node* node = root.get("what_if");
  if (node == nullptr) return what_ifs;
  const toml::table& table = as_table(*node, "what_if", file, "[what_if.practice_08]");
  for (const auto& [name, entry] : in_file_order(table)) {
    const toml::table& body = as_table(*entry, "what_if." + name, file, "[what_if." + name + "]");
    // The name becomes part of an output folder's name (runs/<scenario>_what_if_<name>).
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
    });
    if (!plain)
      throw InputError(
          location_of(body, file),
          fmt::format("what-if name \"{}\" may hold only letters, digits, _ and -", name),
          "write it like [what_if.inviting_practice]");
    what_ifs.push_back(read_what_if(name, body, file, outreach_specs, model_specs));
  }
  return what_ifs;
}

}  // namespace

const Strategy* StrategySet::find(const std::string& name) const {
  for (const Strategy& strategy : strategies)
    if (strategy.name == name) return &strategy;
  return nullptr;
}

const WhatIf* StrategySet::find_what_if(const std::string& name) const {
  for (const WhatIf& what_if : what_ifs)
    if (what_if.name == name) return &what_if;
  return nullptr;
}

const std::vector<std::string>& default_compare_outcomes() {
  static const std::vector<std::string> outcomes{"reach", "institutional_trust", "help_seeking",
                                                 "incident_cooperation"};
  return outcomes;
}

StrategySet read_strategies(const toml::table& root, const std::string& file,
                            const ModelInfo& model) {
  const std::vector<ParamSpec>* outreach_specs = outreach_specs_of(model);
  const std::vector<ParamSpec>& model_specs = model.params;
  // A classic model's strategies choose its seeds: [model] keys, outcomes its metrics.
  const bool classic = outreach_specs == nullptr;
  const std::vector<ParamSpec> none;
  const std::vector<ParamSpec>& strategy_specs = classic ? model_specs : *outreach_specs;
  StrategySet set;
  if (const toml::node* node = root.get("costs")) {
    throw InputError(location_of(*node, file),
                     "[costs] is no longer read: every intervention has its own prices in "
                     "[outreach]",
                     "write e.g. newsletter_euros_per_meeting = 250 or partnership_fixed_euros = "
                     "2500 under [outreach] or a strategy (docs/scenario-reference.md)");
  }
  set.outcomes = classic
                     ? std::vector<std::string>(
                           model.outcomes.begin(),
                           model.outcomes.begin() + std::min<std::size_t>(1, model.outcomes.size()))
                     : default_compare_outcomes();
  set.headline_group = classic ? "all" : "vulnerable";
  const toml::node* strategies = root.get("strategies");
  if (strategies != nullptr) {
    const toml::table& table = as_table(*strategies, "strategies", file, "[strategies.newsletter]");
    if (classic && model.outcomes.empty()) {
      throw InputError(
          location_of(*strategies, file),
          fmt::format("model kind \"{}\" has nothing a strategy could buy", model.kind),
          "compare strategies of a contagion, opinion or parent-support model");
    }
    for (const auto& [name, node] : in_file_order(table)) {
      const toml::table& entry =
          as_table(*node, "strategies." + name, file, "[strategies." + name + "]");
      set.strategies.push_back(read_strategy(name, entry, file, strategy_specs, model_specs,
                                             classic ? "model" : "outreach"));
    }
    if (set.strategies.empty()) {
      throw InputError(location_of(*strategies, file), "[strategies] names no strategy",
                       "add tables like [strategies.newsletter]");
    }
  }
  if (const toml::node* node = root.get("compare"); node != nullptr && set.strategies.empty()) {
    throw InputError(location_of(*node, file), "[compare] is read only with strategies to compare",
                     "add [strategies.<name>] tables, or remove the section");
  }
  if (const toml::node* node = root.get("what_if"); node != nullptr && set.strategies.empty()) {
    throw InputError(location_of(*node, file),
                     "[what_if] is read only with strategies to compare in that world",
                     "add [strategies.<name>] tables, or remove the section");
  }
  if (const toml::node* node = root.get("uncertainty"); node != nullptr && set.strategies.empty())
    throw InputError(location_of(*node, file),
                     "[uncertainty] is read only with strategies to compare",
                     "add [strategies.<name>] tables, or remove [uncertainty]");
  if (set.strategies.empty()) return set;
  if (const toml::node* node = root.get("uncertainty"); node != nullptr && classic) {
    throw InputError(location_of(*node, file),
                     "[uncertainty] is read only for the parent-support model",
                     "compare a classic model's seeding strategies without it, or sweep its "
                     "parameters (village sweep)");
  }
  set.uncertainty = read_uncertainty_table(root, file);
  set.what_ifs = read_what_ifs(root, file, classic ? none : *outreach_specs, model_specs);
  set.baseline = set.strategies.front().name;

  std::vector<std::string> strategy_names;
  for (const Strategy& s : set.strategies)
    strategy_names.push_back(s.name);
  if (const toml::node* node = root.get("compare")) {
    const toml::table& compare = as_table(*node, "compare", file, "[compare]");
    set.compare_location = location_of(compare, file);
    for (const auto& [key, value] : compare) {
      const std::string k(key.str());
      const SourceLocation at = location_of(value, file);
      if (k == "baseline") {
        if (!value.is_string())
          throw InputError(at, "compare.baseline must be a string",
                           fmt::format("write it like baseline = \"{}\"", strategy_names.front()));
        set.baseline = value.as_string()->get();
        if (set.find(set.baseline) == nullptr) {
          throw InputError(at,
                           fmt::format("compare.baseline \"{}\" is not a strategy", set.baseline),
                           did_you_mean(set.baseline, strategy_names));
        }
      } else if (k == "outcomes") {
        const toml::array* array = value.as_array();
        if (array == nullptr || array->empty()) {
          throw InputError(at, "compare.outcomes must be a non-empty array of outcome names",
                           "write it like outcomes = [\"reach\", \"help_seeking\"]");
        }
        set.outcomes.clear();
        for (const toml::node& element : *array) {
          const SourceLocation where = location_of(element, file);
          if (!element.is_string())
            throw InputError(where, "each compare.outcomes entry must be a string",
                             "write it like outcomes = [\"reach\", \"help_seeking\"]");
          const std::string outcome = element.as_string()->get();
          const auto& known = known_outcomes(model);
          if (std::find(known.begin(), known.end(), outcome) == known.end())
            throw InputError(where, fmt::format("unknown outcome \"{}\"", outcome),
                             did_you_mean(outcome, known));
          set.outcomes.push_back(outcome);
        }
      } else if (k == "group") {
        if (!value.is_string())
          throw InputError(at, "compare.group must be a string",
                           "write it like group = \"vulnerable\"");
        set.headline_group = value.as_string()->get();
      } else {
        throw InputError(at, fmt::format("unknown key compare.{}", k),
                         did_you_mean(k, {"baseline", "outcomes", "group"}));
      }
    }
  }
  return set;
}

ParamValues strategy_model_values(const ParamValues& scenario_values, const Strategy& strategy) {
  ParamValues values = scenario_values;
  for (const auto& [key, value] : strategy.overrides)
    values.set(strategy.table == "outreach" ? "outreach." + key : key, value);
  return values;
}

ParamValues what_if_model_values(const ParamValues& scenario_values, const WhatIf& what_if) {
  ParamValues values = scenario_values;
  for (const auto& [key, value] : what_if.overrides)
    values.set(key, value);
  return values;
}

std::optional<double> budget_of(const ParamValues& model_values) {
  const std::string key = "outreach.budget_euros";
  if (!model_values.has(key) || model_values.real(key) <= 0) return std::nullopt;
  return model_values.real(key);
}

namespace {

std::string describe(const std::vector<std::pair<std::string, ParamValue>>& overrides) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : overrides) {
    std::visit(
        [&, k = key](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, bool>)
            parts.push_back(fmt::format("{} = {}", k, v ? "true" : "false"));
          else if constexpr (std::is_same_v<T, std::string>)
            parts.push_back(fmt::format("{} = \"{}\"", k, v));
          else
            parts.push_back(fmt::format("{} = {}", k, v));
        },
        value);
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

std::string describe_overrides(const Strategy& strategy) {
  return strategy.overrides.empty() ? fmt::format("the scenario's [{}] as it is", strategy.table)
                                    : describe(strategy.overrides);
}

std::string describe_overrides(const WhatIf& what_if) {
  return describe(what_if.overrides);
}

}  // namespace village
