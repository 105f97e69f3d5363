#include "sim/csr_layer.hpp"

#include <catch2/catch.hpp>
#include <vector>

using village::CsrLayer;
using village::Direction;
using village::EdgeRecord;

TEST_CASE("an undirected layer stores both arcs, sorted, without loops or repeats", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 2, 1.f}, {2, 1, 1.f}, {0, 1, 1.f},
                                      {1, 1, 1.f}, {2, 0, 1.f}, {3, 0, 1.f}};
  const auto layer = CsrLayer::from_edges(4, edges, Direction::undirected);
  CHECK(layer.node_count() == 4);
  CHECK(layer.edge_count() == 4);  // 0-2, 1-2, 0-1, 0-3; the loop and the repeat dropped
  CHECK(layer.arc_count() == 8);
  const auto row = layer.neighbours(0);
  CHECK(std::vector<village::NodeId>(row.begin(), row.end()) ==
        std::vector<village::NodeId>{1, 2, 3});
  CHECK(layer.has_arc(3, 0));
  CHECK_FALSE(layer.has_arc(3, 1));
  CHECK(layer.degree(2) == 2);
}

TEST_CASE("a directed layer keeps arcs one way", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 1, 1.f}, {1, 2, 1.f}};
  const auto layer = CsrLayer::from_edges(3, edges, Direction::directed);
  CHECK(layer.arc_count() == 2);
  CHECK(layer.edge_count() == 2);
  CHECK(layer.has_arc(0, 1));
  CHECK_FALSE(layer.has_arc(1, 0));
}

TEST_CASE("weights follow their arcs through sorting and deduplication", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 3, 0.5f}, {0, 1, 0.25f}, {0, 3, 9.f}};
  const auto layer = CsrLayer::from_edges(4, edges, Direction::undirected, true);
  const auto weight = layer.attribute("weight");
  REQUIRE(layer.arc_count() == 4);
  // Row 0 is [1, 3]; the first of the two 0-3 edges is kept.
  CHECK(weight[layer.first_arc(0)] == 0.25f);
  CHECK(weight[layer.first_arc(0) + 1] == 0.5f);
  CHECK(weight[layer.first_arc(3)] == 0.5f);
}

TEST_CASE("staged edges enter at rebuild, merged in order with their attributes", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 2, 1.f}, {1, 3, 1.f}};
  auto layer = CsrLayer::from_edges(5, edges, Direction::undirected);
  layer.add_attribute("trust", 0.5f);
  const float values[] = {0.9f};
  layer.stage_edge(0, 1, values);
  layer.stage_edge(0, 4, values);
  layer.stage_edge(2, 0);  // already present: dropped
  layer.stage_edge(3, 3);  // self-loop: dropped
  CHECK(layer.staged_count() > 0);
  CHECK_FALSE(layer.has_arc(0, 1));  // not before rebuild
  CHECK(layer.rebuild() == 4);
  CHECK(layer.staged_count() == 0);
  CHECK(layer.edge_count() == 4);
  const auto row = layer.neighbours(0);
  CHECK(std::vector<village::NodeId>(row.begin(), row.end()) ==
        std::vector<village::NodeId>{1, 2, 4});
  const auto trust = layer.attribute("trust");
  CHECK(trust[layer.first_arc(0)] == 0.9f);      // 0->1 new
  CHECK(trust[layer.first_arc(0) + 1] == 0.5f);  // 0->2 old
  CHECK(trust[layer.first_arc(4)] == 0.9f);      // 4->0 new, reverse arc
  CHECK(layer.has_arc(1, 0));
  CHECK(layer.rebuild() == 0);
}

TEST_CASE("attributes are named once and looked up by name", "[unit]") {
  auto layer = CsrLayer::from_edges(2, std::vector<EdgeRecord>{{0, 1, 1.f}}, Direction::undirected);
  layer.add_attribute("strength", 2.f);
  CHECK(layer.has_attribute("strength"));
  CHECK(layer.attribute("strength")[1] == 2.f);
  CHECK_THROWS_AS(layer.add_attribute("strength", 1.f), std::invalid_argument);
  CHECK_THROWS_AS(layer.attribute("missing"), std::invalid_argument);
  CHECK(layer.attribute_names() == std::vector<std::string>{"strength"});
  CHECK(layer.memory_bytes() >= 3 * sizeof(village::ArcIndex) + 2 * sizeof(village::NodeId));
}

TEST_CASE("node ids beyond the node count are refused", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 5, 1.f}};
  CHECK_THROWS_AS(CsrLayer::from_edges(3, edges, Direction::undirected), std::out_of_range);
}

TEST_CASE("of repeated staged edges the first staged is kept", "[unit]") {
  auto layer = CsrLayer::from_edges(3, std::vector<EdgeRecord>{{0, 1, 1.f}}, Direction::undirected);
  layer.add_attribute("trust", 0.f);
  for (float value : {0.3f, 0.6f, 0.9f}) {
    const float values[] = {value};
    layer.stage_edge(1, 2, values);
  }
  CHECK_THROWS_AS(layer.add_attribute("late", 0.f),
                  std::logic_error);  // would misread the staged values
  CHECK(layer.rebuild() == 2);
  CHECK(layer.attribute("trust")[layer.first_arc(2)] == 0.3f);
  CHECK(layer.memory_bytes() > 0);
}
