// Network import: edge lists, CSV, GraphML and affiliation projections, and the exact
// location and wording of every error.

#include "sim/import/import.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <vector>

#include "sim/error.hpp"
#include "sim/import/line_reader.hpp"

namespace fs = std::filesystem;
using village::Direction;
using village::ImportedNetwork;
using village::InputError;
using village::NodeId;

namespace {

fs::path data(const std::string& name) {
  return fs::path(VILLAGE_TEST_DATA) / "import" / name;
}

// Writes `text` to a file of its own in the temporary directory.
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

village::EdgeListOptions weighted_options() {
  village::EdgeListOptions options;
  options.weighted = true;
  return options;
}

village::EdgeListOptions csv_options(bool header, bool weighted) {
  village::EdgeListOptions options;
  options.delimiter = ',';
  options.header = header;
  options.weighted = weighted;
  return options;
}

NodeId id_of(const ImportedNetwork& network, const std::string& label) {
  const auto& labels = network.labels;
  const auto at = std::find(labels.begin(), labels.end(), label);
  REQUIRE(at != labels.end());
  return static_cast<NodeId>(at - labels.begin());
}

// The weight of the arc between two labelled nodes (fails when there is none).
float weight_of(const ImportedNetwork& network, const std::string& from, const std::string& to) {
  const auto& layer = network.layer;
  const NodeId source = id_of(network, from);
  const NodeId target = id_of(network, to);
  REQUIRE(layer.has_arc(source, target));
  const auto row = layer.neighbours(source);
  const auto at = std::lower_bound(row.begin(), row.end(), target) - row.begin();
  return layer.attribute("weight")[layer.first_arc(source) + static_cast<std::size_t>(at)];
}

void check_same_network(const ImportedNetwork& a, const ImportedNetwork& b) {
  CHECK(a.labels == b.labels);
  CHECK(a.layer.directed() == b.layer.directed());
  CHECK(a.layer.offsets() == b.layer.offsets());
  CHECK(a.layer.targets() == b.layer.targets());
  CHECK(a.layer.attribute_names() == b.layer.attribute_names());
  if (a.layer.has_attribute("weight") && b.layer.has_attribute("weight")) {
    const auto x = a.layer.attribute("weight");
    const auto y = b.layer.attribute("weight");
    CHECK(std::vector<float>(x.begin(), x.end()) == std::vector<float>(y.begin(), y.end()));
  }
}

}  // namespace

// ---- Edge lists

TEST_CASE("a whitespace edge list with comments and blank lines", "[unit]") {
  const auto network = village::read_edge_list(data("friends.txt"), {});
  CHECK(network.labels == std::vector<std::string>{"anna", "bob", "carla", "dirk"});
  CHECK(network.layer.node_count() == 4);
  CHECK_FALSE(network.layer.directed());
  CHECK(network.layer.edge_count() == 4);  // "bob anna" repeats "anna bob"
  CHECK(network.layer.has_arc(1, 2));      // "bob   carla  # trailing comment"
  CHECK(network.layer.has_arc(2, 0));      // tab-separated
  CHECK(network.layer.has_arc(0, 3));
  CHECK_FALSE(network.layer.has_arc(1, 3));
  CHECK_FALSE(network.layer.has_attribute("weight"));
}

TEST_CASE("a CSV edge list with a header and weights gives both arcs the weight", "[unit]") {
  const auto network = village::read_edge_list(data("weighted.csv"), csv_options(true, true));
  REQUIRE(network.labels == std::vector<std::string>{"anna", "bob", "carla"});
  CHECK(network.layer.edge_count() == 2);
  CHECK(weight_of(network, "anna", "bob") == 2.5f);
  CHECK(weight_of(network, "bob", "anna") == 2.5f);
  CHECK(weight_of(network, "bob", "carla") == 0.5f);
  CHECK(weight_of(network, "carla", "bob") == 0.5f);
}

TEST_CASE("CRLF line ends leave no carriage return in labels", "[unit]") {
  const auto network = village::read_edge_list(data("crlf.txt"), {});
  CHECK(network.labels == std::vector<std::string>{"anna", "bob", "carla"});
  CHECK(network.layer.edge_count() == 3);
}

TEST_CASE("a weighted edge list gives lines without a weight the weight 1", "[unit]") {
  const auto network = village::read_edge_list(scratch("default.txt", "a b 0.25\nb c\n+2 a +3\n"),
                                               weighted_options());
  CHECK(weight_of(network, "a", "b") == 0.25f);
  CHECK(weight_of(network, "b", "c") == 1.0f);
  CHECK(weight_of(network, "+2", "a") == 3.0f);  // a leading '+' is allowed in weights only
}

TEST_CASE("a directed edge list keeps arcs one way", "[unit]") {
  village::EdgeListOptions options;
  options.direction = Direction::directed;
  const auto network = village::read_edge_list(data("friends.txt"), options);
  CHECK(network.layer.directed());
  CHECK(network.layer.arc_count() == 5);  // anna->bob and bob->anna are distinct arcs
  CHECK(network.layer.has_arc(3, 0));
  CHECK_FALSE(network.layer.has_arc(0, 3));
}

TEST_CASE("repeated edges keep the first, in either direction", "[unit]") {
  const auto path = scratch("repeats.txt", "a b\na b 5\nb a 7\nc c\n");
  auto options = weighted_options();
  const auto undirected = village::read_edge_list(path, options);
  CHECK(undirected.labels.size() == 3);  // c stays, isolated: its self-loop is dropped
  CHECK(undirected.layer.edge_count() == 1);
  CHECK(weight_of(undirected, "a", "b") == 1.0f);
  CHECK(weight_of(undirected, "b", "a") == 1.0f);
  options.direction = Direction::directed;
  const auto directed = village::read_edge_list(path, options);
  CHECK(directed.layer.arc_count() == 2);
  CHECK(weight_of(directed, "a", "b") == 1.0f);
  CHECK(weight_of(directed, "b", "a") == 7.0f);
}

TEST_CASE("edge list line errors name the line and column", "[unit]") {
  SECTION("one label") {
    const auto path = scratch("one.txt", "a b\n  c\n");
    const auto error = error_of([&] { village::read_edge_list(path, {}); });
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 4);  // where the second label was expected
    CHECK(error.problem() == "expected two node labels, found only 'c'");
    CHECK(error.format() == "error: " + path.string() +
                                ":2:4: expected two node labels, found only 'c'; write one "
                                "edge per line: source target [weight]");
  }
  SECTION("too many columns") {
    const auto error =
        error_of([] { village::read_edge_list(scratch("extra.txt", "a b\nc d e\n"), {}); });
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 5);
    CHECK(error.problem() == "too many columns: 'e' is column 3, expected at most 2");
    CHECK_THAT(error.hint(), Catch::Contains("weighted = true"));
    const auto weighted = error_of(
        [] { village::read_edge_list(scratch("extra4.txt", "a b 1 2\n"), weighted_options()); });
    CHECK(weighted.where().column == 7);
    CHECK(weighted.problem() == "too many columns: '2' is column 4, expected at most 3");
  }
  SECTION("columns count characters, not bytes, and skip a byte order mark") {
    const auto error = error_of([] {
      village::read_edge_list(scratch("utf8.csv", "\xEF\xBB\xBFsource,target\n\xC3\xA4,b,c\n"),
                              csv_options(true, false));
    });
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 5);  // "ä,b,c": 'c' is the fifth character
  }
  SECTION("an empty CSV label") {
    const auto error = error_of([] {
      village::read_edge_list(scratch("empty_label.csv", "source,target\na,\n"),
                              csv_options(true, false));
    });
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 3);
    CHECK(error.problem() == "the target label is empty");
  }
}

TEST_CASE("edge list weight errors point at the weight", "[unit]") {
  const auto error_for = [](const std::string& name, const std::string& text) {
    return error_of([&] { village::read_edge_list(scratch(name, text), weighted_options()); });
  };
  const auto word = error_for("word.txt", "a b 1\nb c heavy\n");
  CHECK(word.where().line == 2);
  CHECK(word.where().column == 5);
  CHECK(word.problem() == "the edge weight 'heavy' is not a number");
  CHECK(word.hint() == "weights are finite numbers >= 0, like 1 or 0.25");

  const auto negative = error_for("negative.txt", "a b -1\n");
  CHECK(negative.where().line == 1);
  CHECK(negative.where().column == 5);
  CHECK(negative.problem() == "the edge weight '-1' is negative");

  const auto nan = error_for("nan.txt", "# c\na  b\tnan\n");
  CHECK(nan.where().line == 2);
  CHECK(nan.where().column == 6);
  CHECK(nan.problem() == "the edge weight 'nan' is not finite");
  CHECK(error_for("inf.txt", "a b inf\n").problem() == "the edge weight 'inf' is not finite");
  CHECK(error_for("huge.txt", "a b 1e39\n").problem() ==
        "the edge weight '1e39' is too large for a float");
  CHECK(error_for("suffix.txt", "a b 2kg\n").problem() == "the edge weight '2kg' is not a number");

  const auto empty = error_of([] {
    village::read_edge_list(scratch("empty_weight.csv", "a,b,\n"), csv_options(false, true));
  });
  CHECK(empty.where().column == 5);
  CHECK(empty.problem() == "the edge weight is empty");
}

TEST_CASE("edge list header errors name the offending column", "[unit]") {
  const auto error_for = [](const std::string& name, const std::string& text, bool weighted) {
    return error_of(
        [&] { village::read_edge_list(scratch(name, text), csv_options(true, weighted)); });
  };
  const auto renamed = error_for("from.csv", "from,to\na,b\n", false);
  CHECK(renamed.where().line == 1);
  CHECK(renamed.where().column == 1);
  CHECK(renamed.problem() == "the header names column 1 'from' instead of source");
  CHECK(renamed.hint() == "start the file with the line source,target, or set header = false");

  const auto second = error_for("dest.csv", "\n# edges\nSource, dest\na,b\n", false);
  CHECK(second.where().line == 3);
  CHECK(second.where().column == 9);
  CHECK(second.problem() == "the header names column 2 'dest' instead of target");

  const auto no_weight = error_for("no_weight.csv", "source,target\na,b,1\n", true);
  CHECK(no_weight.where().column == 14);
  CHECK(no_weight.problem() == "the header has no weight column");

  const auto unread = error_for("unread.csv", "source,target,weight\na,b,1\n", false);
  CHECK(unread.where().column == 15);
  CHECK(unread.problem() == "the header names an unexpected column 3 'weight'");
  CHECK_THAT(unread.hint(), Catch::Contains("weighted = true"));
}

TEST_CASE("edge list file errors name the file", "[unit]") {
  const auto empty =
      error_of([] { village::read_edge_list(scratch("empty.txt", "# nothing\n\n   \n"), {}); });
  CHECK(empty.where().line == 0);
  CHECK(empty.problem() == "the file has no edges");
  const auto header_only = error_of([] {
    village::read_edge_list(scratch("header_only.csv", "source,target\n"),
                            csv_options(true, false));
  });
  CHECK(header_only.problem() == "the file has no edges");

  const auto missing = error_of([] { village::read_edge_list("/nonexistent/edges.txt", {}); });
  CHECK(missing.where().file == "/nonexistent/edges.txt");
  CHECK(missing.where().line == 0);
  CHECK(missing.problem() == "no such file");
  CHECK(missing.hint() == "check the path");

  const auto directory = error_of([] { village::read_edge_list(fs::temp_directory_path(), {}); });
  CHECK(directory.problem() == "this is a directory, not a file");
}

TEST_CASE("labels past the node limit are refused at the label", "[unit]") {
  // The importers use kMaxNodes; a limit of 3 shows the same check without 4e9 labels.
  village::LineReader reader(scratch("limit.txt", "a b\nb c\nc d\n"), 0);
  village::LabelIndex labels("node labels", 3);
  std::vector<village::Field> fields;
  REQUIRE(reader.next(fields));
  CHECK(labels.id(fields[0], reader) == 0);
  CHECK(labels.id(fields[1], reader) == 1);
  REQUIRE(reader.next(fields));
  CHECK(labels.id(fields[0], reader) == 1);
  CHECK(labels.id(fields[1], reader) == 2);
  REQUIRE(reader.next(fields));
  CHECK(labels.id(fields[0], reader) == 2);
  const auto error = error_of([&] { labels.id(fields[1], reader); });
  CHECK(error.where().line == 3);
  CHECK(error.where().column == 3);
  CHECK(error.problem() == "more than 3 distinct node labels");
}

// ---- GraphML

TEST_CASE("GraphML gives the same network as the equivalent edge list", "[unit]") {
  const auto graphml = village::read_graphml(data("small.graphml"));
  CHECK(graphml.labels == std::vector<std::string>{"anna", "bob", "carla", "dirk"});
  CHECK(graphml.layer.edge_count() == 3);
  CHECK(weight_of(graphml, "carla", "bob") == 0.5f);
  check_same_network(graphml, village::read_edge_list(data("small.txt"), weighted_options()));
}

TEST_CASE("GraphML direction, integer weights, defaults and entities", "[unit]") {
  const auto network = village::read_graphml(scratch("directed.graphml", R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="edge" attr.name="weight" attr.type="long"/>
<graph edgedefault="directed">
<edge source="a&amp;b" target="c"><data key="d0">3</data></edge>
<node id="a&amp;b"/><node id='c'/><node id="e&#233;"/>
<edge source="c" target="e&#xE9;" directed="true"/>
</graph></graphml>)"));
  CHECK(network.labels == std::vector<std::string>{"a&b", "c", "e\xC3\xA9"});
  CHECK(network.layer.directed());
  CHECK(network.layer.arc_count() == 2);
  CHECK_FALSE(network.layer.has_arc(1, 0));
  CHECK(weight_of(network, "a&b", "c") == 3.0f);        // declared long: Boost's maps refuse it
  CHECK(weight_of(network, "c", "e\xC3\xA9") == 1.0f);  // no weight given: 1, as in edge lists
}

TEST_CASE("GraphML reads the first graph and gives a weight key's default", "[unit]") {
  const auto network = village::read_graphml(scratch("two_graphs.graphml", R"(<graphml>
<key id="w" for="edge" attr.name="weight" attr.type="float"><default>0.75</default></key>
<graph edgedefault="undirected">
<node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"/><edge source="b" target="c"><data key="w">2</data></edge>
</graph>
<graph edgedefault="directed"><node id="z"/><edge source="z" target="a"/></graph>
</graphml>)"));
  CHECK(network.labels == std::vector<std::string>{"a", "b", "c"});
  CHECK_FALSE(network.layer.directed());
  CHECK(weight_of(network, "a", "b") == 0.75f);
  CHECK(weight_of(network, "c", "b") == 2.0f);
}

TEST_CASE("malformed GraphML is reported at Boost's line", "[unit]") {
  const auto path = scratch("broken.graphml",
                            "<graphml>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"\n"
                            "</graph></graphml>\n");
  const auto error = error_of([&] { village::read_graphml(path); });
  CHECK(error.where().file == path.string());
  CHECK(error.where().line == 4);
  CHECK_THAT(error.problem(), Catch::StartsWith("the file is not well-formed XML: "));
  const auto empty = error_of([] { village::read_graphml(scratch("empty.graphml", "")); });
  CHECK(empty.problem() == "the file has no <graphml> element");
}

TEST_CASE("GraphML weight errors point at the weight", "[unit]") {
  const auto error_for = [](const std::string& name, const std::string& weight) {
    return error_of([&] {
      village::read_graphml(scratch(name, R"(<graphml>
<key id="w" for="edge" attr.name="weight" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"/><node id="b"/><node id="c"/>
<edge source="a" target="b"><data key="w">1</data></edge>
<edge source="b" target="c"><data key="w">)" + weight +
                                              R"(</data></edge>
</graph></graphml>)"));
    });
  };
  const auto word = error_for("word.graphml", "heavy");
  CHECK(word.where().line == 5);
  CHECK(word.where().column == 43);
  CHECK(word.problem() == "the edge weight 'heavy' is not a number");
  CHECK(error_for("negative.graphml", "-0.5").problem() == "the edge weight '-0.5' is negative");
  CHECK(error_for("nan.graphml", "NaN").problem() == "the edge weight 'NaN' is not finite");
}

TEST_CASE("GraphML structure errors name the element", "[unit]") {
  const auto error_for = [](const std::string& name, const std::string& graph) {
    return error_of(
        [&] { village::read_graphml(scratch(name, "<graphml>\n" + graph + "\n</graphml>\n")); });
  };
  const auto twice = error_for("twice.graphml", R"(<graph edgedefault="undirected">
<node id="a"/>
  <node id="a"/>
</graph>)");
  CHECK(twice.where().line == 4);
  CHECK(twice.where().column == 3);
  CHECK(twice.problem() == "the node id 'a' is declared twice (first on line 3)");

  const auto undeclared = error_for("undeclared.graphml", R"(<graph edgedefault="directed">
<node id="a"/><edge source="a" target="b"/>
</graph>)");
  CHECK(undeclared.where().line == 3);
  CHECK(undeclared.where().column == 15);
  CHECK(undeclared.problem() == "the edge names the node 'b', which is not declared");

  const auto no_default = error_for("no_default.graphml", R"(<graph><node id="a"/></graph>)");
  CHECK(no_default.where().line == 2);
  CHECK(no_default.where().column == 1);
  CHECK(no_default.problem() == "the graph does not say whether its edges are directed");

  const auto mixed = error_for("mixed.graphml", R"(<graph edgedefault="undirected">
<node id="a"/><node id="b"/><edge source="a" target="b" directed="true"/>
</graph>)");
  CHECK(mixed.where().line == 3);
  CHECK(mixed.problem() == "the edge is directed but the graph's edgedefault is undirected");

  const auto nested = error_for("nested.graphml", R"(<graph edgedefault="undirected">
<node id="a"><graph edgedefault="undirected"><node id="a.1"/></graph></node>
</graph>)");
  CHECK(nested.where().line == 3);
  CHECK(nested.where().column == 14);
  CHECK(nested.problem() == "nested graphs are not supported");

  const auto empty = error_for("empty.graphml", R"(<graph edgedefault="undirected"/>)");
  CHECK(empty.where().line == 0);
  CHECK(empty.problem() == "the file declares no nodes");
}

TEST_CASE("other GraphML errors pass on Boost's message", "[unit]") {
  const auto path = scratch("bad_key.graphml", R"(<graphml>
<key id="w" for="nodes" attr.name="size" attr.type="double"/>
<graph edgedefault="undirected"><node id="a"/></graph></graphml>)");
  const auto error = error_of([&] { village::read_graphml(path); });
  CHECK(error.where().file == path.string());
  CHECK(error.problem() ==
        "Boost.Graph cannot read the GraphML: parse error: Attribute for is not valid: nodes");

  const auto not_graphml =
      error_of([] { village::read_graphml(scratch("html.graphml", "<html><body/></html>")); });
  CHECK(not_graphml.where().line == 1);
  CHECK(not_graphml.problem() == "the root element is <html>, not <graphml>");

  const auto missing = error_of([] { village::read_graphml("/nonexistent/net.graphml"); });
  CHECK(missing.problem() == "no such file");
}

// ---- Affiliation projection

TEST_CASE("affiliations project to persons with count and Newman weights", "[unit]") {
  // anna and bob share choir and school; carla only the choir. "anna choir" is repeated
  // and counts once: otherwise anna-bob would count 3 and the choir 4 members.
  village::AffiliationOptions options;
  const auto counted = village::read_affiliation_projection(data("affiliations.txt"), options);
  REQUIRE(counted.labels == std::vector<std::string>{"anna", "bob", "carla"});
  CHECK_FALSE(counted.layer.directed());
  CHECK(counted.layer.edge_count() == 3);
  CHECK(weight_of(counted, "anna", "bob") == 2.0f);
  CHECK(weight_of(counted, "bob", "anna") == 2.0f);
  CHECK(weight_of(counted, "anna", "carla") == 1.0f);
  CHECK(weight_of(counted, "carla", "bob") == 1.0f);

  options.weight = village::ProjectionWeight::newman;
  const auto newman = village::read_affiliation_projection(data("affiliations.txt"), options);
  // The choir has 3 members (1/2 per pair), the school 2 (1/1).
  CHECK(weight_of(newman, "anna", "bob") == 1.5f);
  CHECK(weight_of(newman, "bob", "anna") == 1.5f);
  CHECK(weight_of(newman, "anna", "carla") == 0.5f);
  CHECK(weight_of(newman, "bob", "carla") == 0.5f);
}

TEST_CASE("affiliation persons and affiliations are separate label spaces", "[unit]") {
  village::AffiliationOptions options;
  options.delimiter = ',';
  options.header = true;
  const auto network = village::read_affiliation_projection(
      scratch("spaces.csv", "member,group\nx,y\ny,x\nz,x\nlone,w\n"), options);
  // Person "x" and affiliation "x" differ; "lone" is an isolated person.
  CHECK(network.labels == std::vector<std::string>{"x", "y", "z", "lone"});
  CHECK(network.layer.edge_count() == 1);
  CHECK(weight_of(network, "y", "z") == 1.0f);
}

TEST_CASE("affiliation errors name the line and column", "[unit]") {
  const auto error_for = [](const std::string& name, const std::string& text) {
    return error_of([&] { village::read_affiliation_projection(scratch(name, text), {}); });
  };
  const auto one = error_for("aff_one.txt", "anna choir\nbob\n");
  CHECK(one.where().line == 2);
  CHECK(one.where().column == 4);
  CHECK(one.problem() == "expected a person and an affiliation, found only 'bob'");

  const auto three = error_for("aff_three.txt", "anna choir 2\n");
  CHECK(three.where().line == 1);
  CHECK(three.where().column == 12);
  CHECK(three.problem() == "too many columns: '2' is column 3, expected 2");

  CHECK(error_for("aff_empty.txt", "# none\n").problem() == "the file has no memberships");
}

TEST_CASE("an affiliation too large to project is refused before projecting", "[unit]") {
  std::string text = "anna choir\n";
  for (int p = 0; p < 100001; ++p) {
    text += 'p';
    text += std::to_string(p);
    text += "   everyone\n";
  }
  const auto error =
      error_of([&] { village::read_affiliation_projection(scratch("huge.txt", text), {}); });
  CHECK(error.where().line == 2);  // where "everyone" first appears
  CHECK(error.where().column == 6);
  CHECK_THAT(error.problem(), Catch::StartsWith("the affiliation 'everyone' has 100001 members; "
                                                "its projection alone would hold 5e+09 ties"));
  CHECK_THAT(error.hint(), Catch::Contains("more than 100000 members"));
}

TEST_CASE("edge list lines: kMaxLineBytes exactly is read, one byte more is refused at its line",
          "[unit]") {
  const std::size_t limit = village::kMaxLineBytes;
  // "a <label>" of exactly the limit, with and without a last line break.
  const std::string longest = "a " + std::string(limit - 2, 'b');
  for (const std::string end : {"\n", ""}) {
    const ImportedNetwork network =
        village::read_edge_list(scratch("longest.txt", "x y\n" + longest + end), {});
    CHECK(network.labels.size() == 4);
    CHECK(network.labels.back().size() == limit - 2);
  }
  const InputError error = error_of([&] {
    village::read_edge_list(scratch("too_long.txt", "x y\n" + longest + "b\nz w\n"), {});
  });
  CHECK(error.where().line == 2);
  CHECK(error.problem() == "the line is longer than 1 MiB");
  // The affiliation reader shares the limit.
  const InputError affiliation = error_of([&] {
    village::read_affiliation_projection(scratch("too_long_aff.txt", longest + "b x\n"), {});
  });
  CHECK(affiliation.where().line == 1);
}
