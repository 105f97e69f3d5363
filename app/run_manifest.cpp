#include "app/run_manifest.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "app/clock.hpp"
#include "village/version.hpp"

namespace village {

nlohmann::ordered_json run_manifest(const Scenario& scenario, const std::vector<RunRecord>& runs,
                                    int threads, std::chrono::system_clock::time_point start,
                                    std::chrono::system_clock::time_point end,
                                    double wall_seconds) {
  nlohmann::ordered_json json;
  json["village_version"] = kVersion;
  json["git_revision"] = kGitRevision;
  json["compiler"] = fmt::format("{}, {}", kCompiler, kBuildFlags);
  json["host"] = host_name();
  json["scenario_file"] = std::filesystem::absolute(scenario.path).string();
  json["scenario"] = scenario.to_json();
  json["scenario_text"] = scenario.text;
  json["random"] = {{"generator", "Philox4x64-10 (Random123)"},
                    {"master_seed", scenario.plan.seed},
                    {"stream_key", "(master_seed, run)"},
                    {"counter", "(step, agent, purpose, draw)"}};
  json["threads"] = threads;
  json["start_time"] = iso_time(start);
  json["end_time"] = iso_time(end);
  json["wall_seconds"] = wall_seconds;
  nlohmann::ordered_json per_run = nlohmann::ordered_json::array();
  for (const RunRecord& run : runs)
    per_run.push_back({{"run", run.run}, {"wall_seconds", run.wall_seconds}});
  json["runs"] = per_run;
  return json;
}

}  // namespace village
