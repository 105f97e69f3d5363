// `village sweep`, `village sweep merge` and `village analyze sensitivity`, end to end:
// analytic Sobol' indices and Morris ranking through the whole pipeline, byte-identical
// results for any thread count, rank count and shard split, resume after kill -9 and
// SIGINT, and the refusals.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

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

// One step of an analytic test function ("ishigami", "sobol_g") on a one-node network.
std::string function_scenario(const std::string& kind, int seed) {
  return "[run]\nsteps = 1\nreplicates = 1\nseed = " + std::to_string(seed) +
         "\n\n[network]\ngenerator = \"complete\"\nnodes = 1\n\n[model]\nkind = \"" + kind + "\"\n";
}
const std::string kIshigami = function_scenario("ishigami", 11);
const std::string kSobolG = function_scenario("sobol_g", 5);

// A small community whose tasks take some milliseconds each, so that a signal can land
// while tasks run.
const char* kCommunity = R"([run]
steps = 30
replicates = 2
seed = 3

[community]
households = 600
neighbourhoods = 2

[[community.communities]]
name = "a, \"quoted\" community"
share = 1.0
membership = { community_centre = 0.3 }

[model]
kind = "parent_support"

[outreach]
newsletter_interval_weeks = 4
inviting_share = 0.5
key_figure_programme = true
)";

const std::string kPi = "3.141592653589793";
const std::string kIshigamiParams = " --param model.x1=-" + kPi + ":" + kPi +
                                    " --param model.x2=-" + kPi + ":" + kPi +
                                    " --param model.x3=-" + kPi + ":" + kPi;

std::string community_sweep(const fs::path& scenario, const fs::path& out, int samples = 12) {
  return "sweep " + scenario.string() + " --design lhs --samples " + std::to_string(samples) +
         " --param outreach.inviting_share=0.1:0.9"
         " --param community.households=400:800 --param outreach.key_figure_programme=true,false"
         " --out " +
         out.string() + " --quiet";
}

struct Index {
  double estimate, low, high;
};

// sensitivity.csv rows of group "all": (factor, index) -> value.
std::map<std::pair<std::string, std::string>, Index> read_indices(const fs::path& csv,
                                                                  const std::string& metric) {
  std::map<std::pair<std::string, std::string>, Index> indices;
  std::istringstream in(read_file(csv));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream fields(line);
    std::string field;
    while (std::getline(fields, field, ','))
      f.push_back(field);
    if (f.size() < 7 || f[0] != metric || f[1] != "all") continue;
    indices[{f[2], f[3]}] = {std::stod(f[4]), f[5].empty() ? 0 : std::stod(f[5]),
                             f[6].empty() ? 0 : std::stod(f[6])};
  }
  return indices;
}

// Task ids of the journal's record lines, as written (a task recorded twice shows twice).
std::vector<std::uint64_t> journal_tasks(const fs::path& journal) {
  std::vector<std::uint64_t> tasks;
  std::istringstream in(read_file(journal));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line))
    tasks.push_back(std::stoull(line.substr(0, line.find(' '))));
  return tasks;
}

}  // namespace

TEST_CASE("sweep: Ishigami Sobol' indices match the analytic values within their intervals",
          "[sweep][statistical]") {
  const fs::path dir = fresh_directory("sweep_ishigami");
  write_text(dir / "ishigami.toml", kIshigami);
  const auto run =
      run_village("sweep " + (dir / "ishigami.toml").string() + " --design sobol --samples 8192" +
                      kIshigamiParams + " --out " + (dir / "out").string() + " --quiet",
                  dir);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto analysis = run_village(
      "analyze sensitivity " + (dir / "out").string() + " --bootstrap 500 --quiet", dir);
  INFO(analysis.err);
  REQUIRE(analysis.exit_code == 0);
  const auto indices = read_indices(dir / "out" / "sensitivity.csv", "y");
  // Ishigami & Homma 1990 with a = 7, b = 0.1 (Saltelli et al. 2010, Table 2).
  const std::map<std::pair<std::string, std::string>, double> analytic{
      {{"model.x1", "S1"}, 0.3139}, {{"model.x2", "S1"}, 0.4424}, {{"model.x3", "S1"}, 0.0},
      {{"model.x1", "ST"}, 0.5576}, {{"model.x2", "ST"}, 0.4424}, {{"model.x3", "ST"}, 0.2437}};
  REQUIRE(indices.size() == 6);
  for (const auto& [key, value] : analytic) {
    const Index& index = indices.at(key);
    INFO(key.first << " " << key.second << ": " << index.estimate << " (" << index.low << " to "
                   << index.high << "), analytic " << value);
    CHECK(index.low <= value);
    CHECK(value <= index.high);
    CHECK(index.high - index.low < 0.1);  // the interval is informative, so this can fail
  }
  const std::string html = read_file(dir / "out" / "sensitivity.html");
  CHECK(html.find("<svg") != std::string::npos);
}

TEST_CASE("sweep: Morris ranks the g-function's important inputs first", "[sweep][statistical]") {
  const fs::path dir = fresh_directory("sweep_morris");
  write_text(dir / "g.toml", kSobolG);
  std::string params;
  for (int i = 1; i <= 8; ++i)
    params += " --param model.u" + std::to_string(i) + "=0:1";
  const auto run = run_village("sweep " + (dir / "g.toml").string() +
                                   " --design morris --samples 40 --levels 4" + params + " --out " +
                                   (dir / "out").string() + " --quiet",
                               dir);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  REQUIRE(
      run_village("analyze sensitivity " + (dir / "out").string() + " --quiet", dir).exit_code ==
      0);
  const auto indices = read_indices(dir / "out" / "sensitivity.csv", "y");
  // a = (0, 1, 4.5, 9, 99, 99, 99, 99): u1 matters most, then u2; u5-u8 hardly at all.
  const double u1 = indices.at({"model.u1", "mu_star"}).estimate;
  const double u2 = indices.at({"model.u2", "mu_star"}).estimate;
  CHECK(u1 > u2);
  for (int i = 3; i <= 8; ++i) {
    const std::string name = "model.u" + std::to_string(i);
    INFO(name);
    CHECK(indices.at({"model.u2", "mu_star"}).low > indices.at({name, "mu_star"}).high);
  }
}

TEST_CASE("sweep: results are byte-identical at 1 and 2 threads and across shards",
          "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_threads");
  write_text(dir / "community.toml", kCommunity);
  const std::string base = community_sweep(dir / "community.toml", dir / "one");
  REQUIRE(run_village(base + " --threads 1", dir).exit_code == 0);
  const auto two = run_village(
      community_sweep(dir / "community.toml", dir / "two") + " --threads 2 --timeseries", dir);
  INFO(two.err);
  REQUIRE(two.exit_code == 0);
  const std::string results = read_file(dir / "one" / "results.csv");
  CHECK(results == read_file(dir / "two" / "results.csv"));
  CHECK(read_file(dir / "one" / "design.csv") == read_file(dir / "two" / "design.csv"));
  CHECK(fs::exists(dir / "two" / "timeseries.csv.gz"));
  // 12 points x 2 replicates, quoted group names.
  CHECK(results.find("11,1,reach,all,") != std::string::npos);
  CHECK(results.find("\"community:a, \"\"quoted\"\" community\"") != std::string::npos);
  // Different points differ.
  CHECK(results.find("0,0,reach,all,") != std::string::npos);

  // Three shards, merged, give the same bytes.
  std::string folders;
  for (int shard = 1; shard <= 3; ++shard) {
    const fs::path out = dir / ("shard" + std::to_string(shard));
    const auto part = run_village(
        community_sweep(dir / "community.toml", out) + " --shard " + std::to_string(shard) + "/3",
        dir);
    INFO(part.err);
    REQUIRE(part.exit_code == 0);
    folders.append(" ").append(out.string());
  }
  const auto incomplete =
      run_village("sweep merge " + (dir / "shard1").string() + " " + (dir / "shard2").string() +
                      " --out " + (dir / "partial").string(),
                  dir);
  CHECK(incomplete.exit_code == 2);
  CHECK(incomplete.err.find("missing") != std::string::npos);
  const auto merged =
      run_village("sweep merge" + folders + " --out " + (dir / "merged").string(), dir);
  INFO(merged.err);
  REQUIRE(merged.exit_code == 0);
  CHECK(read_file(dir / "merged" / "results.csv") == results);
  CHECK(read_file(dir / "merged" / "design.csv") == read_file(dir / "one" / "design.csv"));
}

TEST_CASE("sweep: kill -9 at random moments, then resume, ends with the uninterrupted bytes",
          "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_kill");
  write_text(dir / "community.toml", kCommunity);
  const int samples = 40;  // 80 tasks
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_village(
              community_sweep(dir / "community.toml", dir / "whole", samples) + " --threads 2", dir)
              .exit_code == 0);
  // The kill moments are spread over the uninterrupted run's duration (measured, not
  // asserted), so that they land before, between and during tasks.
  const double whole_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const std::string expected = read_file(dir / "whole" / "results.csv");

  const fs::path out = dir / "killed";
  const std::string command =
      community_sweep(dir / "community.toml", out, samples) + " --threads 2";
  // Early moments: each restart resumes, so later ones finish sooner (sanitizers slow the
  // first, measured run more than the short resumed ones).
  const int kills = village_test::kill_repeatedly(command, dir, out / "results.csv", whole_ms,
                                                  20261202, 0.03, 0.15, 12);
  INFO("kills that landed: " << kills);
  CHECK(kills >= 3);
  const auto resumed = run_village(command, dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(read_file(out / "results.csv") == expected);
  CHECK_FALSE(has_temporary_files(out));
  // Every task is recorded exactly once: tasks in flight at a kill ran again, but none
  // that had been recorded.
  std::vector<std::uint64_t> tasks = journal_tasks(out / "tasks.journal");
  const std::set<std::uint64_t> unique(tasks.begin(), tasks.end());
  CHECK(tasks.size() == 80);
  CHECK(unique.size() == 80);

  // Resuming a finished sweep runs nothing.
  const auto again = run_village(command, dir);
  CHECK(again.exit_code == 0);
  CHECK(journal_tasks(out / "tasks.journal").size() == 80);
}

TEST_CASE("sweep: SIGINT stops cleanly with exit code 3 and the sweep resumes", "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_sigint");
  write_text(dir / "community.toml", kCommunity);
  const int samples = 40;
  const auto started = std::chrono::steady_clock::now();
  REQUIRE(run_village(
              community_sweep(dir / "community.toml", dir / "whole", samples) + " --threads 1", dir)
              .exit_code == 0);
  const double whole_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const fs::path out = dir / "out";
  const std::string command =
      community_sweep(dir / "community.toml", out, samples) + " --threads 1";
  int stopped = 0;
  for (const double moment : {0.5, 0.3, 0.7, 0.2, 0.6}) {
    fs::remove_all(out);
    const pid_t pid = spawn_village(command, dir);
    REQUIRE(pid > 0);
    std::this_thread::sleep_for(
        std::chrono::microseconds(static_cast<long>(1000 * moment * whole_ms)));
    ::kill(pid, SIGINT);
    int signal_number = 0;
    if (wait_exit(pid, signal_number) != 3) continue;
    ++stopped;
    const std::string err = read_file(dir / "spawn_err.txt");
    CHECK(err.find("interrupted") != std::string::npos);
    CHECK(err.find("resume") != std::string::npos);
    CHECK_FALSE(fs::exists(out / "results.csv"));
    CHECK_FALSE(fs::exists(out / "manifest.json"));
    CHECK(fs::exists(out / "tasks.journal"));
    CHECK_FALSE(has_temporary_files(out));
    break;
  }
  REQUIRE(stopped == 1);
  const auto resumed = run_village(command, dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(read_file(out / "results.csv") == read_file(dir / "whole" / "results.csv"));
}

TEST_CASE("sweep: a bare --param NAME samples the registry's plausible range and prior",
          "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_plausible");
  write_text(dir / "community.toml", kCommunity);
  const auto result = run_village("sweep " + (dir / "community.toml").string() +
                                      " --design lhs --samples 8 --replicates 1"
                                      " --param model.trust_decay --param outreach.inviting_share"
                                      " --out " +
                                      (dir / "out").string() + " --quiet",
                                  dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // The params listing gives the ranges the sweep must have stayed in.
  const auto params = run_village("params parent_support", dir);
  REQUIRE(params.exit_code == 0);
  const auto range_of = [&](const std::string& name) {
    const auto row = params.out.find("| `" + name + "` |");
    REQUIRE(row != std::string::npos);
    const std::string line = params.out.substr(row, params.out.find('\n', row) - row);
    std::smatch match;
    REQUIRE(std::regex_search(line, match, std::regex(R"(\| ([0-9.e-]+)-([0-9.e-]+), )")));
    return std::pair{std::stod(match[1]), std::stod(match[2])};
  };
  const auto decay = range_of("trust_decay");
  const auto inviting = range_of("inviting_share");
  std::istringstream design(read_file(dir / "out" / "design.csv"));
  std::string line;
  std::getline(design, line);
  CHECK(line == "point,model.trust_decay,outreach.inviting_share");
  std::size_t points = 0;
  while (std::getline(design, line)) {
    const auto first = line.find(',');
    const auto second = line.find(',', first + 1);
    const double d = std::stod(line.substr(first + 1, second - first - 1));
    const double i = std::stod(line.substr(second + 1));
    CHECK(d >= decay.first);
    CHECK(d <= decay.second);
    CHECK(i >= inviting.first);
    CHECK(i <= inviting.second);
    ++points;
  }
  CHECK(points == 8);
  CHECK(read_file(dir / "out" / "manifest.json").find("model.trust_decay (plausible ") !=
        std::string::npos);
}

TEST_CASE("sweep: --strategy sweeps the scenario as the strategy buys it", "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_strategy");
  // One file with a strategy, one with the strategy's keys written into [outreach].
  write_text(dir / "with.toml", std::string(kCommunity) +
                                    "\n[strategies.groups]\nparent_groups = true\n"
                                    "\n[strategies.none]\nkey_figure_programme = false\n");
  write_text(dir / "bought.toml", std::string(kCommunity) + "parent_groups = true\n");
  const auto sweep = [&](const std::string& file, const std::string& extra,
                         const std::string& out) {
    return run_village("sweep " + (dir / file).string() +
                           " --design lhs --samples 3 --replicates 1 --param model.trust_gain" +
                           extra + " --out " + (dir / out).string() + " --quiet",
                       dir);
  };
  REQUIRE(sweep("with.toml", " --strategy groups", "a").exit_code == 0);
  REQUIRE(sweep("bought.toml", "", "b").exit_code == 0);
  REQUIRE(sweep("with.toml", "", "c").exit_code == 0);
  const std::string as_bought = read_file(dir / "a" / "results.csv");
  CHECK(as_bought == read_file(dir / "b" / "results.csv"));
  CHECK(as_bought != read_file(dir / "c" / "results.csv"));  // the strategy did something
  CHECK(read_file(dir / "a" / "manifest.json").find("\"strategy\": \"groups\"") !=
        std::string::npos);
  const auto refused = [&](const std::string& extra, const std::string& text) {
    const auto result = sweep("with.toml", extra, "d");
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find(text) != std::string::npos);
  };
  refused(" --strategy nope", "no strategy 'nope'; its strategies are groups, none");
  refused(" --strategy none --param outreach.key_figure_programme=true,false",
          "is set by strategy 'none'");
  CHECK_FALSE(fs::exists(dir / "d"));
}

TEST_CASE("sweep: refusals are one line with exit code 2", "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_refusals");
  write_text(dir / "community.toml", kCommunity);
  write_text(dir / "ishigami.toml", kIshigami);
  const std::string scenario = (dir / "community.toml").string();
  const auto expect_error = [&](const std::string& arguments, const std::string& text) {
    const auto result = run_village(arguments, dir);
    INFO(arguments << "\n" << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.err.rfind("error: ", 0) == 0);
    CHECK(result.err.find(text) != std::string::npos);
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  };
  expect_error("sweep " + scenario + " --out " + (dir / "a").string(),
               "needs at least one --param");
  expect_error("sweep " + scenario + " --param inviting_share --out " + (dir / "a").string(),
               "has no '='");
  expect_error("sweep " + scenario + " --param run.steps --out " + (dir / "a").string(),
               "run.steps has no plausible range");
  expect_error("sweep " + scenario + " --param outreach.no_such_key --out " + (dir / "a").string(),
               "is not a parameter of this scenario");
  expect_error(
      "sweep " + scenario + " --param outreach.inviting_share=0.5:2 --out " + (dir / "a").string(),
      "out of range");
  expect_error(
      "sweep " + scenario + " --param outreach.inviting_shar=0:1 --out " + (dir / "a").string(),
      "did you mean 'inviting_share'");
  expect_error("sweep " + scenario + " --param outreach.inviting_share=0.9:0.1 --out " +
                   (dir / "a").string(),
               "LO must be below HI");
  expect_error("sweep " + scenario + " --param outreach.inviting_share=0:1 --shard 4/3 --out " +
                   (dir / "a").string(),
               "not a shard");
  expect_error("sweep " + (dir / "ishigami.toml").string() + " --design sobol --samples 100000000" +
                   kIshigamiParams + " --out " + (dir / "a").string(),
               "the limit is");
  // Nothing was written by the refusals.
  CHECK_FALSE(fs::exists(dir / "a"));

  // A folder holding another design's sweep is not resumed into.
  const std::string first = "sweep " + scenario +
                            " --samples 2 --param outreach.inviting_share=0:1 --out " +
                            (dir / "b").string() + " --quiet";
  REQUIRE(run_village(first, dir).exit_code == 0);
  expect_error("sweep " + scenario + " --samples 3 --param outreach.inviting_share=0:1 --out " +
                   (dir / "b").string(),
               "holds a sweep of another scenario, design or options");
  // An lhs sweep has no indices.
  expect_error("analyze sensitivity " + (dir / "b").string(), "has no sensitivity indices");
}

TEST_CASE("sweep: a torn or corrupt journal tail is dropped and its tasks run again",
          "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_torn");
  write_text(dir / "ishigami.toml", kIshigami);
  const std::string command = "sweep " + (dir / "ishigami.toml").string() +
                              " --design lhs --samples 50" + kIshigamiParams + " --out " +
                              (dir / "out").string();
  REQUIRE(run_village(command + " --quiet", dir).exit_code == 0);
  const std::string expected = read_file(dir / "out" / "results.csv");
  std::string journal = read_file(dir / "out" / "tasks.journal");
  // Cut the last line in half and flip a byte of the one before.
  journal.resize(journal.size() - 20);
  const auto before_last = journal.rfind('\n', journal.rfind('\n') - 1);
  journal[before_last + 15] ^= 1;
  write_text(dir / "out" / "tasks.journal", journal);
  fs::remove(dir / "out" / "results.csv");
  const auto resumed = run_village(command, dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.err.find("dropped 2 torn record(s)") != std::string::npos);
  CHECK(read_file(dir / "out" / "results.csv") == expected);
}

#ifdef VILLAGE_HAVE_MPI
TEST_CASE("sweep: 1 and 3 MPI ranks give byte-identical results", "[sweep][mpi]") {
  const fs::path dir = fresh_directory("sweep_mpi");
  write_text(dir / "community.toml", kCommunity);
  REQUIRE(run_village(community_sweep(dir / "community.toml", dir / "plain"), dir).exit_code == 0);
  for (const int ranks : {1, 3}) {
    const fs::path out = dir / ("ranks" + std::to_string(ranks));
    const std::string command = village_test::mpirun(ranks) + VILLAGE_BINARY + " " +
                                community_sweep(dir / "community.toml", out) + " --threads 1 2>" +
                                (dir / "mpi_err.txt").string();
    const int status = std::system(command.c_str());
    INFO(read_file(dir / "mpi_err.txt"));
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    CHECK(read_file(out / "results.csv") == read_file(dir / "plain" / "results.csv"));
    const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
    CHECK(manifest["mpi_ranks"] == ranks);
  }
}
#endif

TEST_CASE("sweep: the network generator and its parameters are factors too", "[sweep][unit]") {
  const fs::path dir = fresh_directory("sweep_network");
  write_text(dir / "sir.toml", R"([run]
steps = 30
replicates = 2
seed = 4
[network]
generator = "erdos_renyi"
nodes = 2000
mean_degree = 6
[model]
kind = "sir"
transmissibility = 0.3
)");
  const auto run = run_village(
      "sweep " + (dir / "sir.toml").string() +
          " --design grid --samples 2 --param network.generator=erdos_renyi,watts_strogatz"
          " --param model.transmissibility=0.05:0.4 --out " +
          (dir / "out").string() + " --quiet",
      dir);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(read_file(dir / "out" / "design.csv") ==
        "point,network.generator,model.transmissibility\n0,erdos_renyi,0.05\n1,erdos_renyi,0.4\n"
        "2,watts_strogatz,0.05\n3,watts_strogatz,0.4\n");
  // Above the epidemic threshold (1/6) the outbreak is large on both networks, below it small;
  // and the two networks give different epidemics on the same seeds.
  const std::string results = read_file(dir / "out" / "results.csv");
  const auto final_value = [&](const std::string& prefix) {
    const auto at = results.find(prefix);
    REQUIRE(at != std::string::npos);
    const auto start = at + prefix.size();
    return std::stod(results.substr(start, results.find(',', start) - start));
  };
  CHECK(final_value("1,0,recovered,all,") > 0.5);
  CHECK(final_value("3,0,recovered,all,") > 0.5);
  CHECK(final_value("0,0,recovered,all,") < 0.05);
  CHECK(final_value("1,0,recovered,all,") != final_value("3,0,recovered,all,"));
  // A generator that does not read a key of the file is refused at its design point.
  const auto bad = run_village("sweep " + (dir / "sir.toml").string() +
                                   " --design grid --param network.generator=barabasi_albert,"
                                   "erdos_renyi --out " +
                                   (dir / "bad").string(),
                               dir);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("design point 0 (network.generator=barabasi_albert)") != std::string::npos);
}
