// Bad input: every case prints one line "error: <file:line:col>: <what>; <hint>" on
// stderr, exits with code 2, and writes nothing.

#include <catch2/catch.hpp>

#include "app/cli_helpers.hpp"

namespace fs = std::filesystem;
using village_test::run_village;

namespace {

struct BadInput {
  const char* name;
  const char* scenario;              // the scenario file's text
  const char* location;              // expected ":line:col" after the file name ("" : file only)
  const char* message;               // expected part of the message
  const char* extra_name = nullptr;  // a second file beside the scenario
  const char* extra_text = nullptr;
};

const char* kGood = R"([run]
steps = 5
[network]
generator = "erdos_renyi"
nodes = 100
[model]
kind = "sir"
)";

const BadInput kCases[] = {
    {"malformed TOML", "[run]\nsteps = = 5\n", ":2:9", "invalid TOML"},
    {"unknown key with suggestion",
     "[run]\nstpes = 5\n[network]\ngenerator = \"complete\"\n[model]\nkind = \"sir\"\n", ":2:1",
     "unknown key 'stpes' in [run]; did you mean 'steps'?"},
    {"unknown section", "[runn]\nsteps = 5\n", ":1:2",
     "unknown section 'runn'; did you mean 'run'?"},
    {"wrong type",
     "[run]\nsteps = \"200\"\n[network]\ngenerator = \"complete\"\n[model]\nkind = \"sir\"\n",
     ":2:9", "run.steps must be a whole number, not a string"},
    {"fraction for a whole number",
     "[run]\nreplicates = 2.5\n[network]\ngenerator = \"complete\"\n[model]\nkind = \"sir\"\n",
     ":2:14", "run.replicates must be a whole number"},
    {"out of range",
     "[network]\ngenerator = \"complete\"\nnodes = 10\n[model]\nkind = \"sir\"\ntransmissibility = "
     "1.5\n",
     ":6:20", "model.transmissibility = 1.5 is out of range; expected transmissibility in [0, 1]"},
    {"unknown model kind", "[network]\ngenerator = \"complete\"\n[model]\nkind = \"sri\"\n", ":4:8",
     "unknown model.kind \"sri\"; did you mean 'sir'?"},
    {"unknown generator", "[network]\ngenerator = \"erdos_reny\"\n[model]\nkind = \"sir\"\n",
     ":2:13", "did you mean 'erdos_renyi'?"},
    {"missing section", "[network]\ngenerator = \"complete\"\n", ":1:1",
     "the scenario has no [model] section"},
    {"missing model kind", "[network]\ngenerator = \"complete\"\n[model]\ntransmissibility = 0.2\n",
     ":3:1", "[model] has no 'kind'"},
    {"negative size",
     "[network]\ngenerator = \"erdos_renyi\"\nnodes = -5\n[model]\nkind = \"sir\"\n", ":3:9",
     "network.nodes = -5 is out of range"},
    {"size beyond node ids",
     "[network]\ngenerator = \"erdos_renyi\"\nnodes = 10_000_000_000\n[model]\nkind = \"sir\"\n",
     ":3:9", "network.nodes = 10000000000 is out of range"},
    {"absurd size refused with estimate",
     "[network]\ngenerator = \"erdos_renyi\"\nnodes = 4_000_000_000\nmean_degree = "
     "1000\n[model]\nkind = \"sir\"\n",
     ":3:9", "needs about"},
    {"missing network file",
     "[network]\ngenerator = \"file\"\npath = \"nowhere.csv\"\n[model]\nkind = \"sir\"\n", ":3:8",
     "no network file"},
    {"unreadable edge list line",
     "[network]\ngenerator = \"file\"\npath = \"edges.txt\"\n[model]\nkind = \"sir\"\n", "",
     "edges.txt:2:", "edges.txt", "a b\nc\n"},
    {"attributes file naming an agent the network lacks",
     "[network]\ngenerator = \"complete\"\nnodes = 3\n[model]\nkind = \"linear_threshold\"\n"
     "attributes = \"agents.csv\"\n",
     "", "agents.csv:5:1: no agent '3' in the network", "agents.csv",
     "id,threshold\n0,1\n1,1\n2,1\n3,1\n"},
    {"odd Watts-Strogatz degree",
     "[network]\ngenerator = \"watts_strogatz\"\nnodes = 100\nmean_degree = 5\n[model]\nkind = "
     "\"sir\"\n",
     ":4:15", "network.mean_degree = 5 is odd"},
    {"bad text choice",
     "[network]\ngenerator = \"complete\"\n[model]\nkind = \"linear_threshold\"\nthreshold_unit = "
     "\"counts\"\n",
     ":5:18", "did you mean 'count'?"},
    {"degree spec neither choice nor file",
     "[network]\ngenerator = \"configuration\"\ndegrees = \"poison\"\n[model]\nkind = \"sir\"\n",
     ":3:11", "did you mean 'poisson'?"},
    {"weights the network lacks",
     "[network]\ngenerator = \"complete\"\n[model]\nkind = \"sir\"\nuse_weights = true\n", ":5:15",
     "no edge weights"},
    {"empty block sizes",
     "[network]\ngenerator = \"sbm\"\nblock_sizes = []\n[model]\nkind = \"sir\"\n", ":3:15",
     "block_sizes must be a non-empty array"},
    {"duplicate key", "[run]\nsteps = 1\nsteps = 2\n", ":3:9",
     "cannot redefine existing integer 'steps'"},
    {"bad degree file",
     "[network]\ngenerator = \"configuration\"\ndegrees = \"degrees.txt\"\n[model]\nkind = "
     "\"sir\"\n",
     "", "'x' is not a degree", "degrees.txt", "3\n2\n x\n"},
    {"degree above the node count",
     "[network]\ngenerator = \"configuration\"\nnodes = 100\ndegrees = \"power_law\"\nmax_degree = "
     "5000\n[model]\nkind = \"sir\"\n",
     ":5:14", "network.max_degree = 5000 is more than nodes - 1 = 99"},
    {"unknown model key",
     "[network]\ngenerator = \"complete\"\n[model]\nkind = \"sir\"\nrecovry = 0.5\n", ":5:1",
     "unknown key 'recovry' in [model]; did you mean 'recovery'?"},
};

}  // namespace

TEST_CASE("bad scenarios: one line with file:line:col, exit code 2, no output", "[unit]") {
  const fs::path dir = village_test::fresh_directory("bad_input");
  int index = 0;
  for (const BadInput& bad : kCases) {
    DYNAMIC_SECTION(bad.name) {
      const fs::path scenario = dir / ("case" + std::to_string(index) + ".toml");
      village_test::write_text(scenario, bad.scenario);
      if (bad.extra_name != nullptr) village_test::write_text(dir / bad.extra_name, bad.extra_text);
      const fs::path out = dir / ("out" + std::to_string(index));
      for (const std::string command : {"validate", "run"}) {
        const std::string arguments = command == "run"
                                          ? "run " + scenario.string() + " --out " + out.string()
                                          : "validate " + scenario.string();
        const auto result = run_village(arguments, dir);
        INFO(command << ": " << result.err);
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
        REQUIRE(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        const std::string expected_start =
            bad.extra_name != nullptr && std::string(bad.location).empty()
                ? "error: " + (dir / bad.extra_name).string()
                : "error: " + scenario.string() + bad.location + ": ";
        CHECK_THAT(result.err, Catch::StartsWith(expected_start));
        CHECK_THAT(result.err, Catch::Contains(bad.message));
        CHECK_THAT(result.err, Catch::Contains("; "));  // a hint follows
        CHECK_FALSE(fs::exists(out / "timeseries.csv"));
        CHECK_FALSE(fs::exists(out / "timeseries.csv.gz"));
      }
    }
    ++index;
  }
  // The good scenario passes, so the cases fail for their own reason.
  village_test::write_text(dir / "good.toml", kGood);
  CHECK(run_village("validate " + (dir / "good.toml").string(), dir).exit_code == 0);
}

TEST_CASE("a missing scenario file and bad options exit with code 2", "[unit]") {
  const fs::path dir = village_test::fresh_directory("bad_cli");
  auto missing = run_village("run " + (dir / "nope.toml").string(), dir);
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::StartsWith("error: " + (dir / "nope.toml").string() +
                                            ": cannot read the scenario file; "));
  auto bad_option = run_village("run x.toml --replicates 0", dir);
  CHECK(bad_option.exit_code == 2);
  CHECK_THAT(bad_option.err, Catch::StartsWith("error: "));
  auto no_command = run_village("", dir);
  CHECK(no_command.exit_code == 2);
}
