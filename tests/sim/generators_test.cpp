// Generator statistics against theory, structural guarantees, and reproducibility.
// Statistical tolerances are about five standard errors of the quantity tested, so a
// correct generator fails with probability below 1e-6 per check; seeds are fixed.

#include "sim/generators/generators.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
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

// Edges with both ends below `bound`.
double edges_below(const CsrLayer& layer, NodeId bound) {
  double count = 0;
  for (NodeId v = 0; v < bound; ++v) {
    for (NodeId u : layer.neighbours(v))
      count += u < v;
  }
  return count;
}

// Discrete power-law MLE approximation of Clauset, Shalizi & Newman 2009 (eq. 3.7):
// alpha = 1 + count / sum ln(k / (k_min - 1/2)) over the degrees k >= k_min.
double tail_exponent(const std::vector<double>& degrees, double k_min) {
  double log_sum = 0;
  double count = 0;
  for (double k : degrees) {
    if (k < k_min) continue;
    log_sum += std::log(k / (k_min - 0.5));
    count += 1;
  }
  return 1 + count / log_sum;
}

}  // namespace

TEST_CASE("G(n,p) has the expected mean degree and is simple", "[statistical]") {
  const NodeId n = 100000;
  const auto layer = village::erdos_renyi_gnp(n, 10.0 / (n - 1), RandomStream(1, 0));
  CHECK(layer.node_count() == n);
  // The edge count is Binomial(n(n-1)/2, p): sd of the mean degree 2 sqrt(m)/n ~ 0.014,
  // so 0.07 is five of them.
  CHECK(std::abs(mean_degree(layer) - 10.0) < 0.07);
  CHECK(simple_and_symmetric(layer));
  CHECK(village::erdos_renyi_gnp(50, 0.0, RandomStream(1, 0)).arc_count() == 0);
  CHECK(village::erdos_renyi_gnp(50, 1.0, RandomStream(1, 0)).edge_count() == 50 * 49 / 2);
  CHECK(village::erdos_renyi_gnp(0, 0.5, RandomStream(1, 0)).node_count() == 0);
  CHECK(village::erdos_renyi_gnp(1, 0.5, RandomStream(1, 0)).arc_count() == 0);
}

TEST_CASE("geometric skipping survives extreme probabilities", "[unit]") {
  // A gap of ln(2^-53) / ln(1 - 1e-300) pairs overflows any integer; it must saturate.
  CHECK(village::erdos_renyi_gnp(100000, 1e-300, RandomStream(1, 0)).arc_count() == 0);
  const double almost_one = 1.0 - std::numeric_limits<double>::epsilon();
  const auto dense = village::erdos_renyi_gnp(300, almost_one, RandomStream(1, 0));
  CHECK(dense.edge_count() == 300 * 299 / 2);
  CHECK(simple_and_symmetric(dense));
  const std::vector<NodeId> sizes{40, 0, 30};
  const std::vector<double> p{1, 0, 1e-300, 0, 0, 0, 1e-300, 0, 1};
  const auto blocks = village::stochastic_block_model(sizes, p, RandomStream(1, 0));
  CHECK(blocks.edge_count() == 40 * 39 / 2 + 30 * 29 / 2);
}

TEST_CASE("G(n,m) has exactly m distinct, uniformly placed edges", "[statistical]") {
  // Sparse draws pairs; dense (m above half the pairs) draws the absent pairs instead.
  const NodeId n = 200;
  const double pairs = n * (n - 1) / 2.0;
  for (const std::uint64_t m : {4000u, 15000u}) {
    INFO("m " << m);
    const auto layer = village::erdos_renyi_gnm(n, m, RandomStream(2, 0));
    CHECK(layer.edge_count() == m);
    CHECK(simple_and_symmetric(layer));
    // Edges inside the first half of the nodes are hypergeometric: m draws without
    // replacement from `pairs`, of which 100 * 99 / 2 qualify.
    const double share = 100 * 99 / 2.0 / pairs;
    const double mean = static_cast<double>(m) * share;
    const double sd =
        std::sqrt(mean * (1 - share) * (pairs - static_cast<double>(m)) / (pairs - 1));
    CHECK(std::abs(edges_below(layer, 100) - mean) < 5 * sd);
  }
  CHECK(village::erdos_renyi_gnm(10, 45, RandomStream(2, 0)).edge_count() == 45);
  CHECK(village::erdos_renyi_gnm(10, 0, RandomStream(2, 0)).edge_count() == 0);
  CHECK(village::erdos_renyi_gnm(100000, 500000, RandomStream(2, 0)).edge_count() == 500000);
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
    // Rewiring avoids existing edges, so the mean degree stays exactly k.
    CHECK(layer.edge_count() == static_cast<std::uint64_t>(n) * k / 2);
    CHECK(simple_and_symmetric(layer));
    const double expected = c0 * std::pow(1 - beta, 3);
    // Exact at beta = 0. Otherwise the formula is a ratio of mean triangles to mean
    // triples and neglects triangles closed by rewired edges (O(k/n)): over seeds the
    // average local coefficient sits 0.002-0.007 above it, with a sampling sd near
    // 0.002 at 20,000 nodes. 0.02 covers both with room.
    CHECK(std::abs(average_clustering(layer) - expected) < (beta == 0.0 ? 1e-12 : 0.02));
  }
  // beta = 1 rewires every edge and still keeps the count.
  CHECK(village::watts_strogatz(500, 6, 1.0, RandomStream(3, 0)).edge_count() == 1500);
  // k = n - 1 (n odd) is the complete graph, which no rewiring can change.
  CHECK(village::watts_strogatz(9, 8, 0.5, RandomStream(3, 0)).edge_count() == 36);
}

TEST_CASE("Barabasi-Albert has mean degree 2m and a degree tail exponent near 3", "[statistical]") {
  const NodeId n = 200000;
  const std::uint32_t m = 3;
  const auto layer = village::barabasi_albert(n, m, RandomStream(4, 0));
  CHECK(simple_and_symmetric(layer));
  // A clique of m + 1 nodes, then m edges per node: exact.
  const double edges = m * (m + 1) / 2.0 + static_cast<double>(n - m - 1) * m;
  CHECK(static_cast<double>(layer.edge_count()) == edges);
  CHECK(std::abs(mean_degree(layer) - 2.0 * m) < 1e-3);

  std::vector<double> degrees(n);
  for (NodeId v = 0; v < n; ++v)
    degrees[v] = layer.degree(v);
  const double k_min = 10;
  const double alpha = tail_exponent(degrees, k_min);
  INFO("alpha " << alpha);
  // The asymptotic exponent is 3 (Barabasi & Albert 1999). At finite k the exact
  // distribution is P(k) = 2m(m+1) / (k(k+1)(k+2)) (Dorogovtsev, Mendes & Samukhin
  // 2000), steeper than k^-3 near k_min, so the estimator's expectation is below 3.
  // Compute it, and its delta-method standard error (alpha-1)^2 sd(ln k) / sqrt(tail).
  double weight = 0;
  double mean_log = 0;
  double mean_log2 = 0;
  for (double k = k_min; k < 1e6; ++k) {
    const double p = 1 / (k * (k + 1) * (k + 2));
    const double l = std::log(k / (k_min - 0.5));
    weight += p;
    mean_log += p * l;
    mean_log2 += p * l * l;
  }
  mean_log /= weight;
  mean_log2 /= weight;
  const double expected = 1 + 1 / mean_log;  // 2.87
  const double tail = n * 2.0 * m * (m + 1) * weight;
  const double se = std::pow(expected - 1, 2) * std::sqrt(mean_log2 - mean_log * mean_log) /
                    std::sqrt(tail);  // 0.012
  CHECK(std::abs(alpha - expected) < 5 * se);
  // And the broad claim: any tail exponent outside [2.7, 3.3] would not be BA's (uniform
  // attachment gives an exponential tail, alpha >> 3; linear preference with initial
  // attractiveness A gives 3 + A/m).
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
  double square = 0;
  for (auto k : degrees)
    square += static_cast<double>(k) * k;
  // Poisson variance = mean. The sample variance has sd sqrt((mu4 - sigma^4) / n) =
  // sqrt((10 * 31 - 100) / 1e5) ~ 0.046; 0.25 is five of them.
  CHECK(std::abs(square / n - std::pow(stubs / n, 2) - 10.0) < 0.25);

  const auto layer = village::configuration_model(degrees, rng);
  CHECK(simple_and_symmetric(layer));
  CHECK(static_cast<double>(layer.arc_count()) >= 0.999 * stubs);
  // With c = <k(k-1)>/<k> = 10, a random matching has about c/2 = 5 self-loops and
  // c^2/4 = 25 doubled pairs (Newman 2010, Networks, sec. 13.2), each erasure costing
  // two arcs: about 60 lost arcs, a near-Poisson count of erasures with sd 2 sqrt(30) ~ 11.
  const double lost = stubs - static_cast<double>(layer.arc_count());
  INFO("lost arcs " << lost);
  CHECK(std::abs(lost - 60) < 55);
  std::size_t exact = 0;
  for (NodeId v = 0; v < n; ++v)
    exact += layer.degree(v) == degrees[v];
  CHECK(static_cast<double>(exact) > 0.998 * n);
  // An odd degree sum is made even by one extra stub on the last node.
  const std::vector<std::uint32_t> star{3, 1, 1, 0};
  const auto odd = village::configuration_model(star, RandomStream(6, 0));
  CHECK(odd.node_count() == 4);
  CHECK(simple_and_symmetric(odd));
  CHECK(village::configuration_model(std::vector<std::uint32_t>{}, rng).node_count() == 0);
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
    if (log_likelihood(a) < log_likelihood(b)) {
      low = a;
    } else {
      high = b;
    }
  }
  const double alpha = (low + high) / 2;
  INFO("alpha " << alpha);
  CHECK(std::abs(alpha - 2.5) < 0.03);
  // A single allowed degree, and the largest range the table accepts at its edges.
  const auto fixed = village::power_law_degrees(100, 3.0, 7, 7, RandomStream(6, 0));
  CHECK(std::all_of(fixed.begin(), fixed.end(), [](auto k) { return k == 7; }));
  const auto far =
      village::power_law_degrees(10, 2.0, 0xFFFF'FFF0u, 0xFFFF'FFFFu, RandomStream(6, 0));
  CHECK(*std::min_element(far.begin(), far.end()) >= 0xFFFF'FFF0u);
}

TEST_CASE("stochastic block model densities match within and between blocks", "[statistical]") {
  const NodeId size = 2000;
  const std::vector<NodeId> sizes{size, size, size};
  std::vector<double> p(9, 0.001);
  for (int b = 0; b < 3; ++b)
    p[b * 3 + b] = 0.01;
  const auto layer = village::stochastic_block_model(sizes, p, RandomStream(7, 0));
  CHECK(layer.node_count() == 3 * size);
  CHECK(simple_and_symmetric(layer));
  double count[3][3] = {};
  for (NodeId v = 0; v < 3 * size; ++v) {
    for (NodeId u : layer.neighbours(v)) {
      if (u < v) count[u / size][v / size] += 1;  // u < v, so the blocks are ordered
    }
  }
  // Each count is Binomial(pairs, p): within a block 1,999,000 pairs, mean 19,990 and
  // sd 141; between two blocks 4,000,000 pairs, mean 4,000 and sd 63. Five sd each.
  for (int r = 0; r < 3; ++r) {
    for (int s = r; s < 3; ++s) {
      const double pairs = r == s ? size * (size - 1) / 2.0 : 1.0 * size * size;
      const double q = p[r * 3 + s];
      INFO("blocks " << r << ", " << s);
      CHECK(std::abs(count[r][s] - q * pairs) < 5 * std::sqrt(pairs * q * (1 - q)));
    }
  }
}

TEST_CASE("complete graphs have every pair", "[unit]") {
  const auto layer = village::complete_graph(60);
  CHECK(layer.edge_count() == 60 * 59 / 2);
  CHECK(simple_and_symmetric(layer));
  CHECK(village::complete_graph(0).node_count() == 0);
  CHECK(village::complete_graph(1).arc_count() == 0);
}

TEST_CASE("generators are pure functions of the stream", "[unit]") {
  const std::vector<std::pair<const char*, std::function<CsrLayer(const RandomStream&)>>> makers{
      {"gnp", [](const RandomStream& r) { return village::erdos_renyi_gnp(2000, 0.005, r); }},
      {"gnm", [](const RandomStream& r) { return village::erdos_renyi_gnm(2000, 5000, r); }},
      {"ws", [](const RandomStream& r) { return village::watts_strogatz(2000, 6, 0.2, r); }},
      {"ba", [](const RandomStream& r) { return village::barabasi_albert(2000, 3, r); }},
      {"poisson",
       [](const RandomStream& r) {
         return village::configuration_model(village::poisson_degrees(2000, 5.0, r), r);
       }},
      {"power law",
       [](const RandomStream& r) {
         return village::configuration_model(village::power_law_degrees(2000, 2.5, 2, 40, r), r);
       }},
      {"sbm", [](const RandomStream& r) {
         const std::vector<NodeId> sizes{1000, 1000};
         const std::vector<double> p{0.01, 0.002, 0.002, 0.01};
         return village::stochastic_block_model(sizes, p, r);
       }}};
  for (const auto& [name, make] : makers) {
    INFO(name);
    const auto a = make(RandomStream(9, 0));
    CHECK(a.targets() == make(RandomStream(9, 0)).targets());
    CHECK(a.offsets() == make(RandomStream(9, 0)).offsets());
    CHECK(a.targets() != make(RandomStream(10, 0)).targets());  // another seed
    CHECK(a.targets() != make(RandomStream(9, 1)).targets());   // another run
    CHECK(simple_and_symmetric(a));
  }
}

TEST_CASE("generators refuse impossible parameters", "[unit]") {
  const RandomStream rng(1, 0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(village::erdos_renyi_gnp(10, 1.5, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::erdos_renyi_gnp(10, -0.1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::erdos_renyi_gnp(10, nan, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::erdos_renyi_gnm(0, 1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::watts_strogatz(10, 3, 0.1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::watts_strogatz(10, 10, 0.1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::watts_strogatz(10, 4, 1.1, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::watts_strogatz(10, 4, nan, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::barabasi_albert(10, 10, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::barabasi_albert(10, 0, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::poisson_degrees(10, -1.0, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::poisson_degrees(10, nan, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::power_law_degrees(10, 1.0, 1, 5, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::power_law_degrees(10, 2.0, 6, 5, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::power_law_degrees(10, 2.0, 0, 5, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::power_law_degrees(10, 2.0, 1, 0xFFFF'FFFFu, rng), std::invalid_argument);
  const std::vector<NodeId> sizes{5, 5};
  const std::vector<double> asymmetric{0.1, 0.2, 0.3, 0.1};
  const std::vector<double> out_of_range{0.1, 2.0, 2.0, 0.1};
  CHECK_THROWS_AS(village::stochastic_block_model(sizes, std::vector<double>(3, 0.1), rng),
                  std::invalid_argument);
  CHECK_THROWS_AS(village::stochastic_block_model(sizes, asymmetric, rng), std::invalid_argument);
  CHECK_THROWS_AS(village::stochastic_block_model(sizes, out_of_range, rng), std::invalid_argument);
}
