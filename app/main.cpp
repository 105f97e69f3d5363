// The `village` command line: parses arguments into option structs and dispatches.
// User errors print one line, "error: <where>: <what>; <hint>", and exit with code 2.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "app/commands.hpp"
#include "sim/error.hpp"
#include "village/version.hpp"

namespace {

constexpr int kUserError = 2;

const char* kExamples = R"(
Examples:
  village run scenarios/examples/sir_demo.toml
  village run scenarios/examples/sir_demo.toml --replicates 50 --threads 2 --out runs/sir
  village validate my_scenario.toml
  village params sir          # parameters of one model, as a Markdown table
)";

}  // namespace

int main(int argc, char** argv) {
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

  std::string validate_path;
  auto* validate_cmd = app.add_subcommand("validate", "check a scenario file without running it");
  validate_cmd->add_option("scenario", validate_path, "scenario file (TOML)")->required();

  std::string params_only;
  auto* params_cmd =
      app.add_subcommand("params", "print the parameters of the models and generators");
  params_cmd->add_option("name", params_only, "a model kind or generator name (default: all)");

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
    if (*validate_cmd) return village::validate_command(validate_path);
    if (*params_cmd) return village::params_command(params_only);
  } catch (const village::InputError& e) {
    fmt::print(stderr, "{}\n", e.format());
    return kUserError;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr,
               "error: out of memory; lower nodes or mean_degree, or use fewer --threads\n");
    return kUserError;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: internal: {}; please report this with the scenario file\n",
               e.what());
    return 1;
  }
  return 0;
}
