// `village analyze network`: outputs for each kind of input, thread independence, and
// one-line errors with exit code 2 for bad input.

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli_helpers.hpp"

namespace fs = std::filesystem;
using village_test::fresh_directory;
using village_test::read_file;
using village_test::run_village;
using village_test::write_text;

namespace {

// Two triangles {a, b, c} and {d, e, f} joined by the bridge c-d.
const char* kTwoTriangles = "a b\nb c\na c\nc d\nd e\ne f\nd f\n";

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("analyze network: an edge list gives nodes.csv and graph.json", "[unit]") {
  const fs::path dir = fresh_directory("analyze_edge_list");
  write_text(dir / "two.txt", kTwoTriangles);
  const auto result = run_village(
      "analyze network " + (dir / "two.txt").string() + " --out " + (dir / "out").string(), dir);
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("6 nodes, 7 edges") != std::string::npos);
  const std::string nodes = read_file(dir / "out" / "nodes.csv");
  CHECK(nodes.rfind("node,label,degree,strength,component,core,local_clustering,betweenness,", 0) ==
        0);
  CHECK(line_count(nodes) == 7);
  CHECK(nodes.find("\n2,c,3,3,0,2,") != std::string::npos);  // c: degree 3, core 2
  const auto graph = nlohmann::json::parse(read_file(dir / "out" / "graph.json"));
  CHECK(graph["nodes"] == 6);
  CHECK(graph["edges"] == 7);
  CHECK(graph["components"] == 1);
  CHECK(graph["bridges"] == 1);
  CHECK(graph["communities"]["count"] == 2);
  CHECK(graph["transitivity"].get<double>() == Approx(0.6));  // 6 closed of 10 triples
  CHECK(graph["key_figures"]["top_betweenness"][0] == "c");
  CHECK(graph["key_figures"]["one_per_community"] == nlohmann::json({"c", "d"}));
}

TEST_CASE("analyze network: the same files at 1 and 2 threads", "[unit]") {
  const fs::path dir = fresh_directory("analyze_threads");
  std::string edges;
  std::uint64_t state = 12345;
  for (int i = 0; i < 1500; ++i) {  // a random graph on 400 nodes, by a fixed LCG
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto a = (state >> 33) % 400;
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto b = (state >> 33) % 400;
    if (a != b) edges += std::to_string(a) + " " + std::to_string(b) + "\n";
  }
  write_text(dir / "random.edges", edges);
  for (const char* threads : {"1", "2"}) {
    const auto result = run_village("analyze network " + (dir / "random.edges").string() +
                                        " --quiet --seed 3 --threads " + threads + " --out " +
                                        (dir / threads).string(),
                                    dir);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.empty());
  }
  CHECK(read_file(dir / "1" / "nodes.csv") == read_file(dir / "2" / "nodes.csv"));
  auto one = nlohmann::json::parse(read_file(dir / "1" / "graph.json"));
  auto two = nlohmann::json::parse(read_file(dir / "2" / "graph.json"));
  for (auto* graph : {&one, &two})
    for (const char* varying : {"seconds", "wall_seconds", "threads"})
      graph->erase(varying);
  CHECK(one == two);
}

TEST_CASE("analyze network: affiliation lists and GraphML", "[unit]") {
  const fs::path dir = fresh_directory("analyze_affiliation");
  // ann and bob share two events, bob and cem one; dan attends alone.
  write_text(dir / "events.txt", "ann e1\nbob e1\nann e2\nbob e2\nbob e3\ncem e3\ndan e4\n");
  const auto result =
      run_village("analyze network " + (dir / "events.txt").string() +
                      " --format affiliation --quiet --out " + (dir / "out").string(),
                  dir);
  REQUIRE(result.exit_code == 0);
  const auto graph = nlohmann::json::parse(read_file(dir / "out" / "graph.json"));
  CHECK(graph["nodes"] == 4);
  CHECK(graph["edges"] == 2);
  CHECK(graph["weighted"] == true);
  CHECK(graph["components"] == 2);
  const std::string nodes = read_file(dir / "out" / "nodes.csv");
  CHECK(nodes.find("\n1,bob,2,3,") != std::string::npos);  // strength 2 + 1

  const fs::path graphml = fs::path(VILLAGE_SOURCE_DIR) / "tests/data/import/small.graphml";
  const auto from_graphml = run_village(
      "analyze network " + graphml.string() + " --quiet --out " + (dir / "g").string(), dir);
  REQUIRE(from_graphml.exit_code == 0);
  CHECK(read_file(dir / "g" / "nodes.csv").find(",anna,") != std::string::npos);
}

TEST_CASE("analyze network: a scenario's world after some weeks", "[unit]") {
  const fs::path dir = fresh_directory("analyze_scenario");
  write_text(dir / "sir.toml",
             "[run]\nsteps = 5\nseed = 9\n[network]\ngenerator = \"erdos_renyi\"\nnodes = 200\n"
             "mean_degree = 4\n[model]\nkind = \"sir\"\n");
  const auto result = run_village("analyze network " + (dir / "sir.toml").string() +
                                      " --week 3 --quiet --out " + (dir / "out").string(),
                                  dir);
  REQUIRE(result.exit_code == 0);
  const auto graph = nlohmann::json::parse(read_file(dir / "out" / "graph.json"));
  CHECK(graph["nodes"] == 200);
  CHECK(graph["input"]["week"] == 3);
  CHECK(graph["input"]["layer"] == "network");
  CHECK(line_count(read_file(dir / "out" / "nodes.csv")) == 201);

  const auto bad_layer = run_village("analyze network " + (dir / "sir.toml").string() +
                                         " --layer school --out " + (dir / "x").string(),
                                     dir);
  CHECK(bad_layer.exit_code == 2);
  CHECK(bad_layer.err.find("has no network layer 'school'; choose one of network with --layer") !=
        std::string::npos);
}

TEST_CASE("analyze network: who met whom at a community's meetings", "[unit]") {
  const fs::path dir = fresh_directory("analyze_meetings");
  const std::string scenario =
      std::string(VILLAGE_SOURCE_DIR) + "/tests/data/parent_support/groups.toml";
  const auto result =
      run_village("analyze network " + scenario +
                      " --week 12 --layer co_attendance --quiet --out " + (dir / "out").string(),
                  dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto graph = nlohmann::json::parse(read_file(dir / "out" / "graph.json"));
  CHECK(graph["input"]["layer"] == "co_attendance");
  CHECK(graph["edges"].get<double>() > 100);
  // Before any week has run there were no meetings, and the hint says how to get them.
  const auto none = run_village(
      "analyze network " + scenario + " --layer co_attendance --out " + (dir / "x").string(), dir);
  CHECK(none.exit_code == 2);
  CHECK(none.err.find("has no network layer 'co_attendance'") != std::string::npos);
  CHECK(none.err.find("exist after --week N") != std::string::npos);
}

TEST_CASE("analyze network: bad input is one line and exit code 2", "[unit]") {
  const fs::path dir = fresh_directory("analyze_bad");
  write_text(dir / "bad.txt", "a b\nc\n");
  const auto short_line = run_village(
      "analyze network " + (dir / "bad.txt").string() + " --out " + (dir / "o").string(), dir);
  CHECK(short_line.exit_code == 2);
  CHECK(short_line.err.rfind(
            "error: " + (dir / "bad.txt").string() + ":2:2: expected two node labels", 0) == 0);
  CHECK(line_count(short_line.err) == 1);
  CHECK_FALSE(fs::exists(dir / "o" / "nodes.csv"));

  write_text(dir / "good.txt", kTwoTriangles);
  const auto week_on_file = run_village(
      "analyze network " + (dir / "good.txt").string() + " --week 2 --out " + (dir / "o").string(),
      dir);
  CHECK(week_on_file.exit_code == 2);
  CHECK(week_on_file.err.find("--week applies to a scenario") != std::string::npos);

  const auto missing = run_village("analyze network " + (dir / "nope.txt").string(), dir);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("no such file") != std::string::npos);
}
