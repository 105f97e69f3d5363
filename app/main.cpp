// The `village` command line: parses arguments into option structs and dispatches.
// User errors print one line, "error: <where>: <what>; <hint>", and exit with code 2.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <exception>
#include <string>

#include "app/commands.hpp"
#include "sim/error.hpp"
#include "sim/sweep/task_farm.hpp"
#include "village/version.hpp"

namespace {

constexpr int kUserError = 2;

const char* kExamples = R"(
Examples:
  village run scenarios/examples/sir_demo.toml
  village run scenarios/examples/sir_demo.toml --replicates 50 --threads 2 --out runs/sir
  village compare scenarios/examples/strategies_district.toml --replicates 20 --out runs/district
  village validate my_scenario.toml
  village params sir          # parameters of one model, as a Markdown table
  village analyze network friends.csv --out runs/friends
  village analyze network scenarios/examples/sir_demo.toml --week 10
  village sweep scenarios/examples/sir_demo.toml --design lhs --samples 20 \
      --param model.transmissibility=0.05:0.4 --param network.mean_degree=4:12 --out runs/sweep
  village sweep merge runs/shard1 runs/shard2 --out runs/sweep
  village analyze sensitivity runs/sobol_sweep
)";

// The error line on stderr. A full disk may refuse it too (stderr redirected to a file):
// the exit code still tells, so a failed write is not a second error.
void print_error(const std::string& line) {
  const std::string text = line + "\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text.data(), text.size());
}

// --format, --record and --record-groups; `series` is false for commands without a time
// series (calibrate, whose tables are small).
void add_output_options(CLI::App* command, village::OutputOptions& output, bool series = true) {
  command->add_option("--format", output.format,
                      "csv | csv.gz (default: the time series gzip-compressed) | sqlite (one "
                      "database, village.sqlite)");
  if (!series) return;
  command->add_option("--record", output.record,
                      "metrics the time series keeps, comma-separated (default: all; a "
                      "trailing * matches a prefix)");
  command->add_option("--record-groups", output.record_groups,
                      "groups the time series keeps, e.g. all,vulnerable,community:* "
                      "(default: all)");
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"village: agent-based simulation of the support network around parents"};
  app.footer(kExamples);
  app.require_subcommand(1);
  app.set_version_flag("--version",
                       fmt::format("village {} ({})", village::kVersion, village::kGitRevision));

  village::RunOptions run;
  std::uint64_t seed = 0;
  std::uint32_t replicates = 0;
  int threads = 0;
  auto* run_cmd = app.add_subcommand(
      "run", "run a scenario's replicates and write timeseries.csv, summary.csv, manifest.json");
  run_cmd->add_option("scenario", run.scenario, "scenario file (TOML)")->required();
  run_cmd->add_option("--out", run.out, "output folder (default: runs/<scenario name>)");
  auto* seed_opt = run_cmd->add_option("--seed", seed, "master seed (overrides [run] seed)");
  auto* replicates_opt = run_cmd
                             ->add_option("--replicates", replicates,
                                          "number of replicates (overrides [run] replicates)")
                             ->check(CLI::Range(1u, 10'000'000u));
  auto* threads_opt = run_cmd->add_option("--threads", threads, "threads (default: all cores)")
                          ->check(CLI::Range(1, 4096));
  run_cmd->add_flag("--quiet", run.quiet, "print nothing on success");
  add_output_options(run_cmd, run.output);

  village::CompareOptions compare;
  std::uint64_t compare_seed = 0;
  std::uint32_t compare_replicates = 0;
  int compare_threads = 0;
  auto* compare_cmd = app.add_subcommand(
      "compare",
      "run a scenario's strategies on the same seeds and write comparison.csv, report.html");
  compare_cmd->add_option("scenario", compare.scenario, "scenario file (TOML) with [strategies.*]")
      ->required();
  compare_cmd
      ->add_option("--strategies", compare.strategies,
                   "strategies to compare, comma-separated (default: all)")
      ->delimiter(',');
  compare_cmd->add_option("--what-if", compare.what_if,
                          "compare the strategies in the world of [what_if.<name>] (world "
                          "parameters as they might differ; never ranked as an option)");
  auto* compare_replicates_opt =
      compare_cmd
          ->add_option("--replicates", compare_replicates,
                       "replicates per strategy (overrides [run] replicates)")
          ->check(CLI::Range(1u, 10'000'000u));
  auto* compare_threads_opt =
      compare_cmd->add_option("--threads", compare_threads, "threads (default: all cores)")
          ->check(CLI::Range(1, 4096));
  auto* compare_seed_opt =
      compare_cmd->add_option("--seed", compare_seed, "master seed (overrides [run] seed)");
  compare_cmd->add_option("--out", compare.out, "output folder (default: runs/<scenario name>)");
  compare_cmd->add_flag("--quiet", compare.quiet, "print nothing on success but warnings");
  add_output_options(compare_cmd, compare.output);
  std::size_t compare_worlds = 0;
  auto* compare_worlds_opt =
      compare_cmd
          ->add_option("--uncertainty", compare_worlds,
                       "compare in N worlds drawn from the plausible ranges of the world "
                       "parameters (docs/uncertainty.md)")
          ->check(CLI::Range(std::size_t{20}, std::size_t{1000000}));
  compare_cmd->add_option("--param", compare.uncertain_params,
                          "with --uncertainty: an uncertain world parameter, NAME for its "
                          "plausible range or NAME=LO:HI (default: all world parameters)");
  compare_cmd->add_option("--design", compare.uncertainty_design,
                          "with --uncertainty: lhs (default) or sobol");
  compare_cmd->add_option("--posterior", compare.posterior,
                          "with --uncertainty: draw the worlds from DIR/posterior.csv (a "
                          "calibration posterior) instead of the priors");
  compare_cmd->add_option("--shard", compare.shard,
                          "with --uncertainty: I/N, run only the I-th of N slices of the runs "
                          "(for Slurm arrays); combine them with --from-shards");
  compare_cmd->add_option("--from-shards", compare.from_shards,
                          "with --uncertainty: the shards' output folders, whose runs are taken "
                          "in before anything runs");
  compare_cmd
      ->add_option("--willingness-to-pay", compare.willingness_to_pay,
                   "with --uncertainty: euros per unit of the headline outcome for net "
                   "benefit (default: the median cost per unit of the leading strategy)")
      ->check(CLI::PositiveNumber);

  village::SweepOptions sweep;
  std::size_t sweep_samples = 0;
  std::uint32_t sweep_replicates = 0;
  std::uint64_t sweep_seed = 0;
  int sweep_threads = 0;
  auto* sweep_cmd = app.add_subcommand(
      "sweep", "run a design of parameter values (grid, lhs, sobol, morris) x replicates");
  sweep_cmd->add_option("scenario", sweep.scenario, "scenario file (TOML)");
  sweep_cmd->add_option("--design", sweep.design, "grid | lhs | sobol | morris (default lhs)")
      ->check(CLI::IsMember({"grid", "lhs", "sobol", "morris"}));
  auto* sweep_samples_opt = sweep_cmd->add_option(
      "--samples", sweep_samples,
      "grid: levels per range; lhs: points; sobol: base sample N; morris: trajectories");
  sweep_cmd->add_option("--levels", sweep.morris_levels, "morris: grid levels p (default 4)");
  auto* sweep_replicates_opt =
      sweep_cmd->add_option("--replicates", sweep_replicates, "replicates per design point")
          ->check(CLI::Range(1u, 10'000'000u));
  sweep_cmd
      ->add_option("--param", sweep.params,
                   "NAME=LO:HI[:log|:int], NAME=a,b,c, or NAME alone for its plausible range "
                   "(repeat for each factor)")
      ->allow_extra_args(false);  // one value per --param: a scenario after it stays a scenario
  auto* sweep_seed_opt = sweep_cmd->add_option("--seed", sweep_seed, "master seed");
  auto* sweep_threads_opt =
      sweep_cmd->add_option("--threads", sweep_threads, "threads (default: all cores)")
          ->check(CLI::Range(1, 4096));
  sweep_cmd->add_option("--shard", sweep.shard, "I/N: run only the I-th of N slices of the tasks");
  sweep_cmd->add_option("--strategy", sweep.strategy,
                        "sweep the scenario with what its [strategies.<name>] buys");
  sweep_cmd->add_option("--posterior", sweep.posterior,
                        "draw the --samples points from DIR/posterior.csv (village calibrate) "
                        "instead of a design over --param ranges");
  sweep_cmd->add_option("--out", sweep.out, "output folder (default: runs/<scenario>_sweep)");
  sweep_cmd->add_flag("--timeseries", sweep.timeseries,
                      "also write the time series (timeseries.csv.gz)");
  sweep_cmd->add_flag("--quiet", sweep.quiet, "print nothing on success but warnings");
  add_output_options(sweep_cmd, sweep.output);
  village::CalibrateOptions calibrate;
  std::size_t calibrate_particles = 0, calibrate_budget = 0;
  std::uint32_t calibrate_replicates = 0;
  std::uint64_t calibrate_seed = 0;
  int calibrate_threads = 0;
  auto* calibrate_cmd = app.add_subcommand(
      "calibrate",
      "fit world parameters to observed statistics by ABC-SMC or history matching "
      "(docs/calibration.md)");
  calibrate_cmd->add_option("scenario", calibrate.scenario, "scenario file (TOML)")->required();
  calibrate_cmd->add_option("--targets", calibrate.targets, "targets file (TOML)")->required();
  calibrate_cmd->add_option("--method", calibrate.method, "abc-smc (default) or history-matching");
  calibrate_cmd->add_option("--waves", calibrate.waves,
                            "history-matching: waves at most (default 4)");
  calibrate_cmd->add_option("--points", calibrate.points_per_wave,
                            "history-matching: runs per wave (default 10 per parameter)");
  calibrate_cmd->add_option("--refine", calibrate.refine,
                            "history-matching: then abc-smc within the non-implausible region");
  auto* calibrate_particles_opt =
      calibrate_cmd->add_option("--particles", calibrate_particles, "population size (default 200)")
          ->check(CLI::Range(std::size_t{2}, std::size_t{1000000}));
  auto* calibrate_budget_opt =
      calibrate_cmd
          ->add_option("--budget", calibrate_budget,
                       "simulations in all, enforced within a generation (default 20 x particles)")
          ->check(CLI::Range(std::size_t{2}, std::size_t{100000000}));
  auto* calibrate_replicates_opt =
      calibrate_cmd->add_option("--replicates", calibrate_replicates, "replicates per simulation")
          ->check(CLI::Range(1u, 10000u));
  auto* calibrate_seed_opt = calibrate_cmd->add_option("--seed", calibrate_seed, "master seed");
  auto* calibrate_threads_opt =
      calibrate_cmd->add_option("--threads", calibrate_threads, "threads (default: all cores)")
          ->check(CLI::Range(1, 4096));
  calibrate_cmd->add_option("--out", calibrate.out,
                            "output folder (default: runs/<scenario>_calibration)");
  calibrate_cmd->add_option("--shard", calibrate.shard,
                            "I/N: one of N shards run at the same time over one shared --out");
  calibrate_cmd
      ->add_option("--shard-wait", calibrate.shard_wait,
                   "seconds a shard waits for another's simulations (default 3600)")
      ->check(CLI::Range(0.0, 1e7));
  calibrate_cmd->add_flag("--quiet", calibrate.quiet, "print nothing on success but warnings");
  add_output_options(calibrate_cmd, calibrate.output, false);
  village::SweepMergeOptions merge;
  auto* merge_cmd =
      sweep_cmd->add_subcommand("merge", "combine the folders of a sharded sweep into one");
  merge_cmd->add_option("folders", merge.folders, "the shards' output folders")->required();
  merge_cmd->add_option("--out", merge.out, "output folder")->required();
  merge_cmd->add_flag("--quiet", merge.quiet, "print nothing on success");
  add_output_options(merge_cmd, merge.output, false);

  std::string validate_path;
  auto* validate_cmd = app.add_subcommand("validate", "check a scenario file without running it");
  validate_cmd->add_option("scenario", validate_path, "scenario file (TOML)")->required();

  std::string params_only;
  auto* params_cmd =
      app.add_subcommand("params", "print the parameters of the models and generators");
  params_cmd->add_option("name", params_only, "a model kind or generator name (default: all)");
  bool params_schedule = false;
  params_cmd->add_flag("--schedule", params_schedule,
                       "print the model's weekly schedule of steps instead (docs/ODD.md sec. 3)");

  village::AnalyzeOptions analyze;
  std::uint32_t analyze_week = 0;
  std::uint64_t analyze_seed = 0;
  int analyze_threads = 0;
  auto* analyze_cmd = app.add_subcommand("analyze", "analyse a network or a scenario's world");
  analyze_cmd->require_subcommand(1);
  auto* network_cmd = analyze_cmd->add_subcommand(
      "network", "network metrics and key figures: writes nodes.csv and graph.json");
  network_cmd
      ->add_option("input", analyze.input,
                   "network file (.txt/.edges/.csv edge list, .graphml, affiliation list) or "
                   "scenario (.toml)")
      ->required();
  network_cmd->add_option("--layer", analyze.layer, "scenario: the network layer to analyse");
  auto* week_opt = network_cmd->add_option("--week", analyze_week,
                                           "scenario: analyse after this many weeks (steps)");
  network_cmd->add_option("--out", analyze.out, "output folder (default: runs/<input>_network)");
  network_cmd->add_option("--format", analyze.format, "input format (default: from the extension)")
      ->check(CLI::IsMember({"auto", "edge_list", "graphml", "affiliation"}));
  network_cmd
      ->add_option("--projection", analyze.projection,
                   "affiliation: projection weight, shared affiliations (count) or Newman 2001")
      ->check(CLI::IsMember({"count", "newman"}));
  network_cmd->add_flag("--header", analyze.header, "the list's first line names its columns");
  network_cmd->add_flag("--weighted", analyze.weighted, "edge list: third column is the weight");
  auto* analyze_seed_opt = network_cmd->add_option(
      "--seed", analyze_seed, "seed for communities, sampling and key figures (default 1)");
  auto* analyze_threads_opt =
      network_cmd->add_option("--threads", analyze_threads, "threads (default: all cores)")
          ->check(CLI::Range(1, 4096));
  network_cmd->add_flag("--quiet", analyze.quiet, "print nothing on success");
  village::SensitivityOptions sensitivity;
  auto* sensitivity_cmd = analyze_cmd->add_subcommand(
      "sensitivity", "Sobol or Morris indices of a finished sweep: sensitivity.csv and .html");
  sensitivity_cmd->add_option("folder", sensitivity.folder, "the sweep's output folder")
      ->required();
  sensitivity_cmd->add_option("--out", sensitivity.out, "output folder (default: the sweep's)");
  sensitivity_cmd
      ->add_option("--bootstrap", sensitivity.bootstrap, "bootstrap resamples (default 1000)")
      ->check(CLI::Range(static_cast<std::size_t>(10), static_cast<std::size_t>(1'000'000)));
  sensitivity_cmd
      ->add_option("--statistic", sensitivity.statistic,
                   "final (value at the last step) or mean (over the steps)")
      ->check(CLI::IsMember({"final", "mean"}));
  sensitivity_cmd->add_flag("--quiet", sensitivity.quiet, "print nothing on success");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "error: {}; run 'village --help' for usage\n", e.what());
    return kUserError;
  }

  try {
    if (*run_cmd) {
      if (*seed_opt) run.seed = seed;
      if (*replicates_opt) run.replicates = replicates;
      if (*threads_opt) run.threads = threads;
      return village::run_command(run);
    }
    if (*compare_cmd) {
      if (*compare_seed_opt) compare.seed = compare_seed;
      if (*compare_replicates_opt) compare.replicates = compare_replicates;
      if (*compare_threads_opt) compare.threads = compare_threads;
      if (*compare_worlds_opt) {
        compare.uncertainty = compare_worlds;
        return village::uncertainty_command(compare);
      }
      if (!compare.uncertain_params.empty() || !compare.uncertainty_design.empty() ||
          !compare.shard.empty() || !compare.from_shards.empty() || compare.willingness_to_pay != 0)
        throw village::InputError({"--param"},
                                  "--param, --design and --willingness-to-pay "
                                  "go with --uncertainty N",
                                  "add --uncertainty N (worlds, at least 20)");
      return village::compare_command(compare);
    }
    if (*merge_cmd) return village::sweep_merge_command(merge);
    if (*calibrate_cmd) {
      if (*calibrate_particles_opt) calibrate.particles = calibrate_particles;
      if (*calibrate_budget_opt) calibrate.budget = calibrate_budget;
      if (*calibrate_replicates_opt) calibrate.replicates = calibrate_replicates;
      if (*calibrate_seed_opt) calibrate.seed = calibrate_seed;
      if (*calibrate_threads_opt) calibrate.threads = calibrate_threads;
      return village::calibrate_command(calibrate);
    }
    if (*sweep_cmd) {
      if (sweep.scenario.empty()) {
        throw village::InputError({}, "village sweep needs a scenario file",
                                  "village sweep SCENARIO --design lhs --param NAME=LO:HI ...");
      }
      if (*sweep_samples_opt) sweep.samples = sweep_samples;
      if (*sweep_replicates_opt) sweep.replicates = sweep_replicates;
      if (*sweep_seed_opt) sweep.seed = sweep_seed;
      if (*sweep_threads_opt) sweep.threads = sweep_threads;
      return village::sweep_command(sweep);
    }
    if (*sensitivity_cmd) return village::analyze_sensitivity_command(sensitivity);
    if (*validate_cmd) return village::validate_command(validate_path);
    if (*params_cmd) return village::params_command(params_only, params_schedule);
    if (*network_cmd) {
      if (*week_opt) analyze.week = analyze_week;
      if (*analyze_seed_opt) analyze.seed = analyze_seed;
      if (*analyze_threads_opt) analyze.threads = analyze_threads;
      return village::analyze_network_command(analyze);
    }
  } catch (const village::InputError& e) {
    print_error(e.format());
    return kUserError;
  } catch (const village::RemoteTaskError& e) {
    // A task failed on another MPI rank, which formatted the line.
    if (e.user_error()) {
      print_error(e.what());
      return kUserError;
    }
    print_error(
        fmt::format("error: internal: {}; please report this with the scenario file", e.what()));
    return 1;
  } catch (const std::bad_alloc&) {
    print_error("error: out of memory; lower nodes or mean_degree, or use fewer --threads");
    return kUserError;
  } catch (const std::exception& e) {
    print_error(
        fmt::format("error: internal: {}; please report this with the scenario file", e.what()));
    return 1;
  }
  return 0;
}

int main(int argc, char** argv) {
  // Past the file size limit (ulimit -f) a write fails with EFBIG, reported like a full
  // disk, instead of the signal killing the process mid-file.
  std::signal(SIGXFSZ, SIG_IGN);
  // Under mpirun every rank runs the same command; a sweep farms its tasks out.
  village::mpi_initialise(argc, argv);
  const int code = run_cli(argc, argv);
  village::mpi_finalise();
  return code;
}
