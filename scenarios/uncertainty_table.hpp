#pragma once
// The [uncertainty] table of a scenario with strategies: how `village compare` compares
// them under uncertainty (docs/uncertainty.md) without options on the command line.
//
//   [uncertainty]
//   worlds = 200                       # N, at least 20
//   parameters = ["outreach.inviting_share", "model.trust_gain"]  # default: all world ones
//   design = "lhs"                     # or "sobol"
//   replicates = 2                     # per world; default: [run] replicates
//   willingness_to_pay = 8000          # euros per unit; default: from the data

#include <toml++/toml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/error.hpp"

namespace village {

struct UncertaintySettings {
  std::size_t worlds = 0;
  std::vector<std::string> parameters;
  std::string design = "lhs";
  std::optional<std::uint32_t> replicates;
  double willingness_to_pay = 0;
  SourceLocation location;
};

// Reads [uncertainty] when the scenario has one. Throws InputError at the offending key.
std::optional<UncertaintySettings> read_uncertainty_table(const toml::table& root,
                                                          const std::string& file);

}  // namespace village
