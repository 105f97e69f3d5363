// Network import: edge lists, CSV, GraphML and affiliation projections, and the exact
// location and wording of every error.

#include "sim/import/import.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "sim/error.hpp"

namespace fs = std::filesystem;
using village::InputError;

namespace {

fs::path data(const std::string& name) {
  return fs::path(VILLAGE_TEST_DATA) / "import" / name;
}

fs::path scratch(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "village_import_test";
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir / name;
}

// The InputError a call throws (fails the test when it throws none).
template <typename Call>
InputError error_of(Call&& call) {
  try {
    call();
  } catch (const InputError& error) {
    return error;
  }
  FAIL("expected an InputError");
  return InputError({}, "", "");
}

std::size_t index_of(const std::vector<std::string>& labels, const std::string& label) {
  return static_cast<std::size_t>(std::find(labels.begin(), labels.end(), label) - labels.begin());
}

}  // namespace

TEST_CASE("a whitespace edge list with comments and blank lines", "[unit]") {
  const auto network = village::read_edge_list(data("friends.txt"), {});
  CHECK(network.labels == std::vector<std::string>{"anna", "bob", "carla", "dirk"});
  CHECK(network.layer.node_count() == 4);
  CHECK(network.layer.edge_count() == 4);  // "bob anna" repeats "anna bob"
  CHECK(network.layer.has_arc(2, 0));
  CHECK(network.layer.has_arc(0, 3));
  CHECK_FALSE(network.layer.has_attribute("weight"));
}

TEST_CASE("a CSV edge list with a header, weights and CRLF line ends", "[unit]") {
  village::EdgeListOptions options;
  options.delimiter = ',';
  options.header = true;
  options.weighted = true;
  const auto network = village::read_edge_list(data("weighted.csv"), options);
  REQUIRE(network.labels == std::vector<std::string>{"anna", "bob", "carla"});
  const auto& layer = network.layer;
  const auto weight = layer.attribute("weight");
  CHECK(weight[layer.first_arc(0)] == 2.5f);      // anna -> bob
  CHECK(weight[layer.first_arc(1)] == 2.5f);      // bob -> anna
  CHECK(weight[layer.first_arc(1) + 1] == 0.5f);  // bob -> carla
}

TEST_CASE("a directed edge list keeps arcs one way", "[unit]") {
  village::EdgeListOptions options;
  options.direction = village::Direction::directed;
  const auto network = village::read_edge_list(data("friends.txt"), options);
  CHECK(network.layer.directed());
  CHECK(network.layer.arc_count() == 5);  // anna->bob and bob->anna are distinct arcs
  CHECK(network.layer.has_arc(3, 0));
  CHECK_FALSE(network.layer.has_arc(0, 3));
}

TEST_CASE("edge list errors name the line and column", "[unit]") {
  const auto one_column =
      error_of([] { village::read_edge_list(scratch("one.txt", "a b\n  c\n"), {}); });
  CHECK(one_column.where().line == 2);
  CHECK(one_column.where().column == 4);
  CHECK(one_column.problem() == "expected two node labels on this line");

  const auto extra =
      error_of([] { village::read_edge_list(scratch("extra.txt", "a b\nc d e\n"), {}); });
  CHECK(extra.where().line == 2);
  CHECK(extra.where().column == 5);
  CHECK(extra.problem() == "unexpected column 3");

  village::EdgeListOptions weighted;
  weighted.weighted = true;
  const auto bad_weight =
      error_of([&] { village::read_edge_list(scratch("w.txt", "a b 1\nb c heavy\n"), weighted); });
  CHECK(bad_weight.where().line == 2);
  CHECK(bad_weight.where().column == 5);
  CHECK(bad_weight.problem() == "'heavy' is not a valid edge weight");
  const auto negative =
      error_of([&] { village::read_edge_list(scratch("n.txt", "a b -1\n"), weighted); });
  CHECK(negative.problem() == "'-1' is not a valid edge weight");

  village::EdgeListOptions csv;
  csv.delimiter = ',';
  csv.header = true;
  const auto header =
      error_of([&] { village::read_edge_list(scratch("h.csv", "from,to\na,b\n"), csv); });
  CHECK(header.where().line == 1);
  CHECK(header.problem() == "the header does not name the columns source,target");
  const auto empty_field =
      error_of([&] { village::read_edge_list(scratch("e.csv", "source,target\na,\n"), csv); });
  CHECK(empty_field.where().line == 2);

  const auto empty =
      error_of([] { village::read_edge_list(scratch("empty.txt", "# nothing\n\n"), {}); });
  CHECK(empty.problem() == "the network file has no edges");
  const auto missing = error_of([] { village::read_edge_list("/nonexistent/edges.txt", {}); });
  CHECK(missing.where().file == "/nonexistent/edges.txt");
  CHECK(missing.problem() == "cannot open the network file");
}

TEST_CASE("GraphML gives the same network as the equivalent edge list", "[unit]") {
  const auto network = village::read_graphml(data("small.graphml"));
  CHECK(network.labels == std::vector<std::string>{"anna", "bob", "carla", "dirk"});
  CHECK_FALSE(network.layer.directed());
  CHECK(network.layer.edge_count() == 3);
  CHECK(network.layer.has_arc(0, 3));
  const auto weight = network.layer.attribute("weight");
  CHECK(weight[network.layer.first_arc(2)] == 0.5f);  // carla -> bob
}

TEST_CASE("bad GraphML is reported with the file", "[unit]") {
  const auto broken =
      error_of([] { village::read_graphml(scratch("bad.graphml", "<graphml><graph><node id=")); });
  CHECK(broken.where().file ==
        (fs::temp_directory_path() / "village_import_test" / "bad.graphml").string());
  CHECK_THAT(broken.problem(), Catch::StartsWith("cannot read GraphML"));
}

TEST_CASE("affiliations project to persons with count and Newman weights", "[unit]") {
  village::AffiliationOptions options;
  const auto counted = village::read_affiliation_projection(data("affiliations.txt"), options);
  const auto& labels = counted.labels;
  REQUIRE(labels.size() == 3);
  const auto anna = index_of(labels, "anna");
  const auto bob = index_of(labels, "bob");
  const auto carla = index_of(labels, "carla");
  auto weight_of = [](const village::ImportedNetwork& net, std::size_t a, std::size_t b) {
    const auto& layer = net.layer;
    const auto row = layer.neighbours(static_cast<village::NodeId>(a));
    const auto at =
        std::find(row.begin(), row.end(), static_cast<village::NodeId>(b)) - row.begin();
    return layer.attribute("weight")[layer.first_arc(static_cast<village::NodeId>(a)) + at];
  };
  // anna and bob share choir and school; each shares only the choir with carla.
  CHECK(counted.layer.edge_count() == 3);
  CHECK(weight_of(counted, anna, bob) == 2.0f);
  CHECK(weight_of(counted, bob, carla) == 1.0f);
  options.weight = village::ProjectionWeight::newman;
  const auto newman = village::read_affiliation_projection(data("affiliations.txt"), options);
  // choir has 3 members (1/2 each pair), school 2 (1/1).
  CHECK(weight_of(newman, anna, bob) == Approx(1.5));
  CHECK(weight_of(newman, anna, carla) == Approx(0.5));

  const auto bad = error_of(
      [] { village::read_affiliation_projection(scratch("aff.txt", "anna choir\nbob\n"), {}); });
  CHECK(bad.where().line == 2);
  CHECK(bad.problem() == "expected a person and an affiliation on this line");
}

TEST_CASE("GraphML edges to undeclared nodes are refused", "[unit]") {
  const auto undeclared = error_of([] {
    village::read_graphml(scratch("undeclared.graphml", R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="a"/><edge source="a" target="b"/></graph></graphml>)"));
  });
  CHECK(undeclared.problem() == "an edge refers to a node that is not declared");
}
