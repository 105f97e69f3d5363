#include "analysis/network/clustering.hpp"

#include <catch2/catch.hpp>

#include "analysis/network/assortativity.hpp"
#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

TEST_CASE("clustering on hand-computable graphs", "[unit]") {
  const Clustering k5 = clustering(complete(5));
  CHECK(k5.triangles[0] == 6);
  CHECK(k5.local[2] == Approx(1.0));
  CHECK(k5.transitivity == Approx(1.0));
  const Clustering star = clustering(star_graph(6));
  CHECK(star.local[0] == 0.0);
  CHECK(star.transitivity == 0.0);
  CHECK(clustering(path_graph(4)).average_local == 0.0);
  // Two K4 joined by the bridge (3, 4): node 3 has degree 4 and 3 triangles: 3 / 6.
  const Clustering two = clustering(two_cliques(4));
  CHECK(two.local[3] == Approx(0.5));
  CHECK(two.local[0] == Approx(1.0));
  CHECK(two.average_local == Approx((6 * 1.0 + 2 * 0.5) / 8));
  // Triangles 8 x 3 counted per node = 24; triples: 6 nodes x 3 + 2 nodes x 6 = 30.
  CHECK(two.transitivity == Approx(24.0 / 30.0));
}

TEST_CASE("clustering agrees with triple enumeration on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const CsrLayer layer = random_graph(60, 0.15, seed);
    const Clustering c = clustering(layer);
    std::uint64_t closed = 0;
    std::uint64_t triples = 0;
    for (NodeId v = 0; v < layer.node_count(); ++v) {
      const auto row = layer.neighbours(v);
      std::uint64_t links = 0;
      for (std::size_t a = 0; a < row.size(); ++a)
        for (std::size_t b = a + 1; b < row.size(); ++b)
          links += layer.has_arc(row[a], row[b]) ? 1 : 0;
      REQUIRE(c.triangles[v] == links);
      const double size = static_cast<double>(row.size());
      const double pairs = size * (size - 1.0) / 2;
      REQUIRE(c.local[v] == Approx(pairs > 0 ? static_cast<double>(links) / pairs : 0.0));
      closed += links;
      triples += static_cast<std::uint64_t>(pairs);
    }
    CHECK(c.transitivity == Approx(static_cast<double>(closed) / static_cast<double>(triples)));
  }
}

TEST_CASE("degree assortativity", "[unit]") {
  CHECK(degree_assortativity(star_graph(6)) == Approx(-1.0));
  CHECK(std::isnan(degree_assortativity(complete(5))));  // every edge joins equal degrees
  // Path of 4: arcs (1,2) (2,1) (2,2) (2,2) (2,1) (1,2): Pearson by hand = -1/2.
  CHECK(degree_assortativity(path_graph(4)) == Approx(-0.5));
  // Against the Pearson correlation over the arc list.
  const CsrLayer layer = random_graph(200, 0.03, 5);
  double sx = 0, sxx = 0, sxy = 0, count = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v)
    for (NodeId u : layer.neighbours(v)) {
      const double x = layer.degree(v), y = layer.degree(u);
      sx += x;
      sxx += x * x;
      sxy += x * y;
      count += 1;
    }
  const double mean = sx / count;
  const double expected = (sxy / count - mean * mean) / (sxx / count - mean * mean);
  CHECK(degree_assortativity(layer) == Approx(expected).epsilon(1e-9));
}
