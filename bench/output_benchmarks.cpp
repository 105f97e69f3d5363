// Output size (issue 25): bytes per time-series row in each --format, for the rows of
// four replicates of the small municipality (52 weeks, every outcome and group, as
// `village run` and `compare` record them), against the same rows written with 17
// significant digits as before the stored precision. Sizes are counters, measured, not
// asserted; the time per iteration is the writer's cost for those rows.

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iterator>
#include <string>

#include "scenarios/scenario.hpp"
#include "sim/csv.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "sim/sqlite_tables.hpp"

namespace {

using namespace village;

const std::vector<RunRecord>& small_municipality_rows() {
  static const std::vector<RunRecord> runs = [] {
    set_thread_count(2);
    Scenario s = load_scenario(std::string(VILLAGE_SOURCE_DIR) +
                               "/scenarios/examples/small_municipality.toml");
    s.plan.replicates = 4;
    return run_replicates(s.plan, make_world_factory(s),
                          [&] { return s.model->make(s.model_values); });
  }();
  return runs;
}

double row_count(const std::vector<RunRecord>& runs) {
  double rows = 0;
  for (const RunRecord& run : runs)
    rows += static_cast<double>(run.rows.size());
  return rows;
}

// The time series as written before: every value with up to 17 significant digits.
std::string full_precision_csv(const std::vector<RunRecord>& runs) {
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "run,step,metric,group,value\n");
  for (const RunRecord& run : runs)
    for (const MetricRow& row : run.rows)
      fmt::format_to(std::back_inserter(out), "{},{},{},{},{}\n", run.run, row.step,
                     csv_field(row.metric), csv_field(row.group), format_value(row.value));
  return fmt::to_string(out);
}

void report(benchmark::State& state, double bytes) {
  const auto& runs = small_municipality_rows();
  const double rows = row_count(runs);
  state.counters["rows"] = rows;
  state.counters["bytes_per_row"] = bytes / rows;
  state.counters["vs_full_precision_csv"] =
      bytes / static_cast<double>(full_precision_csv(runs).size());
}

void BM_TimeseriesFullPrecisionCsv(benchmark::State& state) {
  const auto& runs = small_municipality_rows();
  std::size_t bytes = 0;
  for (auto _ : state)
    bytes = full_precision_csv(runs).size();
  report(state, static_cast<double>(bytes));
}
BENCHMARK(BM_TimeseriesFullPrecisionCsv)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_TimeseriesCsv(benchmark::State& state) {
  const auto& runs = small_municipality_rows();
  std::size_t bytes = 0;
  for (auto _ : state)
    bytes = timeseries_csv(runs).size();
  report(state, static_cast<double>(bytes));
}
BENCHMARK(BM_TimeseriesCsv)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_TimeseriesCsvGz(benchmark::State& state) {
  const auto& runs = small_municipality_rows();
  std::size_t bytes = 0;
  for (auto _ : state)
    bytes = gzip_text(timeseries_csv(runs)).size();
  report(state, static_cast<double>(bytes));
}
BENCHMARK(BM_TimeseriesCsvGz)->Unit(benchmark::kMillisecond)->Iterations(10);

// The speed target: writing the time series as csv.gz takes less time than writing
// the 17-digit CSV did. Writing is the whole of it: the text, gzip, and the file written
// and flushed to disk (write_file_atomically fsyncs). The two alternate within each
// iteration, so the ratio is measured in one sitting.
void BM_CsvGzWriteTimeVsFullPrecisionCsv(benchmark::State& state) {
  const auto& runs = small_municipality_rows();
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / fmt::format("village_bench_{}", ::getpid());
  std::filesystem::create_directories(folder);
  using clock = std::chrono::steady_clock;
  clock::duration gz{}, full{};
  std::size_t bytes = 0;
  const auto write_gz = [&] {
    const auto t0 = clock::now();
    std::string compressed = gzip_text(timeseries_csv(runs));
    bytes = compressed.size();
    write_file_atomically(folder / "timeseries.csv.gz", compressed);
    gz += clock::now() - t0;
  };
  const auto write_full = [&] {
    const auto t0 = clock::now();
    write_file_atomically(folder / "timeseries.csv", full_precision_csv(runs));
    full += clock::now() - t0;
  };
  bool gz_first = true;
  for (auto _ : state) {
    // Each goes first in every other iteration: neither gains from the other's caches.
    if (gz_first) {
      write_gz();
      write_full();
    } else {
      write_full();
      write_gz();
    }
    gz_first = !gz_first;
  }
  std::filesystem::remove_all(folder);
  report(state, static_cast<double>(bytes));
  const double iterations = static_cast<double>(state.iterations());
  state.counters["gz_ms"] = 1e3 * std::chrono::duration<double>(gz).count() / iterations;
  state.counters["full_precision_ms"] =
      1e3 * std::chrono::duration<double>(full).count() / iterations;
  state.counters["write_time_vs_full_precision_csv"] =
      std::chrono::duration<double>(gz).count() / std::chrono::duration<double>(full).count();
}
BENCHMARK(BM_CsvGzWriteTimeVsFullPrecisionCsv)->Unit(benchmark::kMillisecond)->Iterations(10);

void BM_TimeseriesSqlite(benchmark::State& state) {
  const auto& runs = small_municipality_rows();
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / fmt::format("village_bench_{}.sqlite", ::getpid());
  std::uintmax_t bytes = 0;
  for (auto _ : state) {
    write_database_atomically(path, {{"timeseries", timeseries_csv(runs), filter_columns()}});
    bytes = std::filesystem::file_size(path);
  }
  std::filesystem::remove(path);
  report(state, static_cast<double>(bytes));
}
BENCHMARK(BM_TimeseriesSqlite)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace

BENCHMARK_MAIN();
