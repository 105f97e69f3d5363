#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>

#include "analysis/replicate_statistics.hpp"
#include "app/clock.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/interrupt.hpp"
#include "app/output_files.hpp"
#include "app/record_filter.hpp"
#include "app/run_manifest.hpp"
#include "app/skipped_meetings.hpp"
#include "scenarios/scenario.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

// The outcomes a policymaker reads first, for all parents, the vulnerable, those with a
// language barrier and each community; the rest stays in summary.csv.
std::vector<ReplicateStatistic> headline_statistics(std::vector<ReplicateStatistic> all) {
  const std::vector<std::string> metrics{"reach", "institutional_trust", "help_seeking",
                                         "incident_cooperation", "hours_total"};
  std::vector<ReplicateStatistic> kept;
  for (const std::string& metric : metrics) {
    for (const ReplicateStatistic& statistic : all) {
      const bool group = statistic.group == "all" || statistic.group == "vulnerable" ||
                         statistic.group == "language_barrier" ||
                         statistic.group.rfind("community:", 0) == 0;
      if (statistic.metric == metric && group) kept.push_back(statistic);
    }
  }
  return kept;
}

}  // namespace

int run_command(const RunOptions& options) {
  Scenario scenario = load_scenario(options.scenario);
  if (!scenario.strategies.empty() && !options.quiet) {
    fmt::print(stderr,
               "note: {} defines {} strategies; `village run` runs its [outreach] as written, "
               "without any strategy's changes. Compare them with `village compare {}`.\n",
               scenario.path.filename().string(), scenario.strategies.strategies.size(),
               scenario.path.string());
  }
  if (options.seed) scenario.plan.seed = *options.seed;
  if (options.replicates) scenario.plan.replicates = *options.replicates;
  if (options.threads) scenario.threads = *options.threads;
  check_memory(scenario, scenario.threads);
  set_thread_count(scenario.threads);
  const int threads = thread_count();

  // Files the world reads (a network, attributes, seeds) are checked before any output.
  const WorldFactory make_world = make_world_factory(scenario);
  const OutputFormat format = parse_output_format(options.output.format);
  const SeriesFilter record =
      record_filter(options.output.record, options.output.record_groups, scenario, make_world);
  std::vector<OutputTable> tables{{"timeseries", "", true}, {"summary", "", false}};
  const std::vector<std::string> files = output_file_names(tables, format, {"manifest.json"});
  const fs::path out =
      options.out.empty() ? fs::path("runs") / scenario.path.stem() : fs::path(options.out);
  create_output_folder(out);
  remove_stale_temporaries(out, files);
  const std::atomic<bool>& stop = install_interrupt_handlers();

  const auto start = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const ModelInfo& model = *scenario.model;
  const ParamValues& values = scenario.model_values;
  std::vector<RunRecord> runs;
  try {
    runs = run_replicates(
        scenario.plan, make_world, [&] { return model.make(values); }, &stop);
  } catch (const ReplicatesStopped& stopped) {
    return report_nothing_written(
        fmt::format("{} of {} replicates", stopped.finished, stopped.total), out);
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  const auto end = std::chrono::system_clock::now();

  tables[0].csv = timeseries_csv(runs, record);
  tables[1].csv = summary_csv(runs);
  nlohmann::ordered_json manifest_json = run_manifest(scenario, runs, threads, start, end, wall);
  manifest_json["files"] = files;
  write_outputs(out, format, std::move(tables), {{out / "manifest.json", json_text(manifest_json)}},
                manifest_json);

  if (const auto warning = skipped_meetings_warning(runs, ""))
    fmt::print(stderr, "warning: {}\n", *warning);
  if (!options.quiet) {
    const double level = 0.95;
    fmt::print("village {}: {} ({} on {}), {} replicates x {} steps, {} threads, {:.2f} s\n\n",
               kVersion, scenario.path.filename().string(), model.kind, scenario.world_kind(),
               scenario.plan.replicates, scenario.plan.steps, threads, wall);
    std::vector<ReplicateStatistic> statistics = final_value_statistics(runs, level);
    if (scenario.community) statistics = headline_statistics(std::move(statistics));
    fmt::print("{}:\n{}\n",
               scenario.community ? "Headline outcomes at the last week, across replicates "
                                    "(all outcomes: summary.csv)"
                                  : "Final values across replicates",
               format_statistics_table(statistics, level));
    fmt::print("Wrote {}/{}\n", out.string(), fmt::join(files, ", "));
  }
  return 0;
}

int validate_command(const std::string& scenario_path) {
  const Scenario scenario = load_scenario(scenario_path);
  // Build the world factory so that file networks are read and checked too.
  const WorldFactory make_world = make_world_factory(scenario);
  const MemoryEstimate estimate = estimate_memory(scenario, scenario.threads);
  fmt::print(
      "{}: valid. {} on a {} of about {:.3g} agents; {} replicates x {} steps; about {} "
      "per run\n",
      scenario_path, scenario.model->kind,
      scenario.community ? "community" : scenario.network.generator + " network",
      scenario.expected_agents(), scenario.plan.replicates, scenario.plan.steps,
      format_bytes(estimate.bytes_per_run));
  if (!scenario.strategies.empty()) {
    std::vector<std::string> names;
    for (const Strategy& strategy : scenario.strategies.strategies)
      names.push_back(strategy.name);
    fmt::print("{} strategies to compare ({}); baseline {}\n", names.size(), fmt::join(names, ", "),
               scenario.strategies.baseline);
  }
  return 0;
}

}  // namespace village
