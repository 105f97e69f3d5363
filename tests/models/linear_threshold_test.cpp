// Linear threshold against its live-edge representation (Kempe, Kleinberg & Tardos 2003,
// KDD, doi:10.1145/956750.956769), Granovetter's (1978, AJS 83:1420) threshold crowd,
// and Watts's (2002, PNAS 99:5766) cascade window.

#include "models/linear_threshold.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "model_test_support.hpp"

namespace {

using village::EdgeRecord;
using village::NodeId;

// Eight agents, nine edges: a triangle, a square and a tail, so several paths compete.
village::CsrLayer small_graph() {
  const std::vector<EdgeRecord> edges{{0, 1, 1.0f}, {1, 2, 0.5f}, {2, 0, 0.8f},
                                      {2, 3, 0.9f}, {3, 4, 0.6f}, {4, 5, 1.0f},
                                      {5, 6, 0.7f}, {6, 3, 0.4f}, {6, 7, 0.9f}};
  return village::CsrLayer::from_edges(8, edges, village::Direction::undirected, true);
}

// Exact expected spread from `seed` in the live-edge graph of Kempe et al. (theorem 2.5):
// each agent v keeps exactly one incoming arc u->v, with probability w_uv (1/deg(v), or
// its arc weight over its total weight). Enumerates all prod_v deg(v) choices.
double exact_expected_spread(const village::CsrLayer& layer, bool weighted, NodeId seed) {
  const auto weights = layer.attribute("weight");
  std::vector<double> total(layer.node_count(), 0.0);
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    for (auto a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      total[v] += weighted ? weights[a] : 1.0;
  }
  std::vector<std::uint32_t> choice(layer.node_count(), 0);
  double expected = 0;
  double total_probability = 0;
  while (true) {
    std::vector<EdgeRecord> kept;
    double probability = 1;
    for (NodeId v = 0; v < layer.node_count(); ++v) {
      const auto a = layer.first_arc(v) + choice[v];
      kept.push_back({layer.targets()[a], v, 1.f});
      probability *= (weighted ? weights[a] : 1.0) / total[v];
    }
    total_probability += probability;
    expected += probability * village_test::reachable(layer.node_count(), kept, seed);
    NodeId v = 0;  // next choice vector, like an odometer
    while (v < layer.node_count() && ++choice[v] == layer.degree(v))
      choice[v++] = 0;
    if (v == layer.node_count()) break;
  }
  REQUIRE(total_probability == Approx(1.0).margin(1e-12));
  return expected;
}

std::unique_ptr<village::LinearThresholdModel> threshold_model(village::ParamValues values) {
  auto model = village::find_model("linear_threshold")->make(values);
  auto* typed = dynamic_cast<village::LinearThresholdModel*>(model.release());
  REQUIRE(typed != nullptr);
  return std::unique_ptr<village::LinearThresholdModel>(typed);
}

}  // namespace

TEST_CASE("linear threshold: expected spread equals live-edge reachability",
          "[validation][statistical]") {
  // Uniform thresholds on (0, 1] (the registry default), seed agent 0, 20,000 replicates
  // each with its own RandomStream(seed, run), with and without weights. The spread's
  // standard deviation is about 2 agents, the standard error about 0.015: 4 of them give
  // a false alarm chance of 6e-5, and a 0.1-agent bias would still show.
  const auto layer = small_graph();
  for (const bool weighted : {false, true}) {
    const double exact = exact_expected_spread(layer, weighted, 0);
    auto values = village_test::defaults_of("linear_threshold");
    REQUIRE(values.text("threshold_distribution") == "uniform");
    REQUIRE(values.text("threshold_unit") == "fraction");
    values.set("use_weights", weighted);
    const auto estimate = village_test::replicate_mean(20000, [&](std::uint64_t run) {
      auto model = threshold_model(values);
      model->set_initial_agents({0});
      auto world = village_test::world_of(layer);
      village_test::advance(*model, world, village::RandomStream(78, run), 8);
      return village_test::observed(*model, world, "active") * 8;
    });
    INFO((weighted ? "weighted" : "unweighted")
         << ": exact " << exact << ", simulated " << estimate.mean << " +- "
         << estimate.standard_error);
    CHECK(std::abs(estimate.mean - exact) < 4 * estimate.standard_error);
    CHECK(estimate.standard_error < 0.03);
  }
  // The weights change the answer, so the weighted check is not the unweighted one again.
  CHECK(std::abs(exact_expected_spread(layer, true, 0) - exact_expected_spread(layer, false, 0)) >
        0.05);
}

TEST_CASE(
    "Granovetter's crowd: thresholds 0..99 all act, with threshold 1 moved to 2 only one does",
    "[validation]") {
  // Complete graph of 100, threshold_unit = "count", thresholds 0, 1, ..., 99 and nobody
  // active at step 0. Synchronous updates: the threshold-k agent acts at step k + 1, so
  // the share active at step t is t / 100 until all act at step 100. With the threshold-1
  // agent moved to 2, the threshold-0 agent acts alone and the chain stops at 1.
  auto crowd = [](std::vector<double> thresholds) {
    auto values = village_test::defaults_of("linear_threshold");
    values.set("threshold_unit", std::string("count"));
    values.set("initial_fraction", 0.0);
    values.set("initial_count", 0.0);
    const village::RunPlan plan{.seed = 1, .replicates = 1, .steps = 120};
    return village::run_one(
        0, plan,
        [](const village::RandomStream&) {
          return village_test::world_of(village::complete_graph(100));
        },
        [&] {
          auto model = threshold_model(values);
          model->set_thresholds(thresholds);
          return std::unique_ptr<village::Model>(std::move(model));
        });
  };
  std::vector<double> thresholds(100);
  for (int i = 0; i < 100; ++i)
    thresholds[i] = i;
  const auto all = crowd(thresholds);
  for (std::uint32_t t = 0; t <= 120; ++t) {
    INFO("step " << t);
    REQUIRE(village_test::recorded(all, "active", t) * 100 == Approx(std::min(t, 100u)));
  }
  thresholds[1] = 2;
  const auto one = crowd(thresholds);
  CHECK(village_test::recorded(one, "active", 0) == 0.0);
  for (std::uint32_t t = 1; t <= 120; ++t) {
    INFO("step " << t);
    REQUIRE(village_test::recorded(one, "active", t) * 100 == Approx(1.0));
  }
}

TEST_CASE("Watts cascades: a low constant threshold spreads, a high one stalls", "[validation]") {
  // Watts 2002: on a random graph of mean degree z = 4 a cascade from few seeds needs
  // vulnerable agents (degree <= 1/phi) to percolate: phi = 0.18 lies inside the
  // cascade window, phi = 0.4 outside (few agents of degree <= 2, not percolating).
  auto final_share = [](double phi, std::uint64_t seed) {
    const village::RandomStream rng(seed, 0);
    auto world = village_test::world_of(village::erdos_renyi_gnp(10000, 4.0 / 9999, rng));
    auto values = village_test::defaults_of("linear_threshold");
    values.set("threshold_distribution", std::string("constant"));
    values.set("threshold", phi);
    values.set("initial_count", 20.0);
    auto model = threshold_model(values);
    village_test::advance(*model, world, rng, 200);
    return village_test::observed(*model, world, "active");
  };
  for (std::uint64_t seed : {5u, 6u}) {
    INFO("seed " << seed);
    CHECK(final_share(0.18, seed) > 0.8);
    CHECK(final_share(0.4, seed) < 0.05);
  }
}

TEST_CASE("linear threshold parameter registry", "[unit]") {
  village_test::check_registry_entry("linear_threshold");
}
