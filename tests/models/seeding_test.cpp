// The seeding rules (models/seeding.hpp) on graphs where the right choice is known by
// hand, and committed seeds in the opinion and threshold models.

#include "models/seeding.hpp"

#include <catch2/catch.hpp>

#include "model_test_support.hpp"
#include "models/deffuant.hpp"
#include "models/degroot.hpp"
#include "models/hegselmann_krause.hpp"
#include "models/independent_cascade.hpp"
#include "models/linear_threshold.hpp"
#include "sim/parallel.hpp"

using village::CsrLayer;
using village::Direction;
using village::EdgeRecord;
using village::NodeId;
using village::ParamValues;
using village::RandomStream;
using village::World;
using village_test::world_of;

namespace {

constexpr std::uint64_t kPurpose = village::purpose("test.seed");

CsrLayer undirected(NodeId n, const std::vector<EdgeRecord>& edges) {
  return CsrLayer::from_edges(n, edges, Direction::undirected);
}

// Centre 0 and leaves 1..6.
CsrLayer star() {
  std::vector<EdgeRecord> edges;
  for (NodeId leaf = 1; leaf <= 6; ++leaf)
    edges.push_back({0, leaf});
  return undirected(7, edges);
}

// Cliques {0..4} and {5..9} joined by the bridge 4-5.
CsrLayer two_cliques() {
  std::vector<EdgeRecord> edges;
  for (NodeId base : {0u, 5u}) {
    for (NodeId a = base; a < base + 5; ++a)
      for (NodeId b = a + 1; b < base + 5; ++b)
        edges.push_back({a, b});
  }
  edges.push_back({4, 5});
  return undirected(10, edges);
}

// 0 - 1 - 2 - ... - 6.
CsrLayer path() {
  std::vector<EdgeRecord> edges;
  for (NodeId v = 0; v + 1 < 7; ++v)
    edges.push_back({v, v + 1});
  return undirected(7, edges);
}

ParamValues seeding(const std::string& rule, std::int64_t count) {
  ParamValues values(village::seeding_params());
  values.set("seeding", rule);
  values.set("initial_count", static_cast<double>(count));
  return values;
}

std::vector<NodeId> seeds_of(const World& world, const ParamValues& values,
                             std::uint64_t seed = 1) {
  return village::choose_seeds(world, world.layer("network"), values, RandomStream(seed, 0),
                               kPurpose, 0.0);
}

std::vector<NodeId> seeds_of(const CsrLayer& layer, const std::string& rule, std::int64_t count,
                             std::uint64_t seed = 1) {
  return seeds_of(world_of(layer), seeding(rule, count), seed);
}

}  // namespace

TEST_CASE("seeding: the centrality rules pick the centre of a star", "[unit]") {
  for (const char* rule : {"top_degree", "top_betweenness", "top_eigenvector", "top_pagerank",
                           "top_kcore", "celf", "imm"}) {
    INFO(rule);
    CHECK(seeds_of(star(), rule, 1) == std::vector<NodeId>{0});
  }
  // Ties among the leaves go to the smaller ids.
  CHECK(seeds_of(star(), "top_degree", 3) == std::vector<NodeId>{0, 1, 2});
}

TEST_CASE("seeding: betweenness and one per community pick the bridge of two cliques", "[unit]") {
  CHECK(seeds_of(two_cliques(), "top_betweenness", 2) == std::vector<NodeId>{4, 5});
  // Each clique is a community; its member with a tie to the other is its bridge.
  CHECK(seeds_of(two_cliques(), "one_per_community", 2) == std::vector<NodeId>{4, 5});
  // Beyond one per community the rest come by degree, then the smaller id.
  CHECK(seeds_of(two_cliques(), "one_per_community", 3) == std::vector<NodeId>{0, 4, 5});
  // Degree alone ties the bridge ends with nobody: they have 5 ties, the rest 4.
  CHECK(seeds_of(two_cliques(), "top_degree", 2) == std::vector<NodeId>{4, 5});
}

TEST_CASE("seeding: k-core prefers the dense core to a hub of leaves", "[unit]") {
  // A 4-clique {0..3}, a hub 4 tied to 0 and to the leaves 5..10.
  std::vector<EdgeRecord> edges;
  for (NodeId a = 0; a < 4; ++a)
    for (NodeId b = a + 1; b < 4; ++b)
      edges.push_back({a, b});
  edges.push_back({0, 4});
  for (NodeId leaf = 5; leaf <= 10; ++leaf)
    edges.push_back({4, leaf});
  const CsrLayer layer = undirected(11, edges);
  CHECK(seeds_of(layer, "top_degree", 1) == std::vector<NodeId>{4});
  // Core 3 for the clique; within it node 0 has the most ties.
  CHECK(seeds_of(layer, "top_kcore", 1) == std::vector<NodeId>{0});
  CHECK(seeds_of(layer, "top_kcore", 4) == std::vector<NodeId>{0, 1, 2, 3});
}

TEST_CASE("seeding: a neighbourhood is the centre and its nearest agents", "[unit]") {
  World world = world_of(path());
  ParamValues values = seeding("neighbourhood", 3);
  values.set("seeding_centre", std::string("3"));
  CHECK(seeds_of(world, values) == std::vector<NodeId>{2, 3, 4});
  values.set("initial_count", 4.0);  // breadth first: 3, then 2 and 4, then 1 (smaller id)
  CHECK(seeds_of(world, values) == std::vector<NodeId>{1, 2, 3, 4});
  // Without a centre one is drawn; the seeds are still a contiguous stretch of the path.
  values.set("seeding_centre", std::string());
  values.set("initial_count", 3.0);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto chosen = seeds_of(world, values, seed);
    REQUIRE(chosen.size() == 3);
    CHECK(chosen[2] - chosen[0] == 2);
  }
}

TEST_CASE("seeding: friend nomination names the centre of a star", "[unit]") {
  // The first person asked is a leaf with probability 6/7, and every leaf names the
  // centre. Over 200 runs the share has standard deviation 0.025: [0.75, 0.95] is more
  // than 4 of them either side.
  int centre = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed)
    centre += seeds_of(star(), "friend_nomination", 1, seed) == std::vector<NodeId>{0};
  CHECK(centre / 200.0 > 0.75);
  CHECK(centre / 200.0 < 0.95);
  // Random seeding picks the centre with probability 1/7.
  int random_centre = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed)
    random_centre += seeds_of(star(), "random", 1, seed) == std::vector<NodeId>{0};
  CHECK(random_centre / 200.0 < 0.25);
}

TEST_CASE("seeding: random keeps the uniform draw of the agents' keys", "[unit]") {
  const World world = world_of(path());
  const auto values = seeding("random", 3);
  const RandomStream rng(9, 2);
  CHECK(village::choose_seeds(world, world.layer("network"), values, rng, kPurpose, 0.0) ==
        village::choose_initial_agents(7, 3, rng, kPurpose));
  // A share: round(0.5 x 7) = 4 agents.
  ParamValues share(village::seeding_params());
  share.set("initial_fraction", 0.5);
  CHECK(seeds_of(world, share).size() == 4);
}

TEST_CASE("seeding: a seeding file's agents, whatever the count", "[unit]") {
  World world = world_of(path());
  auto& flags = world.population.real_column(village::kSeedFileColumn);
  flags[1] = flags[5] = 1.0;
  CHECK(seeds_of(world, seeding("file", 3)) == std::vector<NodeId>{1, 5});
  World without = world_of(path());
  CHECK_THROWS(seeds_of(without, seeding("file", 3)));
}

TEST_CASE("seeding: the seeds and the cascade from them do not depend on the thread count",
          "[unit]") {
  const CsrLayer layer = village::watts_strogatz(2000, 6, 0.1, RandomStream(3, 0));  // small world
  std::vector<std::vector<NodeId>> seeds;
  std::vector<double> spread;
  for (int threads : {1, 2}) {
    village::set_thread_count(threads);
    for (const char* rule : {"imm", "celf", "one_per_community", "friend_nomination",
                             "top_betweenness", "top_pagerank"}) {
      ParamValues values = village_test::defaults_of("independent_cascade");
      values.set("seeding", std::string(rule));
      values.set("initial_count", 10.0);
      values.set("seeding_samples", 50.0);
      auto model = village::find_model("independent_cascade")->make(values);
      World world = world_of(layer);
      village_test::advance(*model, world, RandomStream(5, 0), 30);
      spread.push_back(village_test::observed(*model, world, "active"));
      seeds.push_back(seeds_of(world, values, 5));
    }
  }
  village::set_thread_count(0);
  const std::size_t half = seeds.size() / 2;
  for (std::size_t i = 0; i < half; ++i) {
    CHECK(seeds[i] == seeds[half + i]);
    CHECK(seeds[i].size() == 10);
    CHECK(spread[i] == spread[half + i]);
  }
}

TEST_CASE("committed seeds pull DeGroot averaging to their opinion", "[unit]") {
  ParamValues values = village_test::defaults_of("degroot");
  values.set("initial_count", 3.0);
  values.set("seed_opinion", 1.0);
  auto model = village::find_model("degroot")->make(values);
  World world = world_of(two_cliques());
  village_test::advance(*model, world, RandomStream(4, 0), 400);
  const auto& opinions = static_cast<village::DeGrootModel&>(*model).opinions();
  // With committed agents at 1 the only fixed point is everyone at 1.
  CHECK(opinions.minCoeff() > 0.999);
  // Not committed, the seeds only start at 1 and the consensus lies below it.
  values.set("committed", false);
  auto free = village::find_model("degroot")->make(values);
  World again = world_of(two_cliques());
  village_test::advance(*free, again, RandomStream(4, 0), 400);
  CHECK(static_cast<village::DeGrootModel&>(*free).opinions().maxCoeff() < 0.99);
}

TEST_CASE("committed seeds never move in the bounded-confidence models", "[unit]") {
  for (const char* kind : {"deffuant", "hegselmann_krause"}) {
    INFO(kind);
    ParamValues values = village_test::defaults_of(kind);
    values.set("initial_count", 2.0);
    values.set("seed_opinion", 0.8);
    values.set("confidence", 0.6);                     // everyone within reach of everyone
    values.set("seeding", std::string("top_degree"));  // the bridge ends 4 and 5
    auto model = village::find_model(kind)->make(values);
    World world = world_of(two_cliques());
    village_test::advance(*model, world, RandomStream(6, 0), 200);
    const std::vector<double>& opinions =
        std::string(kind) == "deffuant"
            ? static_cast<village::DeffuantModel&>(*model).opinions()
            : static_cast<village::HegselmannKrauseModel&>(*model).opinions();
    CHECK(opinions[4] == 0.8);
    CHECK(opinions[5] == 0.8);
    // Everyone else is drawn to 0.8 by the committed pair.
    for (double x : opinions)
      CHECK(std::abs(x - 0.8) < 0.01);
  }
}

TEST_CASE("threshold seeds tip a complete graph only above the threshold", "[unit]") {
  const CsrLayer complete = village::complete_graph(20);
  for (const auto& [committed, all_active] :
       std::vector<std::pair<int, bool>>{{5, false}, {6, true}}) {
    INFO(committed);
    ParamValues values = village_test::defaults_of("linear_threshold");
    values.set("threshold_distribution", std::string("constant"));
    values.set("threshold", 0.3);
    values.set("seeding", std::string("top_degree"));
    values.set("initial_count", static_cast<double>(committed));
    auto model = village::find_model("linear_threshold")->make(values);
    World world = world_of(complete);
    village_test::advance(*model, world, RandomStream(2, 0), 10);
    // 5 of 19 others is 0.26 < 0.3: nobody follows; 6 of 19 is 0.32: everyone does.
    CHECK(village_test::observed(*model, world, "active") == (all_active ? 1.0 : 0.25));
    CHECK(static_cast<village::LinearThresholdModel&>(*model).active()[0] == 1);
  }
}
