#include "scenario_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "scenarios/sweep_factors.hpp"

namespace village::python {

namespace {

constexpr const char* kOverrides = "overrides";

std::string type_name(const py::handle& value) {
  return py::str(py::type::handle_of(value).attr("__name__"));
}

InputError not_toml(const std::string& where, const std::string& key, const py::handle& value) {
  return InputError({where},
                    fmt::format("{}: a {} cannot be written in TOML", key, type_name(value)),
                    "use numbers, true/false, text, lists and tables (dicts)");
}

void insert_value(toml::table& table, const std::string& key, const py::handle& value,
                  const std::string& where, const std::string& dotted);

void push_value(toml::array& array, const py::handle& value, const std::string& where,
                const std::string& dotted) {
  // bool before int: Python's True is an int too.
  if (py::isinstance<py::bool_>(value)) {
    array.push_back(value.cast<bool>());
  } else if (py::isinstance<py::int_>(value)) {
    array.push_back(value.cast<std::int64_t>());
  } else if (py::isinstance<py::float_>(value)) {
    array.push_back(value.cast<double>());
  } else if (py::isinstance<py::str>(value)) {
    array.push_back(value.cast<std::string>());
  } else if (py::isinstance<py::dict>(value)) {
    toml::table inner;
    for (const auto& [k, v] : value.cast<py::dict>())
      insert_value(inner, py::str(k), v, where, dotted);
    array.push_back(std::move(inner));
  } else if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    toml::array inner;
    for (const py::handle item : value)
      push_value(inner, item, where, dotted);
    array.push_back(std::move(inner));
  } else {
    throw not_toml(where, dotted, value);
  }
}

void insert_value(toml::table& table, const std::string& key, const py::handle& value,
                  const std::string& where, const std::string& dotted_prefix) {
  const std::string dotted = dotted_prefix.empty() ? key : dotted_prefix + "." + key;
  if (py::isinstance<py::bool_>(value)) {
    table.insert_or_assign(key, value.cast<bool>());
  } else if (py::isinstance<py::int_>(value)) {
    table.insert_or_assign(key, value.cast<std::int64_t>());
  } else if (py::isinstance<py::float_>(value)) {
    table.insert_or_assign(key, value.cast<double>());
  } else if (py::isinstance<py::str>(value)) {
    table.insert_or_assign(key, value.cast<std::string>());
  } else if (py::isinstance<py::dict>(value)) {
    toml::table inner;
    for (const auto& [k, v] : value.cast<py::dict>())
      insert_value(inner, py::str(k), v, where, dotted);
    table.insert_or_assign(key, std::move(inner));
  } else if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    toml::array array;
    for (const py::handle item : value)
      push_value(array, item, where, dotted);
    table.insert_or_assign(key, std::move(array));
  } else {
    throw not_toml(where, dotted, value);
  }
}

std::string toml_text(const toml::table& root) {
  std::ostringstream out;
  out << toml::toml_formatter{root} << '\n';
  return out.str();
}

// The table holding the last key of `dotted` (set_scenario_value made the path).
toml::table& parent_table(toml::table& root, const std::string& dotted) {
  toml::table* table = &root;
  std::size_t begin = 0;
  for (std::size_t dot = dotted.find('.'); dot != std::string::npos;
       dot = dotted.find('.', begin)) {
    table = (*table)[dotted.substr(begin, dot - begin)].as_table();
    begin = dot + 1;
  }
  return *table;
}

void apply_override(toml::table& root, const std::string& key, const py::handle& value) {
  const auto exact = [](const py::handle& v) {
    const auto n = v.cast<std::int64_t>();
    return std::abs(n) <= (std::int64_t{1} << 53);
  };
  // Scalars go through the sweep's set_scenario_value, which keeps the file's integer or
  // real type where it can; lists and integers past a double's precision as they are.
  if (py::isinstance<py::bool_>(value)) {
    set_scenario_value(root, key, ParamValue(value.cast<bool>()));
  } else if (py::isinstance<py::int_>(value) && exact(value)) {
    set_scenario_value(root, key, ParamValue(static_cast<double>(value.cast<std::int64_t>())));
  } else if (py::isinstance<py::float_>(value)) {
    set_scenario_value(root, key, ParamValue(value.cast<double>()));
  } else if (py::isinstance<py::str>(value)) {
    set_scenario_value(root, key, ParamValue(value.cast<std::string>()));
  } else {
    set_scenario_value(root, key, ParamValue(0.0));
    const std::size_t dot = key.rfind('.');
    insert_value(parent_table(root, key), dot == std::string::npos ? key : key.substr(dot + 1),
                 value, kOverrides, key.substr(0, dot == std::string::npos ? 0 : dot));
  }
}

}  // namespace

std::string dict_to_toml(const py::dict& dict) {
  toml::table root;
  for (const auto& [key, value] : dict)
    insert_value(root, py::str(key), value, "<dict>", "");
  return toml_text(root);
}

ScenarioSource scenario_source(const std::string& kind, const py::object& scenario,
                               const std::string& relative_to, const py::list& overrides) {
  ScenarioSource source;
  const std::filesystem::path folder(relative_to);
  if (kind == "path") {
    source.path = std::filesystem::path(py::str(scenario).cast<std::string>());
    source.text = read_scenario_text(source.path);
  } else if (kind == "text") {
    source.path = folder / "<string>";
    source.text = scenario.cast<std::string>();
  } else {
    source.path = folder / "<dict>";
    source.text = dict_to_toml(scenario.cast<py::dict>());
  }
  source.root = parse_scenario_text(source.text, source.path.string());
  source.file_as_is = kind == "path" && overrides.empty();
  try {
    for (const py::handle item : overrides) {
      const auto pair = item.cast<py::tuple>();
      const std::string key = pair[0].cast<std::string>();
      source.override_keys.push_back(key);
      apply_override(source.root, key, pair[1]);
    }
  } catch (const InputError& error) {
    // set_scenario_value names --param, the sweep's option; here the value came from
    // the call's overrides.
    throw InputError({kOverrides}, error.problem(),
                     "override a key of a section, such as model.transmissibility");
  }
  return source;
}

std::string ScenarioSource::command_text() const {
  return override_keys.empty() ? text : toml_text(root);
}

Scenario load_source(const ScenarioSource& source) {
  try {
    return scenario_from_table(source.root, source.path, source.text);
  } catch (const InputError& error) {
    // Overridden values have no line: an error without one that names an overridden
    // key, or quotes a part of one ("unknown key 'x'"), is about an override.
    if (error.where().line != 0) throw;
    const std::string& problem = error.problem();
    for (const std::string& key : source.override_keys) {
      bool named = problem.find(key) != std::string::npos;
      for (std::size_t begin = 0; !named && begin <= key.size();) {
        const std::size_t dot = std::min(key.find('.', begin), key.size());
        named = problem.find("'" + key.substr(begin, dot - begin) + "'") != std::string::npos;
        begin = dot + 1;
      }
      if (named) throw InputError({kOverrides}, problem, error.hint());
    }
    throw;
  }
}

}  // namespace village::python
