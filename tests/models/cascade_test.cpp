// Independent cascade and linear threshold against their live-edge representations
// (Kempe, Kleinberg & Tardos 2003), and Granovetter's (1978) threshold crowd.

#include <boost/graph/breadth_first_search.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "model_test_support.hpp"
#include "models/independent_cascade.hpp"
#include "models/linear_threshold.hpp"
#include "sim/csr_graph_traits.hpp"

namespace {

using village::EdgeRecord;
using village::NodeId;

// Eight agents, nine edges: a triangle, a square and a tail, so several paths compete.
village::CsrLayer small_graph() {
  const std::vector<EdgeRecord> edges{{0, 1, 1.f}, {1, 2, 1.f}, {2, 0, 1.f},
                                      {2, 3, 1.f}, {3, 4, 1.f}, {4, 5, 1.f},
                                      {5, 6, 1.f}, {6, 3, 1.f}, {6, 7, 1.f}};
  return village::CsrLayer::from_edges(8, edges, village::Direction::undirected);
}

// Agents reachable from `seed` along the kept arcs, by Boost.Graph BFS on a CSR layer.
int reachable(NodeId nodes, const std::vector<EdgeRecord>& kept_arcs, NodeId seed) {
  const auto live = village::CsrLayer::from_edges(nodes, kept_arcs, village::Direction::directed);
  std::vector<boost::default_color_type> color(nodes, boost::white_color);
  auto colors = boost::make_iterator_property_map(color.begin(),
                                                  boost::typed_identity_property_map<NodeId>());
  boost::breadth_first_visit(village::directed_view(live), seed, boost::color_map(colors));
  int count = 0;
  for (auto c : color)
    count += c != boost::white_color;
  return count;
}

struct Estimate {
  double mean;
  double standard_error;
};

template <typename Final>
Estimate replicate_mean(int replicates, Final&& final_active) {
  double sum = 0;
  double squares = 0;
  for (int r = 0; r < replicates; ++r) {
    const double x = final_active(static_cast<std::uint64_t>(r));
    sum += x;
    squares += x * x;
  }
  const double mean = sum / replicates;
  const double variance = (squares - replicates * mean * mean) / (replicates - 1);
  return {mean, std::sqrt(variance / replicates)};
}

}  // namespace

TEST_CASE("independent cascade: expected spread equals live-edge reachability",
          "[validation][statistical]") {
  const auto layer = small_graph();
  const double p = 0.4;
  // Exact expectation: every subset of the 18 arcs, each kept with probability p.
  std::vector<EdgeRecord> arcs;
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    for (NodeId u : layer.neighbours(v))
      arcs.push_back({v, u, 1.f});
  }
  double exact = 0;
  for (std::uint32_t mask = 0; mask < (1u << arcs.size()); ++mask) {
    std::vector<EdgeRecord> kept;
    double probability = 1;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
      const bool keep = (mask >> a) & 1u;
      probability *= keep ? p : 1 - p;
      if (keep) kept.push_back(arcs[a]);
    }
    exact += probability * reachable(layer.node_count(), kept, 0);
  }
  auto values = village_test::defaults_of("independent_cascade");
  values.set("probability", p);
  // 20,000 replicates: the standard error is about 0.015; 4 standard errors leave a
  // false alarm chance of 6e-5 while a 0.1-agent bias would still be caught.
  const auto estimate = replicate_mean(20000, [&](std::uint64_t run) {
    village::IndependentCascadeModel model({p, false, "network"}, values);
    model.set_initial_agents({0});
    auto world = village_test::world_of(layer);
    village_test::advance(model, world, village::RandomStream(77, run), 10);
    return village_test::observed(model, world, "active") * 8;
  });
  INFO("exact " << exact << ", simulated " << estimate.mean << " +- " << estimate.standard_error);
  CHECK(std::abs(estimate.mean - exact) < 4 * estimate.standard_error);
  CHECK(estimate.standard_error < 0.03);
}

TEST_CASE("linear threshold: expected spread equals live-edge reachability",
          "[validation][statistical]") {
  const auto layer = small_graph();
  // Kempe et al.: each agent keeps exactly one incoming arc u->v, chosen with
  // probability w_uv = 1/deg(v); enumerate all choices (the product of the degrees).
  std::vector<std::size_t> choice(layer.node_count(), 0);
  double exact = 0;
  while (true) {
    std::vector<EdgeRecord> kept;
    double probability = 1;
    for (NodeId v = 0; v < layer.node_count(); ++v) {
      kept.push_back({layer.neighbours(v)[choice[v]], v, 1.f});
      probability /= layer.degree(v);
    }
    exact += probability * reachable(layer.node_count(), kept, 0);
    NodeId v = 0;
    while (v < layer.node_count() && ++choice[v] == layer.degree(v))
      choice[v++] = 0;
    if (v == layer.node_count()) break;
  }
  const auto values = village_test::defaults_of("linear_threshold");
  const auto estimate = replicate_mean(20000, [&](std::uint64_t run) {
    village::LinearThresholdModel model({"uniform", 0.5, "fraction", false, "network"}, values);
    model.set_initial_agents({0});
    auto world = village_test::world_of(layer);
    village_test::advance(model, world, village::RandomStream(78, run), 10);
    return village_test::observed(model, world, "active") * 8;
  });
  INFO("exact " << exact << ", simulated " << estimate.mean << " +- " << estimate.standard_error);
  CHECK(std::abs(estimate.mean - exact) < 4 * estimate.standard_error);
}

TEST_CASE("Granovetter's crowd: thresholds 0..99 all riot; move one threshold and one does",
          "[validation]") {
  auto crowd = [](std::vector<double> thresholds) {
    auto world = village_test::world_of(village::complete_graph(100));
    auto values = village_test::defaults_of("linear_threshold");
    values.set("initial_fraction", 0.0);
    village::LinearThresholdModel model({"constant", 0.0, "count", false, "network"}, values);
    model.set_thresholds(std::move(thresholds));
    village_test::advance(model, world, village::RandomStream(1, 0), 120);
    return village_test::observed(model, world, "active") * 100;
  };
  std::vector<double> thresholds(100);
  for (int i = 0; i < 100; ++i)
    thresholds[i] = i;
  CHECK(crowd(thresholds) == Approx(100));
  thresholds[1] = 2;
  CHECK(crowd(thresholds) == Approx(1));
}

TEST_CASE("Watts cascades: a low constant threshold spreads, a high one stalls", "[validation]") {
  // Watts 2002: on a random graph of mean degree z = 4 a cascade from one seed needs
  // vulnerable agents (degree <= 1/phi) to percolate: phi = 0.18 lies inside the
  // cascade window, phi = 0.4 outside (few agents of degree <= 2, not percolating).
  auto final_share = [](double phi, std::uint64_t seed) {
    const village::RandomStream rng(seed, 0);
    auto world = village_test::world_of(village::erdos_renyi_gnp(10000, 4.0 / 9999, rng));
    auto values = village_test::defaults_of("linear_threshold");
    values.set("initial_count", 20.0);
    village::LinearThresholdModel model({"constant", phi, "fraction", false, "network"}, values);
    village_test::advance(model, world, rng, 200);
    return village_test::observed(model, world, "active");
  };
  CHECK(final_share(0.18, 5) > 0.8);
  CHECK(final_share(0.4, 5) < 0.05);
}
