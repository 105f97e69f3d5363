#pragma once
// calibration.html of `village calibrate`: one self-contained page (inline CSS and SVG,
// no scripts): what was fitted to what, each parameter's weighted posterior histogram over
// its prior range with the identifiability verdict, pairwise posterior scatters, the
// posterior predictive check per target, and the tolerance path. Names are escaped.

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/calibration/abc_smc.hpp"

namespace village {

struct CalibrationReportTarget {
  std::string name;
  std::string source;
  double observed = 0;
  double sd = 0;
  double predictive_low = 0;  // the particles' 5%, 50% and 95% weighted quantiles
  double predictive_median = 0;
  double predictive_high = 0;
};

struct CalibrationReportInput {
  std::string scenario_name;
  std::string targets_name;
  std::string version;
  std::string git_revision;
  std::uint64_t seed = 0;
  std::vector<std::string> parameters;
  std::vector<calibration::Prior> priors;
  std::vector<double> identifiability;
  std::vector<std::string> verdicts;
  std::vector<CalibrationReportTarget> targets;
  calibration::AbcResult result;
};

std::string render_calibration_report(const CalibrationReportInput& input);

}  // namespace village
