// Population synthesis (scenarios/community/institutions.cpp, layers.cpp): schools and
// classes, family and friends homophily, caseloads, organisation membership, key figures.
// Statistical checks use fixed seeds and state the sigma of each tolerance.
#include <catch2/catch.hpp>

#include "tests/scenarios/community_test_support.hpp"

using namespace community_test;

TEST_CASE("community: parents sit in schools and classes, and the school layer is each class",
          "[unit][community]") {
  const NodeId class_size = 25;
  const auto scenario =
      load_community("schools.toml", three_communities("households_per_primary_school = 260\n"
                                                       "households_per_secondary_school = 900\n"));
  const World world = build(scenario, 12, 0);
  const NodeId n = 20000;
  const auto& school = col(world, schema::column::school);
  const auto& school_class = col(world, schema::column::school_class);
  const auto& band = col(world, schema::column::child_band);
  const auto& neighbourhood = col(world, schema::column::neighbourhood);
  std::map<long, std::vector<NodeId>> classes;
  std::map<long, NodeId> school_size;
  std::map<long, std::set<long>> school_bands, school_places;
  for (NodeId i = 0; i < n; ++i) {
    REQUIRE(school_class[i] >= 0);
    REQUIRE(school[i] >= 0);
    classes[code(school_class[i])].push_back(i);
    ++school_size[code(school[i])];
    school_bands[code(school[i])].insert(code(band[i]));
    school_places[code(school[i])].insert(code(neighbourhood[i]));
  }
  // Class and school ids run 0, 1, ... without gaps.
  CHECK(classes.begin()->first == 0);
  CHECK(classes.rbegin()->first == static_cast<long>(classes.size()) - 1);
  CHECK(school_size.begin()->first == 0);
  CHECK(school_size.rbegin()->first == static_cast<long>(school_size.size()) - 1);
  for (const auto& [s, bands] : school_bands) {
    INFO("school " << s);
    CHECK(bands.size() == 1);  // a school serves one band
    // A catchment is a run of adjacent neighbourhoods.
    const auto& places = school_places[s];
    CHECK(static_cast<std::size_t>(*places.rbegin() - *places.begin() + 1) == places.size());
  }
  for (const auto& [c, members] : classes) {
    INFO("class " << c << " of " << members.size());
    const long s = code(school[members[0]]);
    CHECK(members.size() <= class_size);
    if (school_size[s] >= class_size) CHECK(members.size() >= class_size / 2);
    for (NodeId i : members) {
      REQUIRE(code(school[i]) == s);
      REQUIRE(band[i] == band[members[0]]);
    }
  }
  // The school layer links exactly the other parents of the class.
  const CsrLayer& layer = world.layer(std::string(schema::layer::school));
  for (const auto& [c, members] : classes) {
    for (NodeId i : members) {
      std::vector<NodeId> others;
      for (NodeId j : members) {
        if (j != i) others.push_back(j);
      }
      std::sort(others.begin(), others.end());
      const auto found = layer.neighbours(i);
      REQUIRE(std::vector<NodeId>(found.begin(), found.end()) == others);
    }
  }
  for (NodeId a = n; a < world.population.size(); ++a)
    REQUIRE(layer.degree(a) == 0);
}

TEST_CASE("community: family and friends ties follow homophily_community", "[unit][community]") {
  for (const double h : {0.8, 0.3}) {
    const World world = build(
        load_community("friends.toml",
                       three_communities("homophily_community = " + std::to_string(h) + "\n")),
        13, 0);
    const NodeId n = 20000;
    const auto& community = col(world, schema::column::community);
    const auto& neighbourhood = col(world, schema::column::neighbourhood);
    std::array<double, 3> share{};
    for (NodeId i = 0; i < n; ++i)
      share.at(static_cast<std::size_t>(code(community[i]))) += 1.0 / n;
    const CsrLayer& friends = world.layer(std::string(schema::layer::family_friends));
    double edges = 0, within = 0;
    for (NodeId i = 0; i < n; ++i) {
      for (NodeId j : friends.neighbours(i)) {
        REQUIRE(j < n);  // parents only
        if (j < i) continue;
        edges += 1;
        within += code(community[i]) == code(community[j]);
      }
    }
    for (NodeId a = n; a < world.population.size(); ++a)
      REQUIRE(friends.degree(a) == 0);
    // The starter picks its own community with chance h, else anyone (who is of the
    // same community with chance share_c): expected = h + (1 - h) sum_c share_c^2.
    const double expected =
        h + (1 - h) * (share[0] * share[0] + share[1] * share[1] + share[2] * share[2]);
    // Binomial over the ties (sigma about 0.002 for 60,000 ties), plus 0.01 for the
    // dropped duplicate and self ties, which are more often within the community.
    const double sigma = std::sqrt(expected * (1 - expected) / edges);
    INFO("h " << h << ": within " << within / edges << " vs " << expected << " of " << edges);
    CHECK(std::abs(within / edges - expected) < 4 * sigma + 0.01);
    // Poisson(3) starts per household: about 6 arcs per parent, a few duplicates dropped.
    CHECK(static_cast<double>(friends.arc_count()) / n == Approx(6).epsilon(0.02));

    const CsrLayer& near = world.layer(std::string(schema::layer::neighbourhood));
    for (NodeId i = 0; i < n; ++i) {
      for (NodeId j : near.neighbours(i)) {
        REQUIRE(j < n);
        REQUIRE(neighbourhood[i] == neighbourhood[j]);
      }
    }
    CHECK(static_cast<double>(near.arc_count()) / n == Approx(4).epsilon(0.02));
  }
}

TEST_CASE("community: caseloads", "[unit][community]") {
  const auto scenario = load_community("caseload.toml", three_communities("", kInstitutions));
  const World world = build(scenario, 14, 0);
  const NodeId n = 20000;
  const KindRange& pros = kind_range(world, schema::kProfessionals);
  const auto& role = col(world, schema::column::role);
  const auto& band = col(world, schema::column::child_band);
  const auto& neighbourhood = col(world, schema::column::neighbourhood);
  const auto& school = col(world, schema::column::school);
  const auto& school_class = col(world, schema::column::school_class);
  const auto& vulnerable = col(world, schema::column::vulnerable);
  const CsrLayer& caseload = world.layer(std::string(schema::layer::caseload));
  const ParamValues& pro = scenario.community->professionals;

  std::map<long, NodeId> class_size;
  for (NodeId i = 0; i < n; ++i)
    ++class_size[code(school_class[i])];
  // Pool sizes per (band, neighbourhood).
  std::map<std::pair<long, long>, NodeId> band_place;
  std::map<long, NodeId> place;
  std::map<long, double> place_vulnerable;
  for (NodeId i = 0; i < n; ++i) {
    ++band_place[{code(band[i]), code(neighbourhood[i])}];
    ++place[code(neighbourhood[i])];
    place_vulnerable[code(neighbourhood[i])] += vulnerable[i];
  }

  std::map<long, NodeId> teachers_of_class;
  double team_draws = 0, team_vulnerable = 0, pool_expected = 0;
  for (NodeId p = pros.begin; p < pros.end; ++p) {
    const auto found = caseload.neighbours(p);
    const long nb = code(neighbourhood[p]);
    for (NodeId parent : found)
      REQUIRE(parent < n);
    switch (static_cast<schema::ProfessionalRole>(code(role[p]))) {
      case schema::ProfessionalRole::teacher: {
        REQUIRE(!found.empty());
        const long c = code(school_class[found[0]]);
        ++teachers_of_class[c];
        CHECK(found.size() == class_size[c]);
        CHECK(school[p] == school[found[0]]);
        for (NodeId parent : found)
          REQUIRE(code(school_class[parent]) == c);
        break;
      }
      case schema::ProfessionalRole::community_health:
        CHECK(found.size() ==
              std::min<NodeId>(static_cast<NodeId>(pro.integer("community_health_caseload")),
                               band_place[{0, nb}]));
        for (NodeId parent : found) {
          REQUIRE(code(band[parent]) == static_cast<long>(schema::ChildBand::primary));
          REQUIRE(code(neighbourhood[parent]) == nb);
        }
        break;
      case schema::ProfessionalRole::youth_worker:
        CHECK(found.size() ==
              std::min<NodeId>(static_cast<NodeId>(pro.integer("youth_worker_caseload")),
                               band_place[{1, nb}]));
        for (NodeId parent : found) {
          REQUIRE(code(band[parent]) == static_cast<long>(schema::ChildBand::secondary));
          REQUIRE(code(neighbourhood[parent]) == nb);
        }
        break;
      case schema::ProfessionalRole::youth_team:
        CHECK(found.size() == static_cast<std::size_t>(pro.integer("youth_team_caseload")));
        for (NodeId parent : found) {
          REQUIRE(code(neighbourhood[parent]) == nb);
          team_draws += 1;
          team_vulnerable += vulnerable[parent];
        }
        pool_expected += static_cast<double>(found.size()) * place_vulnerable[nb] / place[nb];
        break;
      case schema::ProfessionalRole::municipality:
        CHECK(found.empty());
        break;
    }
  }
  // Every class has exactly one teacher.
  CHECK(teachers_of_class.size() == class_size.size());
  for (const auto& [c, count] : teachers_of_class)
    CHECK(count == 1);
  // Youth-team caseloads weight households by (1 + factors): more vulnerable households
  // than their neighbourhoods' share. Binomial sigma of the caseload share.
  REQUIRE(team_draws > 1000);
  const double base = pool_expected / team_draws;
  const double sigma = std::sqrt(base * (1 - base) / team_draws);
  INFO("vulnerable in youth-team caseloads " << team_vulnerable / team_draws << ", around them "
                                             << base);
  CHECK(team_vulnerable / team_draws - base > 4 * sigma);
  // Caseload ties join professionals and parents only.
  for (NodeId a = 0; a < world.population.size(); ++a) {
    if (a < n) {
      for (NodeId p : caseload.neighbours(a))
        REQUIRE(in(pros, p));
    } else if (!in(pros, a)) {
      REQUIRE(caseload.degree(a) == 0);
    }
  }
}

TEST_CASE("community: parents join organisations open to their community", "[unit][community]") {
  const auto scenario = load_community("membership.toml", three_communities("", kInstitutions));
  const World world = build(scenario, 15, 0);
  const NodeId n = 20000;
  const KindRange& orgs = kind_range(world, schema::kOrganisations);
  const auto& community = col(world, schema::column::community);
  const auto& neighbourhood = col(world, schema::column::neighbourhood);
  const auto& kind = col(world, schema::column::kind);
  const CsrLayer& membership = world.layer(std::string(schema::layer::membership));
  const auto& groups = scenario.community->communities;
  const auto church = static_cast<std::size_t>(schema::OrganisationKind::church);

  // Organisations open to community c, per kind and neighbourhood.
  const auto open_to = [&](NodeId o, long c) {
    return code(community[o]) == -1 || code(community[o]) == c;
  };
  std::set<std::tuple<long, long, long>> open_here;  // (kind, community, neighbourhood)
  std::set<std::pair<long, long>> open_anywhere;     // (kind, community)
  for (NodeId o = orgs.begin; o < orgs.end; ++o) {
    for (long c = 0; c < 3; ++c) {
      if (!open_to(o, c)) continue;
      open_here.insert({code(kind[o]), c, code(neighbourhood[o])});
      open_anywhere.insert({code(kind[o]), c});
    }
  }
  std::array<std::array<double, 7>, 3> members{};
  std::array<double, 3> size{};
  for (NodeId i = 0; i < n; ++i) {
    const long c = code(community[i]);
    size.at(static_cast<std::size_t>(c)) += 1;
    std::set<long> kinds_joined;
    for (NodeId o : membership.neighbours(i)) {
      REQUIRE(in(orgs, o));
      REQUIRE(open_to(o, c));
      const long k = code(kind[o]);
      REQUIRE(kinds_joined.insert(k).second);  // one organisation per kind
      members[static_cast<std::size_t>(c)][static_cast<std::size_t>(k)] += 1;
      if (static_cast<std::size_t>(k) == church)
        REQUIRE(groups[static_cast<std::size_t>(c)].membership[church] > 0);
      // In the own neighbourhood when one there is open to the community.
      if (open_here.count({k, c, code(neighbourhood[i])}) != 0)
        REQUIRE(code(neighbourhood[o]) == code(neighbourhood[i]));
    }
  }
  for (NodeId a = n; a < orgs.begin; ++a)
    REQUIRE(membership.degree(a) == 0);
  // Per community and kind: members join with the community's chance where an
  // organisation of the kind is open to it, else not at all. Binomial 4 sigma.
  for (std::size_t c = 0; c < 3; ++c) {
    for (std::size_t k = 0; k < 7; ++k) {
      const double rate = members[c][k] / size[c];
      const double chance = open_anywhere.count({static_cast<long>(k), static_cast<long>(c)}) != 0
                                ? groups[c].membership[k]
                                : 0.0;
      const double sigma = std::sqrt(chance * (1 - chance) / size[c]);
      INFO("community " << c << ", " << schema::kOrganisationKindNames[k] << ": " << rate << " vs "
                        << chance);
      CHECK(std::abs(rate - chance) <= 4 * sigma);
    }
  }
  // Communal organisations (churches, mosques) are shared out over the communities with a
  // chance of joining them (churches: a 0.4, b 0.2; mosques: b), each getting at least one
  // while there are enough; open kinds belong to none.
  std::map<long, std::set<long>> owners;
  std::map<long, long> count_of_kind;
  for (NodeId o = orgs.begin; o < orgs.end; ++o) {
    const long k = code(kind[o]);
    ++count_of_kind[k];
    const auto kind_code = static_cast<schema::OrganisationKind>(k);
    if (kind_code == schema::OrganisationKind::sports_club) CHECK(code(community[o]) == -1);
    if (kind_code == schema::OrganisationKind::church ||
        kind_code == schema::OrganisationKind::mosque) {
      const long c = code(community[o]);
      REQUIRE(c >= 0);
      CHECK(groups[static_cast<std::size_t>(c)].membership[static_cast<std::size_t>(k)] > 0);
      owners[k].insert(c);
    }
  }
  for (const auto kind_code :
       {schema::OrganisationKind::church, schema::OrganisationKind::mosque}) {
    const auto k = static_cast<long>(kind_code);
    long positive = 0;
    for (const auto& group : groups)
      positive += group.membership[static_cast<std::size_t>(k)] > 0;
    if (count_of_kind[k] >= positive) CHECK(static_cast<long>(owners[k].size()) == positive);
  }
  // Churches are apportioned by expected members (share x chance): a 0.5 x 0.4, c 0.2 x
  // 0.2; after one each, the other 8 - 2 go 5/6 to a, 1/6 to c (largest remainders: within
  // one of the quota).
  {
    std::array<double, 3> churches{};
    for (NodeId o = orgs.begin; o < orgs.end; ++o) {
      if (static_cast<std::size_t>(code(kind[o])) == church)
        churches.at(static_cast<std::size_t>(code(community[o]))) += 1;
    }
    REQUIRE(count_of_kind[static_cast<long>(church)] == 8);
    CHECK(std::abs(churches[0] - (1 + 6 * 5.0 / 6)) < 1);
    CHECK(churches[1] == 0);
    CHECK(std::abs(churches[2] - (1 + 6 * 1.0 / 6)) < 1);
  }
}

TEST_CASE("community: key figures, their partners, organisations and reach", "[unit][community]") {
  const auto scenario = load_community("key_figures.toml", three_communities("", kInstitutions));
  const World world = build(scenario, 16, 0);
  const NodeId n = 20000;
  const KindRange& pros = kind_range(world, schema::kProfessionals);
  const KindRange& figures = kind_range(world, schema::kKeyFigures);
  const KindRange& orgs = kind_range(world, schema::kOrganisations);
  const auto& role = col(world, schema::column::role);
  const auto& partner = col(world, schema::column::partner);
  const auto& organisation = col(world, schema::column::organisation);
  const auto& community = col(world, schema::column::community);
  const auto& neighbourhood = col(world, schema::column::neighbourhood);
  const auto& kind = col(world, schema::column::kind);
  const auto& vulnerable = col(world, schema::column::vulnerable);
  const CsrLayer& reach = world.layer(std::string(schema::layer::key_figures));
  const CsrLayer& membership = world.layer(std::string(schema::layer::membership));
  const CsrLayer& online = world.layer(std::string(schema::layer::online));
  const ParamValues& kf = scenario.community->key_figures;
  using schema::KeyFigureRole;
  using schema::OrganisationKind;
  using schema::ProfessionalRole;

  const auto pro_role = [&](double agent) {
    return static_cast<ProfessionalRole>(code(role[static_cast<NodeId>(agent)]));
  };
  const auto org_kind = [&](double agent) {
    return static_cast<OrganisationKind>(code(kind[static_cast<NodeId>(agent)]));
  };
  // Youth-team workers (40) and youth workers (10) are spread over all 4 neighbourhoods,
  // so every partner is found in the own neighbourhood.
  std::map<ProfessionalRole, std::set<long>> places;
  for (NodeId p = pros.begin; p < pros.end; ++p)
    places[pro_role(p)].insert(code(neighbourhood[p]));
  REQUIRE(places[ProfessionalRole::youth_team].size() == 4);
  REQUIRE(places[ProfessionalRole::youth_worker].size() == 4);

  std::map<KeyFigureRole, NodeId> count;
  double neighbour_draws = 0, neighbour_vulnerable = 0, neighbour_expected = 0;
  double followers = 0, own_followers = 0, own_expected = 0, own_variance = 0;
  std::array<double, 3> share{};
  for (NodeId i = 0; i < n; ++i)
    share.at(static_cast<std::size_t>(code(community[i]))) += 1.0 / n;
  const double h = scenario.community->values.real("homophily_community");
  for (NodeId k = figures.begin; k < figures.end; ++k) {
    const auto r = static_cast<KeyFigureRole>(code(role[k]));
    ++count[r];
    INFO("key figure " << k << ", " << schema::kKeyFigureRoleNames[static_cast<std::size_t>(r)]);
    const auto found = reach.neighbours(k);
    for (NodeId parent : found)
      REQUIRE(parent < n);
    // Every key figure's partner: a youth-team worker of its neighbourhood (the first
    // preferred role; there are youth-team workers in every neighbourhood).
    REQUIRE(in(pros, partner[k]));
    CHECK(pro_role(partner[k]) == ProfessionalRole::youth_team);
    CHECK(neighbourhood[static_cast<NodeId>(partner[k])] == neighbourhood[k]);
    const auto members_of = [&](double org) {
      std::vector<NodeId> out;
      for (NodeId parent : membership.neighbours(static_cast<NodeId>(org)))
        out.push_back(parent);
      return out;
    };
    switch (r) {
      case KeyFigureRole::religious_leader: {
        REQUIRE(in(orgs, organisation[k]));
        const auto o = org_kind(organisation[k]);
        CHECK((o == OrganisationKind::mosque || o == OrganisationKind::church));
        const auto org = static_cast<NodeId>(organisation[k]);
        CHECK(community[k] == community[org]);
        CHECK(neighbourhood[k] == neighbourhood[org]);
        CHECK(found.size() ==
              std::min<std::size_t>(static_cast<std::size_t>(kf.integer("religious_leader_reach")),
                                    members_of(organisation[k]).size()));
        for (NodeId parent : found)
          REQUIRE(membership.has_arc(parent, org));
        break;
      }
      case KeyFigureRole::church_elder: {
        REQUIRE(in(orgs, organisation[k]));
        CHECK(org_kind(organisation[k]) == OrganisationKind::church);
        CHECK(community[k] == community[static_cast<NodeId>(organisation[k])]);
        // Church families: parents of the elder's community and neighbourhood who are
        // members of a church.
        const auto in_church = [&](NodeId parent) {
          for (NodeId o : membership.neighbours(parent)) {
            if (org_kind(o) == OrganisationKind::church) return true;
          }
          return false;
        };
        std::size_t local = 0;
        for (NodeId i = 0; i < n; ++i) {
          local +=
              community[i] == community[k] && neighbourhood[i] == neighbourhood[k] && in_church(i);
        }
        CHECK(found.size() ==
              std::min<std::size_t>(static_cast<std::size_t>(kf.integer("church_elder_reach")),
                                    local));
        CHECK(!found.empty());
        for (NodeId parent : found) {
          REQUIRE(in_church(parent));
          REQUIRE(community[parent] == community[k]);
          REQUIRE(neighbourhood[parent] == neighbourhood[k]);
        }
        break;
      }
      case KeyFigureRole::neighbourhood_parent: {
        CHECK(organisation[k] == -1);
        REQUIRE(community[k] >= 0);
        double pool = 0, pool_vulnerable = 0;
        for (NodeId i = 0; i < n; ++i) {
          if (community[i] != community[k] || neighbourhood[i] != neighbourhood[k]) continue;
          pool += 1;
          pool_vulnerable += vulnerable[i];
        }
        CHECK(found.size() == static_cast<std::size_t>(kf.integer("neighbourhood_parent_reach")));
        for (NodeId parent : found) {
          REQUIRE(community[parent] == community[k]);
          REQUIRE(neighbourhood[parent] == neighbourhood[k]);
          neighbour_draws += 1;
          neighbour_vulnerable += vulnerable[parent];
        }
        // Vulnerable households three times as likely: share 3p / (1 + 2p).
        const double p = pool_vulnerable / pool;
        neighbour_expected += static_cast<double>(found.size()) * 3 * p / (1 + 2 * p);
        break;
      }
      case KeyFigureRole::youth_worker:
        CHECK(organisation[k] == -1);
        CHECK(community[k] == -1);
        CHECK(found.size() == static_cast<std::size_t>(kf.integer("youth_worker_reach")));
        for (NodeId parent : found)
          REQUIRE(neighbourhood[parent] == neighbourhood[k]);
        break;
      case KeyFigureRole::parent_influencer: {
        CHECK(organisation[k] == -1);
        CHECK(found.empty());
        REQUIRE(community[k] >= 0);
        const double p = h + (1 - h) * share.at(static_cast<std::size_t>(code(community[k])));
        for (NodeId parent : online.neighbours(k)) {
          followers += 1;
          own_followers += community[parent] == community[k];
          own_expected += p;
          own_variance += p * (1 - p);
        }
        break;
      }
    }
  }
  CHECK(count[KeyFigureRole::religious_leader] > 0);
  CHECK(count[KeyFigureRole::church_elder] == 40);
  CHECK(count[KeyFigureRole::neighbourhood_parent] == 20);
  CHECK(count[KeyFigureRole::youth_worker] == 6);
  CHECK(count[KeyFigureRole::parent_influencer] == 10);
  // Neighbourhood parents prefer vulnerable households (binomial sigma).
  {
    const double p = neighbour_expected / neighbour_draws;
    const double sigma = std::sqrt(p * (1 - p) / neighbour_draws);
    INFO("vulnerable reached " << neighbour_vulnerable / neighbour_draws << " vs " << p);
    CHECK(std::abs(neighbour_vulnerable / neighbour_draws - p) < 4 * sigma);
  }
  // Followers: own community with chance h + (1 - h) share_c; sigma from the sum of the
  // Bernoulli variances, plus 0.01 for dropped duplicate follows.
  {
    REQUIRE(followers > 1000);
    const double sigma = std::sqrt(own_variance) / followers;
    INFO("own-community followers " << own_followers / followers << " vs "
                                    << own_expected / followers);
    CHECK(std::abs(own_followers - own_expected) / followers < 4 * sigma + 0.01);
  }
  // Organisations' partners: a youth worker of their neighbourhood.
  for (NodeId o = orgs.begin; o < orgs.end; ++o) {
    INFO("organisation " << o);
    REQUIRE(in(pros, partner[o]));
    CHECK(pro_role(partner[o]) == ProfessionalRole::youth_worker);
    CHECK(neighbourhood[static_cast<NodeId>(partner[o])] == neighbourhood[o]);
  }
  // Layers: key-figure ties join key figures and parents; online ties influencers and
  // parents; nobody else has either.
  const auto is_influencer = [&](NodeId a) {
    return in(figures, a) &&
           static_cast<KeyFigureRole>(code(role[a])) == KeyFigureRole::parent_influencer;
  };
  for (NodeId a = 0; a < world.population.size(); ++a) {
    if (a < n) {
      for (NodeId b : reach.neighbours(a))
        REQUIRE(in(figures, b));
      for (NodeId b : online.neighbours(a))
        REQUIRE(is_influencer(b));
    } else if (in(figures, a)) {
      for (NodeId b : online.neighbours(a))
        REQUIRE(b < n);
      if (!is_influencer(a)) REQUIRE(online.degree(a) == 0);
    } else {
      REQUIRE(reach.degree(a) == 0);
      REQUIRE(online.degree(a) == 0);
    }
  }
}
