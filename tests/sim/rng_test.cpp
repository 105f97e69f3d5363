#include "sim/rng.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

using village::DrawSequence;
using village::purpose;
using village::RandomStream;

TEST_CASE("a draw depends only on its address", "[unit]") {
  const RandomStream a(42, 3);
  const RandomStream b(42, 3);
  CHECK(a.uniform(7, 11, purpose("x"), 2) == b.uniform(7, 11, purpose("x"), 2));
  // Drawing other addresses first changes nothing: there is no hidden state.
  (void)b.uniform(1, 1, purpose("y"));
  CHECK(a.uniform(7, 11, purpose("x"), 2) == b.uniform(7, 11, purpose("x"), 2));
}

TEST_CASE("seed, run, step, agent, purpose and draw all change the draw", "[unit]") {
  const double base = RandomStream(42, 3).uniform(7, 11, purpose("x"), 2);
  CHECK(RandomStream(43, 3).uniform(7, 11, purpose("x"), 2) != base);
  CHECK(RandomStream(42, 4).uniform(7, 11, purpose("x"), 2) != base);
  CHECK(RandomStream(42, 3).uniform(8, 11, purpose("x"), 2) != base);
  CHECK(RandomStream(42, 3).uniform(7, 12, purpose("x"), 2) != base);
  CHECK(RandomStream(42, 3).uniform(7, 11, purpose("z"), 2) != base);
  CHECK(RandomStream(42, 3).uniform(7, 11, purpose("x"), 3) != base);
}

TEST_CASE("purpose ids are distinct for distinct names", "[unit]") {
  std::set<std::uint64_t> ids{purpose("sir.infect"), purpose("sir.recover"), purpose("sir.seed"),
                              purpose("ic.activate")};
  CHECK(ids.size() == 4);
}

TEST_CASE("uniform draws have the moments of U(0,1)", "[statistical]") {
  const RandomStream rng(1, 0);
  const int n = 200000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform(0, static_cast<std::uint64_t>(i), purpose("moments"));
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    sum += u;
    sum_sq += u * u;
  }
  // Mean 1/2 with standard error sqrt(1/12 / n) ~ 6.5e-4; 5 standard errors.
  CHECK(std::abs(sum / n - 0.5) < 5 * std::sqrt(1.0 / 12 / n));
  const double variance = sum_sq / n - (sum / n) * (sum / n);
  CHECK(std::abs(variance - 1.0 / 12) < 2e-3);
}

TEST_CASE("DrawSequence.below is uniform over its range", "[statistical]") {
  const RandomStream rng(5, 0);
  DrawSequence draws(rng, 0, 0, purpose("below"));
  const int bound = 7;
  const int n = 70000;
  std::vector<int> counts(bound, 0);
  for (int i = 0; i < n; ++i) {
    const auto k = draws.below(bound);
    REQUIRE(k < static_cast<std::uint64_t>(bound));
    ++counts[k];
  }
  // Pearson chi-square with 6 degrees of freedom; 99.9% quantile is 22.46.
  double chi_square = 0.0;
  const double expected = static_cast<double>(n) / bound;
  for (int c : counts)
    chi_square += (c - expected) * (c - expected) / expected;
  CHECK(chi_square < 22.46);
}

TEST_CASE("DrawSequence replays the same values from the same address", "[unit]") {
  const RandomStream rng(9, 1);
  DrawSequence first(rng, 3, 4, purpose("seq"));
  DrawSequence second(rng, 3, 4, purpose("seq"));
  for (int i = 0; i < 10; ++i)
    CHECK(first() == second());
  DrawSequence other(rng, 3, 5, purpose("seq"));
  CHECK(DrawSequence(rng, 3, 4, purpose("seq"))() != other());
}

TEST_CASE("uniform(..., d) is the d-th value of the DrawSequence at that address", "[unit]") {
  const RandomStream rng(12, 4);
  DrawSequence sequence(rng, 5, 6, purpose("same"));
  for (std::uint64_t d = 0; d < 9; ++d) {
    CHECK(rng.bits(5, 6, purpose("same"), d) == sequence());
  }
  CHECK(village::to_unit_interval(rng.bits(5, 6, purpose("same"), 7)) ==
        rng.uniform(5, 6, purpose("same"), 7));
  CHECK_THROWS_AS(sequence.below(0), std::invalid_argument);
}
