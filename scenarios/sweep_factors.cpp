#include "scenarios/sweep_factors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "sim/output.hpp"
#include "sim/plausible.hpp"

namespace village {

namespace {

const SourceLocation kParamOption{"--param"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

bool parse_number(const std::string& text, double& value) {
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  return error == std::errc() && ptr == end && std::isfinite(value);
}

bool looks_integral(const std::string& text) {
  return !text.empty() && text.find_first_of(".eE") == std::string::npos;
}

ParamValue parse_level(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  double number = 0;
  if (parse_number(text, number)) return number;
  return text;
}

bool valid_path(const std::string& name) {
  if (name.empty() || name.front() == '.' || name.back() == '.') return false;
  if (name.find("..") != std::string::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

std::size_t SweepFactor::level_count() const {
  // An integer range is continuous to the design (a grid of 3 levels over 2000:6000 is
  // 2000, 4000, 6000), rounded down when the value is taken.
  return scale == FactorScale::levels ? levels.size() : 0;
}

ParamValue SweepFactor::value_at(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  switch (scale) {
    case FactorScale::linear:
      return low + u * (high - low);
    case FactorScale::log:
      return low * std::pow(high / low, u);
    case FactorScale::integer:
      return std::min(high, std::floor(low + u * (high - low + 1)));
    case FactorScale::beta:
      return prior_quantile(PriorShape::beta, low, high, beta_alpha, beta_beta, u);
    case FactorScale::levels: {
      const auto count = levels.size();
      const auto index =
          std::min(count - 1, static_cast<std::size_t>(u * static_cast<double>(count)));
      return levels[index];
    }
  }
  return low;
}

SweepFactor parse_sweep_factor(const std::string& text) {
  const auto equals = text.find('=');
  if (equals == std::string::npos) {
    throw InputError(kParamOption, fmt::format("'{}' has no '='", text),
                     "write NAME=LO:HI, NAME=LO:HI:log, NAME=a,b,c, or a section.key alone for its "
                     "plausible range, e.g. model.transmissibility=0.1:0.5");
  }
  SweepFactor factor;
  factor.name = text.substr(0, equals);
  factor.spec = text;
  const std::string range = text.substr(equals + 1);
  if (!valid_path(factor.name)) {
    throw InputError(kParamOption, fmt::format("'{}' is not a parameter path", factor.name),
                     "name the section and key with a dot, e.g. outreach.inviting_share");
  }
  if (factor.name.find('.') == std::string::npos) {
    throw InputError(kParamOption, fmt::format("'{}' names no section", factor.name),
                     fmt::format("write the section too, e.g. model.{}", factor.name));
  }
  if (range.find(',') != std::string::npos || range.find(':') == std::string::npos) {
    for (const std::string& level : split(range, ',')) {
      if (level.empty()) {
        throw InputError(kParamOption, fmt::format("'{}' has an empty level", text),
                         "separate levels with single commas: NAME=a,b,c");
      }
      factor.levels.push_back(parse_level(level));
    }
    factor.scale = FactorScale::levels;
    return factor;
  }
  const std::vector<std::string> parts = split(range, ':');
  if (parts.size() > 3 || !parse_number(parts[0], factor.low) ||
      !parse_number(parts[1], factor.high)) {
    throw InputError(kParamOption, fmt::format("'{}' is not a range", text),
                     "write NAME=LO:HI, NAME=LO:HI:log or NAME=LO:HI:int with numbers");
  }
  if (!(factor.low < factor.high)) {
    throw InputError(kParamOption, fmt::format("'{}': LO must be below HI", text),
                     "swap the bounds, or fix the parameter in the scenario file instead");
  }
  factor.scale = FactorScale::linear;
  factor.integral_bounds = looks_integral(parts[0]) && looks_integral(parts[1]);
  if (parts.size() == 3) {
    if (parts[2] == "log") {
      factor.scale = FactorScale::log;
    } else if (parts[2] == "int") {
      factor.scale = FactorScale::integer;
    } else if (parts[2] == "lin") {
      factor.scale = FactorScale::linear;
      factor.integral_bounds = false;  // stays real
    } else {
      throw InputError(kParamOption, fmt::format("'{}': unknown scale '{}'", text, parts[2]),
                       "use log, int or lin");
    }
  }
  if (factor.scale == FactorScale::log && factor.low <= 0) {
    throw InputError(kParamOption, fmt::format("'{}': a log range needs LO > 0", text),
                     "use a linear range, or a positive lower bound");
  }
  if (factor.scale == FactorScale::integer) {
    if (factor.low != std::floor(factor.low) || factor.high != std::floor(factor.high)) {
      throw InputError(kParamOption, fmt::format("'{}': an int range needs integer bounds", text),
                       "write whole numbers, e.g. community.households=2000:6000");
    }
    if (factor.high - factor.low >= 1e9) {
      throw InputError(kParamOption, fmt::format("'{}': the integer range is too wide", text),
                       "sweep it on a log scale (LO:HI:log) instead");
    }
  }
  return factor;
}

bool names_plausible_factor(const std::string& text) {
  return text.find('=') == std::string::npos && valid_path(text) &&
         text.find('.') != std::string::npos;
}

SweepFactor plausible_factor(const std::string& name, const ParamSpec* spec) {
  if (spec == nullptr) {
    throw InputError(kParamOption, fmt::format("'{}' is not a parameter of this scenario", name),
                     "see village params for the names, or give a range: NAME=LO:HI");
  }
  if (!has_plausible(*spec)) {
    throw InputError(kParamOption, fmt::format("{} has no plausible range in the registry", name),
                     fmt::format("give the range to sweep: --param {}=LO:HI", name));
  }
  SweepFactor factor;
  factor.name = name;
  factor.low = spec->plausible_min;
  factor.high = spec->plausible_max;
  factor.spec = fmt::format("{} (plausible {})", name, describe_plausible(*spec));
  if (spec->type == ParamType::integer) {
    factor.scale = FactorScale::integer;
  } else if (spec->prior == PriorShape::log_uniform) {
    factor.scale = FactorScale::log;
  } else if (spec->prior == PriorShape::beta) {
    factor.scale = FactorScale::beta;
    factor.beta_alpha = spec->prior_alpha;
    factor.beta_beta = spec->prior_beta;
  }
  return factor;
}

void resolve_factor_scale(SweepFactor& factor, const toml::table& root) {
  if (factor.scale != FactorScale::linear || !factor.integral_bounds) return;
  const toml::node* node = &root;
  for (const std::string& key : split(factor.name, '.')) {
    node = node->is_table() ? node->as_table()->get(key) : nullptr;
    if (node == nullptr) return;
  }
  if (node->is_integer()) factor.scale = FactorScale::integer;
}

void set_scenario_value(toml::table& root, const std::string& dotted_path,
                        const ParamValue& value) {
  const std::vector<std::string> keys = split(dotted_path, '.');
  toml::table* table = &root;
  std::string walked;
  for (std::size_t k = 0; k + 1 < keys.size(); ++k) {
    walked += (k == 0 ? "" : ".") + keys[k];
    toml::node* node = table->get(keys[k]);
    if (node == nullptr) {
      table->insert(keys[k], toml::table{});
      node = table->get(keys[k]);
    }
    if (!node->is_table()) {
      throw InputError(kParamOption, fmt::format("'{}' is not a table in the scenario", walked),
                       fmt::format("sweep a key of a section, not of '{}'", walked));
    }
    table = node->as_table();
  }
  const std::string& key = keys.back();
  const toml::node* existing = table->get(key);
  if (const auto* number = std::get_if<double>(&value)) {
    // An integral value stays an integer unless the file wrote a real there (the loader
    // accepts integers for real parameters, not reals for integer ones).
    const bool as_integer = (existing == nullptr || existing->is_integer()) &&
                            *number == std::floor(*number) && std::fabs(*number) < 9e15;
    if (as_integer)
      table->insert_or_assign(key, static_cast<std::int64_t>(*number));
    else
      table->insert_or_assign(key, *number);
  } else if (const auto* flag = std::get_if<bool>(&value)) {
    table->insert_or_assign(key, *flag);
  } else {
    table->insert_or_assign(key, std::get<std::string>(value));
  }
}

std::string format_param_value(const ParamValue& value) {
  if (const auto* number = std::get_if<double>(&value)) return format_value(*number);
  if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
  return std::get<std::string>(value);
}

}  // namespace village
