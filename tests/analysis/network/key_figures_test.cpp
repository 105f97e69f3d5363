#include <catch2/catch.hpp>
#include <cmath>

#include "analysis/network/influence_maximisation.hpp"
#include "analysis/network/key_figure_selection.hpp"
#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

namespace {

// Two stars: centre 0 with leaves 1..5, centre 6 with leaves 7..9.
CsrLayer two_stars() {
  std::vector<EdgeRecord> edges;
  for (NodeId v = 1; v <= 5; ++v)
    edges.push_back({0, v});
  for (NodeId v = 7; v <= 9; ++v)
    edges.push_back({6, v});
  return undirected(10, edges);
}

}  // namespace

TEST_CASE("top-k and lowest-k break ties by node id and skip NaN", "[unit]") {
  const Scores scores{1.0, 3.0, NAN, 3.0, 0.5};
  CHECK(top_k(scores, 2) == std::vector<NodeId>{1, 3});
  CHECK(top_k(scores, 10) == std::vector<NodeId>{1, 3, 0, 4});
  CHECK(lowest_k(scores, 2) == std::vector<NodeId>{4, 0});
}

TEST_CASE("one key figure per community: the bridging member", "[unit]") {
  const CsrLayer layer = two_cliques(4);
  CHECK(one_per_community(layer, {0, 0, 0, 0, 1, 1, 1, 1}) == std::vector<NodeId>{3, 4});
  // Without cross ties the highest degree, then the smallest id, wins.
  CHECK(one_per_community(two_stars(), {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}) ==
        std::vector<NodeId>{0, 6});
}

TEST_CASE("friend nomination names friends, deterministically for a seed", "[unit]") {
  const CsrLayer layer = random_graph(300, 0.02, 4);
  const village::RandomStream rng(5, 0);
  const auto chosen = friend_nomination(layer, 20, rng);
  CHECK(chosen.size() == 20);
  CHECK(chosen == friend_nomination(layer, 20, rng));
  CHECK(chosen != friend_nomination(layer, 20, village::RandomStream(6, 0)));
  std::vector<NodeId> sorted = chosen;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());  // distinct
  // Friendship paradox: nominees have a higher mean degree than the population.
  double nominee_degree = 0;
  for (NodeId v : chosen)
    nominee_degree += layer.degree(v);
  CHECK(nominee_degree / 20 > 2.0 * static_cast<double>(layer.edge_count()) / 300);
  // In a star every nomination by a leaf names the centre.
  CHECK(friend_nomination(star_graph(8), 1, rng) == std::vector<NodeId>{0});
}

TEST_CASE("CELF and IMM pick the star centres when every tie transmits", "[unit]") {
  const CsrLayer layer = two_stars();
  const village::RandomStream rng(1, 0);
  CelfOptions celf_options;
  celf_options.k = 2;
  celf_options.probability = 1.0;
  celf_options.samples = 20;
  const InfluenceSeeds greedy = celf(layer, celf_options, rng);
  CHECK(greedy.seeds == std::vector<NodeId>{0, 6});
  CHECK(greedy.estimated_spread == Approx(10.0));
  ImmOptions imm_options;
  imm_options.k = 2;
  imm_options.probability = 1.0;
  imm_options.epsilon = 0.3;
  const InfluenceSeeds sampled = imm(layer, imm_options, rng);
  CHECK(sampled.seeds == std::vector<NodeId>{0, 6});
  CHECK(sampled.estimated_spread == Approx(10.0));
}

TEST_CASE("CELF and IMM agree with Monte Carlo spread and are reproducible", "[unit]") {
  const CsrLayer layer = random_graph(400, 0.01, 21);
  const village::RandomStream rng(2, 0);
  CelfOptions celf_options;
  celf_options.k = 5;
  celf_options.probability = 0.2;
  celf_options.samples = 200;
  const auto [c1, c2] =
      at_one_and_two_threads([&] { return celf(layer, celf_options, rng).seeds; });
  CHECK(c1 == c2);
  ImmOptions imm_options;
  imm_options.k = 5;
  imm_options.probability = 0.2;
  imm_options.epsilon = 0.2;
  const auto [i1, i2] = at_one_and_two_threads([&] { return imm(layer, imm_options, rng).seeds; });
  CHECK(i1 == i2);
  const InfluenceSeeds result = imm(layer, imm_options, rng);
  const double celf_spread = independent_cascade_spread(layer, c1, 0.2, 4000, rng);
  const double imm_spread = independent_cascade_spread(layer, result.seeds, 0.2, 4000, rng);
  const double top_degree_spread = independent_cascade_spread(layer,
                                                              top_k(
                                                                  [&] {
                                                                    Scores d(400);
                                                                    for (NodeId v = 0; v < 400; ++v)
                                                                      d[v] = layer.degree(v);
                                                                    return d;
                                                                  }(),
                                                                  5),
                                                              0.2, 4000, rng);
  // IMM's own estimate is close to an independent Monte Carlo estimate, and both greedy
  // methods do at least about as well as the top-degree heuristic.
  CHECK(result.estimated_spread == Approx(imm_spread).epsilon(0.1));
  CHECK(imm_spread >= 0.95 * top_degree_spread);
  CHECK(celf_spread >= 0.95 * top_degree_spread);
  CHECK(imm_spread == Approx(celf_spread).epsilon(0.1));
}
