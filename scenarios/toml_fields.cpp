#include "scenarios/toml_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scenarios/suggest.hpp"

namespace village {

SourceLocation location_of(const toml::node& node, const std::string& file) {
  const auto& begin = node.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::string type_name(ParamType type) {
  switch (type) {
    case ParamType::real:
      return "a number";
    case ParamType::integer:
      return "a whole number";
    case ParamType::boolean:
      return "true or false";
    case ParamType::text:
      return "a string";
  }
  return "a value";
}

namespace {
std::string toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number with a fraction";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

std::string number_text(double value) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{}", value);
}

std::string example_for(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::real:
      return fmt::format("{} = {}", spec.name, number_text(spec.default_number));
    case ParamType::integer:
      return fmt::format("{} = {}", spec.name, number_text(spec.default_number));
    case ParamType::boolean:
      return fmt::format("{} = {}", spec.name, spec.default_flag ? "true" : "false");
    case ParamType::text:
      return fmt::format("{} = \"{}\"", spec.name, spec.default_text);
  }
  return spec.name;
}
}  // namespace

std::string describe_range(const ParamSpec& spec) {
  const bool has_min = std::isfinite(spec.min);
  const bool has_max = std::isfinite(spec.max);
  if (has_min && has_max) {
    return fmt::format("{}{}, {}]", spec.min_exclusive ? "(" : "[", number_text(spec.min),
                       number_text(spec.max));
  }
  if (has_min) return fmt::format("{} {}", spec.min_exclusive ? ">" : ">=", number_text(spec.min));
  if (has_max) return fmt::format("<= {}", number_text(spec.max));
  return "any value";
}

ParamValue read_param(const toml::node& node, const ParamSpec& spec, const std::string& section,
                      const std::string& file) {
  const SourceLocation where = location_of(node, file);
  const auto wrong_type = [&] {
    return InputError(where,
                      fmt::format("{}.{} must be {}, not {}", section, spec.name,
                                  type_name(spec.type), toml_type_name(node)),
                      fmt::format("write it like {}", example_for(spec)));
  };
  switch (spec.type) {
    case ParamType::boolean:
      if (!node.is_boolean()) throw wrong_type();
      return node.as_boolean()->get();
    case ParamType::text: {
      if (!node.is_string()) throw wrong_type();
      std::string text = node.as_string()->get();
      if (!spec.choices.empty() &&
          std::find(spec.choices.begin(), spec.choices.end(), text) == spec.choices.end()) {
        throw InputError(
            where, fmt::format("{}.{} = \"{}\" is not a known choice", section, spec.name, text),
            did_you_mean(text, spec.choices));
      }
      return text;
    }
    case ParamType::integer:
    case ParamType::real: {
      double value = 0.0;
      if (node.is_integer()) {
        value = static_cast<double>(node.as_integer()->get());
      } else if (node.is_floating_point() && spec.type == ParamType::real) {
        value = node.as_floating_point()->get();
      } else {
        throw wrong_type();
      }
      const bool below = spec.min_exclusive ? value <= spec.min : value < spec.min;
      if (std::isnan(value) || below || value > spec.max) {
        throw InputError(
            where,
            fmt::format("{}.{} = {} is out of range", section, spec.name, number_text(value)),
            fmt::format("expected {} in {}{}", spec.name, describe_range(spec),
                        spec.unit.empty() ? "" : fmt::format(" ({})", spec.unit)));
      }
      return value;
    }
  }
  throw wrong_type();
}

void read_params(const toml::table& table, const std::string& section,
                 const std::vector<ParamSpec>& specs, const std::vector<std::string>& extra_keys,
                 const std::string& file, ParamValues& values) {
  std::vector<std::string> known = extra_keys;
  for (const auto& spec : specs)
    known.push_back(spec.name);
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    if (std::find(extra_keys.begin(), extra_keys.end(), name) != extra_keys.end()) continue;
    const auto spec = std::find_if(specs.begin(), specs.end(),
                                   [&](const ParamSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      const auto& begin = key.source().begin;
      throw InputError({file, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                       fmt::format("unknown key '{}' in [{}]", name, section),
                       did_you_mean(name, known));
    }
    values.set(name, read_param(node, *spec, section, file));
  }
}

nlohmann::ordered_json values_to_json(const ParamValues& values) {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (const auto& entry : values.all()) {
    const std::string& name = entry.first;
    std::visit([&](const auto& v) { json[name] = v; }, entry.second);
  }
  return json;
}

}  // namespace village
