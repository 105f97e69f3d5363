#include <boost/graph/connected_components.hpp>
#include <catch2/catch.hpp>

#include "analysis/network/components.hpp"
#include "analysis/network/degree_strength.hpp"
#include "sim/csr_graph_traits.hpp"
#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

TEST_CASE("degree, strength and density on hand-computable graphs", "[unit]") {
  const CsrLayer star = star_graph(5);
  CHECK(degrees(star) == Scores{4, 1, 1, 1, 1});
  CHECK(strengths(star) == Scores{4, 1, 1, 1, 1});  // no weights: strength = degree
  CHECK(density(star) == Approx(4.0 / 10.0));
  CHECK(density(complete(6)) == Approx(1.0));
  CHECK(density(path_graph(1)) == 0.0);
  const CsrLayer weighted = undirected(3, {{0, 1, 2.5f}, {1, 2, 0.5f}}, true);
  CHECK(strengths(weighted) == Scores{2.5, 3.0, 0.5});
  const CsrLayer directed = CsrLayer::from_edges(3, std::vector<EdgeRecord>{{0, 1}, {1, 2}},
                                                 village::Direction::directed);
  CHECK(density(directed) == Approx(2.0 / 6.0));
  const CsrLayer both = symmetrised(directed);
  CHECK_FALSE(both.directed());
  CHECK(both.edge_count() == 2);
}

TEST_CASE("connected components: numbering by smallest node", "[unit]") {
  // {0, 3}, {1}, {2, 4, 5}
  const CsrLayer layer = undirected(6, {{3, 0}, {4, 2}, {5, 4}});
  const Components c = connected_components(layer);
  CHECK(c.membership == std::vector<std::uint32_t>{0, 1, 2, 0, 2, 2});
  CHECK(c.sizes == std::vector<std::uint64_t>{2, 1, 3});
  CHECK(c.count() == 3);
  CHECK(c.largest() == 3);
  CHECK(connected_components(two_cliques(4)).count() == 1);
  CHECK(connected_components(undirected(0, {})).count() == 0);
}

TEST_CASE("connected components agree with Boost.Graph on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    // Mean degree about 1: many components of many sizes.
    const CsrLayer layer = random_graph(300, 1.0 / 299, seed);
    const Components ours = connected_components(layer);
    std::vector<int> theirs(layer.node_count());
    const int count = boost::connected_components(village::undirected_view(layer), theirs.data());
    REQUIRE(ours.count() == static_cast<std::size_t>(count));
    // Same partition: a bijection between the labels.
    std::vector<int> map(ours.count(), -1);
    for (NodeId v = 0; v < layer.node_count(); ++v) {
      int& image = map[ours.membership[v]];
      if (image < 0) image = theirs[v];
      REQUIRE(image == theirs[v]);
    }
  }
}

TEST_CASE("connected components do not depend on the thread count", "[unit]") {
  // Large enough (over 2^14 nodes) for the parallel union-find to run.
  const CsrLayer layer = random_graph(60000, 1.2 / 60000, 3);
  const auto [one, two] =
      at_one_and_two_threads([&] { return connected_components(layer).membership; });
  CHECK(one == two);
}
