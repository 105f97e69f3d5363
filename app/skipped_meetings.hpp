#pragma once
// Nothing is skipped silently: a scheduled meeting that could not take place (no
// facilitator in its neighbourhood, the facilitator out of hours, the programme out of
// budget, a parent network without its driver) is counted by the model (meetings_skipped,
// cumulative, group "all") and the command warns once.

#include <optional>
#include <string>
#include <vector>

#include "sim/runner.hpp"

namespace village {

// "81 of 160 scheduled meetings (51%) did not take place, ..." from the runs' last
// cumulative counts (mean over replicates), or nothing when none was skipped or the
// model counts no meetings. `where` names the strategy or scenario ("" for none).
std::optional<std::string> skipped_meetings_warning(const std::vector<RunRecord>& runs,
                                                    const std::string& where);

}  // namespace village
