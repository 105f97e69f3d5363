#include "analysis/network/betweenness.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/network/closeness.hpp"
#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

namespace {

// B(v) = sum over unordered pairs {s, t} not containing v of sigma_st(v) / sigma_st.
Scores brute_force_betweenness(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  const auto d = all_distances(layer);
  const auto sigma = shortest_path_counts(layer, d);
  Scores result(n, 0.0);
  for (NodeId v = 0; v < n; ++v)
    for (NodeId s = 0; s < n; ++s)
      for (NodeId t = s + 1; t < n; ++t) {
        if (s == v || t == v || d[s][t] == kUnreachable) continue;
        if (d[s][v] != kUnreachable && d[v][t] != kUnreachable && d[s][v] + d[v][t] == d[s][t])
          result[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
      }
  return result;
}

}  // namespace

TEST_CASE("betweenness on hand-computable graphs", "[unit]") {
  // Path 0-1-2-3-4: node i lies on i (4 - i) pairs.
  CHECK(betweenness(path_graph(5)) == Scores{0, 3, 4, 3, 0});
  // Star: the centre lies on every pair of leaves, C(n-1, 2).
  const Scores star = betweenness(star_graph(6));
  CHECK(star[0] == Approx(10.0));
  CHECK(star[3] == 0.0);
  CHECK(betweenness(complete(5)) == Scores(5, 0.0));
  // Two K4 joined by (3, 4): 3 lies on the pairs (a, x), a in {0,1,2}, x in {4..7}: 12.
  const Scores two = betweenness(two_cliques(4));
  CHECK(two[3] == Approx(12.0));
  CHECK(two[4] == Approx(12.0));
  CHECK(two[0] == 0.0);
  // Cycle of 4: each node is on one of the two shortest paths between its neighbours.
  CHECK(betweenness(cycle_graph(4)) == Scores{0.5, 0.5, 0.5, 0.5});
  const Scores normalized = normalized_betweenness(star, star_graph(6));
  CHECK(normalized[0] == Approx(1.0));
}

TEST_CASE("betweenness agrees with brute force on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 15; ++seed) {
    const CsrLayer layer = random_graph(40, 0.08 + 0.01 * static_cast<double>(seed), seed);
    const Scores fast = betweenness(layer);
    const Scores slow = brute_force_betweenness(layer);
    for (NodeId v = 0; v < layer.node_count(); ++v)
      REQUIRE(fast[v] == Approx(slow[v]).margin(1e-9));
  }
}

TEST_CASE("directed betweenness counts ordered pairs", "[unit]") {
  // 0 -> 1 -> 2 and back 2 -> 1 -> 0: node 1 lies on (0,2) and (2,0).
  const CsrLayer layer = CsrLayer::from_edges(
      3, std::vector<EdgeRecord>{{0, 1}, {1, 2}, {2, 1}, {1, 0}}, village::Direction::directed);
  CHECK(betweenness(layer) == Scores{0, 2, 0});
  const CsrLayer one_way = CsrLayer::from_edges(3, std::vector<EdgeRecord>{{0, 1}, {1, 2}},
                                                village::Direction::directed);
  CHECK(betweenness(one_way) == Scores{0, 1, 0});
}

TEST_CASE("betweenness is bit-identical at 1 and 2 threads", "[unit]") {
  const CsrLayer layer = random_graph(500, 0.02, 9);
  const auto [one, two] = at_one_and_two_threads([&] { return betweenness(layer); });
  CHECK(one == two);
  const village::RandomStream rng(4, 0);
  const auto [s1, s2] =
      at_one_and_two_threads([&] { return sampled_betweenness(layer, 50, rng).values; });
  CHECK(s1 == s2);
}

TEST_CASE("sampled betweenness meets its stated error bound", "[unit][statistical]") {
  const CsrLayer layer = random_graph(400, 0.02, 11);
  const Scores exact = betweenness(layer);
  const std::uint64_t samples = samples_for_error(layer.node_count(), 0.05, 0.01);
  const SampledBetweenness estimate =
      sampled_betweenness(layer, samples, village::RandomStream(12, 0), 0.01);
  CHECK(estimate.samples == samples);
  CHECK(estimate.epsilon == Approx(0.05 * 400.0 / 399.0).epsilon(1e-3));
  double worst = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v)
    worst = std::max(worst, std::abs(estimate.values[v] - exact[v]));
  CHECK(worst <= estimate.absolute_error);
  // And it is a real estimate, not a loose bound met trivially: the largest value is
  // within 25% of the exact one.
  const auto top = std::max_element(exact.begin(), exact.end()) - exact.begin();
  CHECK(estimate.values[top] == Approx(exact[top]).epsilon(0.25));
  // Same seed, same estimate; another seed, another one.
  CHECK(sampled_betweenness(layer, 64, village::RandomStream(1, 0)).values ==
        sampled_betweenness(layer, 64, village::RandomStream(1, 0)).values);
  CHECK(sampled_betweenness(layer, 64, village::RandomStream(1, 0)).values !=
        sampled_betweenness(layer, 64, village::RandomStream(2, 0)).values);
}

TEST_CASE("closeness and harmonic centrality on hand-computable graphs", "[unit]") {
  const Closeness path = closeness(path_graph(3));
  CHECK(path.closeness == Scores{2.0 / 3, 1.0, 2.0 / 3});
  CHECK(path.harmonic[0] == Approx((1 + 0.5) / 2));
  const Closeness star = closeness(star_graph(5));
  CHECK(star.closeness[0] == Approx(1.0));
  CHECK(star.closeness[1] == Approx(4.0 / 7.0));  // 1 + 2 + 2 + 2
  // Isolated node: 0; a pair: closeness 1 within its component, harmonic 1 / (n - 1).
  const Closeness split = closeness(undirected(3, {{0, 1}}));
  CHECK(split.closeness == Scores{1.0, 1.0, 0.0});
  CHECK(split.harmonic == Scores{0.5, 0.5, 0.0});
}

TEST_CASE("closeness agrees with Floyd-Warshall on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const CsrLayer layer = random_graph(50, 0.05, seed);  // often disconnected
    const auto d = all_distances(layer);
    const Closeness c = closeness(layer);
    for (NodeId v = 0; v < layer.node_count(); ++v) {
      double sum = 0, inverse = 0, reached = 0;
      for (NodeId u = 0; u < layer.node_count(); ++u)
        if (u != v && d[v][u] != kUnreachable) {
          sum += d[v][u];
          inverse += 1.0 / d[v][u];
          reached += 1;
        }
      REQUIRE(c.closeness[v] == Approx(sum > 0 ? reached / sum : 0.0));
      REQUIRE(c.harmonic[v] == Approx(inverse / 49));
    }
  }
}
