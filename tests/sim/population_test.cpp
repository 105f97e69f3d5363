#include "sim/population.hpp"

#include <catch2/catch.hpp>

#include "sim/world.hpp"

TEST_CASE("agent kinds occupy contiguous ranges in the order given", "[unit]") {
  const village::Population population({{"parent", 100}, {"professional", 5}, {"organisation", 3}});
  CHECK(population.size() == 108);
  REQUIRE(population.kinds().size() == 3);
  CHECK(population.kind("parent").begin == 0);
  CHECK(population.kind("parent").end == 100);
  CHECK(population.kind("professional").begin == 100);
  CHECK(population.kind("organisation").size() == 3);
  CHECK(population.kind("organisation").end == 108);
  CHECK_THROWS_AS(population.kind("teacher"), std::invalid_argument);
}

TEST_CASE("reporting groups and attribute columns", "[unit]") {
  village::Population population({{"node", 4}});
  CHECK(population.group_names().empty());
  population.assign_groups({"a", "b"}, {0, 1, 1, 0});
  CHECK(population.group_of()[2] == 1);
  CHECK_THROWS_AS(population.assign_groups({"a"}, {0, 1, 0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(population.assign_groups({"a"}, {0, 0}), std::invalid_argument);

  CHECK_FALSE(population.has_real_column("stress"));
  auto& stress = population.real_column("stress");
  CHECK(stress == std::vector<double>(4, 0.0));
  stress[3] = 0.7;
  CHECK(population.has_real_column("stress"));
  const auto& view = static_cast<const village::Population&>(population);
  CHECK(view.real_column("stress")[3] == 0.7);
  CHECK_THROWS_AS(view.real_column("trust"), std::invalid_argument);
}

TEST_CASE("a world finds its layers by name", "[unit]") {
  village::World world;
  world.population = village::Population({{"node", 2}});
  world.layers["friends"] = village::CsrLayer::from_edges(
      2, std::vector<village::EdgeRecord>{{0, 1, 1.f}}, village::Direction::undirected);
  CHECK(world.layer("friends").edge_count() == 1);
  CHECK_THROWS_AS(world.layer("school"), std::invalid_argument);
}
