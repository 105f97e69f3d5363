// Independent cascade against its live-edge representation (Kempe, Kleinberg & Tardos
// 2003, KDD, doi:10.1145/956750.956769): the expected final number of active agents
// equals the expected number of agents reachable from the seeds when each arc u->v is
// kept independently with its activation probability.

#include "models/independent_cascade.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "model_test_support.hpp"
#include "sim/error.hpp"

namespace {

using village::EdgeRecord;
using village::NodeId;

// Eight agents, nine edges: a triangle, a square and a tail, so several paths compete.
// Weights differ per edge for the weighted variant.
village::CsrLayer small_graph() {
  const std::vector<EdgeRecord> edges{{0, 1, 1.0f}, {1, 2, 0.5f}, {2, 0, 0.8f},
                                      {2, 3, 0.9f}, {3, 4, 0.6f}, {4, 5, 1.0f},
                                      {5, 6, 0.7f}, {6, 3, 0.4f}, {6, 7, 0.9f}};
  return village::CsrLayer::from_edges(8, edges, village::Direction::undirected, true);
}

struct LiveArc {
  EdgeRecord arc;      // u -> v: u can activate v
  double probability;  // of being live
};

// The arcs of the live-edge graph as the model draws them: agent v is reached from
// neighbour u with probability p, times the weight of v's arc to u when weighted.
std::vector<LiveArc> live_arcs(const village::CsrLayer& layer, double p, bool weighted) {
  const auto weights = layer.attribute("weight");
  std::vector<LiveArc> arcs;
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    for (auto a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
      const double chance = weighted ? std::min(1.0, p * weights[a]) : p;
      arcs.push_back({{layer.targets()[a], v, 1.f}, chance});
    }
  }
  return arcs;
}

// Exact expected spread from `seed`: every subset of the arcs, each kept independently.
double exact_expected_spread(NodeId nodes, const std::vector<LiveArc>& arcs, NodeId seed) {
  REQUIRE(arcs.size() < 24);
  double expected = 0;
  double total_probability = 0;
  for (std::uint32_t mask = 0; mask < (1u << arcs.size()); ++mask) {
    std::vector<EdgeRecord> kept;
    double probability = 1;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
      const bool keep = (mask >> a) & 1u;
      probability *= keep ? arcs[a].probability : 1 - arcs[a].probability;
      if (keep) kept.push_back(arcs[a].arc);
    }
    total_probability += probability;
    expected += probability * village_test::reachable(nodes, kept, seed);
  }
  REQUIRE(total_probability == Approx(1.0).margin(1e-12));
  return expected;
}

village::ParamValues cascade_values(double p, bool weighted) {
  auto values = village_test::defaults_of("independent_cascade");
  values.set("probability", p);
  values.set("use_weights", weighted);
  return values;
}

std::unique_ptr<village::Model> cascade_from(const village::ParamValues& values,
                                             std::vector<NodeId> seeds) {
  auto model = village::find_model("independent_cascade")->make(values);
  dynamic_cast<village::IndependentCascadeModel&>(*model).set_initial_agents(std::move(seeds));
  return model;
}

}  // namespace

TEST_CASE("independent cascade: expected spread equals live-edge reachability",
          "[validation][statistical]") {
  // p = 0.4, seed agent 0; 2^18 live-arc subsets enumerated. 20,000 replicates through
  // the runner (each its own RandomStream(seed, run)); a cascade on 8 agents ends within
  // 7 steps. The spread's standard deviation is about 2 agents, so the standard error is
  // about 0.015: 4 of them leave a false alarm chance of 6e-5 while a bias of 0.1 agent
  // would still be caught.
  const auto layer = small_graph();
  const double p = 0.4;
  const double exact = exact_expected_spread(8, live_arcs(layer, p, false), 0);
  const village::RunPlan plan{.seed = 77, .replicates = 20000, .steps = 8, .record_every = 8};
  const auto values = cascade_values(p, false);
  const auto records = village::run_replicates(
      plan, [&](const village::RandomStream&) { return village_test::world_of(layer); },
      [&] { return cascade_from(values, {0}); });
  const auto estimate = village_test::replicate_mean(plan.replicates, [&](std::uint64_t run) {
    return village_test::recorded(records[run], "active", plan.steps) * 8;
  });
  for (const auto& record : records)
    REQUIRE(village_test::recorded(record, "newly_active", plan.steps) == 0.0);
  INFO("exact " << exact << ", simulated " << estimate.mean << " +- " << estimate.standard_error);
  CHECK(std::abs(estimate.mean - exact) < 4 * estimate.standard_error);
  CHECK(estimate.standard_error < 0.03);
}

TEST_CASE("weighted independent cascade: expected spread equals live-edge reachability",
          "[validation][statistical]") {
  // Arc probability p * weight (Kempe et al. 2003, section 2), p = 0.7 and weights
  // 0.4-1.0; same tolerance argument as above, 20,000 replicates.
  const auto layer = small_graph();
  const double p = 0.7;
  const double exact = exact_expected_spread(8, live_arcs(layer, p, true), 0);
  const auto values = cascade_values(p, true);
  const auto estimate = village_test::replicate_mean(20000, [&](std::uint64_t run) {
    auto model = cascade_from(values, {0});
    auto world = village_test::world_of(layer);
    village_test::advance(*model, world, village::RandomStream(79, run), 8);
    return village_test::observed(*model, world, "active") * 8;
  });
  INFO("exact " << exact << ", simulated " << estimate.mean << " +- " << estimate.standard_error);
  CHECK(std::abs(estimate.mean - exact) < 4 * estimate.standard_error);
  // The weights matter: unweighted p = 0.7 would spread further.
  CHECK(exact_expected_spread(8, live_arcs(layer, p, false), 0) - exact > 0.3);
}

TEST_CASE("independent cascade: active agents stay active and each gets one chance", "[unit]") {
  // A path 0-1-2 with p = 1: the cascade reaches 1 at step 1, 2 at step 2, then stops.
  const std::vector<EdgeRecord> edges{{0, 1, 1.f}, {1, 2, 1.f}};
  auto world = village_test::world_of(
      village::CsrLayer::from_edges(3, edges, village::Direction::undirected));
  auto model = cascade_from(cascade_values(1.0, false), {0});
  const village::RandomStream rng(1, 0);
  model->initialize(world, rng);
  const std::vector<double> active{1.0 / 3, 2.0 / 3, 1.0, 1.0};
  const std::vector<double> fresh{1.0 / 3, 1.0 / 3, 1.0 / 3, 0.0};
  for (std::uint64_t t = 0; t < active.size(); ++t) {
    INFO("step " << t);
    CHECK(village_test::observed(*model, world, "active") == Approx(active[t]));
    CHECK(village_test::observed(*model, world, "newly_active") == Approx(fresh[t]));
    model->step(world, village::StepContext{rng, t});
  }
  // p = 0: nobody beyond the seed.
  auto silent = cascade_from(cascade_values(0.0, false), {1});
  village_test::advance(*silent, world, rng, 5);
  CHECK(village_test::observed(*silent, world, "active") == Approx(1.0 / 3));
}

TEST_CASE("independent cascade refuses use_weights on an unweighted layer", "[unit]") {
  auto world = village_test::world_of(village::complete_graph(5));
  auto model = village::find_model("independent_cascade")->make(cascade_values(0.5, true));
  CHECK_THROWS_AS(model->initialize(world, village::RandomStream(1, 0)), village::InputError);
}

TEST_CASE("independent cascade parameter registry", "[unit]") {
  village_test::check_registry_entry("independent_cascade");
}
