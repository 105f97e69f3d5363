// `village run`: outputs, their shape, and reproducibility across threads and seeds.

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/cli_helpers.hpp"

namespace fs = std::filesystem;
using village_test::read_file;
using village_test::run_village;

namespace {
const char* kScenario = R"([run]
steps = 30
replicates = 4
seed = 11

[network]
generator = "sbm"
block_sizes = [3000, 2000]
block_names = ["east", "west"]
p_within = 0.004
p_between = 0.0005

[model]
kind = "sir"
transmissibility = 0.3
recovery = 0.5
initial_fraction = 0.002
)";

struct RunOutput {
  std::string timeseries;
  std::string summary;
  nlohmann::json manifest;
};

RunOutput run_scenario(const fs::path& dir, const std::string& name, const std::string& extra) {
  const fs::path out = dir / name;
  const auto result = run_village(
      "run " + (dir / "scenario.toml").string() + " --out " + out.string() + " " + extra, dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  return {village_test::read_gzip_file(out / "timeseries.csv.gz"), read_file(out / "summary.csv"),
          nlohmann::json::parse(read_file(out / "manifest.json"))};
}
}  // namespace

TEST_CASE("run writes tidy outputs and a manifest", "[unit]") {
  const fs::path dir = village_test::fresh_directory("run_outputs");
  village_test::write_text(dir / "scenario.toml", kScenario);
  const RunOutput output = run_scenario(dir, "out", "--threads 2");
  CHECK_THAT(output.timeseries,
             Catch::StartsWith("run,step,metric,group,value\n0,0,susceptible,all,"));
  CHECK_THAT(output.timeseries, Catch::Contains("\n3,30,recovered,west,"));
  CHECK_THAT(output.summary, Catch::StartsWith("run,metric,group,value\n0,susceptible,all,"));
  // 4 runs x 3 metrics x 3 groups (all, east, west) final rows, plus the header.
  CHECK(std::count(output.summary.begin(), output.summary.end(), '\n') == 1 + 4 * 3 * 3);
  CHECK(std::count(output.timeseries.begin(), output.timeseries.end(), '\n') == 1 + 4 * 31 * 3 * 3);
  CHECK(output.manifest["scenario"]["model"]["kind"] == "sir");
  CHECK(output.manifest["scenario"]["model"]["recovery"] == 0.5);
  CHECK(output.manifest["scenario"]["network"]["block_names"][1] == "west");
  CHECK(output.manifest["random"]["master_seed"] == 11);
  CHECK(output.manifest["threads"] == 2);
  CHECK(output.manifest["runs"].size() == 4);
  CHECK(output.manifest.contains("git_revision"));
  CHECK(output.manifest["wall_seconds"].get<double>() >= 0.0);
  // No temporary files are left beside the outputs.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "out"))
    ++files;
  CHECK(files == 3);
}

TEST_CASE("same seed gives byte-identical outputs with 1 and 2 threads", "[unit]") {
  const fs::path dir = village_test::fresh_directory("run_threads");
  village_test::write_text(dir / "scenario.toml", kScenario);
  const RunOutput one = run_scenario(dir, "one", "--threads 1");
  const RunOutput two = run_scenario(dir, "two", "--threads 2");
  CHECK(one.timeseries == two.timeseries);
  CHECK(one.summary == two.summary);
  // A single replicate parallelises inside the run instead: still identical to run 0.
  const RunOutput single_one = run_scenario(dir, "single1", "--threads 1 --replicates 1");
  const RunOutput single_two = run_scenario(dir, "single2", "--threads 2 --replicates 1");
  CHECK(single_one.timeseries == single_two.timeseries);
  CHECK_THAT(one.timeseries, Catch::StartsWith(single_one.timeseries));
}

TEST_CASE("different seeds differ, and replicates differ from each other", "[unit]") {
  const fs::path dir = village_test::fresh_directory("run_seeds");
  village_test::write_text(dir / "scenario.toml", kScenario);
  const RunOutput a = run_scenario(dir, "a", "--seed 1");
  const RunOutput b = run_scenario(dir, "b", "--seed 2");
  CHECK(a.summary != b.summary);
  // Final recovered shares of the four replicates are not all equal.
  std::set<std::string> finals;
  std::istringstream lines(a.summary);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find(",recovered,all,") != std::string::npos)
      finals.insert(line.substr(line.rfind(',') + 1));
  }
  CHECK(finals.size() == 4);
}

TEST_CASE("the demo scenario validates and --version and --help work", "[unit]") {
  const fs::path dir = village_test::fresh_directory("run_misc");
  const auto validate = run_village(
      "validate " + std::string(VILLAGE_SOURCE_DIR) + "/scenarios/examples/sir_demo.toml", dir);
  CHECK(validate.exit_code == 0);
  CHECK_THAT(validate.out, Catch::Contains("valid"));
  const auto version = run_village("--version", dir);
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("village 0."));
  const auto help = run_village("--help", dir);
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("Examples:"));
  const auto params = run_village("params sir", dir);
  CHECK(params.exit_code == 0);
  CHECK_THAT(params.out, Catch::Contains("| `transmissibility` | 0.3 |"));
}

TEST_CASE("every example scenario validates", "[unit]") {
  const fs::path dir = village_test::fresh_directory("run_examples");
  std::size_t examples = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples")) {
    if (entry.path().extension() != ".toml") continue;
    INFO(entry.path().filename().string());
    const auto validate = run_village("validate " + entry.path().string(), dir);
    INFO(validate.err);
    CHECK(validate.exit_code == 0);
    CHECK_THAT(validate.out, Catch::Contains("valid"));
    ++examples;
  }
  CHECK(examples >= 8);
}

TEST_CASE("docs/ODD.md's parameter tables are those the code declares", "[unit]") {
  const fs::path dir = village_test::fresh_directory("odd_tables");
  const auto params = run_village("params", dir);
  REQUIRE(params.exit_code == 0);
  const std::string odd = read_file(fs::path(VILLAGE_SOURCE_DIR) / "docs/ODD.md");
  const std::string begin = "<!-- BEGIN GENERATED PARAMETERS -->\n";
  const auto start = odd.find(begin);
  const auto end = odd.find("<!-- END GENERATED PARAMETERS -->");
  REQUIRE(start != std::string::npos);
  REQUIRE(end != std::string::npos);
  INFO("run scripts/update-docs.sh after changing a parameter");
  CHECK(odd.substr(start + begin.size(), end - start - begin.size()) == params.out);
}

TEST_CASE("meetings without a facilitator are counted and warned about once", "[unit]") {
  // groups.toml with one youth-team worker per 1000 households instead of two: two of
  // its four neighbourhoods have nobody to facilitate their groups.
  std::string text =
      read_file(fs::path(VILLAGE_SOURCE_DIR) / "tests/data/parent_support/groups.toml");
  const std::string full = "youth_team_per_1000 = 2";
  REQUIRE(text.find(full) != std::string::npos);
  text.replace(text.find(full), full.size(), "youth_team_per_1000 = 1");
  const fs::path dir = village_test::fresh_directory("run_skipped_meetings");
  village_test::write_text(dir / "thin.toml", text);
  const auto result = run_village("run " + (dir / "thin.toml").string() +
                                      " --replicates 2 --quiet --out " + (dir / "out").string(),
                                  dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK(result.err.rfind("warning: ", 0) == 0);
  CHECK(result.err.find("had no facilitator in their neighbourhood") != std::string::npos);
  // summary.csv holds the counts at the last week of each run.
  std::map<std::string, double> last;
  std::istringstream summary(read_file(dir / "out" / "summary.csv"));
  std::string line;
  while (std::getline(summary, line)) {
    if (line.rfind("0,meetings_", 0) != 0) continue;
    const auto comma = line.find(',', 2);
    const std::string metric = line.substr(2, comma - 2);
    last[metric] = std::stod(line.substr(line.rfind(',') + 1));
  }
  REQUIRE(last["meetings_scheduled"] > 0);
  CHECK(last["meetings_skipped_no_facilitator"] > 0.3 * last["meetings_scheduled"]);
  CHECK(last["meetings_skipped"] ==
        last["meetings_skipped_no_facilitator"] + last["meetings_skipped_no_hours"] +
            last["meetings_skipped_no_driver"] + last["meetings_skipped_no_budget"]);

  // With a worker in every neighbourhood nothing is skipped and nothing is said.
  village_test::write_text(dir / "full.toml", read_file(fs::path(VILLAGE_SOURCE_DIR) /
                                                        "tests/data/parent_support/groups.toml"));
  const auto full_run = run_village("run " + (dir / "full.toml").string() +
                                        " --replicates 1 --quiet --out " + (dir / "full").string(),
                                    dir);
  CHECK(full_run.exit_code == 0);
  CHECK(full_run.err.empty());
}
