#include "sim/csr_graph_traits.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graph_concepts.hpp>
#include <catch2/catch.hpp>
#include <vector>

using village::CsrLayer;
using village::Direction;
using village::EdgeRecord;
using village::NodeId;

BOOST_CONCEPT_ASSERT((boost::VertexListGraphConcept<village::UndirectedCsrView>));
BOOST_CONCEPT_ASSERT((boost::IncidenceGraphConcept<village::UndirectedCsrView>));
BOOST_CONCEPT_ASSERT((boost::AdjacencyGraphConcept<village::DirectedCsrView>));

namespace {
// Two components: a path 0-1-2-3 and a triangle 4-5-6; node 7 isolated.
CsrLayer two_components() {
  const std::vector<EdgeRecord> edges{{0, 1, 1.f}, {1, 2, 1.f}, {2, 3, 1.f},
                                      {4, 5, 1.f}, {5, 6, 1.f}, {6, 4, 1.f}};
  return CsrLayer::from_edges(8, edges, Direction::undirected);
}
}  // namespace

TEST_CASE("BGL connected_components runs on the CSR layer without a copy", "[unit]") {
  const CsrLayer layer = two_components();
  std::vector<int> component(layer.node_count());
  const int count = boost::connected_components(
      village::undirected_view(layer),
      boost::make_iterator_property_map(component.begin(),
                                        boost::typed_identity_property_map<NodeId>()));
  CHECK(count == 3);
  CHECK(component[0] == component[3]);
  CHECK(component[4] == component[6]);
  CHECK(component[0] != component[4]);
  CHECK(component[7] != component[0]);
  CHECK(component[7] != component[4]);
}

TEST_CASE("BGL breadth_first_search gives hop distances on the CSR layer", "[unit]") {
  const CsrLayer layer = two_components();
  std::vector<int> distance(layer.node_count(), -1);
  distance[0] = 0;
  const auto view = village::undirected_view(layer);
  auto distances = boost::make_iterator_property_map(distance.begin(),
                                                     boost::typed_identity_property_map<NodeId>());
  boost::breadth_first_search(view, NodeId{0},
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_distances(distances, boost::on_tree_edge()))));
  CHECK(distance == std::vector<int>{0, 1, 2, 3, -1, -1, -1, -1});
}

TEST_CASE("a directed layer is traversed along its arcs only", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 1, 1.f}, {2, 1, 1.f}};
  const auto layer = CsrLayer::from_edges(3, edges, Direction::directed);
  std::vector<int> distance(3, -1);
  distance[0] = 0;
  auto distances = boost::make_iterator_property_map(distance.begin(),
                                                     boost::typed_identity_property_map<NodeId>());
  boost::breadth_first_search(village::directed_view(layer), NodeId{0},
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_distances(distances, boost::on_tree_edge()))));
  CHECK(distance == std::vector<int>{0, 1, -1});
  CHECK_THROWS_AS(village::undirected_view(layer), std::invalid_argument);
}
