// Population synthesis at scale and at the edges: a 200,000-household region, the slow
// million-household build, tiny and degenerate communities, population groups.
#include <catch2/catch.hpp>

#include "tests/scenarios/community_test_support.hpp"

using namespace community_test;

TEST_CASE("community: 200,000 households build with about the expected arcs per layer",
          "[unit][community]") {
  // The city district's communities and institutions at 25 times its size.
  std::ifstream in(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/city_district.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = text.find("households = 8000");
  REQUIRE(at != std::string::npos);
  text.replace(at, 17, "households = 200000");
  const auto scenario = load_scenario(write_scenario("large.toml", text));
  REQUIRE(scenario.community->values.integer("households") == 200000);
  const World world = build(scenario, 17, 0);
  CHECK(kind_range(world, schema::kParents).size() == 200000);

  // community_expected_arcs' terms per layer (each edge counted in both directions).
  const CommunitySpec& spec = *scenario.community;
  const ParamValues& v = spec.values;
  const ParamValues& pro = spec.professionals;
  const ParamValues& kf = spec.key_figures;
  const double n = 200000;
  const auto per_thousand = [&](double rate) {
    return rate > 0 ? std::max(1.0, std::round(rate * n / 1000)) : 0.0;
  };
  double memberships = 0;
  for (const CommunityGroup& group : spec.communities) {
    for (double chance : group.membership)
      memberships += group.share * chance * n;
  }
  const double religious = (per_thousand(spec.organisations.real("mosque")) +
                            per_thousand(spec.organisations.real("church"))) *
                           kf.real("religious_leaders_per_organisation");
  std::map<std::string_view, double> expected{
      {schema::layer::family_friends, n * v.real("family_friends_mean_degree")},
      {schema::layer::neighbourhood, n * v.real("neighbourhood_mean_degree")},
      {schema::layer::school, n * (v.real("class_size") - 1)},
      {schema::layer::membership, 2 * memberships},
      {schema::layer::caseload,
       2 * (n +
            per_thousand(pro.real("youth_worker_per_1000")) * pro.real("youth_worker_caseload") +
            per_thousand(pro.real("youth_team_per_1000")) * pro.real("youth_team_caseload") +
            per_thousand(pro.real("community_health_per_1000")) *
                pro.real("community_health_caseload"))},
      {schema::layer::key_figures,
       2 * (per_thousand(kf.real("church_elders_per_1000")) * kf.real("church_elder_reach") +
            per_thousand(kf.real("neighbourhood_parents_per_1000")) *
                kf.real("neighbourhood_parent_reach") +
            per_thousand(kf.real("youth_workers_per_1000")) * kf.real("youth_worker_reach") +
            religious * kf.real("religious_leader_reach"))},
      {schema::layer::online, 2 * per_thousand(kf.real("parent_influencers_per_1000")) *
                                  kf.real("influencer_followers_mean")}};
  double sum = 0, total = 0;
  for (std::string_view name : kLayers) {
    const double arcs = static_cast<double>(world.layer(std::string(name)).arc_count());
    INFO("layer " << name << ": " << arcs << " arcs, expected " << expected[name] << " (ratio "
                  << arcs / expected[name] << ")");
    CHECK(std::abs(arcs / expected[name] - 1) < 0.2);
    sum += expected[name];
    total += arcs;
  }
  // The per-layer terms are the estimate's, which counts both directions.
  CHECK(sum == Approx(community_expected_arcs(spec)).epsilon(1e-9));
  INFO("stored arcs " << total << ", estimated " << community_expected_arcs(spec));
  CHECK(std::abs(total / community_expected_arcs(spec) - 1) < 0.25);
  CHECK(scenario.expected_arcs() == Approx(community_expected_arcs(spec)));
}

// Scale: 1,000,000 households of the city district with proportional institutions.
// Hidden (run with "[slow]"); prints agents and arcs per layer. Time and peak memory
// are measured outside, with /usr/bin/time -v, not asserted.
TEST_CASE("community: 1,000,000 households", "[.][slow][community]") {
  std::ifstream in(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/city_district.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = text.find("households = 8000");
  REQUIRE(at != std::string::npos);
  text.replace(at, 17, "households = 1000000");
  const auto neighbourhoods = text.find("neighbourhoods = 8\n");
  REQUIRE(neighbourhoods != std::string::npos);
  text.replace(neighbourhoods, 18, std::string("neighbourhoods = 80"));  // ten times as many
  const auto scenario = load_scenario(write_scenario("million.toml", text));
  const auto start = std::chrono::steady_clock::now();
  const World world = build(scenario, 18, 0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(kind_range(world, schema::kParents).size() == 1000000);
  std::cout << "synthesis: " << seconds << " s, " << world.population.size() << " agents ("
            << kind_range(world, schema::kProfessionals).size() << " professionals, "
            << kind_range(world, schema::kKeyFigures).size() << " key figures, "
            << kind_range(world, schema::kOrganisations).size() << " organisations), "
            << scenario.community->values.integer("neighbourhoods") << " neighbourhoods\n";
  double total = 0;
  for (std::string_view name : kLayers) {
    const auto arcs = world.layer(std::string(name)).arc_count();
    total += static_cast<double>(arcs);
    std::cout << "  " << name << ": " << arcs << " arcs\n";
  }
  std::cout << "  all layers: " << total << " arcs, estimated "
            << community_expected_arcs(*scenario.community) << "\n";
  CHECK(std::abs(total / community_expected_arcs(*scenario.community) - 1) < 0.25);
}

TEST_CASE("community: tiny and degenerate communities build", "[unit][community]") {
  const std::vector<std::string> cases{
      "[community]\nhouseholds = 1\n",
      "[community]\nhouseholds = 3\nneighbourhoods = 10\nclass_size = 200\n",
      "[community]\nhouseholds = 500\nfamily_friends_mean_degree = 0\n"
      "neighbourhood_mean_degree = 0\nprimary_share = 1\n"
      "[community.organisations]\nchurch = 5\nsports_club = 0\ncommunity_centre = 0\n"
      "parent_room = 0\n"
      "[community.professionals]\nyouth_worker_per_1000 = 0\nyouth_team_per_1000 = 0\n"
      "community_health_per_1000 = 0\nmunicipality_per_1000 = 0\n"
      "[community.key_figures]\nchurch_elders_per_1000 = 10\n",
      "[community]\nhouseholds = 2000\n" + std::string(R"(
[[community.communities]]
name = "tiny"
share = 0.001
membership = { mosque = 1.0 }
[[community.communities]]
name = "rest"
share = 0.999
[community.organisations]
mosque = 2
)")};
  for (std::size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i << ":\n" << cases[i]);
    const auto scenario = load_community("tiny" + std::to_string(i) + ".toml", cases[i]);
    const World world = build(scenario, 19, 0);
    const Population& pop = world.population;
    const KindRange& parents = kind_range(world, schema::kParents);
    const KindRange& pros = kind_range(world, schema::kProfessionals);
    REQUIRE(parents.size() ==
            static_cast<NodeId>(scenario.community->values.integer("households")));
    CHECK(static_cast<double>(pop.size()) <= community_expected_agents(*scenario.community));
    // Partners are professionals with parent contact (fallbacks included), never
    // municipality staff; -1 only where there is no such professional.
    const auto& partner = col(world, schema::column::partner);
    const auto& role = col(world, schema::column::role);
    bool any_with_parents = false;
    for (NodeId p = pros.begin; p < pros.end; ++p) {
      any_with_parents = any_with_parents || static_cast<schema::ProfessionalRole>(code(role[p])) !=
                                                 schema::ProfessionalRole::municipality;
    }
    for (NodeId a = parents.end; a < pop.size(); ++a) {
      if (in(pros, a)) continue;
      if (!any_with_parents) {
        CHECK(partner[a] == -1);
        continue;
      }
      REQUIRE(in(pros, partner[a]));
      CHECK(static_cast<schema::ProfessionalRole>(code(role[static_cast<NodeId>(partner[a])])) !=
            schema::ProfessionalRole::municipality);
    }
    // Every parent sits in a class that is a clique of at most class_size parents.
    const CsrLayer& school = world.layer(std::string(schema::layer::school));
    const auto& school_class = col(world, schema::column::school_class);
    const auto class_size = scenario.community->values.integer("class_size");
    for (NodeId p = parents.begin; p < parents.end; ++p) {
      CHECK(school.degree(p) < class_size);
      for (NodeId q : school.neighbours(p))
        REQUIRE(school_class[q] == school_class[p]);
    }
    for (std::string_view name : kLayers) {
      const CsrLayer& layer = world.layer(std::string(name));
      REQUIRE(layer.node_count() == pop.size());
    }
  }
}

TEST_CASE("community: the world names its roles for readers outside the model",
          "[unit][community]") {
  const auto scenario = load_community("roles.toml", "[community]\nhouseholds = 200\n");
  const World world = build(scenario, 21, 0);
  const WorldRoles& roles = world.roles;
  CHECK(roles.members == schema::kParents);
  CHECK(roles.helpers == schema::kProfessionals);
  CHECK(roles.bridges == schema::kKeyFigures);
  CHECK(roles.social_layer == schema::layer::family_friends);
  CHECK(roles.service_layer == schema::layer::caseload);
  CHECK(roles.bridge_layer == schema::layer::key_figures);
  CHECK(roles.area_column == schema::column::neighbourhood);
  CHECK(roles.vulnerable_column == schema::column::vulnerable);
  for (const std::string& kind : {roles.members, roles.helpers, roles.bridges})
    CHECK(world.population.kind(kind).size() > 0);
  for (const std::string& layer : {roles.social_layer, roles.service_layer, roles.bridge_layer})
    CHECK(world.layers.count(layer) == 1);
  CHECK(world.population.has_real_column(roles.area_column));
  CHECK(world.population.has_real_column(roles.vulnerable_column));
}

TEST_CASE("community: population groups are the communities plus none", "[unit][community]") {
  const auto scenario = load_community("groups.toml", three_communities("", kInstitutions));
  const World world = build(scenario, 20, 0);
  const Population& pop = world.population;
  // Professionals (community -1) are always there, so "none" is too.
  CHECK(pop.group_names() == std::vector<std::string>{"a", "b", "c", "none"});
  const auto& community = col(world, schema::column::community);
  const KindRange& parents = kind_range(world, schema::kParents);
  for (NodeId a = 0; a < pop.size(); ++a) {
    const long c = code(community[a]);
    REQUIRE(pop.group_of()[a] == (c < 0 ? 3u : static_cast<std::uint32_t>(c)));
    if (in(parents, a)) REQUIRE(c >= 0);  // parents always belong to a community
  }
  // Professionals never do.
  const KindRange& pros = kind_range(world, schema::kProfessionals);
  for (NodeId p = pros.begin; p < pros.end; ++p)
    REQUIRE(community[p] == -1);
}

TEST_CASE("community: family_friends_dispersion spreads the degrees, keeping their mean",
          "[unit][community]") {
  // Degree variance about mean + d mean^2 / 4 (community_params; layers.cpp): Poisson at
  // d = 0. 20,000 households: the sample variance is within a few percent of its
  // expectation, so 15% leaves several standard errors.
  std::map<double, std::pair<double, double>> moments;  // d -> (mean, variance)
  for (double d : {0.0, 2.0}) {
    const auto scenario = load_community(
        "dispersion.toml",
        three_communities("family_friends_dispersion = " + std::to_string(d) + "\n"));
    const World world = build(scenario, 5, 0);
    const KindRange parents = kind_range(world, schema::kParents);
    const CsrLayer& friends = world.layer(std::string(schema::layer::family_friends));
    double sum = 0, squares = 0;
    for (NodeId p = parents.begin; p < parents.end; ++p) {
      const double degree = friends.degree(p);
      sum += degree;
      squares += degree * degree;
    }
    const double n = parents.size();
    const double mean = sum / n;
    moments[d] = {mean, squares / n - mean * mean};
  }
  const auto [mean0, var0] = moments[0.0];
  const auto [mean2, var2] = moments[2.0];
  INFO("mean " << mean0 << " / " << mean2 << ", variance " << var0 << " / " << var2);
  CHECK(mean0 == Approx(6).epsilon(0.05));
  CHECK(mean2 == Approx(mean0).epsilon(0.05));
  CHECK(var0 == Approx(mean0).epsilon(0.15));
  CHECK(var2 == Approx(mean2 + 2.0 * mean2 * mean2 / 4).epsilon(0.15));
}
