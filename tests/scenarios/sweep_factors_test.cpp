// Sweep factors: parsing --param, mapping the unit cube to values, writing a value into a
// parsed scenario.

#include "scenarios/sweep_factors.hpp"

#include <catch2/catch.hpp>

using namespace village;

TEST_CASE("sweep factors parse ranges, log ranges, integer ranges and levels", "[unit][sweep]") {
  const SweepFactor real = parse_sweep_factor("model.transmissibility=0.1:0.5");
  CHECK(real.name == "model.transmissibility");
  CHECK(real.scale == FactorScale::linear);
  CHECK(std::get<double>(real.value_at(0.0)) == 0.1);
  CHECK(std::get<double>(real.value_at(1.0)) == 0.5);
  CHECK(std::get<double>(real.value_at(0.5)) == Approx(0.3));
  CHECK(real.level_count() == 0);

  const SweepFactor log = parse_sweep_factor("model.rate=0.01:1:log");
  CHECK(log.scale == FactorScale::log);
  CHECK(std::get<double>(log.value_at(0.5)) == Approx(0.1));

  const SweepFactor whole = parse_sweep_factor("community.households=2000:4000:int");
  CHECK(whole.scale == FactorScale::integer);
  CHECK(std::get<double>(whole.value_at(0.0)) == 2000);
  CHECK(std::get<double>(whole.value_at(1.0)) == 4000);
  CHECK(std::get<double>(whole.value_at(0.4997)) == 2999);
  CHECK(whole.level_count() == 0);
  // Integral bounds alone do not make a range integer (0:1 is a share), unless the
  // scenario file holds an integer there.
  SweepFactor plain = parse_sweep_factor("community.households=2000:4000");
  CHECK(plain.scale == FactorScale::linear);
  resolve_factor_scale(plain, toml::parse("[community]\nhouseholds = 3500\n"));
  CHECK(plain.scale == FactorScale::integer);
  SweepFactor share = parse_sweep_factor("outreach.inviting_share=0:1");
  resolve_factor_scale(share, toml::parse("[outreach]\ninviting_share = 0.5\n"));
  CHECK(share.scale == FactorScale::linear);

  const SweepFactor levels = parse_sweep_factor("network.generator=erdos_renyi,watts_strogatz");
  CHECK(levels.scale == FactorScale::levels);
  REQUIRE(levels.level_count() == 2);
  CHECK(std::get<std::string>(levels.value_at(0.2)) == "erdos_renyi");
  CHECK(std::get<std::string>(levels.value_at(1.0)) == "watts_strogatz");
  const SweepFactor flags = parse_sweep_factor("outreach.partnership=true,false");
  CHECK(std::get<bool>(flags.value_at(0.0)) == true);
  const SweepFactor numbers = parse_sweep_factor("network.mean_degree=4,8,16");
  CHECK(std::get<double>(numbers.value_at(0.99)) == 16);
}

TEST_CASE("sweep factors refuse malformed specifications", "[unit][sweep]") {
  for (const char* bad :
       {"model.x", "x=0:1", "model.x=1:0", "model.x=a:b", "model.x=0:1:cubic", "model.x=0:1:2:3",
        "model.x=-1:1:log", "model.x=0.5:3:int", "model..x=0:1", "model.x=a,,b", "=0:1"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_sweep_factor(bad), InputError);
  }
  try {
    parse_sweep_factor("model.x=1:0");
  } catch (const InputError& error) {
    CHECK(error.format().rfind("error: --param: ", 0) == 0);
  }
}

TEST_CASE("set_scenario_value writes nested keys and keeps integers integers", "[unit][sweep]") {
  toml::table root = toml::parse(R"(
[community]
households = 3500
low_education_share = 0.3
[model]
kind = "sir"
)");
  set_scenario_value(root, "community.households", 2500.0);
  CHECK(root["community"]["households"].is_integer());
  CHECK(root["community"]["households"].value<std::int64_t>() == 2500);
  set_scenario_value(root, "community.low_education_share", 1.0);
  CHECK(root["community"]["low_education_share"].is_floating_point());
  set_scenario_value(root, "outreach.inviting_share", 0.25);  // a new table
  CHECK(root["outreach"]["inviting_share"].value<double>() == 0.25);
  set_scenario_value(root, "community.key_figures.church_elder_reach", 12.0);
  CHECK(root["community"]["key_figures"]["church_elder_reach"].value<std::int64_t>() == 12);
  set_scenario_value(root, "model.kind", std::string("deffuant"));
  CHECK(root["model"]["kind"].value<std::string>() == "deffuant");
  CHECK_THROWS_AS(set_scenario_value(root, "model.kind.x", 1.0), InputError);
  CHECK(format_param_value(ParamValue{0.25}) == "0.25");
  CHECK(format_param_value(ParamValue{true}) == "true");
}
