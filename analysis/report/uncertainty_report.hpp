#pragma once
// report.html of `village compare --uncertainty`: one self-contained page (inline CSS
// and SVG, no scripts) with the section "How sure is the ranking?": the headline
// sentences, how often each strategy is the best, the acceptability curves, what drives
// the decision (EVPPI), where the least-often-best strategy wins (PRIM), and the method.
// Every name from the scenario is escaped.

#include <cstdint>
#include <string>

#include "analysis/uncertainty/study.hpp"

namespace village {

struct UncertaintyReportInput {
  std::string scenario_name;
  std::string design;           // "lhs" or "sobol"
  bool from_posterior = false;  // the worlds are draws from a calibration posterior
  std::uint64_t seed = 0;
  std::uint32_t weeks = 0;
  std::string version;
  std::string git_revision;
};

std::string render_uncertainty_report(const UncertaintyReportInput& input,
                                      const uncertainty::Study& study,
                                      const uncertainty::StudyAnalysis& analysis);

}  // namespace village
