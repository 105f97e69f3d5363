#pragma once
// A scenario file (TOML) turned into an immutable description plus a run plan.
// Loading validates everything before any work: types, ranges, unknown keys (with a
// "did you mean"), files, and whether the network fits in memory.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "models/model_registry.hpp"
#include "scenarios/network_spec.hpp"
#include "sim/error.hpp"
#include "sim/runner.hpp"

namespace village {

struct Scenario {
  std::filesystem::path path;
  std::string text;  // the file as read
  RunPlan plan;
  int threads = 0;  // 0: all available
  NetworkSpec network;
  const ModelInfo* model = nullptr;
  ParamValues model_values;
  SourceLocation size_location;  // where the network's size is set, for memory errors

  // The scenario as loaded, every default filled in (for manifest.json).
  nlohmann::ordered_json to_json() const;
};

// Reads and validates a scenario file. Throws InputError.
Scenario load_scenario(const std::filesystem::path& path);

// The [run] section's declared parameters (for documentation and validation).
const std::vector<ParamSpec>& run_params();

struct MemoryEstimate {
  double bytes_per_run = 0;
  double runs_at_once = 1;
  double total_bytes = 0;
  double available_bytes = 0;  // physical memory of this machine
};

// Bytes a run needs: population, CSR arrays, the edge list a generator builds first,
// and the model's state; times the replicates in memory at once.
MemoryEstimate estimate_memory(const Scenario& scenario, int threads);

// Refuses, before anything is allocated, a scenario whose runs would not fit in 90% of
// physical memory; the error states the estimate.
void check_memory(const Scenario& scenario, int threads);

// "1.5 GiB" and the like.
std::string format_bytes(double bytes);

}  // namespace village
