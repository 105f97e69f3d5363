#include "sim/parallel.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

TEST_CASE("for_each_index visits every index exactly once", "[unit]") {
  std::vector<int> visits(100000, 0);
  village::for_each_index(0, 100000,
                          [&](std::int64_t i) { ++visits[static_cast<std::size_t>(i)]; });
  for (int v : visits)
    REQUIRE(v == 1);
  std::vector<int> balanced(50000, 0);
  village::for_each_index_balanced(
      10, 50000, [&](std::int64_t i) { ++balanced[static_cast<std::size_t>(i)]; });
  CHECK(balanced[9] == 0);
  CHECK(balanced[10] == 1);
  CHECK(balanced[49999] == 1);
}

TEST_CASE("sum_over_indices is bit-identical for any thread count", "[unit]") {
  // Terms of very different magnitude make the sum order-sensitive.
  auto term = [](std::int64_t i) {
    return std::pow(1.0001, static_cast<double>(i % 5000)) / (1.0 + static_cast<double>(i));
  };
  const int saved = village::thread_count();
  village::set_thread_count(1);
  const double one = village::sum_over_indices(0, 300000, term);
  village::set_thread_count(2);
  const double two = village::sum_over_indices(0, 300000, term);
  village::set_thread_count(saved);
  CHECK(one == two);
  double serial = 0.0;
  for (std::int64_t i = 0; i < 300000; ++i)
    serial += term(i);
  CHECK(one == Approx(serial).epsilon(1e-12));
  CHECK(village::sum_over_indices(5, 5, term) == 0.0);
}
