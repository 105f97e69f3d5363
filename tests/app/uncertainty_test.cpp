// `village compare --uncertainty N` end to end: the outputs' shape and content, the
// same bytes at 1 and 2 threads and 1 and 3 MPI ranks, resume after kill -9, and the
// refusals. The decision analysis itself is tested in tests/analysis/uncertainty_test.cpp.

#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "app/chromium.hpp"
#include "app/cli_helpers.hpp"

namespace fs = std::filesystem;
using village_test::fresh_directory;
using village_test::has_temporary_files;
using village_test::read_file;
using village_test::run_village;
using village_test::spawn_village;
using village_test::wait_exit;
using village_test::write_text;

namespace {

// A small community and two strategies (tests/data/app/two_strategies.toml).
const std::string kScenario =
    read_file(fs::path(VILLAGE_TEST_DATA) / "app" / "two_strategies.toml");

std::string command(const fs::path& scenario, const fs::path& out, int threads) {
  return "compare " + scenario.string() +
         " --uncertainty 20 --param outreach.inviting_share --param model.trust_gain "
         "--param model.reach_threshold=0.5:0.7 --threads " +
         std::to_string(threads) + " --out " + out.string() + " --quiet";
}

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream s(line);
    std::string field;
    while (std::getline(s, field, ','))
      fields.push_back(field);
    rows.push_back(fields);
  }
  return rows;
}

const std::vector<std::string> kOutputs{"uncertainty.csv", "acceptability.csv", "drivers.csv"};

}  // namespace

TEST_CASE("compare --uncertainty: every world runs every strategy, and the files say who wins",
          "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_outputs");
  write_text(dir / "s.toml", kScenario);
  const auto result = run_village(command(dir / "s.toml", dir / "out", 2), dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto worlds = csv_rows(read_file(dir / "out" / "uncertainty.csv"));
  REQUIRE(worlds.size() == 1 + 20 * 2);
  CHECK(worlds[0][1] == "outreach.inviting_share");
  CHECK(worlds[0][4] == "strategy");
  std::map<std::string, int> best_per_world;
  for (std::size_t i = 1; i < worlds.size(); ++i) {
    const auto& row = worlds[i];
    // The plausible range of inviting_share (0.3-0.8) and the range given for the cut-off.
    CHECK(std::stod(row[1]) >= 0.3);
    CHECK(std::stod(row[1]) <= 0.8);
    CHECK(std::stod(row[3]) >= 0.5);
    CHECK(std::stod(row[3]) <= 0.7);
    if (row[4] == "newsletter") CHECK(std::stod(row[7]) == 0);  // the baseline's difference
    if (row[12] == "yes") ++best_per_world[row[0]];
  }
  CHECK(best_per_world.size() == 20);
  for (const auto& [world, count] : best_per_world)
    CHECK(count == 1);
  // The curve: per lambda, the probabilities sum to one and one strategy is on the frontier.
  const auto curve = csv_rows(read_file(dir / "out" / "acceptability.csv"));
  REQUIRE(curve.size() == 1 + 25 * 2);
  for (std::size_t i = 1; i + 1 < curve.size(); i += 2) {
    CHECK(std::stod(curve[i][2]) + std::stod(curve[i + 1][2]) == Approx(1));
    CHECK((curve[i][5] == "yes") + (curve[i + 1][5] == "yes") == 1);
  }
  const auto drivers = csv_rows(read_file(dir / "out" / "drivers.csv"));
  CHECK(drivers.size() == 4);
  const auto manifest = nlohmann::json::parse(read_file(dir / "out" / "manifest.json"));
  CHECK(manifest["design"]["worlds"] == 20);
  CHECK(manifest["replicates_per_world"] == 2);
  CHECK(manifest["willingness_to_pay_euros"].get<double>() > 0);
  // Without --quiet the summary speaks in sentences.
  const auto loud = run_village("compare " + (dir / "s.toml").string() +
                                    " --uncertainty 20 --param outreach.inviting_share --out " +
                                    (dir / "loud").string(),
                                dir);
  REQUIRE(loud.exit_code == 0);
  CHECK_THAT(loud.out, Catch::Contains("of 20 plausible worlds"));
  CHECK_THAT(loud.out, Catch::Contains("is the best buy in"));
}

TEST_CASE("compare --uncertainty: the same bytes at 1 and 2 threads", "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_threads");
  write_text(dir / "s.toml", kScenario);
  for (int threads : {1, 2}) {
    const fs::path out = dir / fmt::format("t{}", threads);
    REQUIRE(run_village(command(dir / "s.toml", out, threads), dir).exit_code == 0);
  }
  for (const std::string& file : kOutputs)
    CHECK(read_file(dir / "t1" / file) == read_file(dir / "t2" / file));
}

TEST_CASE("compare --uncertainty: kill -9, then resume, ends with the uninterrupted bytes",
          "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_kill");
  write_text(dir / "s.toml", kScenario);
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_village(command(dir / "s.toml", dir / "whole", 2), dir).exit_code == 0);
  const double whole_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const fs::path out = dir / "killed";
  const int kills =
      village_test::kill_repeatedly(command(dir / "s.toml", out, 2), dir, out / "uncertainty.csv",
                                    whole_ms, 20261207, 0.05, 0.3, 8);
  INFO("kills that landed: " << kills);
  CHECK(kills >= 2);
  const auto resumed = run_village(command(dir / "s.toml", out, 2), dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  for (const std::string& file : kOutputs)
    CHECK(read_file(out / file) == read_file(dir / "whole" / file));
  CHECK_FALSE(has_temporary_files(out));
}

#ifdef VILLAGE_HAVE_MPI
TEST_CASE("compare --uncertainty: 1 and 3 MPI ranks give the same bytes", "[uncertainty][mpi]") {
  const fs::path dir = fresh_directory("uncertainty_mpi");
  write_text(dir / "s.toml", kScenario);
  REQUIRE(run_village(command(dir / "s.toml", dir / "plain", 1), dir).exit_code == 0);
  for (const int ranks : {1, 3}) {
    const fs::path out = dir / ("ranks" + std::to_string(ranks));
    const int status = village_test::run_village_under_mpirun(
        ranks, command(dir / "s.toml", out, 1), dir / "mpi_err.txt");
    INFO(read_file(dir / "mpi_err.txt"));
    REQUIRE(status == 0);
    for (const std::string& file : kOutputs)
      CHECK(read_file(out / file) == read_file(dir / "plain" / file));
    const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
    CHECK(manifest["mpi_ranks"] == ranks);
  }
}
#endif

TEST_CASE("compare --uncertainty: refusals are one line with exit code 2", "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_refusals");
  write_text(dir / "s.toml", kScenario);
  const std::string base =
      "compare " + (dir / "s.toml").string() + " --out " + (dir / "out").string() + " ";
  const auto check = [&](const std::string& arguments, const std::string& expected) {
    const auto result = run_village(base + arguments, dir);
    INFO(arguments << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(expected));
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  };
  check("--param model.trust_gain", "go with --uncertainty N");
  check("--uncertainty 20 --param outreach.approach=uniform,matched", "is a list of levels");
  check("--uncertainty 20 --design morris --param model.trust_gain",
        "use lhs (the default) or sobol");
  check("--uncertainty 20 --param model.no_such_key", "model.no_such_key");
  check("--uncertainty 5", "--uncertainty");
  CHECK_FALSE(fs::exists(dir / "out" / "uncertainty.csv"));
}

TEST_CASE("compare --uncertainty: the report renders in headless Chromium with its section",
          "[uncertainty][unit]") {
  const std::string chromium = village_test::find_chromium();
  if (chromium.empty()) {
    WARN("chromium is not installed: skipping the rendering test (scripts/install-deps.sh)");
    return;
  }
  const fs::path dir = fresh_directory("uncertainty_chromium");
  write_text(dir / "s.toml", kScenario);
  REQUIRE(run_village(command(dir / "s.toml", dir / "out", 2), dir).exit_code == 0);
  const village_test::RenderedPage page =
      village_test::render_in_chromium(chromium, dir / "out" / "report.html", dir);
  REQUIRE(page.ok);
  CHECK_THAT(page.dom, Catch::Contains("How sure is the ranking?"));
  CHECK_THAT(page.dom, Catch::Contains("plausible worlds"));
  CHECK_THAT(page.dom, Catch::Contains("model.trust_gain"));
  CHECK_THAT(page.dom, !Catch::Contains("<script"));
  CHECK(page.svgs >= 3);  // probability best, acceptability, EVPPI
  CHECK(page.png.substr(1, 3) == "PNG");
  CHECK(village_test::png_distinct_bytes(page.png) > 32);
}

TEST_CASE("an [uncertainty] table makes village compare compare under uncertainty",
          "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_table");
  write_text(dir / "s.toml", std::string(kScenario) +
                                 "\n[uncertainty]\nworlds = 20\nreplicates = 2\n"
                                 "parameters = [\"outreach.inviting_share\", \"model.trust_gain\","
                                 " \"model.reach_threshold=0.5:0.7\"]\n");
  const auto table = run_village("compare " + (dir / "s.toml").string() + " --threads 2 --out " +
                                     (dir / "table").string() + " --quiet",
                                 dir);
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  // The same worlds as the command line's: the same bytes.
  write_text(dir / "plain.toml", kScenario);
  REQUIRE(run_village(command(dir / "plain.toml", dir / "cli", 2), dir).exit_code == 0);
  for (const std::string& file : kOutputs)
    CHECK(read_file(dir / "table" / file) == read_file(dir / "cli" / file));
  // The command line overrides the table.
  REQUIRE(run_village("compare " + (dir / "s.toml").string() +
                          " --uncertainty 20 --param model.trust_gain --out " +
                          (dir / "override").string() + " --quiet",
                      dir)
              .exit_code == 0);
  CHECK(csv_rows(read_file(dir / "override" / "drivers.csv")).size() == 2);

  const auto refused = [&](const std::string& text, const std::string& expected) {
    write_text(dir / "bad.toml", std::string(kScenario) + "\n[uncertainty]\n" + text);
    const auto result = run_village(
        "compare " + (dir / "bad.toml").string() + " --out " + (dir / "bad").string(), dir);
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(expected));
  };
  refused("worlds = 5\n", "bad.toml:29:10: uncertainty.worlds must be a whole number in [20,");
  refused("worlds = 20\nworld = 3\n", "did you mean 'worlds'?");
  refused("replicates = 2\n", "[uncertainty] needs worlds");
  refused("worlds = 20\ndesign = \"morris\"\n", "uncertainty.design must be \"lhs\" or \"sobol\"");
  refused("worlds = 20\nparameters = [1]\n", "each uncertainty.parameters entry must be a string");
}

TEST_CASE("compare --uncertainty: shards run their slices and combine to the same bytes",
          "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_shards");
  write_text(dir / "s.toml", kScenario);
  REQUIRE(run_village(command(dir / "s.toml", dir / "whole", 2), dir).exit_code == 0);
  for (int shard : {1, 2}) {
    const auto result = run_village(command(dir / "s.toml", dir / fmt::format("s{}", shard), 1) +
                                        fmt::format(" --shard {}/2", shard),
                                    dir);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK_FALSE(fs::exists(dir / fmt::format("s{}", shard) / "uncertainty.csv"));
  }
  const auto combined =
      run_village(command(dir / "s.toml", dir / "combined", 2) + " --from-shards " +
                      (dir / "s1").string() + " " + (dir / "s2").string(),
                  dir);
  INFO(combined.err);
  REQUIRE(combined.exit_code == 0);
  for (const std::string& file : kOutputs)
    CHECK(read_file(dir / "combined" / file) == read_file(dir / "whole" / file));
  // A shard of another command is refused.
  write_text(dir / "other.toml", std::string(kScenario) + "\n# another scenario\n");
  REQUIRE(run_village(command(dir / "other.toml", dir / "o1", 1) + " --shard 1/2", dir).exit_code ==
          0);
  const auto refused = run_village(
      command(dir / "s.toml", dir / "mixed", 1) + " --from-shards " + (dir / "o1").string(), dir);
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("this shard ran another scenario"));
}

TEST_CASE("compare --uncertainty --posterior draws the worlds from a calibration posterior",
          "[uncertainty][unit]") {
  const fs::path dir = fresh_directory("uncertainty_posterior");
  write_text(dir / "s.toml", kScenario);
  // Twenty equally weighted draws: each is one world, in order.
  std::string rows = "model.trust_gain,outreach.inviting_share\n";
  for (int i = 0; i < 20; ++i)
    rows += fmt::format("{},{}\n", 0.2 + 0.01 * i, 0.3 + 0.02 * i);
  fs::create_directories(dir / "equal");
  write_text(dir / "equal" / "posterior.csv", rows);
  const std::string base = "compare " + (dir / "s.toml").string() + " --uncertainty 20 --quiet";
  const auto equal = run_village(
      base + " --posterior " + (dir / "equal").string() + " --out " + (dir / "e").string(), dir);
  INFO(equal.err);
  REQUIRE(equal.exit_code == 0);
  const auto worlds = csv_rows(read_file(dir / "e" / "uncertainty.csv"));
  REQUIRE(worlds.size() == 1 + 20 * 2);
  CHECK(worlds[0][1] == "model.trust_gain");
  for (std::size_t i = 1; i < worlds.size(); i += 2) {
    const std::size_t w = std::stoul(worlds[i][0]);
    CHECK(std::stod(worlds[i][1]) == Approx(0.2 + 0.01 * static_cast<double>(w)));
    CHECK(std::stod(worlds[i][2]) == Approx(0.3 + 0.02 * static_cast<double>(w)));
  }
  const auto manifest = nlohmann::json::parse(read_file(dir / "e" / "manifest.json"));
  CHECK_THAT(manifest["design"]["drawn_from"].get<std::string>(), Catch::StartsWith("posterior"));
  // Weights: all of the mass on the third draw, so every world is that draw.
  fs::create_directories(dir / "weighted");
  write_text(dir / "weighted" / "posterior.csv",
             "model.trust_gain,weight\n0.2,0\n0.25,0\n0.4,1\n0.3,0\n");
  REQUIRE(run_village(base + " --posterior " + (dir / "weighted").string() + " --out " +
                          (dir / "w").string(),
                      dir)
              .exit_code == 0);
  const auto weighted = csv_rows(read_file(dir / "w" / "uncertainty.csv"));
  for (std::size_t i = 1; i < weighted.size(); ++i)
    CHECK(std::stod(weighted[i][1]) == Approx(0.4));

  const auto refused = [&](const std::string& text, const std::string& extra,
                           const std::string& expected) {
    fs::create_directories(dir / "bad");
    write_text(dir / "bad" / "posterior.csv", text);
    const auto result = run_village(
        base + " --posterior " + (dir / "bad").string() + extra + " --out " + (dir / "b").string(),
        dir);
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(expected));
  };
  refused("model.trust_gain\n0.2\nx\n", "", "posterior.csv:3:1: 'x' is not a finite number");
  refused("model.trust_gain,weight\n0.2,-1\n", "", "posterior.csv:2:5: a negative weight");
  refused("model.trust_gain,model.trust_gain\n0.2,0.3\n", "", "is named twice");
  refused("outreach.key_figure_capacity\n3\n", "", "is not a world parameter of this scenario");
  refused("model.trust_gain\n0.2\n", " --param model.trust_gain",
          "--param and --posterior do not go together");
  const auto missing = run_village(
      base + " --posterior " + (dir / "nowhere").string() + " --out " + (dir / "m").string(), dir);
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("no posterior.csv here"));
}
