#pragma once
// What one run of `village compare --uncertainty` keeps in the task journal (the
// headline value, the euros and the headline group's size, one JSON line), and the
// files it writes.

#include <string>
#include <vector>

#include "analysis/uncertainty/study.hpp"
#include "sim/parameters.hpp"

namespace village {

std::string encode_uncertainty_result(const uncertainty::StudyRun& run);
// Throws InputError when a journal line is not one encode_uncertainty_result wrote.
uncertainty::StudyRun decode_uncertainty_result(const std::string& line);

// A parameter's value as a number for the analysis: a number itself, true/false as 1/0,
// a level's text as the position it has among the factor's levels (levels_index).
double param_as_number(const ParamValue& value);

std::vector<std::string> uncertainty_files();

}  // namespace village
