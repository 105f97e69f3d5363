#include <catch2/catch.hpp>

#include "analysis/network/communities.hpp"
#include "analysis/network/kcore.hpp"
#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

namespace {

// core(v) = largest k with v in the k-core; the k-core by repeated deletion of nodes of
// degree < k.
std::vector<std::uint32_t> brute_force_cores(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  std::vector<std::uint32_t> core(n, 0);
  for (std::uint32_t k = 1; k <= n; ++k) {
    std::vector<char> alive(n, 1);
    bool changed = true;
    while (changed) {
      changed = false;
      for (NodeId v = 0; v < n; ++v) {
        if (!alive[v]) continue;
        std::uint32_t d = 0;
        for (NodeId u : layer.neighbours(v))
          d += alive[u];
        if (d < k) {
          alive[v] = 0;
          changed = true;
        }
      }
    }
    for (NodeId v = 0; v < n; ++v)
      if (alive[v]) core[v] = k;
  }
  return core;
}

}  // namespace

TEST_CASE("core numbers on hand-computable graphs", "[unit]") {
  CHECK(core_numbers(complete(5)) == std::vector<std::uint32_t>(5, 4));
  CHECK(core_numbers(path_graph(4)) == std::vector<std::uint32_t>(4, 1));
  CHECK(core_numbers(star_graph(6)) == std::vector<std::uint32_t>(6, 1));
  CHECK(core_numbers(two_cliques(5)) == std::vector<std::uint32_t>(10, 4));
  CHECK(core_numbers(undirected(3, {{0, 1}})) == std::vector<std::uint32_t>{1, 1, 0});
}

TEST_CASE("core numbers agree with repeated deletion on random graphs", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const CsrLayer layer = random_graph(60, 0.04 + 0.01 * static_cast<double>(seed % 8), seed);
    REQUIRE(core_numbers(layer) == brute_force_cores(layer));
  }
}

TEST_CASE("modularity by hand", "[unit]") {
  // Two K4 joined by a bridge, split at the bridge: m = 13; each side has 6 inner
  // edges and total degree 13: Q = 2 (6/13 - (13/26)^2) = 12/13 - 1/2.
  const CsrLayer layer = two_cliques(4);
  const std::vector<std::uint32_t> halves{0, 0, 0, 0, 1, 1, 1, 1};
  CHECK(modularity(layer, halves) == Approx(12.0 / 13 - 0.5));
  CHECK(modularity(layer, std::vector<std::uint32_t>(8, 0)) == Approx(0.0));
}

TEST_CASE("Leiden and Louvain find the two cliques, deterministically", "[unit]") {
  const CsrLayer layer = two_cliques(5);
  for (auto method : {CommunityMethod::leiden, CommunityMethod::louvain}) {
    const Communities found = detect_communities(layer, method, 42);
    CHECK(found.count == 2);
    CHECK(found.membership == std::vector<std::uint32_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1});
    CHECK(found.modularity == Approx(modularity(layer, found.membership)));
  }
  // Planted partition: the same seed gives the same partition, of high modularity.
  const std::vector<NodeId> blocks{100, 100, 100};
  const std::vector<double> p{0.2, 0.005, 0.005, 0.005, 0.2, 0.005, 0.005, 0.005, 0.2};
  const CsrLayer planted = village::stochastic_block_model(blocks, p, village::RandomStream(3, 0));
  const Communities a = detect_communities(planted, CommunityMethod::leiden, 7);
  const Communities b = detect_communities(planted, CommunityMethod::leiden, 7);
  CHECK(a.membership == b.membership);
  CHECK(a.count == 3);
  CHECK(a.modularity > 0.5);
}
