#pragma once
// A calibration's targets file (`village calibrate SCENARIO --targets TARGETS.toml`):
// the observed statistics the model is fitted to, and the parameters it may move.
//
//   [[target]]
//   name = "attended"              # free text, for the outputs
//   metric = "ever_attended"       # an outcome the model records
//   group = "all"                  # default "all"
//   week = 52                      # after this many weeks (default: the run's last)
//   value = 0.217                  # observed
//   sd = 0.03                      # its uncertainty, or interval = [0.18, 0.25] (95%)
//   source = "Kleyn et al. 2021"   # required: where the number comes from
//   change_from_week = 0           # optional: the target is the change since that week
//   denominator = "invited"        # optional: the target is metric / denominator
//
//   [[parameter]]
//   name = "model.trust_gain"      # prior: the registry's plausible range and prior
//   range = "0.1:0.5"              # optional: a uniform (or "LO:HI:log") prior of one's own
//
// Errors point at file:line:col, with "did you mean" for unknown keys.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/error.hpp"

namespace village {

struct CalibrationTarget {
  std::string name;
  std::string metric;
  std::string group = "all";
  std::optional<std::uint32_t> week;  // none: the last
  double value = 0;
  double sd = 0;
  std::string source;
  std::optional<std::uint32_t> change_from_week;
  std::string denominator;  // "": none
  SourceLocation location;
};

struct CalibrationParameter {
  std::string name;   // dotted scenario key
  std::string range;  // "": the registry's plausible range
  SourceLocation location;
};

struct CalibrationTargets {
  std::string text;  // the file as read
  std::vector<CalibrationTarget> targets;
  std::vector<CalibrationParameter> parameters;
};

// Reads and checks TARGETS.toml. Throws InputError at the offending key.
CalibrationTargets read_calibration_targets(const std::string& path);
// The same for a text that `path` names (its messages say `path`).
CalibrationTargets read_calibration_targets_text(std::string text, const std::string& path);

}  // namespace village
