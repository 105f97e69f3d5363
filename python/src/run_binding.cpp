// village.run: a scenario's replicates in-process, as `village run` runs them (load,
// check memory, build the world factory, run_replicates), returned as numpy columns.
// write_run writes the files of `village run` with the CLI's own functions.

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include "app/clock.hpp"
#include "app/files.hpp"
#include "app/output_files.hpp"
#include "app/record_filter.hpp"
#include "app/run_manifest.hpp"
#include "app/skipped_meetings.hpp"
#include "arrays.hpp"
#include "bindings.hpp"
#include "interruptible.hpp"
#include "scenario_input.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "village/version.hpp"

namespace village::python {

namespace fs = std::filesystem;

namespace {

// The tidy columns of timeseries.csv (with step) or summary.csv (without).
struct Columns {
  bool with_step = true;
  std::vector<std::uint32_t> run;
  std::vector<std::uint32_t> step;
  std::vector<std::int32_t> metric;
  std::vector<std::int32_t> group;
  std::vector<double> value;      // at the stored precision, as the files hold it
  std::vector<double> raw_value;  // as simulated: what the writers are given

  void add(std::uint32_t r, const MetricRow& row, std::int32_t metric_code,
           std::int32_t group_code) {
    run.push_back(r);
    if (with_step) step.push_back(row.step);
    metric.push_back(metric_code);
    group.push_back(group_code);
    value.push_back(stored_value(row.value));
    raw_value.push_back(row.value);
  }

  py::dict to_python() {
    py::dict columns;
    columns["run"] = to_numpy(std::move(run));
    if (with_step) columns["step"] = to_numpy(std::move(step));
    columns["metric"] = to_numpy(std::move(metric));
    columns["group"] = to_numpy(std::move(group));
    columns["value"] = to_numpy(std::move(value));
    columns["raw_value"] = to_numpy(std::move(raw_value));
    return columns;
  }
};

// `village run`'s manifest (app/run_manifest.cpp), and how it was called.
nlohmann::ordered_json manifest(const ScenarioSource& source, const Scenario& scenario,
                                const std::vector<RunRecord>& runs, int threads,
                                std::chrono::system_clock::time_point start,
                                std::chrono::system_clock::time_point end, double wall_seconds) {
  nlohmann::ordered_json json = run_manifest(scenario, runs, threads, start, end, wall_seconds);
  json["interface"] = "python";
  if (!source.override_keys.empty()) json["scenario_text_overridden"] = source.command_text();
  return json;
}

py::dict run(const std::string& kind, const py::object& scenario_object,
             const std::string& relative_to, const py::list& overrides,
             std::optional<std::uint64_t> seed, std::optional<std::uint32_t> replicates,
             std::optional<int> threads, const std::string& record,
             const std::string& record_groups) {
  const ScenarioSource source = scenario_source(kind, scenario_object, relative_to, overrides);
  Scenario scenario = load_source(source);
  if (seed) scenario.plan.seed = *seed;
  if (replicates) scenario.plan.replicates = *replicates;
  if (threads) scenario.threads = *threads;
  check_memory(scenario, scenario.threads);
  const WorldFactory make_world = make_world_factory(scenario);
  const SeriesFilter filter = record_filter(record, record_groups, scenario, make_world);

  Columns series;
  Columns summary{false};
  Categories metrics;
  Categories groups;
  std::vector<double> run_seconds;
  std::optional<std::string> warning;
  int used_threads = 0;
  double wall = 0;
  std::string manifest_text;
  std::atomic<bool> stop{false};
  std::optional<ReplicatesStopped> stopped;
  const auto work = [&] {
    // OpenMP's thread count is per calling thread: set on the worker.
    set_thread_count(scenario.threads);
    used_threads = thread_count();
    const auto start = std::chrono::system_clock::now();
    const auto clock_start = std::chrono::steady_clock::now();
    const ModelInfo& model = *scenario.model;
    std::vector<RunRecord> runs;
    try {
      runs = run_replicates(
          scenario.plan, make_world, [&] { return model.make(scenario.model_values); }, &stop);
    } catch (const ReplicatesStopped& s) {
      stopped = s;
      return;
    }
    wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
    warning = skipped_meetings_warning(runs, "");
    manifest_text = json_text(manifest(source, scenario, runs, used_threads, start,
                                       std::chrono::system_clock::now(), wall));
    for (RunRecord& run : runs) {
      run_seconds.push_back(run.wall_seconds);
      const std::uint32_t last = run.rows.empty() ? 0 : run.rows.back().step;
      for (const MetricRow& row : run.rows) {
        // Codes in order of first appearance in the whole series, whatever `record` keeps.
        const std::int32_t metric = metrics.code(row.metric);
        const std::int32_t group = groups.code(row.group);
        if (filter.keeps(row.metric, row.group)) series.add(run.run, row, metric, group);
        if (row.step == last) summary.add(run.run, row, metric, group);
      }
      run.rows = {};  // the columns hold it now
    }
  };
  run_interruptible(work, stop);
  if (stopped) {
    // run_interruptible threw KeyboardInterrupt unless the stop came from elsewhere.
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    throw py::error_already_set();
  }

  py::dict result;
  result["timeseries"] = series.to_python();
  result["summary"] = summary.to_python();
  result["metrics"] = to_list(metrics.names());
  result["groups"] = to_list(groups.names());
  result["scenario"] = json_text(scenario.to_json());
  result["manifest"] = manifest_text;
  result["warning"] = warning ? py::object(py::str(*warning)) : py::object(py::none());
  result["seed"] = scenario.plan.seed;
  result["replicates"] = scenario.plan.replicates;
  result["steps"] = scenario.plan.steps;
  result["threads"] = used_threads;
  result["wall_seconds"] = wall;
  result["run_wall_seconds"] = to_numpy(std::move(run_seconds));
  return result;
}

template <typename T>
std::span<const T> view(const py::array_t<T, py::array::c_style | py::array::forcecast>& array) {
  return {array.data(), static_cast<std::size_t>(array.size())};
}

using UintArray = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>;
using CodeArray = py::array_t<std::int32_t, py::array::c_style | py::array::forcecast>;
using RealArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

// Rows back into the RunRecords the CLI's writers take: consecutive rows of one run form
// its record; without steps (a summary) every row is at the run's one last step.
std::vector<RunRecord> records(const UintArray& run, const UintArray* step, const CodeArray& metric,
                               const CodeArray& group, const RealArray& value,
                               const std::vector<std::string>& metrics,
                               const std::vector<std::string>& groups) {
  const auto runs = view(run);
  const auto metric_codes = view(metric);
  const auto group_codes = view(group);
  const auto values = view(value);
  const std::size_t n = runs.size();
  if (metric_codes.size() != n || group_codes.size() != n || values.size() != n ||
      (step != nullptr && static_cast<std::size_t>(step->size()) != n))
    throw std::invalid_argument("write: the columns differ in length");
  const std::span<const std::uint32_t> steps =
      step != nullptr ? view(*step) : std::span<const std::uint32_t>{};
  std::vector<RunRecord> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (out.empty() || out.back().run != runs[i]) out.push_back(RunRecord{runs[i], {}, 0.0});
    out.back().rows.push_back(MetricRow{
        step != nullptr ? steps[i] : 0, metrics.at(static_cast<std::size_t>(metric_codes[i])),
        groups.at(static_cast<std::size_t>(group_codes[i])), values[i]});
  }
  return out;
}

std::vector<std::string> write_run(const std::string& out, const std::string& format_name,
                                   const py::dict& series, const py::dict& summary,
                                   const std::vector<std::string>& metrics,
                                   const std::vector<std::string>& groups,
                                   const std::string& manifest_text) {
  const OutputFormat format = parse_output_format(format_name);
  const auto column = [](const py::dict& table, const char* name) { return table[name]; };
  const UintArray series_step = column(series, "step").cast<UintArray>();
  const std::vector<RunRecord> series_runs =
      records(column(series, "run").cast<UintArray>(), &series_step,
              column(series, "metric").cast<CodeArray>(), column(series, "group").cast<CodeArray>(),
              column(series, "raw_value").cast<RealArray>(), metrics, groups);
  const std::vector<RunRecord> summary_runs = records(
      column(summary, "run").cast<UintArray>(), nullptr,
      column(summary, "metric").cast<CodeArray>(), column(summary, "group").cast<CodeArray>(),
      column(summary, "raw_value").cast<RealArray>(), metrics, groups);
  std::vector<OutputTable> tables{{"timeseries", "", true}, {"summary", "", false}};
  const std::vector<std::string> files = output_file_names(tables, format, {"manifest.json"});
  nlohmann::ordered_json manifest_json = nlohmann::ordered_json::parse(manifest_text);
  manifest_json["files"] = files;
  const fs::path folder(out);
  {
    py::gil_scoped_release release;
    tables[0].csv = timeseries_csv(series_runs);
    tables[1].csv = summary_csv(summary_runs);
    create_output_folder(folder);
    remove_stale_temporaries(folder, files);
    write_outputs(folder, format, std::move(tables),
                  {{folder / "manifest.json", json_text(manifest_json)}}, manifest_json);
  }
  return files;
}

}  // namespace

void register_run(py::module_& m) {
  m.def("run", &run, py::arg("kind"), py::arg("scenario"), py::arg("relative_to"),
        py::arg("overrides"), py::arg("seed"), py::arg("replicates"), py::arg("threads"),
        py::arg("record"), py::arg("record_groups"),
        "A scenario's replicates, as `village run` runs them; the GIL is released.");
  m.def("write_run", &write_run, py::arg("out"), py::arg("format"), py::arg("timeseries"),
        py::arg("summary"), py::arg("metrics"), py::arg("groups"), py::arg("manifest"),
        "Writes `village run`'s files with the CLI's writers; returns their names.");
}

}  // namespace village::python
