#pragma once
// The factors of a sweep (`village sweep --param NAME=...`) and how a design point in
// the unit cube becomes scenario values.
//
// NAME is a dotted path into the scenario file: "model.transmissibility",
// "outreach.inviting_share", "community.households", "network.generator". A factor is
//   NAME=LO:HI        a real range, u in [0,1] maps to LO + u (HI - LO)
//   NAME=LO:HI:log    a log-uniform range (LO, HI > 0), LO (HI/LO)^u
//   NAME=LO:HI:int    an integer range, floor(LO + u (HI - LO + 1)) capped at HI; LO:HI
//                     with whole bounds is one too where the file holds an integer there
//   NAME=a,b,c        levels (numbers, true/false or text such as generator names or
//                     network files), level floor(u L) of L
//   NAME              the parameter's plausible range and prior from the registry
//                     (sim/plausible.hpp): u maps through the prior's quantile function
// The value is written into the parsed file before it is validated, so the loader
// checks it like any value typed in the file (range, type, unknown key).

#include <toml++/toml.h>

#include <cstddef>
#include <string>
#include <vector>

#include "sim/error.hpp"
#include "sim/parameters.hpp"

namespace village {

enum class FactorScale { linear, log, integer, levels, beta };

struct SweepFactor {
  std::string name;  // dotted path
  FactorScale scale = FactorScale::linear;
  double low = 0;
  double high = 1;
  std::vector<ParamValue> levels;  // FactorScale::levels
  std::string spec;                // as given, for messages and the manifest
  bool integral_bounds = false;    // LO and HI written without a decimal point or exponent
  double beta_alpha = 1;           // FactorScale::beta: Beta(alpha, beta) over [low, high]
  double beta_beta = 1;

  // Levels a design must respect: the level count of a list, or 0 for a range.
  std::size_t level_count() const;
  // The factor's value at unit coordinate u in [0, 1].
  ParamValue value_at(double u) const;
};

// Parses "NAME=..." as given to --param. Throws InputError naming --param.
SweepFactor parse_sweep_factor(const std::string& text);

// True for a bare "NAME": the factor takes its plausible range (plausible_factor).
bool names_plausible_factor(const std::string& text);
// The factor over spec's plausible range with its prior; spec is what the scenario's
// registry declares at `name` (nullptr: none). Throws InputError naming --param when
// there is no such parameter or it has no plausible range.
SweepFactor plausible_factor(const std::string& name, const ParamSpec* spec);

// A range with whole bounds and no scale (households=2000:4000) is an integer range
// when the scenario file holds an integer at its path, else a real one (0:1 for a share).
void resolve_factor_scale(SweepFactor& factor, const toml::table& root);

// Writes value at the dotted path of `root`, creating tables on the way. A value that
// replaces an integer (or a real) keeps the file's type where it can, so that
// `households = 3500` swept as 3000:4000 stays an integer. Throws InputError when the
// path runs through a key that is not a table.
void set_scenario_value(toml::table& root, const std::string& dotted_path, const ParamValue& value);

// "0.25", "true", "erdos_renyi" (for design.csv).
std::string format_param_value(const ParamValue& value);

}  // namespace village
