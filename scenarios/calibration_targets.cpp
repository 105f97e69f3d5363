#include "scenarios/calibration_targets.hpp"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "scenarios/scenario.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"

namespace village {

namespace {

constexpr double kZ95Width = 2 * 1.959963984540054;  // a 95% interval spans 3.92 sd

const std::vector<std::string> kTargetKeys{
    "name",   "metric",           "group",      "week", "value", "sd", "interval",
    "source", "change_from_week", "denominator"};
const std::vector<std::string> kParameterKeys{"name", "range"};

SourceLocation key_location(const toml::key& key, const std::string& file) {
  const auto& begin = key.source().begin;
  return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

std::string text_of(const toml::node& value, const std::string& key, const std::string& file) {
  const auto* text = value.as_string();
  if (text == nullptr || text->get().empty())
    throw InputError(location_of(value, file), fmt::format("{} must be a non-empty string", key),
                     fmt::format("write it like {} = \"...\"", key));
  return text->get();
}

double number_of(const toml::node& value, const std::string& key, const std::string& file) {
  const std::optional<double> number = value.value<double>();
  if (!number || !std::isfinite(*number))
    throw InputError(location_of(value, file), fmt::format("{} must be a number", key),
                     fmt::format("write it like {} = 0.25", key));
  return *number;
}

std::uint32_t week_of(const toml::node& value, const std::string& key, const std::string& file) {
  const auto* number = value.as_integer();
  if (number == nullptr || number->get() < 0 || number->get() > 1000000)
    throw InputError(location_of(value, file), fmt::format("{} must be a whole week >= 0", key),
                     fmt::format("write it like {} = 52", key));
  return static_cast<std::uint32_t>(number->get());
}

const toml::array& array_of_tables(const toml::node& node, const std::string& key,
                                   const std::string& file) {
  const toml::array* array = node.as_array();
  if (array == nullptr || !array->is_array_of_tables())
    throw InputError(location_of(node, file), fmt::format("{} must be [[{}]] tables", key, key),
                     fmt::format("write each one as a [[{}]] table", key));
  return *array;
}

CalibrationTarget read_target(const toml::table& table, const std::string& file) {
  CalibrationTarget target;
  target.location = location_of(table, file);
  bool has_value = false, has_sd = false;
  for (const auto& [key, value] : table) {
    const std::string k(key.str());
    const SourceLocation at = location_of(value, file);
    if (k == "name") {
      target.name = text_of(value, "target.name", file);
    } else if (k == "metric") {
      target.metric = text_of(value, "target.metric", file);
    } else if (k == "group") {
      target.group = text_of(value, "target.group", file);
    } else if (k == "week") {
      target.week = week_of(value, "target.week", file);
    } else if (k == "change_from_week") {
      target.change_from_week = week_of(value, "target.change_from_week", file);
    } else if (k == "value") {
      target.value = number_of(value, "target.value", file);
      has_value = true;
    } else if (k == "sd") {
      if (has_sd) throw InputError(at, "give sd or interval, not both", "keep one of them");
      target.sd = number_of(value, "target.sd", file);
      if (!(target.sd > 0))
        throw InputError(at, "target.sd must be above 0", "the observation's standard deviation");
      has_sd = true;
    } else if (k == "interval") {
      if (has_sd) throw InputError(at, "give sd or interval, not both", "keep one of them");
      const toml::array* pair = value.as_array();
      if (pair == nullptr || pair->size() != 2 || !(*pair)[0].value<double>() ||
          !(*pair)[1].value<double>() ||
          !(*(*pair)[1].value<double>() > *(*pair)[0].value<double>()))
        throw InputError(at, "target.interval must be [low, high] with low < high",
                         "a 95% interval, like interval = [0.18, 0.25]");
      target.sd = (*(*pair)[1].value<double>() - *(*pair)[0].value<double>()) / kZ95Width;
      has_sd = true;
    } else if (k == "source") {
      target.source = text_of(value, "target.source", file);
    } else if (k == "denominator") {
      target.denominator = text_of(value, "target.denominator", file);
    } else {
      throw InputError(key_location(key, file), fmt::format("unknown key target.{}", k),
                       did_you_mean(k, kTargetKeys));
    }
  }
  const auto need = [&](bool ok, const std::string& what, const std::string& hint) {
    if (!ok) throw InputError(target.location, fmt::format("this [[target]] needs {}", what), hint);
  };
  need(!target.metric.empty(), "a metric", "metric = \"...\": an outcome the model records");
  need(has_value, "a value", "value = ...: the observed statistic");
  need(has_sd, "an sd or interval", "its uncertainty: sd = ... or interval = [low, high]");
  need(!target.source.empty(), "a source", "source = \"...\": where the number comes from");
  if (target.name.empty()) target.name = target.metric;
  if (target.change_from_week && target.week && *target.change_from_week >= *target.week)
    throw InputError(target.location, "change_from_week must come before week",
                     "the change runs from change_from_week to week");
  return target;
}

}  // namespace

CalibrationTargets read_calibration_targets(const std::string& path) {
  return read_calibration_targets_text(read_scenario_text(path), path);
}

CalibrationTargets read_calibration_targets_text(std::string text, const std::string& path) {
  CalibrationTargets result;
  result.text = std::move(text);
  const toml::table root = parse_scenario_text(result.text, path);
  for (const auto& [key, node] : root) {
    const std::string k(key.str());
    if (k == "target") {
      for (const toml::node& element : array_of_tables(node, "target", path))
        result.targets.push_back(read_target(*element.as_table(), path));
    } else if (k == "parameter") {
      for (const toml::node& element : array_of_tables(node, "parameter", path)) {
        const toml::table& table = *element.as_table();
        CalibrationParameter parameter;
        parameter.location = location_of(table, path);
        for (const auto& [pkey, value] : table) {
          const std::string p(pkey.str());
          if (p == "name")
            parameter.name = text_of(value, "parameter.name", path);
          else if (p == "range")
            parameter.range = text_of(value, "parameter.range", path);
          else
            throw InputError(key_location(pkey, path), fmt::format("unknown key parameter.{}", p),
                             did_you_mean(p, kParameterKeys));
        }
        if (parameter.name.empty())
          throw InputError(parameter.location, "this [[parameter]] needs a name",
                           "name = \"model.trust_gain\"");
        for (const CalibrationParameter& other : result.parameters)
          if (other.name == parameter.name)
            throw InputError(parameter.location, fmt::format("{} is named twice", parameter.name),
                             "give each parameter one [[parameter]] table");
        result.parameters.push_back(parameter);
      }
    } else {
      throw InputError(location_of(node, path), fmt::format("unknown table [{}]", k),
                       did_you_mean(k, {"target", "parameter"}));
    }
  }
  if (result.targets.empty())
    throw InputError({path}, "no [[target]] tables", "name at least one observed statistic");
  if (result.parameters.empty())
    throw InputError({path}, "no [[parameter]] tables", "name at least one parameter to calibrate");
  return result;
}

}  // namespace village
