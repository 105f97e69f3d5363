#include "scenarios/scenario.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "sim/parallel.hpp"

namespace fs = std::filesystem;

namespace {
fs::path write_scenario(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "village_scenario_test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("the documented minimal scenario loads with its values and defaults", "[unit]") {
  const auto scenario =
      village::load_scenario(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/sir_demo.toml");
  CHECK(scenario.plan.steps == 200);
  CHECK(scenario.plan.replicates == 20);
  CHECK(scenario.plan.seed == 42);
  CHECK(scenario.network.generator == "configuration");
  CHECK(scenario.network.values.integer("nodes") == 100000);
  CHECK(scenario.network.values.text("degrees") == "poisson");
  CHECK(scenario.model->kind == "sir");
  CHECK(scenario.model_values.real("transmissibility") == 0.3);
  CHECK(scenario.model_values.real("initial_fraction") == 0.001);
  CHECK(scenario.model_values.text("layer") == "network");  // a default
  const auto json = scenario.to_json();
  CHECK(json["network"]["mean_degree"] == 10.0);
  CHECK(json["model"]["recovery"] == 1.0);
  CHECK(json["run"]["record_every"] == 1);
}

TEST_CASE("an sbm scenario builds worlds with one group per block", "[unit]") {
  const auto path = write_scenario("sbm.toml", R"([network]
generator = "sbm"
block_sizes = [300, 200]
block_names = ["a", "b"]
p_within = 0.05
p_between = 0.001
[model]
kind = "degroot"
)");
  const auto scenario = village::load_scenario(path);
  const village::WorldBuilder builder(scenario.network, scenario.plan.seed);
  const auto world = builder(village::RandomStream(scenario.plan.seed, 0));
  CHECK(world.population.size() == 500);
  CHECK(world.population.group_names() == std::vector<std::string>{"a", "b"});
  CHECK(world.population.group_of()[299] == 0);
  CHECK(world.population.group_of()[300] == 1);
  CHECK(world.layer("network").edge_count() > 0);
  // Each replicate draws its own network unless per_run = false.
  const auto other = builder(village::RandomStream(scenario.plan.seed, 1));
  CHECK(other.layer("network").targets() != world.layer("network").targets());
}

TEST_CASE("per_run = false shares one network across replicates", "[unit]") {
  const auto path = write_scenario("shared.toml", R"([network]
generator = "erdos_renyi"
nodes = 500
mean_degree = 4
per_run = false
[model]
kind = "sir"
)");
  const auto scenario = village::load_scenario(path);
  const village::WorldBuilder builder(scenario.network, 5);
  CHECK(builder(village::RandomStream(5, 0)).layer("network").targets() ==
        builder(village::RandomStream(5, 1)).layer("network").targets());
}

TEST_CASE("the memory estimate grows with the network and the runs at once", "[unit]") {
  auto scenario =
      village::load_scenario(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/sir_demo.toml");
  const auto one = village::estimate_memory(scenario, 1);
  const auto two = village::estimate_memory(scenario, 2);
  CHECK(one.bytes_per_run > 100000 * 10 * 4);  // at least the target ids
  CHECK(one.bytes_per_run < 100e6);
  CHECK(two.total_bytes == Approx(2 * one.total_bytes));
  CHECK(one.available_bytes > 0);
  CHECK(village::format_bytes(1536) == "1.5 KiB");
}

TEST_CASE("a file network is read once and shared by every replicate's world", "[unit]") {
  const auto dir = fs::temp_directory_path() / "village_scenario_test";
  fs::create_directories(dir);
  std::ofstream(dir / "village.csv") << "source,target,weight\nanna,bob,2\nbob,carla,1\n";
  const auto path = write_scenario("file.toml", R"([network]
generator = "file"
path = "village.csv"
header = true
weighted = true
[model]
kind = "independent_cascade"
use_weights = true
)");
  const auto scenario = village::load_scenario(path);
  CHECK(scenario.network.file == dir / "village.csv");
  const village::WorldBuilder builder(scenario.network, 1);
  const auto world = builder(village::RandomStream(1, 3));
  REQUIRE(world.population.labels != nullptr);
  CHECK(*world.population.labels == std::vector<std::string>{"anna", "bob", "carla"});
  CHECK(world.layer("network").attribute("weight")[0] == 2.0f);
  CHECK(builder(village::RandomStream(1, 4)).population.labels == world.population.labels);
}

TEST_CASE("a configuration network from a degree file keeps those degrees", "[unit]") {
  const auto dir = fs::temp_directory_path() / "village_scenario_test";
  fs::create_directories(dir);
  std::ofstream(dir / "degrees.txt") << "# one degree per line\n2\n2\n2\n\n2 # trailing comment\n";
  const auto path = write_scenario("degrees.toml", R"([network]
generator = "configuration"
degrees = "degrees.txt"
[model]
kind = "sir"
)");
  const auto scenario = village::load_scenario(path);
  CHECK(scenario.network.degree_sequence == std::vector<std::uint32_t>{2, 2, 2, 2});
  CHECK(scenario.network.expected_nodes() == 4);
  CHECK(scenario.network.expected_arcs() == 8);
  const auto world = village::WorldBuilder(scenario.network, 1)(village::RandomStream(1, 0));
  CHECK(world.population.size() == 4);
  CHECK(world.layer("network").arc_count() <= 8);
}

TEST_CASE("a file network's size is bounded from its line count before it is read", "[unit]") {
  const auto dir = fs::temp_directory_path() / "village_scenario_test";
  fs::create_directories(dir);
  // 5 lines, 3 of them edges: at most 10 nodes and 10 arcs, whatever the labels' length.
  std::ofstream(dir / "long_labels.txt")
      << "# comment\nparent_number_one parent_number_two\nparent_number_two parent_number_three\n\n"
         "parent_number_three parent_number_one";
  const auto path = write_scenario("file_size.toml", R"([network]
generator = "file"
path = "long_labels.txt"
[model]
kind = "sir"
)");
  const auto scenario = village::load_scenario(path);
  CHECK(scenario.network.file_lines == 5);
  CHECK(scenario.network.expected_nodes() == 10);
  CHECK(scenario.network.expected_arcs() == 10);
  // A GraphML file is bounded by its bytes: 14 per node, 30 per edge.
  const auto graphml = write_scenario("graphml_size.toml", std::string(R"([network]
generator = "file"
path = ")") + VILLAGE_TEST_DATA + R"(/import/small.graphml"
[model]
kind = "sir"
)");
  const auto read = village::load_scenario(graphml);
  const auto bytes =
      static_cast<double>(fs::file_size(fs::path(VILLAGE_TEST_DATA) / "import" / "small.graphml"));
  CHECK(read.network.expected_nodes() == Approx(bytes / 14));
  CHECK(read.network.expected_arcs() == Approx(2 * bytes / 30));
}
