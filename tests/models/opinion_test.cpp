// Opinion dynamics against their analytic results: DeGroot's consensus value (DeGroot
// 1974), Deffuant's cluster counts (Deffuant et al. 2000), Hegselmann-Krause's
// consensus thresholds (Hegselmann & Krause 2002; Fortunato 2005).

#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "model_test_support.hpp"
#include "models/deffuant.hpp"
#include "models/degroot.hpp"
#include "models/hegselmann_krause.hpp"
#include "models/opinion_metrics.hpp"

namespace {
using village::EdgeRecord;
using village::NodeId;

double spread(const std::vector<double>& x) {
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  return *high - *low;
}
}  // namespace

TEST_CASE("DeGroot on an undirected network converges to the degree-weighted mean",
          "[validation]") {
  // s_v = deg(v) / sum deg for T = a I + (1-a) D^-1 A (reversible random walk).
  const village::RandomStream rng(3, 0);
  auto layer = village::watts_strogatz(120, 4, 0.3, rng);
  double total_degree = 0;
  for (NodeId v = 0; v < 120; ++v)
    total_degree += layer.degree(v);
  std::vector<double> initial(120);
  for (NodeId v = 0; v < 120; ++v)
    initial[v] = std::sin(v) + 1.0;
  double expected = 0;
  for (NodeId v = 0; v < 120; ++v)
    expected += layer.degree(v) / total_degree * initial[v];
  auto world = village_test::world_of(std::move(layer));
  village::DeGrootModel model({0.3, false, "network"});
  model.set_initial_opinions(initial);
  village_test::advance(model, world, rng, 3000);
  for (Eigen::Index v = 0; v < 120; ++v)
    REQUIRE(std::abs(model.opinions()[v] - expected) < 1e-9);
}

TEST_CASE("DeGroot on a directed weighted network converges to s x(0), s = s T", "[validation]") {
  // A directed ring with chords and random weights: strongly connected; the self weight
  // makes T aperiodic. s is computed independently with a dense eigen-solver.
  const NodeId n = 40;
  const village::RandomStream rng(5, 0);
  std::vector<EdgeRecord> arcs;
  for (NodeId v = 0; v < n; ++v) {
    arcs.push_back({v, (v + 1) % n, static_cast<float>(0.5 + rng.uniform(0, v, 1))});
    arcs.push_back({v, (v * 7 + 3) % n, static_cast<float>(0.5 + rng.uniform(0, v, 2))});
  }
  auto layer = village::CsrLayer::from_edges(n, arcs, village::Direction::directed, true);
  const auto matrix = village::DeGrootModel::build_matrix(layer, 0.2, true);
  const Eigen::MatrixXd dense = Eigen::MatrixXd(matrix);
  for (Eigen::Index r = 0; r < dense.rows(); ++r)
    REQUIRE(dense.row(r).sum() == Approx(1.0).epsilon(1e-12));
  Eigen::EigenSolver<Eigen::MatrixXd> solver(dense.transpose());
  Eigen::Index one = 0;
  (solver.eigenvalues().real().array() - 1.0).abs().minCoeff(&one);
  REQUIRE(std::abs(solver.eigenvalues()[one].real() - 1.0) < 1e-10);
  Eigen::VectorXd s = solver.eigenvectors().col(one).real();
  s /= s.sum();
  std::vector<double> initial(n);
  for (NodeId v = 0; v < n; ++v)
    initial[v] = rng.uniform(0, v, 3);
  const double expected = s.dot(Eigen::Map<const Eigen::VectorXd>(initial.data(), n));
  auto world = village_test::world_of(std::move(layer));
  village::DeGrootModel model({0.2, true, "network"});
  model.set_initial_opinions(initial);
  village_test::advance(model, world, rng, 4000);
  for (Eigen::Index v = 0; v < n; ++v)
    REQUIRE(std::abs(model.opinions()[v] - expected) < 1e-9);
}

TEST_CASE("Deffuant reaches consensus for epsilon above 0.5", "[validation]") {
  const village::RandomStream rng(8, 0);
  auto world = village_test::world_of(village::erdos_renyi_gnp(500, 8.0 / 499, rng));
  village::DeffuantModel model({0.6, 0.5, 1.0, 0.01, "network"});
  village_test::advance(model, world, rng, 300);
  CHECK(spread(model.opinions()) < 1e-3);
}

TEST_CASE("Deffuant with small epsilon ends in about floor(1/(2 epsilon)) major clusters",
          "[validation][statistical]") {
  // Complete graph of 500 agents, mu = 0.5, until the clusters stop moving. Averaged
  // over 6 replicates the count of major clusters (>= 1% of agents) lies within one of
  // floor(1/(2 epsilon)) (Deffuant et al. 2000, fig. 2; Weisbuch et al. 2002).
  for (const double epsilon : {0.1, 0.2}) {
    double clusters = 0;
    for (std::uint64_t run = 0; run < 6; ++run) {
      const village::RandomStream rng(21, run);
      auto world = village_test::world_of(village::complete_graph(500));
      village::DeffuantModel model({epsilon, 0.5, 1.0, 0.01, "network"});
      village_test::advance(model, world, rng, 400);
      clusters += village::count_clusters(model.opinions(), epsilon, 0.01).major;
    }
    clusters /= 6;
    INFO("epsilon " << epsilon << ": mean major clusters " << clusters);
    CHECK(std::abs(clusters - std::floor(1 / (2 * epsilon))) <= 1.0);
  }
}

TEST_CASE("Hegselmann-Krause on the complete graph: consensus above epsilon 0.2, clusters below",
          "[validation]") {
  auto final_opinions = [](double epsilon) {
    auto world = village_test::world_of(
        village::CsrLayer::from_edges(1000, {}, village::Direction::undirected));
    village::HegselmannKrauseModel model({epsilon, true, 0.01, "network"});
    village_test::advance(model, world, village::RandomStream(4, 0), 100);
    return model.opinions();
  };
  CHECK(spread(final_opinions(0.3)) < 1e-9);
  CHECK(village::count_clusters(final_opinions(0.1), 0.1, 0.01).major >= 2);
}

TEST_CASE("Hegselmann-Krause mean field equals the explicit complete graph", "[unit]") {
  auto run = [](bool mean_field) {
    auto world = village_test::world_of(
        mean_field ? village::CsrLayer::from_edges(200, {}, village::Direction::undirected)
                   : village::complete_graph(200));
    village::HegselmannKrauseModel model({0.15, mean_field, 0.01, "network"});
    village_test::advance(model, world, village::RandomStream(6, 0), 8);
    return model.opinions();
  };
  const auto a = run(true);
  const auto b = run(false);
  for (std::size_t v = 0; v < a.size(); ++v)
    REQUIRE(std::abs(a[v] - b[v]) < 1e-12);
}

TEST_CASE("Hegselmann-Krause with finite mean degree needs epsilon near 0.5", "[validation]") {
  // Fortunato 2005: on graphs whose degree does not grow with n the consensus threshold
  // is about 0.5; epsilon = 0.3 (consensus on the complete graph) leaves several
  // clusters, epsilon = 0.6 reaches consensus.
  auto final_spread = [](double epsilon) {
    const village::RandomStream rng(12, 0);
    auto world = village_test::world_of(village::erdos_renyi_gnp(2000, 10.0 / 1999, rng));
    village::HegselmannKrauseModel model({epsilon, false, 0.01, "network"});
    village_test::advance(model, world, rng, 300);
    return spread(model.opinions());
  };
  CHECK(final_spread(0.6) < 1e-6);
  CHECK(final_spread(0.3) > 0.1);
}

TEST_CASE("every model's parameters are documented and their defaults in range", "[unit]") {
  for (const auto& info : village::model_registry()) {
    INFO(info.kind);
    CHECK_FALSE(info.summary.empty());
    CHECK_FALSE(info.reference.empty());
    for (const auto& spec : info.params) {
      INFO(spec.name);
      CHECK_FALSE(spec.description.empty());
      CHECK_FALSE(spec.source.empty());
      if (spec.type == village::ParamType::real || spec.type == village::ParamType::integer) {
        CHECK(spec.default_number >= spec.min);
        CHECK(spec.default_number <= spec.max);
      }
    }
    auto world = village_test::world_of(village::complete_graph(20));
    auto model = info.make(village::ParamValues(info.params));
    village_test::advance(*model, world, village::RandomStream(1, 0), 2);
    CHECK(village_test::observed(
              *model, world,
              info.kind == "sir" ? "susceptible"
              : info.kind.find("cascade") != std::string::npos || info.kind == "linear_threshold"
                  ? "active"
                  : "mean_opinion") >= 0.0);
  }
}
