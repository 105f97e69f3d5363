// Plausible ranges (sim/plausible.hpp): every assumed magnitude in the registry has one,
// inside its valid domain, around its default, with a prior and a reason; priors map the
// unit interval as their quantile functions; a bare --param NAME sweeps the range.

#include <boost/math/distributions/beta.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "scenarios/param_lookup.hpp"
#include "scenarios/sweep_factors.hpp"
#include "sim/plausible.hpp"

using namespace village;

namespace {

bool is_number(const ParamSpec& spec) {
  return spec.type == ParamType::real || spec.type == ParamType::integer;
}

}  // namespace

TEST_CASE("every registered plausible range lies in its domain, around its default",
          "[unit][plausible]") {
  std::size_t ranges = 0;
  for (const RegisteredParam& entry : registered_params()) {
    INFO(entry.table << "." << entry.spec->name);
    CHECK(plausible_problem(*entry.spec).empty());
    if (has_plausible(*entry.spec)) ++ranges;
  }
  CHECK(ranges > 0);
}

TEST_CASE("every assumed magnitude has a plausible range", "[unit][plausible]") {
  std::size_t assumptions = 0;
  for (const RegisteredParam& entry : registered_params()) {
    const ParamSpec& spec = *entry.spec;
    if (!is_assumption(spec) || !is_number(spec)) continue;
    ++assumptions;
    INFO(entry.table << "." << spec.name << " (source: " << spec.source << ")");
    CHECK(has_plausible(spec));
  }
  CHECK(assumptions > 100);  // the parent-support model's and its community's
}

TEST_CASE("plausible_problem finds each kind of bad range", "[unit][plausible]") {
  ParamSpec spec{.name = "gain", .default_number = 0.3, .min = 0, .max = 1};
  spec.source = "assumption";
  CHECK(plausible_problem(plausible(spec, 0.1, 0.5, "why")).empty());
  CHECK_FALSE(plausible_problem(plausible(spec, 0.5, 0.1, "why")).empty());   // empty
  CHECK_FALSE(plausible_problem(plausible(spec, -0.1, 0.5, "why")).empty());  // domain
  CHECK_FALSE(plausible_problem(plausible(spec, 0.4, 0.5, "why")).empty());   // default
  CHECK_FALSE(plausible_problem(plausible(spec, 0.1, 0.5, "")).empty());      // reason
  CHECK_FALSE(plausible_problem(plausible_log(spec, 0.0, 0.5, "why")).empty());
  CHECK_FALSE(plausible_problem(plausible_beta(spec, 0.1, 0.5, 0, 2, "why")).empty());
  ParamSpec whole = spec;
  whole.type = ParamType::integer;
  whole.default_number = 3;
  whole.max = 10;
  CHECK(plausible_problem(plausible(whole, 2, 5, "why")).empty());
  CHECK_FALSE(plausible_problem(plausible(whole, 2.5, 5, "why")).empty());
}

TEST_CASE("priors map the unit interval through their quantile functions", "[unit][plausible]") {
  CHECK(prior_quantile(PriorShape::uniform, 0.2, 0.6, 1, 1, 0.25) == Approx(0.3));
  CHECK(prior_quantile(PriorShape::log_uniform, 0.01, 1, 1, 1, 0.5) == Approx(0.1));
  // Beta(2, 5) stretched over [0.1, 0.5]: its quantiles are boost's, scaled.
  const boost::math::beta_distribution<double> beta(2, 5);
  for (const double u : {0.05, 0.5, 0.95})
    CHECK(prior_quantile(PriorShape::beta, 0.1, 0.5, 2, 5, u) ==
          Approx(0.1 + 0.4 * boost::math::quantile(beta, u)));
  CHECK(prior_quantile(PriorShape::beta, 0.1, 0.5, 2, 2, 0.5) == Approx(0.3));
  CHECK(prior_quantile(PriorShape::beta, 0.1, 0.5, 2, 2, 0.0) == Approx(0.1));
  CHECK(prior_quantile(PriorShape::beta, 0.1, 0.5, 2, 2, 1.0) == Approx(0.5));
}

TEST_CASE("a bare --param NAME sweeps the registry's plausible range", "[unit][sweep][plausible]") {
  const Scenario scenario = load_scenario(std::filesystem::path(VILLAGE_SOURCE_DIR) /
                                          "scenarios/examples/strategies_district.toml");
  CHECK(names_plausible_factor("outreach.trust_gain"));
  CHECK_FALSE(names_plausible_factor("outreach.trust_gain=0.1:0.2"));
  const ParamSpec* spec = find_scenario_param(scenario, "model.trust_gain");
  REQUIRE(spec != nullptr);
  REQUIRE(has_plausible(*spec));
  const SweepFactor factor = plausible_factor("model.trust_gain", spec);
  CHECK(factor.low == spec->plausible_min);
  CHECK(factor.high == spec->plausible_max);
  CHECK(std::get<double>(factor.value_at(0.5)) == Approx(prior_quantile(*spec, 0.5)));
  CHECK(find_scenario_param(scenario, "outreach.inviting_share") != nullptr);
  CHECK(find_scenario_param(scenario, "community.key_figures.religious_leader_reach") != nullptr);
  CHECK(find_scenario_param(scenario, "model.no_such_key") == nullptr);
  CHECK_THROWS_AS(plausible_factor("model.no_such_key", nullptr), InputError);
  ParamSpec bare{.name = "x", .default_number = 1};
  CHECK_THROWS_AS(plausible_factor("model.x", &bare), InputError);
}
