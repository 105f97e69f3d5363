#pragma once
// The manifest of a run's replicates (`village run`, and village.run in Python): the build,
// the host, the scenario as read, the random streams, the threads and the wall times, so
// that a reader can tell exactly what produced the files beside it.

#include <chrono>
#include <nlohmann/json.hpp>
#include <vector>

#include "scenarios/scenario.hpp"
#include "sim/output.hpp"

namespace village {

// Every key but "files", which the caller adds once it knows what it writes.
nlohmann::ordered_json run_manifest(const Scenario& scenario, const std::vector<RunRecord>& runs,
                                    int threads, std::chrono::system_clock::time_point start,
                                    std::chrono::system_clock::time_point end, double wall_seconds);

}  // namespace village
