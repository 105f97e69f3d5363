#pragma once
// Short constructors for the parent-support model's parameter declarations. Each
// mechanism declares its parameters once (name, default, range, unit, mechanism id,
// source, meaning); its Params struct is read from the validated values, so the
// defaults live in one place only.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/parameters.hpp"
#include "sim/plausible.hpp"

namespace village::parent_support {

inline ParamSpec real_param(std::string name, double default_value, double min, double max,
                            std::string unit, std::string mechanism, std::string source,
                            std::string description) {
  return {.name = std::move(name),
          .type = ParamType::real,
          .default_number = default_value,
          .min = min,
          .max = max,
          .unit = std::move(unit),
          .description = std::move(description),
          .source = std::move(source),
          .mechanism = std::move(mechanism)};
}

// A probability or share in [0, 1].
inline ParamSpec share_param(std::string name, double default_value, std::string unit,
                             std::string mechanism, std::string source, std::string description) {
  return real_param(std::move(name), default_value, 0, 1, std::move(unit), std::move(mechanism),
                    std::move(source), std::move(description));
}

inline ParamSpec integer_param(std::string name, double default_value, double min, double max,
                               std::string unit, std::string mechanism, std::string source,
                               std::string description) {
  ParamSpec spec = real_param(std::move(name), default_value, min, max, std::move(unit),
                              std::move(mechanism), std::move(source), std::move(description));
  spec.type = ParamType::integer;
  return spec;
}

inline ParamSpec flag_param(std::string name, bool default_value, std::string mechanism,
                            std::string source, std::string description) {
  return {.name = std::move(name),
          .type = ParamType::boolean,
          .default_flag = default_value,
          .description = std::move(description),
          .source = std::move(source),
          .mechanism = std::move(mechanism)};
}

inline ParamSpec choice_param(std::string name, std::string default_value,
                              std::vector<std::string> choices, std::string mechanism,
                              std::string source, std::string description) {
  return {.name = std::move(name),
          .type = ParamType::text,
          .default_text = std::move(default_value),
          .choices = std::move(choices),
          .description = std::move(description),
          .source = std::move(source),
          .mechanism = std::move(mechanism)};
}

// Marks specs as what a strategy buys (ParamRole::intervention): an intervention's scale,
// design, targeting, hours and prices. Magnitudes of how the world responds stay world.
inline std::vector<ParamSpec> bought(std::vector<ParamSpec> specs) {
  for (ParamSpec& spec : specs)
    spec.role = ParamRole::intervention;
  return specs;
}

// The scenario key of an [outreach] parameter.
inline std::string outreach_key(std::string_view name) {
  std::string key = "outreach.";
  key += name;
  return key;
}

// Appends b to a.
inline void append(std::vector<ParamSpec>& a, const std::vector<ParamSpec>& b) {
  a.insert(a.end(), b.begin(), b.end());
}

}  // namespace village::parent_support
