#pragma once
// The parameter registry's vocabulary. A model (or a network generator) declares each
// parameter once: name, type, default, range, unit, source. The scenario loader
// validates against these declarations and docs/ODD.md's tables are generated from
// them (`village params`), so documentation, validation and code cannot disagree.

#include <cstdint>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace village {

enum class ParamType { real, integer, boolean, text };

enum class ParamRole : std::uint8_t { world, intervention };

// The prior over a plausible range (sim/plausible.hpp): what sweeps, sensitivity and
// uncertainty draw from. beta is Beta(prior_alpha, prior_beta) stretched over the range.
enum class PriorShape : std::uint8_t { uniform, log_uniform, beta };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::real;
  double default_number = 0.0;  // real and integer
  bool default_flag = false;    // boolean
  std::string default_text;     // text
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_exclusive = false;        // (min, max] instead of [min, max]
  std::vector<std::string> choices;  // text: allowed values (empty: any)
  std::string unit;
  std::string description;
  std::string source;     // seed file and section, or paper
  std::string mechanism;  // M-id from the seeds digest, or "" for classic models
  // The range a value can plausibly take in the world (within [min, max]), for sweeps,
  // sensitivity and uncertainty; unset (NaN) where not yet given.
  double plausible_min = std::numeric_limits<double>::quiet_NaN();
  double plausible_max = std::numeric_limits<double>::quiet_NaN();
  PriorShape prior = PriorShape::uniform;
  double prior_alpha = 1;
  double prior_beta = 1;
  std::string plausible_reason;  // why the range is where it is: a source or the reasoning
  // A property of the world (how people behave) or of an intervention (what money buys).
  ParamRole role = ParamRole::world;
  // A world parameter of an intervention's domain: the intervention that changes it
  // (named when a strategy tries to set it), or "".
  std::string changed_by;
};

// The declarations of one TOML table ("outreach", "community.key_figures"), for models
// and generators whose parameters span several tables.
struct ParamTable {
  std::string name;
  std::string description;
  std::vector<ParamSpec> specs;
};

using ParamValue = std::variant<double, bool, std::string>;

// Values of one module's parameters: defaults overlaid with the scenario's values.
class ParamValues {
 public:
  ParamValues() = default;
  explicit ParamValues(const std::vector<ParamSpec>& specs) {
    for (const auto& spec : specs) {
      switch (spec.type) {
        case ParamType::real:
        case ParamType::integer:
          values_[spec.name] = spec.default_number;
          break;
        case ParamType::boolean:
          values_[spec.name] = spec.default_flag;
          break;
        case ParamType::text:
          values_[spec.name] = spec.default_text;
          break;
      }
    }
  }
  void set(const std::string& name, ParamValue value) { values_[name] = std::move(value); }
  bool has(const std::string& name) const { return values_.count(name) != 0; }

  double real(const std::string& name) const { return get<double>(name); }
  std::int64_t integer(const std::string& name) const {
    return static_cast<std::int64_t>(get<double>(name));
  }
  bool flag(const std::string& name) const { return get<bool>(name); }
  const std::string& text(const std::string& name) const { return get<std::string>(name); }
  const std::map<std::string, ParamValue>& all() const { return values_; }

 private:
  template <typename T>
  const T& get(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) throw std::invalid_argument("no parameter '" + name + "'");
    if (const T* value = std::get_if<T>(&it->second)) return *value;
    throw std::invalid_argument("parameter '" + name + "' has another type");
  }
  std::map<std::string, ParamValue> values_;
};

}  // namespace village
