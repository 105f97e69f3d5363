// The coordination model (models/coordination.hpp): the memory rule by hand, and the
// established convention holding without a committed minority.

#include "models/coordination.hpp"

#include <catch2/catch.hpp>

#include "model_test_support.hpp"
#include "sim/generators/generators.hpp"

using village::ParamValues;
using village::RandomStream;

TEST_CASE("coordination: an agent names what most of its remembered partners named", "[unit]") {
  // Two agents, the second committed; memory 3 starts 0, 0, 0. Round 1: the first hears
  // 1 (one of three): still 0. Round 2: two of three: it switches.
  ParamValues values = village_test::defaults_of("coordination");
  values.set("memory", 3.0);
  values.set("initial_count", 1.0);
  values.set("seeding", std::string("top_degree"));  // ties: the smaller id, agent 0
  auto model = village::find_model("coordination")->make(values);
  auto world = village_test::world_of(village::complete_graph(2));
  const RandomStream rng(1, 0);
  model->initialize(world, rng);
  const auto& names = static_cast<village::CoordinationModel&>(*model).names();
  CHECK(names == std::vector<std::uint8_t>{1, 0});
  model->step(world, {rng, 0});
  CHECK(names == std::vector<std::uint8_t>{1, 0});
  model->step(world, {rng, 1});
  CHECK(names == std::vector<std::uint8_t>{1, 1});
  CHECK(village_test::observed(*model, world, "alternative_uncommitted") == 1.0);
}

TEST_CASE("coordination: without committed agents the convention never changes", "[unit]") {
  auto model = village::find_model("coordination")->make(village_test::defaults_of("coordination"));
  auto world = village_test::world_of(village::complete_graph(30));
  village_test::advance(*model, world, RandomStream(3, 0), 200);
  CHECK(village_test::observed(*model, world, "alternative") == 0.0);
}
