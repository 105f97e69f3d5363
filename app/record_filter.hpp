#pragma once
// --record and --record-groups: which (metric, group) series go into a time series. The
// names are checked before anything runs, against what the scenario's model records.

#include <string>

#include "scenarios/scenario.hpp"
#include "sim/output_format.hpp"

namespace village {

// Empty lists keep everything. A name that the model does not record (in the first
// replicate's world at week 0) throws InputError naming the option, with the closest
// name as a hint; a name ending in '*' must match at least one.
SeriesFilter record_filter(const std::string& metrics, const std::string& groups,
                           const Scenario& scenario, const WorldFactory& make_world);

}  // namespace village
