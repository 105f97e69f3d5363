// village.compare, village.sweep and village.calibrate: the CLI's commands themselves
// (compare_command, sweep_command, calibrate_command), quiet, into a folder whose tables the
// package then reads back. The scenario is validated here first, so that errors about overrides say
// so.

#include <pybind11/stl.h>

#include <optional>

#include "app/commands.hpp"
#include "bindings.hpp"
#include "csv_table.hpp"
#include "interruptible.hpp"
#include "scenario_input.hpp"

namespace village::python {

namespace {

// What every command's options share: the scenario as the command reads it (the file
// itself, or the text with `path` naming it), validated here first, and where, with what
// seed, replicates, threads and format it runs, quiet.
template <typename Options>
Options command_options(const std::string& kind, const py::object& scenario,
                        const std::string& relative_to, const py::list& overrides,
                        const std::string& out, std::optional<std::uint64_t> seed,
                        std::optional<std::uint32_t> replicates, std::optional<int> threads,
                        const std::string& format) {
  const ScenarioSource source = scenario_source(kind, scenario, relative_to, overrides);
  load_source(source);
  Options options;
  options.scenario = source.path.string();
  if (!source.file_as_is) options.scenario_text = source.command_text();
  options.out = out;
  options.seed = seed;
  options.replicates = replicates;
  options.threads = threads;
  options.quiet = true;
  options.output.format = format;
  return options;
}

// Runs `command(options)` with the CLI's signal handlers; returns its exit code.
template <typename Options>
int run_command(int (*command)(const Options&), const Options& options) {
  int code = 0;
  run_command_interruptible([&] { code = command(options); });
  return code;
}

int compare(const std::string& kind, const py::object& scenario, const std::string& relative_to,
            const py::list& overrides, const std::vector<std::string>& strategies,
            const std::string& what_if, const std::string& out, std::optional<std::uint64_t> seed,
            std::optional<std::uint32_t> replicates, std::optional<int> threads,
            const std::string& record, const std::string& record_groups,
            const std::string& format) {
  auto options = command_options<CompareOptions>(kind, scenario, relative_to, overrides, out, seed,
                                                 replicates, threads, format);
  options.strategies = strategies;
  options.what_if = what_if;
  options.output.record = record;
  options.output.record_groups = record_groups;
  return run_command(compare_command, options);
}

int sweep(const std::string& kind, const py::object& scenario, const std::string& relative_to,
          const py::list& overrides, const std::string& design, std::optional<std::size_t> samples,
          std::size_t morris_levels, std::optional<std::uint32_t> replicates,
          const std::vector<std::string>& params, std::optional<std::uint64_t> seed,
          std::optional<int> threads, const std::string& strategy, const std::string& out,
          bool timeseries, const std::string& record, const std::string& record_groups,
          const std::string& format, const std::string& posterior) {
  auto options = command_options<SweepOptions>(kind, scenario, relative_to, overrides, out, seed,
                                               replicates, threads, format);
  options.design = design;
  options.samples = samples;
  options.morris_levels = morris_levels;
  options.params = params;
  options.strategy = strategy;
  options.timeseries = timeseries;
  options.posterior = posterior;
  options.output.record = record;
  options.output.record_groups = record_groups;
  return run_command(sweep_command, options);
}

int calibrate(const std::string& kind, const py::object& scenario, const std::string& relative_to,
              const py::list& overrides, const std::string& targets,
              const std::string& targets_text, const std::string& method, std::size_t waves,
              std::size_t points_per_wave, const std::string& refine,
              std::optional<std::size_t> particles, std::optional<std::size_t> budget,
              std::optional<std::uint32_t> replicates, std::optional<std::uint64_t> seed,
              std::optional<int> threads, const std::string& out, const std::string& format) {
  auto options = command_options<CalibrateOptions>(kind, scenario, relative_to, overrides, out,
                                                   seed, replicates, threads, format);
  options.targets = targets;
  options.targets_text = targets_text;
  options.method = method;
  options.waves = waves;
  options.points_per_wave = points_per_wave;
  options.refine = refine;
  options.particles = particles;
  options.budget = budget;
  return run_command(calibrate_command, options);
}

}  // namespace

void register_commands(py::module_& m) {
  m.def("compare", &compare, py::arg("kind"), py::arg("scenario"), py::arg("relative_to"),
        py::arg("overrides"), py::arg("strategies"), py::arg("what_if"), py::arg("out"),
        py::arg("seed"), py::arg("replicates"), py::arg("threads"), py::arg("record"),
        py::arg("record_groups"), py::arg("format"),
        "`village compare` into `out`, quiet; the GIL is released. Returns its exit code.");
  m.def("sweep", &sweep, py::arg("kind"), py::arg("scenario"), py::arg("relative_to"),
        py::arg("overrides"), py::arg("design"), py::arg("samples"), py::arg("morris_levels"),
        py::arg("replicates"), py::arg("params"), py::arg("seed"), py::arg("threads"),
        py::arg("strategy"), py::arg("out"), py::arg("timeseries"), py::arg("record"),
        py::arg("record_groups"), py::arg("format"), py::arg("posterior"),
        "`village sweep` into `out`, quiet; the GIL is released. Returns its exit code.");
  m.def("calibrate", &calibrate, py::arg("kind"), py::arg("scenario"), py::arg("relative_to"),
        py::arg("overrides"), py::arg("targets"), py::arg("targets_text"), py::arg("method"),
        py::arg("waves"), py::arg("points_per_wave"), py::arg("refine"), py::arg("particles"),
        py::arg("budget"), py::arg("replicates"), py::arg("seed"), py::arg("threads"),
        py::arg("out"), py::arg("format"),
        "`village calibrate` into `out`, quiet; the GIL is released. Returns its exit code.");
  m.def(
      "read_table",
      [](const std::string& path) {
        const std::string text = read_table_text(path);
        return csv_columns(text, path);
      },
      py::arg("path"), "A CSV table (or .csv.gz) as numpy columns.");
  m.def("parse_table", &csv_columns, py::arg("text"), py::arg("file") = "<text>",
        "CSV text as numpy columns.");
}

}  // namespace village::python
