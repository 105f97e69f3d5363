#include "scenarios/strategies.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"

namespace village {

namespace {

// Outcomes a comparison can rank strategies on: those the model records per group.
const std::vector<std::string>& known_outcomes() {
  return parent_support::outcome_names();
}

const toml::table& as_table(const toml::node& node, const std::string& name,
                            const std::string& file, const std::string& example) {
  if (!node.is_table()) {
    throw InputError(location_of(node, file), fmt::format("'{}' must be a table", name),
                     fmt::format("write it as a section: {}", example));
  }
  return *node.as_table();
}

int line_of(const toml::node& node) {
  return static_cast<int>(node.source().begin.line);
}

Strategy read_strategy(const std::string& name, const toml::table& table, const std::string& file,
                       const std::vector<ParamSpec>& outreach_specs) {
  Strategy strategy;
  strategy.name = name;
  strategy.location = location_of(table, file);
  const std::string section = fmt::format("strategies.{}", name);
  if (name.empty()) {
    throw InputError(strategy.location, "a strategy needs a non-empty name",
                     "write it like [strategies.key_figures]");
  }
  if (const toml::node* node = table.get("description")) {
    if (!node->is_string()) {
      throw InputError(location_of(*node, file),
                       fmt::format("{}.description must be a string", section),
                       "write it like description = \"key figures visit parents\"");
    }
    strategy.description = node->as_string()->get();
  }
  ParamValues values(outreach_specs);
  read_params(table, section, outreach_specs, {"description"}, file, values);
  std::vector<std::pair<int, std::string>> keys;
  for (const auto& [key, node] : table) {
    const std::string k(key.str());
    if (k != "description") keys.emplace_back(line_of(node), k);
  }
  std::sort(keys.begin(), keys.end());
  for (const auto& [line, key] : keys)
    strategy.overrides.emplace_back(key, values.all().at(key));
  return strategy;
}

}  // namespace

const Strategy* StrategySet::find(const std::string& name) const {
  for (const Strategy& strategy : strategies)
    if (strategy.name == name) return &strategy;
  return nullptr;
}

const std::vector<std::string>& default_compare_outcomes() {
  static const std::vector<std::string> outcomes{"reach", "institutional_trust", "help_seeking",
                                                 "incident_cooperation"};
  return outcomes;
}

StrategySet read_strategies(const toml::table& root, const std::string& file,
                            const std::vector<ParamSpec>* outreach_specs) {
  StrategySet set;
  if (const toml::node* node = root.get("costs")) {
    throw InputError(location_of(*node, file),
                     "[costs] is no longer read: every intervention has its own prices in "
                     "[outreach]",
                     "write e.g. newsletter_euros_per_meeting = 250 or partnership_fixed_euros = "
                     "2500 under [outreach] or a strategy (docs/scenario-reference.md)");
  }
  set.outcomes = default_compare_outcomes();
  set.headline_group = "vulnerable";
  const toml::node* strategies = root.get("strategies");
  if (strategies != nullptr) {
    const toml::table& table = as_table(*strategies, "strategies", file, "[strategies.newsletter]");
    if (outreach_specs == nullptr) {
      throw InputError(location_of(*strategies, file),
                       "strategies override [outreach], but this model has no [outreach]",
                       "use strategies with kind = \"parent_support\"");
    }
    for (const auto& [key, node] : table) {
      const std::string name(key.str());
      const toml::table& entry =
          as_table(node, "strategies." + name, file, "[strategies." + name + "]");
      set.strategies.push_back(read_strategy(name, entry, file, *outreach_specs));
    }
    // File order: toml++ keeps a table's keys sorted by name.
    std::stable_sort(
        set.strategies.begin(), set.strategies.end(),
        [](const Strategy& a, const Strategy& b) { return a.location.line < b.location.line; });
    if (set.strategies.empty()) {
      throw InputError(location_of(*strategies, file), "[strategies] names no strategy",
                       "add tables like [strategies.newsletter]");
    }
  }
  if (const toml::node* node = root.get("compare"); node != nullptr && set.strategies.empty()) {
    throw InputError(location_of(*node, file), "[compare] is read only with strategies to compare",
                     "add [strategies.<name>] tables, or remove the section");
  }
  if (set.strategies.empty()) return set;
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
          const auto& known = known_outcomes();
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
    values.set("outreach." + key, value);
  return values;
}

std::optional<double> budget_of(const ParamValues& model_values) {
  const std::string key = "outreach.budget_euros";
  if (!model_values.has(key) || model_values.real(key) <= 0) return std::nullopt;
  return model_values.real(key);
}

std::string describe_overrides(const Strategy& strategy) {
  std::vector<std::string> parts;
  for (const auto& [key, value] : strategy.overrides) {
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
  return parts.empty() ? std::string("the scenario's [outreach] as it is")
                       : fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace village
