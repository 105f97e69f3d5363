// Generator statistics against theory, structural guarantees, and reproducibility.

#include "sim/generators/generators.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

using village::CsrLayer;
using village::NodeId;
using village::RandomStream;

namespace {

double mean_degree(const CsrLayer& layer) {
  return static_cast<double>(layer.arc_count()) / layer.node_count();
}

// No self-loops, sorted rows without repeats, and every arc has its reverse.
bool simple_and_symmetric(const CsrLayer& layer) {
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    const auto row = layer.neighbours(v);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] == v || (i > 0 && row[i - 1] >= row[i]) || !layer.has_arc(row[i], v)) return false;
    }
  }
  return true;
}

// Average local clustering coefficient (Watts & Strogatz 1998), agents of degree >= 2.
double average_clustering(const CsrLayer& layer) {
  double total = 0;
  NodeId counted = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    const auto row = layer.neighbours(v);
    if (row.size() < 2) continue;
    std::size_t links = 0;
    for (std::size_t a = 0; a < row.size(); ++a) {
      for (std::size_t b = a + 1; b < row.size(); ++b)
        links += layer.has_arc(row[a], row[b]);
    }
    total += 2.0 * static_cast<double>(links) /
             (static_cast<double>(row.size()) * static_cast<double>(row.size() - 1));
    ++counted;
  }
  return total / counted;
}

}  // namespace

TEST_CASE("G(n,p) has the expected mean degree and is simple", "[statistical]") {
  const NodeId n = 100000;
  const auto layer = village::erdos_renyi_gnp(n, 10.0 / (n - 1), RandomStream(1, 0));
  // The edge count is Binomial(n(n-1)/2, p): sd of the mean degree 2 sqrt(m)/n ~ 0.014.
  CHECK(std::abs(mean_degree(layer) - 10.0) < 0.07);
  CHECK(simple_and_symmetric(layer));
  CHECK(village::erdos_renyi_gnp(50, 0.0, RandomStream(1, 0)).arc_count() == 0);
  CHECK(village::erdos_renyi_gnp(50, 1.0, RandomStream(1, 0)).edge_count() == 50 * 49 / 2);
}

TEST_CASE("G(n,m) has exactly m distinct edges", "[unit]") {
  const auto layer = village::erdos_renyi_gnm(1000, 20000, RandomStream(2, 0));
  CHECK(layer.edge_count() == 20000);
  CHECK(simple_and_symmetric(layer));
  // Dense: all 45 pairs of 10 nodes.
  CHECK(village::erdos_renyi_gnm(10, 45, RandomStream(2, 0)).edge_count() == 45);
  CHECK_THROWS_AS(village::erdos_renyi_gnm(10, 46, RandomStream(2, 0)), std::invalid_argument);
}

TEST_CASE("Watts-Strogatz keeps k edges per node and loses clustering as C(0)(1-beta)^3",
          "[statistical]") {
  // Barrat & Weigt 2000: C(beta) ~ C(0) (1 - beta)^3 with C(0) = 3(k-2) / (4(k-1)).
  const NodeId n = 20000;
  const std::uint32_t k = 10;
  const double c0 = 3.0 * (k - 2) / (4.0 * (k - 1));
  for (const double beta : {0.0, 0.1, 0.3}) {
    const auto layer = village::watts_strogatz(n, k, beta, RandomStream(3, 0));
    INFO("beta " << beta);
    CHECK(layer.edge_count() == static_cast<std::uint64_t>(n) * k / 2);
    CHECK(simple_and_symmetric(layer));
    const double expected = c0 * std::pow(1 - beta, 3);
    // The formula neglects triangles created by rewiring (O(k/n)) and is exact at
    // beta = 0; at 20,000 nodes the sampling spread of C is below 0.003.
    CHECK(std::abs(average_clustering(layer) - expected) < (beta == 0.0 ? 1e-12 : 0.02));
  }
}

TEST_CASE("Barabasi-Albert has mean degree 2m and a degree tail exponent near 3", "[statistical]") {
  const NodeId n = 200000;
  const std::uint32_t m = 3;
  const auto layer = village::barabasi_albert(n, m, RandomStream(4, 0));
  CHECK(simple_and_symmetric(layer));
  CHECK(std::abs(mean_degree(layer) - 2.0 * m) < 0.01);
  // Discrete power-law MLE (Clauset, Shalizi & Newman 2009, eq. 3.7) on k >= 10:
  // alpha = 1 + n_tail / sum ln(k / (k_min - 1/2)). Its standard error (alpha-1)/sqrt(n_tail)
  // is about 0.02 here; finite-size and the approximation leave the estimate within 0.3
  // of the asymptotic 3 (Barabasi & Albert 1999).
  const double k_min = 10;
  double log_sum = 0;
  double tail = 0;
  for (NodeId v = 0; v < n; ++v) {
    if (layer.degree(v) >= k_min) {
      log_sum += std::log(layer.degree(v) / (k_min - 0.5));
      tail += 1;
    }
  }
  const double alpha = 1 + tail / log_sum;
  INFO("alpha " << alpha);
  CHECK(alpha > 2.7);
  CHECK(alpha < 3.3);
}

TEST_CASE("configuration model keeps the degree sequence up to erased edges", "[statistical]") {
  const NodeId n = 100000;
  const RandomStream rng(5, 0);
  const auto degrees = village::poisson_degrees(n, 10.0, rng);
  const double stubs = std::accumulate(degrees.begin(), degrees.end(), 0.0);
  // Poisson(10) mean over 1e5 draws: sd 0.01.
  CHECK(std::abs(stubs / n - 10.0) < 0.05);
  const auto layer = village::configuration_model(degrees, rng);
  CHECK(simple_and_symmetric(layer));
  // Erased self-loops and multi-edges: about (<k^2>/<k> - 1)^2 / 2 ~ 60 edges.
  CHECK(static_cast<double>(layer.arc_count()) >= 0.999 * stubs);
  CHECK(static_cast<double>(layer.arc_count()) <= stubs + 1);
  std::size_t exact = 0;
  for (NodeId v = 0; v < n; ++v)
    exact += layer.degree(v) == degrees[v];
  CHECK(static_cast<double>(exact) > 0.998 * n);
}

TEST_CASE("power-law degrees stay in range and have the requested exponent", "[statistical]") {
  const NodeId n = 200000;
  const auto degrees = village::power_law_degrees(n, 2.5, 2, 1000, RandomStream(6, 0));
  CHECK(*std::min_element(degrees.begin(), degrees.end()) >= 2);
  CHECK(*std::max_element(degrees.begin(), degrees.end()) <= 1000);
  // Maximum likelihood exponent of the truncated discrete power law on [2, 1000]:
  // maximise -alpha sum ln k - n ln Z(alpha), Z = sum_k k^-alpha, by golden section.
  // Its standard error is about (alpha - 1) / sqrt(n) ~ 0.004; 0.03 is 8 of them.
  double log_sum = 0;
  for (auto k : degrees)
    log_sum += std::log(static_cast<double>(k));
  auto log_likelihood = [&](double alpha) {
    double z = 0;
    for (int k = 2; k <= 1000; ++k)
      z += std::pow(k, -alpha);
    return -alpha * log_sum - n * std::log(z);
  };
  double low = 1.5;
  double high = 4.0;
  const double golden = (std::sqrt(5.0) - 1) / 2;
  while (high - low > 1e-6) {
    const double a = high - golden * (high - low);
    const double b = low + golden * (high - low);
    (log_likelihood(a) < log_likelihood(b) ? low : high) =
        log_likelihood(a) < log_likelihood(b) ? a : b;
  }
  const double alpha = (low + high) / 2;
  INFO("alpha " << alpha);
  CHECK(std::abs(alpha - 2.5) < 0.03);
  // An odd degree sum is made even by one extra stub.
  const std::vector<std::uint32_t> odd{1, 1, 1};
  CHECK(village::configuration_model(odd, RandomStream(6, 0)).node_count() == 3);
}

TEST_CASE("stochastic block model densities match within and between blocks", "[statistical]") {
  const std::vector<NodeId> sizes{2000, 2000, 2000};
  std::vector<double> p(9, 0.001);
  for (int b = 0; b < 3; ++b)
    p[b * 3 + b] = 0.01;
  const auto layer = village::stochastic_block_model(sizes, p, RandomStream(7, 0));
  CHECK(simple_and_symmetric(layer));
  double within = 0;
  double between = 0;
  for (NodeId v = 0; v < 6000; ++v) {
    for (NodeId u : layer.neighbours(v)) {
      if (u > v) (u / 2000 == v / 2000 ? within : between) += 1;
    }
  }
  const double within_pairs = 3 * 2000.0 * 1999 / 2;
  const double between_pairs = 3 * 2000.0 * 2000;
  // Binomial counts: within ~ 59,970 (sd 243), between ~ 12,000 (sd 110); 5 sd.
  CHECK(std::abs(within - 0.01 * within_pairs) < 5 * std::sqrt(0.01 * within_pairs));
  CHECK(std::abs(between - 0.001 * between_pairs) < 5 * std::sqrt(0.001 * between_pairs));
  CHECK_THROWS_AS(
      village::stochastic_block_model(sizes, std::vector<double>(4, 0.1), RandomStream(7, 0)),
      std::invalid_argument);
}

TEST_CASE("complete graphs have every pair", "[unit]") {
  const auto layer = village::complete_graph(60);
  CHECK(layer.edge_count() == 60 * 59 / 2);
  CHECK(simple_and_symmetric(layer));
}

TEST_CASE("generators are pure functions of the stream", "[unit]") {
  const auto a = village::barabasi_albert(5000, 2, RandomStream(9, 0));
  const auto b = village::barabasi_albert(5000, 2, RandomStream(9, 0));
  const auto c = village::barabasi_albert(5000, 2, RandomStream(9, 1));
  CHECK(a.targets() == b.targets());
  CHECK(a.targets() != c.targets());
  CHECK(village::watts_strogatz(1000, 4, 0.2, RandomStream(1, 0)).targets() ==
        village::watts_strogatz(1000, 4, 0.2, RandomStream(1, 0)).targets());
  CHECK(village::erdos_renyi_gnp(1000, 0.01, RandomStream(1, 0)).targets() !=
        village::erdos_renyi_gnp(1000, 0.01, RandomStream(2, 0)).targets());
}

TEST_CASE("generators refuse impossible parameters", "[unit]") {
  const RandomStream rng(1, 0);
  CHECK_THROWS_AS(village::erdos_renyi_gnp(10, 1.5, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::watts_strogatz(10, 3, 0.1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::watts_strogatz(10, 10, 0.1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::barabasi_albert(10, 10, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::power_law_degrees(10, 1.0, 1, 5, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::power_law_degrees(10, 2.0, 6, 5, rng), std::invalid_argument);
}
