#include "sim/output.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/error.hpp"

namespace fs = std::filesystem;

namespace {
std::string read_all(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}
fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("village_output_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
}  // namespace

TEST_CASE("files are written whole and leave no temporary behind", "[unit]") {
  const fs::path dir = scratch_dir("atomic");
  village::write_file_atomically(dir / "a.csv", "x,y\n1,2\n");
  CHECK(read_all(dir / "a.csv") == "x,y\n1,2\n");
  village::write_file_atomically(dir / "a.csv", "replaced\n");
  CHECK(read_all(dir / "a.csv") == "replaced\n");
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
    ++entries;
  CHECK(entries == 1);
  fs::remove_all(dir);
}

TEST_CASE("an unwritable output names the path", "[unit]") {
  const fs::path missing = fs::temp_directory_path() / "village_no_such_dir" / "x" / "a.csv";
  try {
    village::write_file_atomically(missing, "x");
    FAIL("expected an InputError");
  } catch (const village::InputError& error) {
    CHECK(error.where().file == missing.string());
    CHECK_THAT(error.format(),
               Catch::StartsWith("error: " + missing.string() + ": cannot write output"));
  }
}

TEST_CASE("time series and summary are tidy long-format CSV", "[unit]") {
  village::RunRecord first;
  first.run = 0;
  first.rows = {
      {0, "infected", "all", 0.001}, {1, "infected", "all", 0.25}, {1, "infected", "b1", 0.5}};
  village::RunRecord second;
  second.run = 1;
  second.rows = {{0, "infected", "all", 0.1}, {1, "infected", "all", 1.0 / 3.0}};
  const std::vector<village::RunRecord> runs{first, second};
  CHECK(village::timeseries_csv(runs) ==
        "run,step,metric,group,value\n0,0,infected,all,0.001\n0,1,infected,all,0.25\n"
        "0,1,infected,b1,0.5\n1,0,infected,all,0.1\n1,1,infected,all,0.3333333\n");
  CHECK(village::summary_csv(runs) ==
        "run,metric,group,value\n0,infected,all,0.25\n0,infected,b1,0.5\n"
        "1,infected,all,0.3333333\n");
  // --record keeps only the series asked for.
  village::SeriesFilter record;
  record.groups = {"b*"};
  CHECK(village::timeseries_csv(runs, record) ==
        "run,step,metric,group,value\n0,1,infected,b1,0.5\n");
}

TEST_CASE("values are written as the shortest text that reads back exactly", "[unit]") {
  for (double v : {0.1, 1.0 / 3.0, 1e-300, 123456789.125, 0.0}) {
    CHECK(std::stod(village::format_value(v)) == v);
  }
  CHECK(village::format_value(0.5) == "0.5");
}

TEST_CASE("stale temporaries of killed writers are removed, live ones kept", "[unit]") {
  const auto dir = std::filesystem::temp_directory_path() / "village_stale_temporaries";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto touch = [&](const std::string& name) { std::ofstream(dir / name) << "partial"; };
  touch(".results.csv.tmp-999999999");  // above any pid_max: that process is gone
  touch(".results.csv.tmp-" + std::to_string(::getppid()));  // the parent still runs
  touch(".other.csv.tmp-999999999");                         // not a name we were given
  touch("results.csv");
  CHECK(village::remove_stale_temporaries(dir, {"results.csv", "design.csv"}) == 1);
  CHECK_FALSE(std::filesystem::exists(dir / ".results.csv.tmp-999999999"));
  CHECK(std::filesystem::exists(dir / (".results.csv.tmp-" + std::to_string(::getppid()))));
  CHECK(std::filesystem::exists(dir / ".other.csv.tmp-999999999"));
  CHECK(std::filesystem::exists(dir / "results.csv"));
}
