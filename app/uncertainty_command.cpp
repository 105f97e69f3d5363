// `village compare SCENARIO --uncertainty N`: the strategies compared in N plausible
// worlds. The worlds are a Latin hypercube (or the first N points of the Sobol'
// sequence) over the priors of the uncertain world parameters (sim/plausible.hpp); each
// world runs every strategy on the same replicate seeds, so world w, strategy s,
// replicate r uses the random stream (seed, r) whatever w and s (common random numbers
// across strategies and worlds). Tasks run on the task farm (threads, MPI ranks) and are
// journalled, so a killed comparison resumes. The analysis (analysis/uncertainty/) says
// how likely each strategy is the best, at what willingness to pay, what drives that,
// and where each strategy wins.

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "analysis/compare/comparison.hpp"
#include "analysis/compare/costs.hpp"
#include "analysis/report/report.hpp"
#include "analysis/report/uncertainty_report.hpp"
#include "analysis/uncertainty/decision.hpp"
#include "analysis/uncertainty/evppi.hpp"
#include "analysis/uncertainty/prim.hpp"
#include "app/clock.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/group_sizes.hpp"
#include "app/interrupt.hpp"
#include "app/output_files.hpp"
#include "app/posterior.hpp"
#include "app/progress.hpp"
#include "app/sweep_plan.hpp"
#include "app/uncertainty_outputs.hpp"
#include "scenarios/param_lookup.hpp"
#include "sim/csv.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "sim/plausible.hpp"
#include "sim/sweep/task_farm.hpp"
#include "sim/sweep/task_journal.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;
namespace u = uncertainty;

namespace {

constexpr const char* kJournal = "tasks.journal";

// Every world parameter of the scenario's model and [outreach] with a plausible range.
std::vector<std::string> default_uncertain_params(const Scenario& scenario) {
  std::vector<std::string> names;
  const std::string model_table = fmt::format("model ({})", scenario.model->kind);
  for (const RegisteredParam& p : registered_params()) {
    if (p.spec->role != ParamRole::world || !has_plausible(*p.spec)) continue;
    if (p.table == model_table) names.push_back("model." + p.spec->name);
    if (p.table == "outreach") names.push_back("outreach." + p.spec->name);
  }
  return names;
}

const Strategy& strategy_named(const StrategySet& set, const std::string& name,
                               const std::string& file) {
  if (const Strategy* s = set.find(name)) return *s;
  throw InputError({}, fmt::format("--strategies: no strategy \"{}\" in {}", name, file),
                   "see village validate for the scenario's strategies");
}

double final_value(const RunRecord& run, const std::string& metric, const std::string& group) {
  double value = std::nan("");
  for (const MetricRow& row : run.rows)
    if (row.metric == metric && row.group == group) value = row.value;
  return value;
}

}  // namespace

int uncertainty_command(const CompareOptions& options) {
  const OutputFormat format = parse_output_format(options.output.format);
  if (!options.output.record.empty() || !options.output.record_groups.empty())
    throw InputError({"--record"}, "--uncertainty writes no time series",
                     "leave out --record and --record-groups");
  const auto start = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const Scenario base = load_scenario(options.scenario);
  const StrategySet& set = base.strategies;
  const std::string file = base.path.string();
  if (set.empty()) {
    throw InputError({file}, "the scenario names no strategies to compare",
                     "add [strategies.<name>] tables of [outreach] keys");
  }
  if (!options.what_if.empty()) {
    throw InputError({"--what-if"}, "--what-if and --uncertainty do not go together",
                     "--uncertainty draws the world; name the uncertain parameters with --param");
  }
  u::Study study;
  for (const std::string& name : options.strategies) {
    const std::string& chosen = strategy_named(set, name, file).name;
    if (std::find(study.strategies.begin(), study.strategies.end(), chosen) ==
        study.strategies.end())
      study.strategies.push_back(chosen);
  }
  if (study.strategies.empty())
    for (const Strategy& s : set.strategies)
      study.strategies.push_back(s.name);
  study.baseline = 0;
  for (std::size_t s = 0; s < study.strategies.size(); ++s)
    if (study.strategies[s] == set.baseline) study.baseline = s;
  study.outcome = set.outcomes.front();
  study.group = set.headline_group;

  // The command line first, then the scenario's [uncertainty] table, then the defaults.
  const UncertaintySettings table = set.uncertainty.value_or(UncertaintySettings{});
  SweepRequest request;
  request.scenario = options.scenario;
  request.design = !options.uncertainty_design.empty() ? options.uncertainty_design
                   : set.uncertainty                   ? table.design
                                                       : "lhs";
  request.sequence_only = true;
  request.samples = *options.uncertainty;
  request.replicates = options.replicates.value_or(table.replicates.value_or(0));
  request.params = !options.uncertain_params.empty() ? options.uncertain_params
                   : !table.parameters.empty()       ? table.parameters
                                                     : default_uncertain_params(base);
  request.seed_given = options.seed.has_value();
  request.seed = options.seed.value_or(0);
  request.threads = options.threads.value_or(0);
  std::string drawn_from = "priors";
  if (!options.posterior.empty()) {
    // The worlds are draws from the posterior; its columns are the uncertain parameters.
    if (!options.uncertain_params.empty())
      throw InputError({"--param"}, "--param and --posterior do not go together",
                       "the posterior's columns are the uncertain parameters");
    draw_from_posterior(request, base, options.posterior);
    request.design = "lhs";
    drawn_from = "posterior " + fs::absolute(options.posterior).string();
  }
  if (request.design != "lhs" && request.design != "sobol")
    throw InputError({"--design"},
                     fmt::format("unknown design '{}' for --uncertainty", request.design),
                     "use lhs (the default) or sobol");
  const SweepPlan plan = plan_sweep(request);
  const std::size_t world_count = plan.values.size();
  for (const SweepFactor& f : plan.factors) {
    if (f.scale == FactorScale::levels)
      throw InputError({"--param"}, fmt::format("{} is a list of levels", f.spec),
                       "--uncertainty needs numeric ranges or plausible ranges (a bare name)");
    study.parameters.push_back(f.name);
  }
  study.willingness_to_pay =
      options.willingness_to_pay > 0 ? options.willingness_to_pay : table.willingness_to_pay;

  const std::size_t strategies = study.strategies.size();
  const std::uint64_t per_world = strategies * plan.replicates;
  const std::uint64_t task_count = world_count * per_world;
  set_thread_count(plan.threads);
  const int threads = thread_count();
  const bool leader = mpi_rank() == 0;
  const fs::path out = !options.out.empty()
                           ? fs::path(options.out)
                           : fs::path("runs") / (base.path.stem().string() + "_uncertainty");

  std::uint64_t shard_index = 0, shard_count = 1;
  if (!options.shard.empty()) parse_shard(options.shard, shard_index, shard_count);
  std::unique_ptr<TaskJournal> journal;
  std::vector<std::uint64_t> pending;
  std::string strategies_key;
  for (const std::string& s : study.strategies)
    strategies_key += s + ",";
  // Every shard's journal has the same key: a run's result does not depend on the shard.
  const std::string journal_key =
      fmt::format("uncertainty {} strategies {}", plan.key, strategies_key);
  if (leader) {
    create_output_folder(out);
    remove_stale_temporaries(out, uncertainty_files());
    journal = std::make_unique<TaskJournal>(out / kJournal, journal_key);
    for (const std::string& folder : options.from_shards) {
      std::string key;
      const auto records = TaskJournal::read(fs::path(folder) / kJournal, key);
      if (key != journal_key)
        throw InputError({(fs::path(folder) / kJournal).string()},
                         "this shard ran another scenario, design, strategies or options",
                         "give --from-shards the folders of shards of this same command");
      for (const auto& [task, payload] : records)
        if (task < task_count && !journal->has(task)) journal->append(task, payload);
    }
    for (std::uint64_t t = shard_index; t < task_count; t += shard_count)
      if (!journal->has(t)) pending.push_back(t);
    if (!options.quiet && pending.size() < task_count)
      fmt::print(stderr, "village: resuming: {} of {} runs already recorded in {}\n",
                 task_count - pending.size(), task_count, out.string());
  }

  // Task t: replicate t % R of strategy (t / R) % S in world t / (R S).
  const TaskWork work = [&](std::uint64_t task) {
    const std::size_t world = task / per_world;
    const std::size_t s = (task / plan.replicates) % strategies;
    const auto replicate = static_cast<std::uint32_t>(task % plan.replicates);
    Scenario scenario = plan.point_scenario(world);
    scenario.plan.record_every = 1;  // costs sum every week's spending
    const ParamValues values =
        strategy_model_values(scenario.model_values, *set.find(study.strategies[s]));
    const ModelInfo& model = *scenario.model;
    const WorldFactory make_world = make_world_factory(scenario);
    double size = 1;
    const WorldFactory world_with_size = [&](const RandomStream& rng) {
      World built = make_world(rng);
      if (scenario.community) size = group_sizes(built, *scenario.community)[study.group];
      return built;
    };
    const RunRecord record =
        run_one(replicate, scenario.plan, world_with_size, [&]() { return model.make(values); });
    return encode_uncertainty_result(
        {final_value(record, study.outcome, study.group), run_cost(record.rows).total_euros, size});
  };
  const std::atomic<bool>& stop = install_interrupt_handlers();
  Progress progress(pending.size(), "runs",
                    leader && !options.quiet && ::isatty(STDERR_FILENO) != 0);
  const TaskDone done = [&](std::uint64_t task, std::string result) {
    journal->append(task, result);
    progress.done_one();
  };
  const TaskFarmReport report = run_distributed_task_farm(pending, threads, work, done, stop);
  if (!leader) return 0;
  journal->sync();
  if (shard_count > 1 && report.finished == pending.size()) {
    if (!options.quiet)
      fmt::print(
          "village {}: shard {}/{} of {} runs: {} run now, recorded in {}; run the same "
          "command without --shard and with --from-shards to combine the shards\n",
          kVersion, shard_index + 1, shard_count, task_count, report.finished,
          (out / kJournal).string());
    return 0;
  }
  if (report.finished < pending.size()) {
    const std::size_t recorded = journal->records().size();
    fmt::print(stderr,
               "village: interrupted: {} of {} runs are recorded in {}; run the same command "
               "again to resume\n",
               recorded, task_count, (out / kJournal).string());
    return kInterrupted;
  }

  study.runs.assign(world_count, std::vector<std::vector<u::StudyRun>>(
                                     strategies, std::vector<u::StudyRun>(plan.replicates)));
  for (std::uint64_t t = 0; t < task_count; ++t)
    study.runs[t / per_world][(t / plan.replicates) % strategies][t % plan.replicates] =
        decode_uncertainty_result(journal->records().at(t));
  for (std::size_t w = 0; w < world_count; ++w) {
    std::vector<double> row;
    for (std::size_t f = 0; f < plan.factors.size(); ++f)
      row.push_back(param_as_number(plan.values[w][f]));
    study.parameter_values.push_back(row);
  }
  const u::StudyAnalysis analysis = u::analyse_study(study);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();

  nlohmann::ordered_json manifest;
  manifest["village_version"] = kVersion;
  manifest["git_revision"] = kGitRevision;
  manifest["command"] = "compare --uncertainty";
  manifest["scenario_file"] = fs::absolute(base.path).string();
  manifest["scenario_text"] = plan.text;
  manifest["design"] = {{"kind", request.design},
                        {"drawn_from", drawn_from},
                        {"worlds", world_count},
                        {"parameters", study.parameters},
                        {"seed", plan.seed}};
  manifest["random"] = {
      {"generator", "Philox4x64-10 (Random123)"},
      {"master_seed", plan.seed},
      {"common_random_numbers", "world w, strategy s, replicate r uses the stream (seed, r)"}};
  manifest["strategies"] = study.strategies;
  manifest["baseline"] = study.strategies[study.baseline];
  manifest["replicates_per_world"] = plan.replicates;
  manifest["willingness_to_pay_euros"] = analysis.reference_lambda;
  manifest["threads"] = threads;
  manifest["mpi_ranks"] = mpi_size();
  manifest["host"] = host_name();
  manifest["start_time"] = iso_time(start);
  manifest["end_time"] = iso_time(std::chrono::system_clock::now());
  manifest["wall_seconds"] = wall;
  std::vector<OutputTable> tables;
  for (auto& [name, text] : u::study_csv_files(study, analysis))
    tables.push_back({fs::path(name).stem().string(), std::move(text), false});
  manifest["files"] = output_file_names(tables, format, {"report.html", "manifest.json"});
  std::vector<std::pair<fs::path, std::string>> files;
  UncertaintyReportInput report_input{base.path.filename().string(), request.design};
  report_input.from_posterior = !options.posterior.empty();
  report_input.seed = plan.seed;
  report_input.weeks = plan.steps;
  report_input.version = kVersion;
  report_input.git_revision = kGitRevision;
  files.emplace_back(out / "report.html", render_uncertainty_report(report_input, study, analysis));
  files.emplace_back(out / "manifest.json", json_text(manifest));
  write_outputs(out, format, std::move(tables), std::move(files), manifest);

  for (const std::string& w : analysis.warnings)
    fmt::print(stderr, "warning: {}\n", w);
  if (!options.quiet) {
    fmt::print(
        "village {}: {} under uncertainty ({} worlds x {} strategies x {} replicates, "
        "{} parameters, {} threads, {:.2f} s)\n\n",
        kVersion, base.path.filename().string(), world_count, strategies, plan.replicates,
        study.parameters.size(), threads, wall);
    for (const std::string& line : analysis.summary)
      fmt::print("{}\n", line);
    fmt::print(
        "\nWrote {0}/uncertainty.csv, acceptability.csv, drivers.csv, report.html and "
        "manifest.json\nOpen the report: {0}/report.html\n",
        out.string());
  }
  return 0;
}

}  // namespace village
