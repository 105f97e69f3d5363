#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/network/bridges.hpp"
#include "analysis/network/brokerage.hpp"
#include "analysis/network/components.hpp"
#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

namespace {

// Burt's formulas over a dense weight matrix, term by term.
Brokerage brute_force_brokerage(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  const auto weights = arc_weights(layer);
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
  for (NodeId v = 0; v < n; ++v)
    for (auto a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      w[v][layer.targets()[a]] = weight_of(weights, a);
  const auto p = [&](NodeId i, NodeId j) {
    double total = 0;
    for (NodeId k = 0; k < n; ++k)
      total += w[i][k];
    return w[i][j] / total;
  };
  const auto m = [&](NodeId j, NodeId q) {
    double strongest = 0;
    for (NodeId k = 0; k < n; ++k)
      strongest = std::max(strongest, w[j][k]);
    return w[j][q] / strongest;
  };
  Brokerage result{Scores(n, NAN), Scores(n, NAN)};
  for (NodeId i = 0; i < n; ++i) {
    if (layer.degree(i) == 0) continue;
    double c = 0, e = 0;
    for (NodeId j : layer.neighbours(i)) {
      double indirect = 0, redundancy = 0;
      for (NodeId q : layer.neighbours(i)) {
        if (q == j) continue;
        indirect += p(i, q) * p(q, j);
        redundancy += p(i, q) * m(j, q);
      }
      c += (p(i, j) + indirect) * (p(i, j) + indirect);
      e += 1 - redundancy;
    }
    result.constraint[i] = c;
    result.effective_size[i] = e;
  }
  return result;
}

}  // namespace

TEST_CASE("constraint and effective size on hand-computable graphs", "[unit]") {
  const Brokerage star = brokerage(star_graph(5));
  CHECK(star.constraint[0] == Approx(0.25));  // 4 x (1/4)^2
  CHECK(star.constraint[1] == Approx(1.0));
  CHECK(star.effective_size[0] == Approx(4.0));
  CHECK(star.effective_size[1] == Approx(1.0));
  // K5: p = 1/4, indirect 3/16, term 7/16; c = 4 (7/16)^2; effective size d - 2t/d = 1.
  const Brokerage k5 = brokerage(complete(5));
  CHECK(k5.constraint[2] == Approx(4 * 49.0 / 256));
  CHECK(k5.effective_size[2] == Approx(1.0));
  const Brokerage isolated = brokerage(undirected(3, {{0, 1}}));
  CHECK(std::isnan(isolated.constraint[2]));
  CHECK(std::isnan(isolated.effective_size[2]));
}

TEST_CASE("constraint and effective size agree with Burt's formulas on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const CsrLayer layer =
        seed % 2 ? random_weighted_graph(40, 0.15, seed) : random_graph(40, 0.15, seed);
    const Brokerage fast = brokerage(layer);
    const Brokerage slow = brute_force_brokerage(layer);
    for (NodeId v = 0; v < 40; ++v) {
      if (std::isnan(slow.constraint[v])) {
        REQUIRE(std::isnan(fast.constraint[v]));
        continue;
      }
      REQUIRE(fast.constraint[v] == Approx(slow.constraint[v]).margin(1e-12));
      REQUIRE(fast.effective_size[v] == Approx(slow.effective_size[v]).margin(1e-12));
    }
  }
}

TEST_CASE("bridges on hand-computable graphs", "[unit]") {
  using Edge = std::pair<NodeId, NodeId>;
  CHECK(bridges(path_graph(4)) == std::vector<Edge>{{0, 1}, {1, 2}, {2, 3}});
  CHECK(bridges(cycle_graph(5)).empty());
  CHECK(bridges(two_cliques(4)) == std::vector<Edge>{{3, 4}});
  CHECK(bridges(star_graph(4)).size() == 3);
}

TEST_CASE("bridges agree with edge deletion on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 15; ++seed) {
    const CsrLayer layer = random_graph(50, 0.05, seed);
    const std::size_t base = connected_components(layer).count();
    std::vector<std::pair<NodeId, NodeId>> expected;
    std::vector<EdgeRecord> all;
    for (NodeId v = 0; v < 50; ++v)
      for (NodeId u : layer.neighbours(v))
        if (u > v) all.push_back({v, u});
    for (std::size_t skip = 0; skip < all.size(); ++skip) {
      std::vector<EdgeRecord> rest = all;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(skip));
      if (connected_components(undirected(50, rest)).count() > base)
        expected.emplace_back(all[skip].source, all[skip].target);
    }
    REQUIRE(bridges(layer) == expected);
  }
}

TEST_CASE("share of ties across communities", "[unit]") {
  const CsrLayer layer = two_cliques(4);  // 13 edges, one across
  const CrossCommunityTies cross = cross_community_ties(layer, {0, 0, 0, 0, 1, 1, 1, 1});
  CHECK(cross.share == Approx(1.0 / 13));
  CHECK(cross.node_share[3] == Approx(0.25));
  CHECK(cross.node_share[0] == 0.0);
}
