// DeGroot averaging against its analytic limit (DeGroot 1974, JASA 69:118): on a
// strongly connected aperiodic network every opinion converges to s x(0), s the left
// unit eigenvector of T (s = s T, sum s = 1).

#include "models/degroot.hpp"

#include <Eigen/Dense>
#include <boost/graph/breadth_first_search.hpp>
#include <catch2/catch.hpp>
#include <cmath>

#include "model_test_support.hpp"
#include "sim/error.hpp"

namespace {

using village::EdgeRecord;
using village::NodeId;

// Registry model with the given self weight and fixed x(0), as a DeGrootModel.
std::unique_ptr<village::DeGrootModel> degroot(double self_weight, bool use_weights,
                                               std::vector<double> initial) {
  auto values = village_test::defaults_of("degroot");
  values.set("self_weight", self_weight);
  values.set("use_weights", use_weights);
  auto model = village::find_model("degroot")->make(values);
  auto* typed = dynamic_cast<village::DeGrootModel*>(model.release());
  REQUIRE(typed != nullptr);
  typed->set_initial_opinions(std::move(initial));
  return std::unique_ptr<village::DeGrootModel>(typed);
}

// Whether every agent is reached from agent 0 along the layer's arcs.
bool all_reached_from_zero(const village::CsrLayer& layer) {
  std::vector<boost::default_color_type> color(layer.node_count(), boost::white_color);
  auto colors = boost::make_iterator_property_map(color.begin(),
                                                  boost::typed_identity_property_map<NodeId>());
  boost::breadth_first_visit(village::directed_view(layer), NodeId{0}, boost::color_map(colors));
  return std::none_of(color.begin(), color.end(), [](auto c) { return c == boost::white_color; });
}

// Strongly connected: all reached from 0, and 0 reached from all (on the reversed arcs).
bool strongly_connected(const village::CsrLayer& layer, const std::vector<EdgeRecord>& arcs) {
  std::vector<EdgeRecord> reversed;
  for (const auto& arc : arcs)
    reversed.push_back({arc.target, arc.source, arc.weight});
  const auto back =
      village::CsrLayer::from_edges(layer.node_count(), reversed, village::Direction::directed);
  return all_reached_from_zero(layer) && all_reached_from_zero(back);
}

// Moduli of T's eigenvalues, largest first.
std::vector<double> eigenvalue_moduli(const Eigen::MatrixXd& dense) {
  Eigen::EigenSolver<Eigen::MatrixXd> solver(dense, false);
  std::vector<double> moduli;
  for (Eigen::Index i = 0; i < dense.rows(); ++i)
    moduli.push_back(std::abs(solver.eigenvalues()[i]));
  std::sort(moduli.rbegin(), moduli.rend());
  return moduli;
}

void check_rows_sum_to_one(const Eigen::MatrixXd& dense) {
  for (Eigen::Index r = 0; r < dense.rows(); ++r) {
    REQUIRE(dense.row(r).sum() == Approx(1.0).margin(1e-14));
    REQUIRE(dense.row(r).minCoeff() >= 0.0);
  }
}

}  // namespace

TEST_CASE("DeGroot on an undirected network converges to the degree-weighted mean",
          "[validation]") {
  // T = a I + (1 - a) D^-1 A is a reversible random walk with stationary law
  // s_v = deg(v) / sum deg: (s T)_u = a s_u + (1 - a) sum_v (deg v / 2m) A_vu / deg v = s_u.
  const village::RandomStream rng(3, 0);
  const NodeId n = 150;
  auto layer = village::erdos_renyi_gnp(n, 0.05, rng);
  REQUIRE(village_test::connected(layer));
  const double a = 0.3;
  const Eigen::MatrixXd dense =
      Eigen::MatrixXd(village::DeGrootModel::build_matrix(layer, a, false));
  check_rows_sum_to_one(dense);

  double total_degree = 0;
  double min_degree = n;
  double max_degree = 0;
  for (NodeId v = 0; v < n; ++v) {
    total_degree += layer.degree(v);
    min_degree = std::min<double>(min_degree, layer.degree(v));
    max_degree = std::max<double>(max_degree, layer.degree(v));
  }
  std::vector<double> initial(n);
  double expected = 0;
  for (NodeId v = 0; v < n; ++v) {
    initial[v] = std::sin(v) + 1.0;  // in [0, 2]
    expected += layer.degree(v) / total_degree * initial[v];
  }
  // Enough steps, from the spectrum: for a reversible chain
  // |T^t(v,u) - s_u| <= sqrt(s_u / s_v) lambda^t (lambda the second largest modulus), so
  // the error is at most 2 sqrt(max deg / min deg) lambda^t; take it below 1e-11.
  const double lambda = eigenvalue_moduli(dense)[1];
  REQUIRE(lambda < 1.0 - 1e-3);
  const int steps = static_cast<int>(
      std::ceil(std::log(1e-11 / (2 * std::sqrt(max_degree / min_degree))) / std::log(lambda)));
  INFO("second eigenvalue modulus " << lambda << ", steps " << steps);
  REQUIRE(steps < 20000);

  auto world = village_test::world_of(std::move(layer));
  auto model = degroot(a, false, initial);
  village_test::advance(*model, world, rng, steps);
  for (Eigen::Index v = 0; v < n; ++v)
    REQUIRE(std::abs(model->opinions()[v] - expected) < 1e-9);
  // The model's own T is the one analysed above.
  CHECK((Eigen::MatrixXd(model->trust_matrix()) - dense).cwiseAbs().maxCoeff() == 0.0);
}

TEST_CASE("DeGroot on a directed weighted network converges to s x(0), s = s T", "[validation]") {
  // A directed ring with chords and random weights: strongly connected; the self weight
  // makes T aperiodic. s comes from a dense eigen-solver on T^T and, independently, from
  // power iteration s <- s T.
  const NodeId n = 40;
  const village::RandomStream rng(5, 0);
  std::vector<EdgeRecord> arcs;
  for (NodeId v = 0; v < n; ++v) {
    arcs.push_back({v, (v + 1) % n, static_cast<float>(0.5 + rng.uniform(0, v, 1))});
    arcs.push_back({v, (v * 7 + 3) % n, static_cast<float>(0.5 + 2 * rng.uniform(0, v, 2))});
  }
  auto layer = village::CsrLayer::from_edges(n, arcs, village::Direction::directed, true);
  REQUIRE(strongly_connected(layer, arcs));
  const double a = 0.2;
  const Eigen::MatrixXd dense =
      Eigen::MatrixXd(village::DeGrootModel::build_matrix(layer, a, true));
  check_rows_sum_to_one(dense);
  // Row v: a on the diagonal, (1 - a) w_vu / sum_u w_vu toward each u v listens to.
  const auto weights = layer.attribute("weight");
  double row_total = 0;
  for (auto arc = layer.first_arc(0); arc < layer.end_arc(0); ++arc)
    row_total += weights[arc];
  for (auto arc = layer.first_arc(0); arc < layer.end_arc(0); ++arc) {
    CHECK(dense(0, layer.targets()[arc]) ==
          Approx((1 - a) * weights[arc] / row_total).epsilon(1e-14));
  }

  Eigen::EigenSolver<Eigen::MatrixXd> solver(dense.transpose());
  Eigen::Index one = 0;
  (solver.eigenvalues().array() - 1.0).abs().minCoeff(&one);
  REQUIRE(std::abs(solver.eigenvalues()[one] - 1.0) < 1e-10);
  Eigen::VectorXd s = solver.eigenvectors().col(one).real();
  s /= s.sum();
  REQUIRE(s.minCoeff() > 0.0);  // Perron vector of an irreducible matrix

  Eigen::RowVectorXd power = Eigen::RowVectorXd::Constant(n, 1.0 / n);
  for (int i = 0; i < 100000; ++i) {
    const Eigen::RowVectorXd next = power * dense;
    const double change = (next - power).cwiseAbs().maxCoeff();
    power = next;
    if (change < 1e-16) break;
  }
  CHECK((power.transpose() - s).cwiseAbs().maxCoeff() < 1e-12);

  // Steps: the error decays like |lambda_2|^t times a constant set by the eigenvector
  // basis (T is not symmetric, so transients can exceed 1); running twice as long as
  // |lambda_2|^t = 1e-14 needs leaves a factor 1e19 of room within 1e-9.
  const double lambda = eigenvalue_moduli(dense)[1];
  REQUIRE(lambda < 0.999);
  const int steps = 2 * static_cast<int>(std::ceil(std::log(1e-14) / std::log(lambda)));
  INFO("second eigenvalue modulus " << lambda << ", steps " << steps);

  std::vector<double> initial(n);
  for (NodeId v = 0; v < n; ++v)
    initial[v] = rng.uniform(0, v, 3);
  const double expected = s.dot(Eigen::Map<const Eigen::VectorXd>(initial.data(), n));
  auto world = village_test::world_of(std::move(layer));
  auto model = degroot(a, true, initial);
  village_test::advance(*model, world, rng, steps);
  for (Eigen::Index v = 0; v < n; ++v)
    REQUIRE(std::abs(model->opinions()[v] - expected) < 1e-9);
  // The plain mean is not the limit here: the test can tell s from uniform weights.
  double plain = 0;
  for (double x : initial)
    plain += x / n;
  CHECK(std::abs(plain - expected) > 1e-4);
}

TEST_CASE("DeGroot on a regular network keeps the mean: consensus on the initial average",
          "[validation]") {
  // On a k-regular undirected layer T is symmetric, hence doubly stochastic: s is uniform
  // and sum x is conserved. Run through the runner with the model's own random x(0); the
  // step-0 mean_opinion is then the consensus value. Ring lattice n = 60, k = 4, a = 0.5:
  // lambda_2 = 0.5 + 0.5 (cos(2 pi/60) + cos(4 pi/60)) / 2 = 0.9945, so 6000 steps leave
  // an error below 0.9945^6000 ~ 4e-15.
  auto values = village_test::defaults_of("degroot");
  REQUIRE(values.real("self_weight") == 0.5);
  const village::RunPlan plan{.seed = 17, .replicates = 3, .steps = 6000, .record_every = 6000};
  const auto records = village::run_replicates(
      plan,
      [](const village::RandomStream& rng) {
        return village_test::world_of(village::watts_strogatz(60, 4, 0.0, rng));
      },
      [&] { return village::find_model("degroot")->make(values); });
  for (const auto& record : records) {
    const double initial_mean = village_test::recorded(record, "mean_opinion", 0);
    INFO("run " << record.run << ": initial mean " << initial_mean);
    CHECK(village_test::recorded(record, "opinion_spread", 0) > 0.5);
    CHECK(village_test::recorded(record, "opinion_spread", plan.steps) < 1e-12);
    CHECK(std::abs(village_test::recorded(record, "mean_opinion", plan.steps) - initial_mean) <
          1e-12);
  }
}

TEST_CASE("DeGroot keeps isolated agents' opinions and refuses missing weights", "[unit]") {
  const std::vector<EdgeRecord> edges{{0, 1, 1.f}};
  auto layer = village::CsrLayer::from_edges(3, edges, village::Direction::undirected);
  const Eigen::MatrixXd dense =
      Eigen::MatrixXd(village::DeGrootModel::build_matrix(layer, 0.25, false));
  check_rows_sum_to_one(dense);
  CHECK(dense(2, 2) == 1.0);
  auto world = village_test::world_of(layer);
  auto model = degroot(0.25, false, {0.0, 1.0, 0.7});
  village_test::advance(*model, world, village::RandomStream(1, 0), 60);
  CHECK(model->opinions()[0] == Approx(0.5).margin(1e-12));
  CHECK(model->opinions()[1] == Approx(0.5).margin(1e-12));
  CHECK(model->opinions()[2] == 0.7);
  auto weighted = degroot(0.25, true, {});
  CHECK_THROWS_AS(weighted->initialize(world, village::RandomStream(1, 0)), village::InputError);
}

TEST_CASE("DeGroot parameter registry", "[unit]") {
  village_test::check_registry_entry("degroot");
}
