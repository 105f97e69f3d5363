// --format csv | csv.gz | sqlite and --record, end to end: every format holds the same
// rows at the stored precision, the database's canonical query gives the same rows for
// any thread count, a sweep killed with kill -9 resumes into the same database with no
// row missing or twice, and bad options are refused before anything is written.

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <set>

#include "app/cli_helpers.hpp"
#include "sim/sqlite_tables.hpp"

namespace fs = std::filesystem;
using village_test::fresh_directory;
using village_test::read_file;
using village_test::read_gzip_file;
using village_test::run_village;
using village_test::write_text;

namespace {

const char* kSir = R"([run]
steps = 20
replicates = 3
seed = 5

[network]
generator = "sbm"
block_sizes = [150, 150]
block_names = ["east", "west"]
p_within = 0.05
p_between = 0.005

[model]
kind = "sir"
transmissibility = 0.2
recovery = 0.3
initial_fraction = 0.02
)";

const char* kCascade = R"([run]
steps = 10
replicates = 4
seed = 9

[network]
generator = "barabasi_albert"
nodes = 300
attachments = 2

[model]
kind = "independent_cascade"
probability = 0.1
initial_fraction = 0.05

[strategies.random]
description = "at random"
seeding = "random"

[strategies.hubs]
description = "the most connected"
seeding = "top_degree"
)";

std::string query_csv(const fs::path& database, const std::string& table) {
  village::SqliteDatabase db(database);
  return village::table_as_csv(db, table);
}

// Rows of a sweep's table in the canonical order, as CSV text without its header.
std::string canonical(const fs::path& database, const std::string& table,
                      const std::string& columns) {
  village::SqliteDatabase db(database);
  db.execute(
      fmt::format("CREATE TEMP TABLE canonical AS SELECT {} FROM {} ORDER BY point, replicate, row",
                  columns, table));
  const std::string text = village::table_as_csv(db, "canonical");
  return text.substr(text.find('\n') + 1);
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("run: csv, csv.gz and sqlite hold the same rows", "[unit]") {
  const fs::path dir = fresh_directory("formats_run");
  write_text(dir / "s.toml", kSir);
  for (const char* format : {"csv", "csv.gz", "sqlite"}) {
    const auto result = run_village("run " + (dir / "s.toml").string() + " --quiet --format " +
                                        format + " --out " + (dir / format).string(),
                                    dir);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }
  const std::string series = read_file(dir / "csv" / "timeseries.csv");
  const std::string summary = read_file(dir / "csv" / "summary.csv");
  CHECK(lines(series) == 1 + 3 * 21 * 3 * 3);
  // Default: the time series compressed, the summary plain.
  CHECK(read_gzip_file(dir / "csv.gz" / "timeseries.csv.gz") == series);
  CHECK(read_file(dir / "csv.gz" / "summary.csv") == summary);
  CHECK(read_file(dir / "csv.gz" / "timeseries.csv.gz").size() < series.size() / 4);
  // The database: the same text back, and the manifest as a table.
  const fs::path db = dir / "sqlite" / "village.sqlite";
  CHECK(query_csv(db, "timeseries") == series);
  CHECK(query_csv(db, "summary") == summary);
  CHECK_THAT(query_csv(db, "manifest"), Catch::Contains("\nrandom,"));
  CHECK(fs::exists(dir / "sqlite" / "manifest.json"));
  CHECK_FALSE(fs::exists(dir / "sqlite" / "timeseries.csv"));
  // No value carries more than seven significant digits.
  CHECK(series.find("0.33333333") == std::string::npos);
}

TEST_CASE(
    "record: --record keeps the chosen series, and unknown names are refused before any output",
    "[unit]") {
  const fs::path dir = fresh_directory("formats_record");
  write_text(dir / "s.toml", kSir);
  const auto kept = run_village("run " + (dir / "s.toml").string() +
                                    " --quiet --format csv --record infected,recov* "
                                    "--record-groups all --out " +
                                    (dir / "kept").string(),
                                dir);
  INFO(kept.err);
  REQUIRE(kept.exit_code == 0);
  const std::string series = read_file(dir / "kept" / "timeseries.csv");
  CHECK(lines(series) == 1 + 3 * 21 * 2);
  CHECK(series.find("susceptible") == std::string::npos);
  CHECK(series.find(",east,") == std::string::npos);
  CHECK(series.find(",recovered,all,") != std::string::npos);
  // The summary keeps everything.
  CHECK(read_file(dir / "kept" / "summary.csv").find("susceptible,east") != std::string::npos);

  const auto typo = run_village(
      "run " + (dir / "s.toml").string() + " --record infectd --out " + (dir / "typo").string(),
      dir);
  CHECK(typo.exit_code == 2);
  CHECK(typo.err ==
        "error: --record: the model records no metric \"infectd\"; did you mean "
        "'infected'?\n");
  CHECK_FALSE(fs::exists(dir / "typo"));
  const auto group =
      run_village("run " + (dir / "s.toml").string() + " --record-groups community:* --out " +
                      (dir / "group").string(),
                  dir);
  CHECK(group.exit_code == 2);
  CHECK_THAT(group.err, Catch::StartsWith("error: --record-groups: the model records no group"));
  const auto format = run_village(
      "run " + (dir / "s.toml").string() + " --format parquet --out " + (dir / "format").string(),
      dir);
  CHECK(format.exit_code == 2);
  CHECK_THAT(format.err, Catch::StartsWith("error: --format: unknown output format \"parquet\""));
  CHECK_FALSE(fs::exists(dir / "format"));
}

TEST_CASE("compare: the database holds the comparison and the series, for any thread count",
          "[unit]") {
  const fs::path dir = fresh_directory("formats_compare");
  write_text(dir / "c.toml", kCascade);
  const std::string base = "compare " + (dir / "c.toml").string() + " --quiet --out ";
  REQUIRE(run_village(base + (dir / "csv").string() + " --format csv --threads 1", dir).exit_code ==
          0);
  REQUIRE(
      run_village(base + (dir / "db").string() + " --format sqlite --threads 2", dir).exit_code ==
      0);
  const fs::path db = dir / "db" / "village.sqlite";
  CHECK(query_csv(db, "comparison") == read_file(dir / "csv" / "comparison.csv"));
  CHECK(query_csv(db, "timeseries") == read_file(dir / "csv" / "timeseries.csv"));
  CHECK(fs::exists(dir / "db" / "report.html"));
  village::SqliteDatabase open(db);
  village::SqliteStatement indexes(
      open,
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
      "('timeseries', 'timeseries_rows')");
  REQUIRE(indexes.step());
  CHECK(indexes.integer(0) == 2);  // (metric, group) and (strategy, run, step)
}

TEST_CASE(
    "sweep: the database's canonical rows are the CSV's, at any thread count and after "
    "kill -9",
    "[unit]") {
  const fs::path dir = fresh_directory("formats_sweep");
  write_text(dir / "s.toml", kSir);
  const std::string sweep = "sweep " + (dir / "s.toml").string() +
                            " --design lhs --samples 40 --replicates 3 --timeseries --quiet "
                            "--param model.transmissibility=0.05:0.4 --out ";
  REQUIRE(
      run_village(sweep + (dir / "csv").string() + " --format csv --threads 1", dir).exit_code ==
      0);
  REQUIRE(
      run_village(sweep + (dir / "one").string() + " --format sqlite --threads 1", dir).exit_code ==
      0);
  REQUIRE(
      run_village(sweep + (dir / "two").string() + " --format sqlite --threads 2", dir).exit_code ==
      0);
  const std::string results_columns = "point, replicate, metric, \"group\", final, mean";
  const std::string series_columns = "point, replicate, step, metric, \"group\", value";
  const std::string results = canonical(dir / "one" / "village.sqlite", "results", results_columns);
  const std::string series =
      canonical(dir / "one" / "village.sqlite", "timeseries", series_columns);
  CHECK(results == canonical(dir / "two" / "village.sqlite", "results", results_columns));
  CHECK(series == canonical(dir / "two" / "village.sqlite", "timeseries", series_columns));
  // The same rows as the CSV files (header aside).
  const std::string results_csv = read_file(dir / "csv" / "results.csv");
  const std::string series_csv = read_file(dir / "csv" / "timeseries.csv");
  CHECK(results == results_csv.substr(results_csv.find('\n') + 1));
  CHECK(series == series_csv.substr(series_csv.find('\n') + 1));
  CHECK(query_csv(dir / "one" / "village.sqlite", "design") ==
        read_file(dir / "csv" / "design.csv"));
  CHECK_FALSE(fs::exists(dir / "one" / "village.sqlite-wal"));

  // Killed at random moments, then resumed: the same rows, each once.
  const fs::path killed = dir / "killed";
  const std::string command = sweep + killed.string() + " --format sqlite --threads 2";
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_village(sweep + (dir / "timed").string() + " --format sqlite --threads 2", dir)
              .exit_code == 0);
  const double whole_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  // Early moments, as in sweep_test.cpp: each restart resumes and so ends sooner, and under
  // load (ctest -j) the measured run may have been the quick one.
  const int kills = village_test::kill_repeatedly(command, dir, killed / "manifest.json", whole_ms,
                                                  20261207, 0.03, 0.3, 12);
  INFO("kills that landed: " << kills);
  CHECK(kills >= 2);
  const auto resumed = run_village(command, dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(canonical(killed / "village.sqlite", "results", results_columns) == results);
  CHECK(canonical(killed / "village.sqlite", "timeseries", series_columns) == series);
  village::SqliteDatabase db(killed / "village.sqlite");
  village::SqliteStatement tasks(db, "SELECT count(*), count(DISTINCT task) FROM tasks");
  REQUIRE(tasks.step());
  CHECK(tasks.integer(0) == 120);
  CHECK(tasks.integer(1) == 120);

  // Shards merged into a database give the same rows.
  std::string folders;
  for (int shard = 1; shard <= 2; ++shard) {
    const fs::path out = dir / ("shard" + std::to_string(shard));
    REQUIRE(
        run_village(
            sweep + out.string() + " --format sqlite --shard " + std::to_string(shard) + "/2", dir)
            .exit_code == 0);
    folders.append(" ").append(out.string());
  }
  const auto merged = run_village(
      "sweep merge" + folders + " --format sqlite --out " + (dir / "merged").string(), dir);
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(canonical(dir / "merged" / "village.sqlite", "results", results_columns) == results);
  CHECK(canonical(dir / "merged" / "village.sqlite", "timeseries", series_columns) == series);
}

#ifdef VILLAGE_HAVE_MPI
TEST_CASE("sweep: csv.gz bytes and the database's canonical rows are the same at 1 and 3 ranks",
          "[sweep][mpi]") {
  const fs::path dir = fresh_directory("formats_sweep_mpi");
  write_text(dir / "s.toml", kSir);
  const std::string sweep = "sweep " + (dir / "s.toml").string() +
                            " --design lhs --samples 8 --replicates 2 --timeseries --quiet "
                            "--threads 1 --param model.transmissibility=0.05:0.4 --out ";
  for (const char* format : {"csv.gz", "sqlite"}) {
    INFO(format);
    const fs::path plain = dir / (std::string("plain_") + format);
    REQUIRE(run_village(sweep + plain.string() + " --format " + format, dir).exit_code == 0);
    const fs::path ranks = dir / (std::string("ranks_") + format);
    REQUIRE(village_test::run_village_under_mpirun(
                3, sweep + ranks.string() + " --format " + format, dir / "mpi_err.txt") == 0);
    if (std::string(format) == "csv.gz") {
      CHECK(read_file(ranks / "timeseries.csv.gz") == read_file(plain / "timeseries.csv.gz"));
      CHECK(read_file(ranks / "results.csv") == read_file(plain / "results.csv"));
    } else {
      const std::string series = "point, replicate, step, metric, \"group\", value";
      CHECK(canonical(ranks / "village.sqlite", "timeseries", series) ==
            canonical(plain / "village.sqlite", "timeseries", series));
      CHECK(query_csv(ranks / "village.sqlite", "design") ==
            query_csv(plain / "village.sqlite", "design"));
    }
  }
}
#endif
