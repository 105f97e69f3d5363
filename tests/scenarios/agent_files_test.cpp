// Per-agent attributes and seeding files (scenarios/agent_files.hpp) as a user writes
// them: each mistake is one InputError at the file, line and column, and good files
// reach every run's world as population columns.

#include "scenarios/agent_files.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "models/seeding.hpp"
#include "scenarios/scenario.hpp"

namespace fs = std::filesystem;
using namespace village;

namespace {

fs::path folder() {
  const fs::path dir = fs::temp_directory_path() / "village_agent_files_test";
  fs::create_directories(dir);
  return dir;
}

fs::path write(const std::string& name, const std::string& text) {
  const fs::path path = folder() / name;
  std::ofstream(path) << text;
  return path;
}

// A 5-agent complete graph with a linear threshold model and `model_lines` in [model].
fs::path scenario_with(const std::string& name, const std::string& model_lines,
                       const std::string& network = "generator = \"complete\"\nnodes = 5\n") {
  return write(name, "[run]\nsteps = 5\n[network]\n" + network +
                         "[model]\nkind = \"linear_threshold\"\n" + model_lines);
}

// The InputError that loading the scenario, then making its worlds, throws.
InputError error_of(const fs::path& scenario) {
  try {
    const Scenario loaded = load_scenario(scenario);
    make_world_factory(loaded);
  } catch (const InputError& error) {
    return error;
  }
  FAIL("accepted " << scenario.string());
  return InputError({}, "", "");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void check_at(const InputError& error, const std::string& file, int line, int column) {
  INFO(error.format());
  CHECK(fs::path(error.where().file).filename() == file);
  CHECK(error.where().line == line);
  CHECK(error.where().column == column);
}

}  // namespace

TEST_CASE("agent files: thresholds and seeds reach every run's world", "[unit]") {
  write("thresholds.csv", "id,threshold\n0,0\n1,1\n2,2\n3,3\n4,4\n");
  write("seeds.csv", "id\n3\n");
  const auto path = scenario_with("good.toml",
                                  "threshold_unit = \"count\"\nattributes = \"thresholds.csv\"\n"
                                  "seeding = \"file\"\nseeding_file = \"seeds.csv\"\n");
  const Scenario scenario = load_scenario(path);
  const World world = make_world_factory(scenario)(RandomStream(1, 0));
  CHECK(world.population.real_column("threshold") == std::vector<double>{0, 1, 2, 3, 4});
  CHECK(world.population.real_column(kSeedFileColumn) == std::vector<double>{0, 0, 0, 1, 0});
}

TEST_CASE("agent files: ids are an imported network's labels", "[unit]") {
  write("edges.txt", "ann bob\nbob cem\n");
  write("opinions.csv", "id,opinion,stubbornness\ncem,0.9,1\nann,0.1,0\nbob,0.5,0.5\n");
  const auto path = write("labels.toml", R"([network]
generator = "file"
path = "edges.txt"
[model]
kind = "degroot"
attributes = "opinions.csv"
)");
  const World world = make_world_factory(load_scenario(path))(RandomStream(1, 0));
  const auto& labels = *world.population.labels;
  const auto& opinion = world.population.real_column("opinion");
  for (std::size_t v = 0; v < labels.size(); ++v) {
    INFO(labels[v]);
    CHECK(opinion[v] == (labels[v] == "ann" ? 0.1 : labels[v] == "bob" ? 0.5 : 0.9));
  }
  // An unknown label is refused at its line.
  write("strangers.csv", "id,opinion\nann,0.1\nbob,0.2\ncem,0.3\ndan,0.4\n");
  const auto bad = write("strangers.toml", R"([network]
generator = "file"
path = "edges.txt"
[model]
kind = "degroot"
attributes = "strangers.csv"
)");
  const auto error = error_of(bad);
  check_at(error, "strangers.csv", 5, 1);
  CHECK(error.problem() == "no agent 'dan' in the network");
}

TEST_CASE("agent files: an unknown column, with did you mean", "[unit]") {
  write("typo.csv", "id,threshhold\n0,1\n");
  const auto error = error_of(scenario_with("typo.toml", "attributes = \"typo.csv\"\n"));
  check_at(error, "typo.csv", 1, 4);
  CHECK(contains(error.problem(), "no per-agent parameter 'threshhold'"));
  CHECK(contains(error.hint(), "did you mean 'threshold'?"));
}

TEST_CASE("agent files: the first column must be id", "[unit]") {
  write("noid.csv", "node,threshold\n0,1\n");
  const auto error = error_of(scenario_with("noid.toml", "attributes = \"noid.csv\"\n"));
  check_at(error, "noid.csv", 1, 1);
  CHECK(contains(error.problem(), "not `id`"));
}

TEST_CASE("agent files: a column given twice", "[unit]") {
  write("twice.csv", "id,threshold,threshold\n0,1,1\n");
  const auto error = error_of(scenario_with("twice.toml", "attributes = \"twice.csv\"\n"));
  check_at(error, "twice.csv", 1, 14);
  CHECK(error.problem() == "column 'threshold' appears twice");
}

TEST_CASE("agent files: a value that is not a number", "[unit]") {
  write("word.csv", "id,threshold\n0,1\n1,high\n");
  const auto error = error_of(scenario_with("word.toml", "attributes = \"word.csv\"\n"));
  check_at(error, "word.csv", 3, 3);
  CHECK(error.problem() == "threshold 'high' is not a number");
}

TEST_CASE("agent files: a value out of the parameter's range", "[unit]") {
  write("range.csv", "id,threshold\n0,1\n1,-0.5\n");
  const auto error = error_of(scenario_with("range.toml", "attributes = \"range.csv\"\n"));
  check_at(error, "range.csv", 3, 3);
  CHECK(error.problem() == "threshold = -0.5 is out of range");
  CHECK(contains(error.hint(), "threshold must be in [0, inf]"));
}

TEST_CASE("agent files: a line with too few or too many fields", "[unit]") {
  write("short.csv", "id,threshold\n0\n");
  check_at(error_of(scenario_with("short.toml", "attributes = \"short.csv\"\n")), "short.csv", 2,
           2);
  write("long.csv", "id,threshold\n0,1,2\n");
  const auto error = error_of(scenario_with("long.toml", "attributes = \"long.csv\"\n"));
  check_at(error, "long.csv", 2, 5);
  CHECK(error.problem() == "3 fields where the header has 2");
}

TEST_CASE("agent files: an agent listed twice", "[unit]") {
  write("dup.csv", "id,threshold\n0,1\n1,1\n0,2\n");
  const auto error = error_of(scenario_with("dup.toml", "attributes = \"dup.csv\"\n"));
  check_at(error, "dup.csv", 4, 1);
  CHECK(error.problem() == "agent '0' appears twice (first on line 2)");
}

TEST_CASE("agent files: an id the generated network does not have", "[unit]") {
  write("unknown.csv", "id,threshold\n0,1\n7,1\n");
  const auto error = error_of(scenario_with("unknown.toml", "attributes = \"unknown.csv\"\n"));
  check_at(error, "unknown.csv", 3, 1);
  CHECK(error.problem() == "no agent '7' in the network");
  CHECK(contains(error.hint(), "numbered 0 to 4"));
}

TEST_CASE("agent files: an agent without a line", "[unit]") {
  write("missing.csv", "id,threshold\n0,1\n1,1\n2,1\n4,1\n");
  const auto error = error_of(scenario_with("missing.toml", "attributes = \"missing.csv\"\n"));
  INFO(error.format());
  CHECK(fs::path(error.where().file).filename() == "missing.csv");
  CHECK(error.problem() == "agent '3' has no line (4 of 5 agents listed)");
}

TEST_CASE("agent files: a missing, empty or header-only file", "[unit]") {
  const auto missing = error_of(scenario_with("nofile.toml", "attributes = \"absent.csv\"\n"));
  check_at(missing, "nofile.toml", 8, 14);
  CHECK(contains(missing.problem(), "no attributes file"));
  write("empty.csv", "");
  CHECK(error_of(scenario_with("empty.toml", "attributes = \"empty.csv\"\n")).problem() ==
        "the file is empty");
  write("header.csv", "id,threshold\n");
  CHECK(error_of(scenario_with("header.toml", "attributes = \"header.csv\"\n")).problem() ==
        "the file lists no agents");
}

TEST_CASE("agent files: the seeding keys must agree", "[unit]") {
  write("seeds2.csv", "id\n1\n");
  const auto no_file = error_of(scenario_with("nofile2.toml", "seeding = \"file\"\n"));
  check_at(no_file, "nofile2.toml", 8, 11);
  CHECK(no_file.problem() == "seeding = \"file\" needs a seeding_file");
  const auto unused = error_of(
      scenario_with("unused.toml", "seeding = \"top_degree\"\nseeding_file = \"seeds2.csv\"\n"));
  check_at(unused, "unused.toml", 9, 16);
  CHECK(contains(unused.problem(), "seeding_file is read only with seeding = \"file\""));
  write("wide.csv", "id,weight\n1,2\n");
  const auto wide =
      error_of(scenario_with("wide.toml", "seeding = \"file\"\nseeding_file = \"wide.csv\"\n"));
  check_at(wide, "wide.csv", 1, 4);
  const auto centre = error_of(scenario_with(
      "centre.toml", "seeding = \"neighbourhood\"\nseeding_centre = \"9\"\ninitial_count = 2\n"));
  check_at(centre, "centre.toml", 9, 18);
  CHECK(centre.problem() == "no agent '9' in the network");
}

TEST_CASE("agent files: a model without per-agent parameters refuses attributes", "[unit]") {
  // Every contagion and opinion model has some.
  for (const char* kind : {"sir", "independent_cascade", "linear_threshold", "degroot", "deffuant",
                           "hegselmann_krause"}) {
    INFO(kind);
    CHECK_FALSE(find_model(kind)->agent_params.empty());
  }
  write("plain.csv", "id,threshold\n0,1\n");
  const auto error = error_of(write("sir.toml", R"([network]
generator = "complete"
nodes = 5
[model]
kind = "sir"
attributes = "plain.csv"
)"));
  check_at(error, "plain.csv", 1, 4);
  CHECK(contains(error.hint(), "susceptibility"));
}
