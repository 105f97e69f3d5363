// `village sweep`: runs every task (design point x replicate) of a sweep over threads or
// MPI ranks, records each as it finishes in DIR/tasks.journal, and writes design.csv,
// results.csv (and timeseries.csv) and manifest.json once every task of the shard is
// recorded. Re-running the same command resumes; a finished sweep runs nothing.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>

#include "app/clock.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/interrupt.hpp"
#include "app/output_files.hpp"
#include "app/posterior.hpp"
#include "app/progress.hpp"
#include "app/record_filter.hpp"
#include "app/sweep_database.hpp"
#include "app/sweep_outputs.hpp"
#include "app/sweep_plan.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "sim/sweep/task_farm.hpp"
#include "sim/sweep/task_journal.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

constexpr const char* kJournal = "tasks.journal";

fs::path output_folder(const SweepOptions& options) {
  if (!options.out.empty()) return options.out;
  return fs::path("runs") / (fs::path(options.scenario).stem().string() + "_sweep");
}

std::string compiler_description() {
  return fmt::format("{}, {}", kCompiler, kBuildFlags);
}

// The tables a sweep writes: results, the time series with --timeseries, and the design.
std::vector<OutputTable> sweep_tables(bool timeseries) {
  std::vector<OutputTable> tables{{"design", "", false}, {"results", "", false}};
  if (timeseries) tables.push_back({"timeseries", "", true});
  return tables;
}

nlohmann::ordered_json sweep_manifest(const SweepPlan& plan, const std::vector<std::string>& files,
                                      int threads, int ranks,
                                      std::chrono::system_clock::time_point start,
                                      std::chrono::system_clock::time_point end, double wall,
                                      std::uint64_t ran_now) {
  nlohmann::ordered_json json;
  json["village_version"] = kVersion;
  json["git_revision"] = kGitRevision;
  json["compiler"] = compiler_description();
  json["host"] = host_name();
  json["scenario_file"] = fs::absolute(plan.request.scenario).string();
  json["scenario_hash"] = fnv1a_hex(plan.text);
  json["scenario_text"] = plan.text;
  json["model"] = plan.model_kind;
  json["sweep_key"] = plan.key;
  if (!plan.request.strategy.empty()) json["strategy"] = plan.request.strategy;
  json["design"] = design_json(plan);
  json["replicates"] = plan.replicates;
  json["timeseries"] = plan.request.timeseries;
  json["steps"] = plan.steps;
  json["random"] = {{"generator", "Philox4x64-10 (Random123)"},
                    {"master_seed", plan.seed},
                    {"stream_key", "(master_seed, replicate): the same for every design point"},
                    {"counter", "(step, agent, purpose, draw)"}};
  json["tasks_total"] = plan.task_count;
  json["shard"] = {{"index", plan.request.shard_index + 1},
                   {"count", plan.request.shard_count},
                   {"tasks", plan.tasks.size()}};
  json["tasks_run_by_this_command"] = ran_now;
  json["threads"] = threads;
  json["mpi_ranks"] = ranks;
  json["start_time"] = iso_time(start);
  json["end_time"] = iso_time(end);
  json["wall_seconds"] = wall;
  json["files"] = files;
  return json;
}

std::string run_task(const SweepPlan& plan, std::uint64_t task) {
  const std::size_t point = task / plan.replicates;
  const auto replicate = static_cast<std::uint32_t>(task % plan.replicates);
  const Scenario scenario = plan.point_scenario(point);
  const ModelInfo& model = *scenario.model;
  const ParamValues& values = scenario.model_values;
  const RunRecord record = run_one(replicate, scenario.plan, make_world_factory(scenario),
                                   [&model, &values]() { return model.make(values); });
  return encode_task_result(record, plan.request.timeseries);
}

}  // namespace

int sweep_command(const SweepOptions& options) {
  const auto start = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  SweepRequest request;
  request.scenario = options.scenario;
  request.scenario_text = options.scenario_text;
  request.design = options.design;
  request.samples = options.samples.value_or(0);
  request.morris_levels = options.morris_levels;
  request.replicates = options.replicates.value_or(0);
  request.params = options.params;
  request.seed_given = options.seed.has_value();
  request.seed = options.seed.value_or(0);
  request.threads = options.threads.value_or(0);
  if (!options.shard.empty()) parse_shard(options.shard, request.shard_index, request.shard_count);
  request.timeseries = options.timeseries;
  request.strategy = options.strategy;
  if (!options.posterior.empty()) {
    if (!options.params.empty())
      throw InputError({"--param"}, "--param and --posterior do not go together",
                       "the posterior's columns are the parameters");
    if (request.samples == 0)
      throw InputError({"--samples"}, "--posterior needs --samples", "how many draws to run");
    request.design = "lhs";
    draw_from_posterior(request, load_scenario(options.scenario), options.posterior);
  }
  const SweepPlan plan = plan_sweep(request);
  const OutputFormat format = parse_output_format(options.output.format);
  SeriesFilter record;
  if (!options.output.record.empty() || !options.output.record_groups.empty()) {
    if (!request.timeseries)
      throw InputError({"--record"}, "--record and --record-groups choose the time series",
                       "add --timeseries");
    const Scenario base = plan.point_scenario(0);
    record = record_filter(options.output.record, options.output.record_groups, base,
                           make_world_factory(base));
  }
  const std::vector<std::string> files =
      output_file_names(sweep_tables(request.timeseries), format, {"manifest.json", kJournal});

  set_thread_count(plan.threads);
  const int threads = thread_count();
  const int ranks = mpi_size();
  const bool leader = mpi_rank() == 0;
  const fs::path out = output_folder(options);

  // Only rank 0 touches the output folder; the other ranks run what they are sent.
  std::unique_ptr<TaskJournal> journal;
  std::unique_ptr<SweepDatabase> database;
  std::vector<std::uint64_t> pending;
  if (leader) {
    create_output_folder(out);
    // A sweep killed while writing its files leaves their temporaries behind.
    remove_stale_temporaries(out, files);
    const std::string shard_key =
        fmt::format("{} shard {}/{}", plan.key, request.shard_index + 1, request.shard_count);
    journal = std::make_unique<TaskJournal>(out / kJournal, shard_key);
    for (const std::uint64_t task : plan.tasks) {
      if (!journal->has(task)) pending.push_back(task);
    }
    if (format == OutputFormat::sqlite) {
      database = std::make_unique<SweepDatabase>(out / kDatabaseFile, plan.replicates,
                                                 request.timeseries, record);
      // A kill between the journal's record and the database's commit.
      database->insert_missing(journal->records());
    }
    if (journal->dropped_records() > 0 && !options.quiet) {
      fmt::print(stderr, "village: dropped {} torn record(s) at the end of {}; they run again\n",
                 journal->dropped_records(), journal->path().string());
    }
    if (!options.quiet && pending.size() < plan.tasks.size()) {
      fmt::print(stderr, "village: resuming: {} of {} tasks already recorded in {}\n",
                 plan.tasks.size() - pending.size(), plan.tasks.size(), out.string());
    }
  }

  const std::atomic<bool>& stop = install_interrupt_handlers();
  Progress progress(plan.tasks.size(), "tasks",
                    leader && !options.quiet && ::isatty(STDERR_FILENO) != 0,
                    plan.tasks.size() - pending.size());
  const TaskWork work = [&plan](std::uint64_t task) { return run_task(plan, task); };
  const TaskDone done = [&](std::uint64_t task, std::string result) {
    journal->append(task, result);
    if (database) database->insert(task, result);
    progress.done_one();
  };
  const TaskFarmReport report = run_distributed_task_farm(pending, threads, work, done, stop);
  if (!leader) return 0;
  journal->sync();

  const auto end = std::chrono::system_clock::now();
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  const std::size_t recorded = plan.tasks.size() - pending.size() + report.finished;
  if (recorded < plan.tasks.size()) {
    fmt::print(stderr,
               "village: interrupted: {} of {} tasks are recorded in {}; run the same command "
               "again to resume\n",
               recorded, plan.tasks.size(), (out / kJournal).string());
    return kInterrupted;
  }

  std::map<std::uint64_t, std::string> records;
  for (const std::uint64_t task : plan.tasks)
    records.emplace(task, journal->records().at(task));
  const nlohmann::ordered_json manifest =
      sweep_manifest(plan, files, threads, ranks, start, end, wall, report.finished);
  if (database) {
    database->finish(design_csv(plan), manifest);
    write_file_atomically(out / "manifest.json", json_text(manifest));
  } else {
    std::vector<OutputTable> tables{{"design", design_csv(plan), false}};
    for (OutputTable& table :
         record_tables(records, plan.replicates, plan.request.timeseries, record))
      tables.push_back(std::move(table));
    write_outputs(out, format, std::move(tables), {{out / "manifest.json", json_text(manifest)}},
                  manifest);
  }
  if (!options.quiet) {
    fmt::print(
        "village {}: sweep of {} ({} design, {} points x {} replicates = {} tasks{}), {} run "
        "now on {} thread(s) x {} rank(s), {:.2f} s ({:.1f} tasks/min); wrote {}\n",
        kVersion, plan.request.scenario.filename().string(),
        sensitivity::design_kind_name(plan.design.kind), plan.values.size(), plan.replicates,
        plan.task_count,
        request.shard_count > 1 ? fmt::format(", shard {}/{}: {}", request.shard_index + 1,
                                              request.shard_count, plan.tasks.size())
                                : "",
        report.finished, threads, ranks, wall,
        wall > 0 ? 60.0 * static_cast<double>(report.finished) / wall : 0.0, out.string());
  }
  return 0;
}

}  // namespace village
