// Population synthesis (scenarios/community/households.cpp): identity, agent kinds and
// sizes, vulnerability factors and their correlation, parent types, community shares and
// segregation, initial trust. Statistical checks use fixed seeds and state the sigma of
// each tolerance (contract: models/community_schema.hpp, docs/ODD.md section 5).
#include <catch2/catch.hpp>

#include "tests/scenarios/community_test_support.hpp"

using namespace community_test;

TEST_CASE("community: the same seed and run give the identical world, others a different one",
          "[unit][community]") {
  const auto scenario =
      load_scenario(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/city_district.toml");
  const World a = build(scenario, 2026, 0);
  const World b = build(scenario, 2026, 0);
  REQUIRE(a.population.size() == b.population.size());
  CHECK(a.population.group_names() == b.population.group_names());
  CHECK(a.population.group_of() == b.population.group_of());
  for (std::string_view name : kColumns) {
    INFO("column " << name);
    REQUIRE(a.population.has_real_column(std::string(name)));
    REQUIRE(b.population.has_real_column(std::string(name)));
    CHECK(col(a, name) == col(b, name));
  }
  REQUIRE(a.layers.size() == kLayers.size());
  REQUIRE(b.layers.size() == kLayers.size());
  for (std::string_view name : kLayers) {
    INFO("layer " << name);
    const CsrLayer& la = a.layer(std::string(name));
    const CsrLayer& lb = b.layer(std::string(name));
    CHECK(la.node_count() == a.population.size());
    CHECK(la.offsets() == lb.offsets());
    CHECK(la.targets() == lb.targets());
  }
  // Another run, or another seed: the households and their ties differ.
  for (const auto& [seed, run] : {std::pair<std::uint64_t, std::uint64_t>{2026, 1}, {2027, 0}}) {
    INFO("seed " << seed << " run " << run);
    const World c = build(scenario, seed, run);
    CHECK(col(c, schema::column::community) != col(a, schema::column::community));
    CHECK(col(c, schema::column::institutional_trust) !=
          col(a, schema::column::institutional_trust));
    CHECK(c.layer(std::string(schema::layer::family_friends)).targets() !=
          a.layer(std::string(schema::layer::family_friends)).targets());
    CHECK(c.layer(std::string(schema::layer::caseload)).targets() !=
          a.layer(std::string(schema::layer::caseload)).targets());
  }
}

TEST_CASE("community: agent kinds come in schema order with the sizes the spec implies",
          "[unit][community]") {
  // Rates chosen away from .5 so the rounding is unambiguous (households = 10,000:
  // count = rate * 10).
  const auto scenario = load_community("sizes.toml", R"([community]
households = 10000
neighbourhoods = 4
class_size = 25

[[community.communities]]
name = "a"
share = 0.6
membership = { church = 0.3, sports_club = 0.2 }

[[community.communities]]
name = "b"
share = 0.4
membership = { mosque = 0.5, womens_network = 0.2, community_centre = 0.1 }

[community.organisations]
mosque = 0.17                 # 1.7 -> 2
church = 0.04                 # 0.4 -> 0, but a positive rate gives at least 1
community_centre = 0.42       # 4.2 -> 4
parent_room = 0               # none
womens_network = 0.26         # 2.6 -> 3
migrant_organisation = 0      # none
sports_club = 1.08            # 10.8 -> 11

[community.professionals]
youth_worker_per_1000 = 0.52        # 5
youth_team_per_1000 = 1.07          # 11
community_health_per_1000 = 0.01    # 0.1 -> 1
municipality_per_1000 = 0           # none

[community.key_figures]
religious_leaders_per_organisation = 2   # (2 mosques + 1 church) * 2 = 6
church_elders_per_1000 = 0.33            # 3
neighbourhood_parents_per_1000 = 0.46    # 5
youth_workers_per_1000 = 0               # none
parent_influencers_per_1000 = 0.001      # 0.01 -> 1
)");
  const World world = build(scenario, 11, 0);
  const auto& kinds = world.population.kinds();
  REQUIRE(kinds.size() == 4);
  CHECK(kinds[0].name == schema::kParents);
  CHECK(kinds[1].name == schema::kProfessionals);
  CHECK(kinds[2].name == schema::kKeyFigures);
  CHECK(kinds[3].name == schema::kOrganisations);
  CHECK(kinds[0].begin == 0);
  for (std::size_t k = 1; k < kinds.size(); ++k)
    CHECK(kinds[k].begin == kinds[k - 1].end);
  CHECK(kinds[3].end == world.population.size());

  CHECK(kinds[0].size() == 10000);
  std::set<long> classes;
  for (NodeId i = 0; i < 10000; ++i)
    classes.insert(code(col(world, schema::column::school_class)[i]));
  const auto& role = col(world, schema::column::role);
  std::map<long, NodeId> professionals;
  for (NodeId p = kinds[1].begin; p < kinds[1].end; ++p)
    ++professionals[code(role[p])];
  const auto teacher = static_cast<long>(schema::ProfessionalRole::teacher);
  CHECK(professionals[teacher] == classes.size());  // one teacher per class
  CHECK(professionals[static_cast<long>(schema::ProfessionalRole::youth_worker)] == 5);
  CHECK(professionals[static_cast<long>(schema::ProfessionalRole::youth_team)] == 11);
  CHECK(professionals[static_cast<long>(schema::ProfessionalRole::community_health)] == 1);
  CHECK(professionals[static_cast<long>(schema::ProfessionalRole::municipality)] == 0);
  CHECK(kinds[1].size() == classes.size() + 5 + 11 + 1);

  std::map<long, NodeId> key_figures;
  for (NodeId k = kinds[2].begin; k < kinds[2].end; ++k)
    ++key_figures[code(role[k])];
  CHECK(key_figures[static_cast<long>(schema::KeyFigureRole::religious_leader)] == 6);
  CHECK(key_figures[static_cast<long>(schema::KeyFigureRole::church_elder)] == 3);
  CHECK(key_figures[static_cast<long>(schema::KeyFigureRole::neighbourhood_parent)] == 5);
  CHECK(key_figures[static_cast<long>(schema::KeyFigureRole::youth_worker)] == 0);
  CHECK(key_figures[static_cast<long>(schema::KeyFigureRole::parent_influencer)] == 1);
  CHECK(kinds[2].size() == 15);

  std::map<long, NodeId> organisations;
  for (NodeId o = kinds[3].begin; o < kinds[3].end; ++o)
    ++organisations[code(col(world, schema::column::kind)[o])];
  const std::array<NodeId, 7> expected{2, 1, 4, 0, 3, 0, 11};
  for (std::size_t k = 0; k < expected.size(); ++k) {
    INFO("organisation kind " << schema::kOrganisationKindNames[k]);
    CHECK(organisations[static_cast<long>(k)] == expected[k]);
  }
  CHECK(kinds[3].size() == 21);

  // Hours come from the role.
  const auto& hours = col(world, schema::column::hours);
  for (NodeId p = kinds[1].begin; p < kinds[1].end; ++p) {
    if (code(role[p]) == teacher) CHECK(hours[p] == 1.5);
    if (code(role[p]) == static_cast<long>(schema::ProfessionalRole::youth_team))
      CHECK(hours[p] == 10);
  }
  for (NodeId k = kinds[2].begin; k < kinds[2].end; ++k)
    CHECK(hours[k] == 2);
}

// The estimate guards kMaxNodes (read_community refuses a community whose estimate does
// not fit), so it should not fall below the agents actually built.
TEST_CASE("community: the expected agents are not fewer than the agents built",
          "[unit][community]") {
  // Each school rounds its classes up, so the estimate adds one class per school.
  const auto scenario = load_community("small_schools.toml", R"([community]
households = 6000
households_per_primary_school = 30
households_per_secondary_school = 30
)");
  const World world = build(scenario, 3, 0);
  INFO("estimated " << community_expected_agents(*scenario.community) << ", built "
                    << world.population.size());
  CHECK(community_expected_agents(*scenario.community) >= world.population.size());
}

TEST_CASE("community: vulnerability factors keep each community's shares and counts add up",
          "[unit][community]") {
  const auto scenario =
      load_community("vulnerability.toml", three_communities("vulnerable_min_factors = 2\n"));
  const World world = build(scenario, 5, 0);
  const NodeId n = kind_range(world, schema::kParents).size();
  REQUIRE(n == 20000);
  const auto& community = col(world, schema::column::community);
  const std::array<std::string, 4> keys{"low_income_share", "low_education_share",
                                        "single_parent_share", "language_barrier_share"};
  for (std::size_t c = 0; c < 3; ++c) {
    for (std::size_t k = 0; k < 4; ++k) {
      const double share = community_value(scenario, c, keys[k]);
      double members = 0, with = 0;
      for (NodeId i = 0; i < n; ++i) {
        if (code(community[i]) != static_cast<long>(c)) continue;
        members += 1;
        with += col(world, kFactorColumns[k])[i];
      }
      // Binomial: sigma = sqrt(p (1 - p) / n_c).
      const double sigma = std::sqrt(share * (1 - share) / members);
      INFO("community " << c << " " << keys[k] << ": " << with / members << " vs " << share);
      CHECK(std::abs(with / members - share) < 4 * sigma);
    }
  }
  // Spot checks of the shares the file sets (community b and c override).
  CHECK(community_value(scenario, 1, "low_income_share") == 0.35);
  CHECK(community_value(scenario, 0, "low_income_share") == 0.12);
  CHECK(community_value(scenario, 2, "single_parent_share") == 0.4);

  const auto& vulnerability = col(world, schema::column::vulnerability);
  const auto& vulnerable = col(world, schema::column::vulnerable);
  for (NodeId i = 0; i < n; ++i) {
    double count = 0;
    for (auto name : kFactorColumns) {
      const double f = col(world, name)[i];
      REQUIRE((f == 0 || f == 1));
      count += f;
    }
    REQUIRE(vulnerability[i] == count);
    REQUIRE(vulnerable[i] == (count >= 2 ? 1 : 0));
  }
}

TEST_CASE("community: vulnerable follows vulnerable_min_factors", "[unit][community]") {
  const auto scenario = load_community("min_factors.toml", R"([community]
households = 5000
vulnerable_min_factors = 3
low_income_share = 0.4
low_education_share = 0.4
single_parent_share = 0.4
language_barrier_share = 0.4
)");
  const World world = build(scenario, 6, 0);
  const auto& vulnerability = col(world, schema::column::vulnerability);
  const auto& vulnerable = col(world, schema::column::vulnerable);
  NodeId two = 0;
  for (NodeId i = 0; i < 5000; ++i) {
    REQUIRE(vulnerable[i] == (vulnerability[i] >= 3 ? 1 : 0));
    two += vulnerability[i] == 2;
  }
  CHECK(two > 0);  // there are parents with 2 factors who do not count as vulnerable
}

TEST_CASE("community: vulnerability factors cluster with vulnerability_correlation > 0",
          "[unit][community]") {
  const auto factors = [](double rho) {
    return "[community]\nhouseholds = 20000\nvulnerability_correlation = " + std::to_string(rho) +
           "\nlow_income_share = 0.2\nlow_education_share = 0.25\nsingle_parent_share = 0.15\n"
           "language_barrier_share = 0.3\n";
  };
  // Under independence phi * sqrt(n) is about standard normal: sigma = 1 / sqrt(n).
  const double sigma = 1 / std::sqrt(20000.0);
  const World correlated = build(load_community("rho03.toml", factors(0.3)), 7, 0);
  const World independent = build(load_community("rho0.toml", factors(0)), 7, 0);
  for (std::size_t a = 0; a < 4; ++a) {
    for (std::size_t b = a + 1; b < 4; ++b) {
      INFO(kFactorColumns[a] << " x " << kFactorColumns[b]);
      const double with =
          phi(col(correlated, kFactorColumns[a]), col(correlated, kFactorColumns[b]), 20000);
      const double without =
          phi(col(independent, kFactorColumns[a]), col(independent, kFactorColumns[b]), 20000);
      INFO("phi at rho 0.3: " << with << ", at rho 0: " << without);
      CHECK(with > 4 * sigma);
      CHECK(std::abs(without) < 4 * sigma);
    }
  }
}

TEST_CASE("community: parent types follow the shares, tilted towards vulnerable parents",
          "[unit][community]") {
  const std::string common =
      "households = 20000\nlow_income_share = 0.3\nlow_education_share = 0.3\n"
      "single_parent_share = 0.3\nlanguage_barrier_share = 0.3\n"
      "engaged_share = 0.5\ndenying_share = 0.2\nabsent_share = 0.2\nsensitive_share = 0.1\n";
  const std::array<double, 4> shares{0.5, 0.2, 0.2, 0.1};
  {
    const World world = build(
        load_community("tilt1.toml", "[community]\n" + common + "type_vulnerability_tilt = 1\n"), 8,
        0);
    std::array<double, 4> counts{};
    for (NodeId i = 0; i < 20000; ++i)
      counts.at(static_cast<std::size_t>(code(col(world, schema::column::parent_type)[i]))) += 1;
    for (std::size_t t = 0; t < 4; ++t) {
      // Multinomial margin: sigma = sqrt(p (1 - p) / n).
      const double sigma = std::sqrt(shares[t] * (1 - shares[t]) / 20000);
      INFO(schema::kParentTypeNames[t] << ": " << counts[t] / 20000);
      CHECK(std::abs(counts[t] / 20000 - shares[t]) < 4 * sigma);
    }
  }
  {
    const double tilt = 3;
    const World world = build(
        load_community("tilt3.toml", "[community]\n" + common + "type_vulnerability_tilt = 3\n"), 8,
        0);
    const auto& type = col(world, schema::column::parent_type);
    const auto& vulnerable = col(world, schema::column::vulnerable);
    const auto& vulnerability = col(world, schema::column::vulnerability);
    // Per factor count v: P(type) = share * lift / (engaged + denying + (absent +
    // sensitive) * tilt^v), lift = tilt^v for absent and sensitive, 1 otherwise.
    for (int v = 0; v <= 4; ++v) {
      std::array<double, 4> counts{};
      double total = 0;
      for (NodeId i = 0; i < 20000; ++i) {
        if (code(vulnerability[i]) != v) continue;
        counts.at(static_cast<std::size_t>(code(type[i]))) += 1;
        total += 1;
      }
      if (total < 200) continue;
      const double lift = std::pow(tilt, v);
      const double norm = shares[0] + shares[1] + (shares[2] + shares[3]) * lift;
      for (std::size_t t = 0; t < 4; ++t) {
        const double p = shares[t] * (t >= 2 ? lift : 1) / norm;
        const double sigma = std::sqrt(p * (1 - p) / total);  // binomial
        INFO("factors " << v << ", " << schema::kParentTypeNames[t] << ": " << counts[t] / total
                        << " vs " << p << " (n " << total << ")");
        CHECK(std::abs(counts[t] / total - p) < 4 * sigma);
      }
    }
    for (auto t : {schema::ParentType::absent, schema::ParentType::sensitive}) {
      double vul = 0, vul_t = 0, other = 0, other_t = 0;
      for (NodeId i = 0; i < 20000; ++i) {
        const bool is_t = code(type[i]) == static_cast<long>(t);
        if (vulnerable[i] > 0.5) {
          vul += 1;
          vul_t += is_t;
        } else {
          other += 1;
          other_t += is_t;
        }
      }
      const double p1 = vul_t / vul, p0 = other_t / other;
      // Two independent binomial shares: sigma = sqrt(p1 q1 / n1 + p0 q0 / n0).
      const double sigma = std::sqrt(p1 * (1 - p1) / vul + p0 * (1 - p0) / other);
      INFO(schema::kParentTypeNames[static_cast<std::size_t>(t)] << ": vulnerable " << p1
                                                                 << ", others " << p0);
      CHECK(p1 - p0 > 4 * sigma);
    }
  }
}

TEST_CASE("community: community shares and segregation into home neighbourhoods",
          "[unit][community]") {
  const std::array<double, 3> shares{0.5, 0.3, 0.2};
  const auto check_shares = [&](const World& world) {
    std::array<double, 3> counts{};
    for (NodeId i = 0; i < 20000; ++i)
      counts.at(static_cast<std::size_t>(code(col(world, schema::column::community)[i]))) += 1;
    for (std::size_t c = 0; c < 3; ++c) {
      const double sigma = std::sqrt(shares[c] * (1 - shares[c]) / 20000);  // binomial
      INFO("community " << c << ": " << counts[c] / 20000);
      CHECK(std::abs(counts[c] / 20000 - shares[c]) < 4 * sigma);
    }
  };
  {
    // Three communities in two neighbourhoods: community 2's home is neighbourhood 0.
    const World world = build(
        load_community("segregated.toml", three_communities("segregation = 1\n", "", 2)), 9, 0);
    check_shares(world);
    const auto& community = col(world, schema::column::community);
    const auto& neighbourhood = col(world, schema::column::neighbourhood);
    for (NodeId i = 0; i < 20000; ++i)
      REQUIRE(code(neighbourhood[i]) == code(community[i]) % 2);
  }
  {
    // segregation = 0.5 in 4 neighbourhoods: home with chance 0.5 + 0.5 / 4.
    const World world = build(
        load_community("half_segregated.toml", three_communities("segregation = 0.5\n")), 9, 0);
    check_shares(world);
    const auto& community = col(world, schema::column::community);
    const auto& neighbourhood = col(world, schema::column::neighbourhood);
    double home = 0;
    for (NodeId i = 0; i < 20000; ++i) {
      REQUIRE(neighbourhood[i] >= 0);
      REQUIRE(neighbourhood[i] < 4);
      home += code(neighbourhood[i]) == code(community[i]) % 4;
    }
    const double p = 0.625;
    const double sigma = std::sqrt(p * (1 - p) / 20000);  // binomial
    CHECK(std::abs(home / 20000 - p) < 4 * sigma);
  }
}

TEST_CASE("community: initial institutional trust is lower per vulnerability factor",
          "[unit][community]") {
  const auto scenario =
      load_community("trust.toml", three_communities("vulnerability_trust_penalty = 0.1\n"
                                                     "institutional_trust_concentration = 10\n"));
  const World world = build(scenario, 10, 0);
  const auto& trust = col(world, schema::column::institutional_trust);
  const auto& community = col(world, schema::column::community);
  const auto& vulnerability = col(world, schema::column::vulnerability);
  for (NodeId i = 0; i < 20000; ++i) {
    REQUIRE(trust[i] >= 0);
    REQUIRE(trust[i] <= 1);
  }
  CHECK(community_value(scenario, 0, "institutional_trust_mean") == 0.5);  // the default
  CHECK(community_value(scenario, 1, "institutional_trust_mean") == 0.4);
  CHECK(community_value(scenario, 2, "institutional_trust_mean") == 0.65);
  std::array<double, 5> pooled_sum{}, pooled_n{};
  for (std::size_t c = 0; c < 3; ++c) {
    for (long v = 0; v <= 4; ++v) {
      double sum = 0, members = 0;
      for (NodeId i = 0; i < 20000; ++i) {
        if (code(community[i]) != static_cast<long>(c) || code(vulnerability[i]) != v) continue;
        sum += trust[i];
        members += 1;
      }
      pooled_sum.at(static_cast<std::size_t>(v)) += sum;
      pooled_n.at(static_cast<std::size_t>(v)) += members;
      if (members < 200) continue;
      const double mean =
          community_value(scenario, c, "institutional_trust_mean") - 0.1 * static_cast<double>(v);
      // Beta with concentration k: variance m (1 - m) / (k + 1); sigma of the mean of n.
      const double sigma = std::sqrt(mean * (1 - mean) / 11 / members);
      INFO("community " << c << ", " << v << " factors: " << sum / members << " vs " << mean
                        << " (n " << members << ")");
      CHECK(std::abs(sum / members - mean) < 4 * sigma);
    }
  }
  for (std::size_t v = 1; v < 3; ++v)
    CHECK(pooled_sum[v] / pooled_n[v] < pooled_sum[v - 1] / pooled_n[v - 1]);
}
