#pragma once
// A scenario file (TOML) turned into an immutable description plus a run plan.
// Loading validates everything before any work: types, ranges, unknown keys (with a
// "did you mean"), files, and whether the network fits in memory.

#include <toml++/toml.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "models/model_registry.hpp"
#include "scenarios/agent_files.hpp"
#include "scenarios/community/community_spec.hpp"
#include "scenarios/network_spec.hpp"
#include "scenarios/strategies.hpp"
#include "sim/error.hpp"
#include "sim/memory.hpp"
#include "sim/runner.hpp"

namespace village {

struct Scenario {
  std::filesystem::path path;
  std::string text;  // the file as read
  RunPlan plan;
  int threads = 0;  // 0: all available
  // Exactly one of the two: a [network] for the classic models, a [community] for
  // models that need a synthesised community (ModelInfo::needs_community).
  NetworkSpec network;
  std::optional<CommunitySpec> community;
  const ModelInfo* model = nullptr;
  // [model] values, plus those of the model's extra tables as "<table>.<key>".
  ParamValues model_values;
  SourceLocation size_location;  // where the size is set, for memory errors
  // The classic models' [model] attributes and seeding_file, read when the scenario loads
  // (null when not given), and where seeding_centre is set.
  std::shared_ptr<const AgentFile> agent_attributes;
  std::shared_ptr<const AgentFile> seed_file;
  SourceLocation seeding_centre_at;
  // [strategies.*], [compare] and [costs] (`village compare`); empty without strategies.
  StrategySet strategies;

  // Agents and stored arcs of one run's world, before anything is allocated.
  double expected_agents() const;
  double expected_arcs() const;
  // "network" (the classic models) or "community".
  std::string world_kind() const { return community ? "community" : network.generator; }

  // The scenario as loaded, every default filled in (for manifest.json).
  nlohmann::ordered_json to_json() const;
};

// Builds each run's World: generates or imports the [network], or synthesises the
// [community], from the run's random stream.
WorldFactory make_world_factory(const Scenario& scenario);

// Reads and validates a scenario file. Throws InputError.
Scenario load_scenario(const std::filesystem::path& path);
// A scenario given as text, not read from a file (the Python module's TOML strings and
// dicts): `nominal_path` names it in messages, and its folder resolves relative files.
Scenario load_scenario_text(std::string text, const std::filesystem::path& nominal_path);

// The parts of load_scenario, for callers that change the parsed file before it is
// validated (a sweep sets its design point's values): read_scenario_text refuses a file
// over the size limit before reading it; parse_scenario_text checks the size and nesting
// limits (scenario_limits.hpp) and throws InputError at the TOML syntax error; scenario_from_table
// validates a parsed file as load_scenario does, with `path` for locations and relative files and
// `text` kept as the file as read.
std::string read_scenario_text(const std::filesystem::path& path);
toml::table parse_scenario_text(const std::string& text, const std::string& file);
Scenario scenario_from_table(const toml::table& root, const std::filesystem::path& path,
                             std::string text);

// The [run] section's declared parameters (for documentation and validation).
const std::vector<ParamSpec>& run_params();

struct MemoryEstimate {
  double bytes_per_run = 0;
  double runs_at_once = 1;
  double total_bytes = 0;
  double available_bytes = 0;  // what this process may use (available_memory_bytes)
};

// Bytes a run needs: population, CSR arrays, the edge list a generator builds first,
// and the model's state; times the replicates in memory at once.
MemoryEstimate estimate_memory(const Scenario& scenario, int threads);

// Refuses, before anything is allocated, a scenario whose runs would not fit in 90% of
// the memory this process may use; the error states the estimate.
void check_memory(const Scenario& scenario, int threads);

}  // namespace village
