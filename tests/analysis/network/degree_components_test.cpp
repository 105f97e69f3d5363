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

namespace {

// The same partition as Boost.Graph's depth-first search, labels numbered by smallest
// node, and sizes that count the labels.
void check_against_boost(const CsrLayer& layer) {
  const Components ours = connected_components(layer);
  std::vector<int> theirs(layer.node_count());
  const int count = boost::connected_components(village::undirected_view(layer), theirs.data());
  REQUIRE(ours.count() == static_cast<std::size_t>(count));
  std::vector<int> map(ours.count(), -1);
  std::vector<std::uint64_t> sizes(ours.count(), 0);
  std::uint32_t next_label = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    const std::uint32_t label = ours.membership[v];
    REQUIRE(label <= next_label);  // a new component's label is the next number
    if (label == next_label) ++next_label;
    int& image = map[label];  // a bijection between the labels
    if (image < 0) image = theirs[v];
    REQUIRE(image == theirs[v]);
    ++sizes[label];
  }
  CHECK(ours.sizes == sizes);
}

}  // namespace

TEST_CASE("connected components agree with Boost.Graph on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    // Mean degree about 1: many components of many sizes.
    check_against_boost(random_graph(300, 1.0 / 299, seed));
  }
}

TEST_CASE("parallel connected components agree with Boost.Graph", "[unit]") {
  // Over 2^14 nodes, so that every pass runs in parallel: a giant component (mean degree
  // 3, so many nodes hook under neighbours that are not their components' smallest) and
  // many small ones and isolated nodes outside it; then mean degree 0.8, no giant.
  const int saved = village::thread_count();
  village::set_thread_count(2);
  for (const double mean_degree : {3.0, 0.8}) {
    INFO("mean degree " << mean_degree);
    const CsrLayer layer = random_graph(40000, mean_degree / 40000, 5);
    check_against_boost(layer);
    // Weak components of a directed layer: each edge as one arc, from its smaller node to
    // its larger, so that no first arc leads to a smaller node and only one end sees it.
    std::vector<EdgeRecord> arcs;
    for (NodeId v = 0; v < layer.node_count(); ++v)
      for (NodeId u : layer.neighbours(v))
        if (u < v) arcs.push_back({u, v});
    const CsrLayer directed =
        CsrLayer::from_edges(layer.node_count(), arcs, village::Direction::directed);
    CHECK(connected_components(directed).membership == connected_components(layer).membership);
  }
  village::set_thread_count(saved);
}

TEST_CASE("connected components do not depend on the thread count", "[unit]") {
  // Large enough (over 2^14 nodes) for the parallel union-find to run.
  const CsrLayer layer = random_graph(60000, 1.2 / 60000, 3);
  const auto [one, two] =
      at_one_and_two_threads([&] { return connected_components(layer).membership; });
  CHECK(one == two);
}
