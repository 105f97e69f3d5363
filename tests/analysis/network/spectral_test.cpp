#include "analysis/network/spectral.hpp"

#include <Eigen/Dense>
#include <catch2/catch.hpp>
#include <cmath>

#include "test_graphs.hpp"

using namespace village::network;
using namespace village_test;

namespace {

Eigen::MatrixXd dense_adjacency(const CsrLayer& layer) {
  const auto n = static_cast<Eigen::Index>(layer.node_count());
  Eigen::MatrixXd a = Eigen::MatrixXd::Zero(n, n);
  const auto weights = arc_weights(layer);
  for (NodeId v = 0; v < layer.node_count(); ++v)
    for (auto arc = layer.first_arc(v); arc < layer.end_arc(v); ++arc)
      a(v, layer.targets()[arc]) = weight_of(weights, arc);
  return a;
}

CsrLayer connected_random_graph(std::uint64_t seed) {
  // A random graph plus a Hamiltonian path, so it is connected.
  const CsrLayer base = random_weighted_graph(40, 0.1, seed);
  std::vector<EdgeRecord> edges;
  const auto weights = base.attribute("weight");
  for (NodeId v = 0; v < 40; ++v) {
    for (auto arc = base.first_arc(v); arc < base.end_arc(v); ++arc)
      if (base.targets()[arc] > v) edges.push_back({v, base.targets()[arc], weights[arc]});
    if (v + 1 < 40) edges.push_back({v, v + 1, 1.0f});
  }
  return undirected(40, edges, true);
}

}  // namespace

TEST_CASE("eigenvector centrality on hand-computable graphs", "[unit]") {
  // Star with 4 leaves: lambda = 2, centre 1, leaves 1/2 (= 1 / sqrt(4)).
  const EigenvectorCentrality star = eigenvector_centrality(star_graph(5));
  CHECK(star.eigenvalue == Approx(2.0));
  CHECK(star.values[0] == Approx(1.0));
  CHECK(star.values[3] == Approx(0.5));
  const EigenvectorCentrality k5 = eigenvector_centrality(complete(5));
  CHECK(k5.eigenvalue == Approx(4.0));
  CHECK(k5.values == Scores(5, 1.0));
  // Path of 3: lambda = sqrt 2, ends 1 / sqrt 2 of the middle.
  const EigenvectorCentrality path = eigenvector_centrality(path_graph(3));
  CHECK(path.values[0] == Approx(1 / std::sqrt(2.0)));
}

TEST_CASE("eigenvector centrality agrees with a dense eigensolver", "[unit]") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const CsrLayer layer = connected_random_graph(seed);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(dense_adjacency(layer));
    Eigen::VectorXd leading = solver.eigenvectors().col(39).cwiseAbs();
    leading /= leading.maxCoeff();
    const EigenvectorCentrality ours = eigenvector_centrality(layer);
    CHECK(ours.eigenvalue == Approx(solver.eigenvalues()[39]));
    for (Eigen::Index v = 0; v < 40; ++v)
      REQUIRE(ours.values[v] == Approx(leading[v]).margin(1e-7));
  }
}

TEST_CASE("Katz centrality solves (I - alpha A) x = beta 1", "[unit]") {
  const CsrLayer layer = connected_random_graph(7);
  KatzOptions options;
  options.alpha = 0.02;
  const KatzCentrality ours = katz_centrality(layer, options);
  const Eigen::MatrixXd a = dense_adjacency(layer);
  Eigen::VectorXd x = (Eigen::MatrixXd::Identity(40, 40) - 0.02 * a)
                          .colPivHouseholderQr()
                          .solve(Eigen::VectorXd::Ones(40));
  x /= x.norm();
  for (Eigen::Index v = 0; v < 40; ++v)
    REQUIRE(ours.values[v] == Approx(x[v]).margin(1e-8));
  // Default alpha: 0.85 / lambda_max; an alpha past 1 / lambda_max is refused.
  const KatzCentrality automatic = katz_centrality(star_graph(5));
  CHECK(automatic.alpha == Approx(0.85 / 2.0));
  KatzOptions too_large;
  too_large.alpha = 0.6;
  CHECK_THROWS_AS(katz_centrality(star_graph(5), too_large), std::invalid_argument);
}

TEST_CASE("PageRank agrees with the linear-system solution", "[unit]") {
  // Star, by hand: x_c = (1 - d)/n + d * sum over leaves x_l; x_l = (1 - d)/n + d x_c / (n-1).
  const PageRank star = pagerank(star_graph(5));
  const double d = 0.85, n = 5;
  const double centre = ((1 - d) / n + d * 4 * (1 - d) / n) / (1 - d * d);
  CHECK(star.values[0] == Approx(centre).epsilon(1e-8));
  CHECK(std::accumulate(star.values.begin(), star.values.end(), 0.0) == Approx(1.0));
  // Weighted random graph with an isolated (dangling) node: dense solve of
  // x = d P^T x + (d * dangling + 1 - d) / n, normalised to sum 1.
  CsrLayer layer = connected_random_graph(3);
  std::vector<EdgeRecord> edges;
  for (NodeId v = 0; v < 40; ++v)
    for (auto arc = layer.first_arc(v); arc < layer.end_arc(v); ++arc)
      edges.push_back({v, layer.targets()[arc], layer.attribute("weight")[arc]});
  layer = undirected(41, edges, true);  // node 40 has no ties
  Eigen::MatrixXd p = dense_adjacency(layer);
  for (Eigen::Index v = 0; v < 41; ++v) {
    const double sum = p.row(v).sum();
    if (sum > 0) {
      p.row(v) /= sum;
    } else {
      p.row(v).setConstant(1.0 / 41);
    }
  }
  Eigen::VectorXd x = (Eigen::MatrixXd::Identity(41, 41) - d * p.transpose())
                          .colPivHouseholderQr()
                          .solve(Eigen::VectorXd::Constant(41, (1 - d) / 41));
  x /= x.sum();
  const PageRank ours = pagerank(layer);
  for (Eigen::Index v = 0; v < 41; ++v)
    REQUIRE(ours.values[v] == Approx(x[v]).margin(1e-9));
}

TEST_CASE("spectral centralities do not depend on the thread count", "[unit]") {
  // Over Eigen's parallel threshold of 20,000 non-zeros.
  const CsrLayer layer = random_graph(20000, 3.0 / 20000, 8);
  const auto [p1, p2] = at_one_and_two_threads([&] { return pagerank(layer).values; });
  CHECK(p1 == p2);
  const auto [k1, k2] = at_one_and_two_threads([&] { return katz_centrality(layer).values; });
  CHECK(k1 == k2);
}
