#pragma once
// Helpers shared by the community synthesis tests: scenario files in a temporary
// folder, worlds built from them, column and kind lookups, and two reference
// [community] texts.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "models/community_schema.hpp"
#include "scenarios/scenario.hpp"

namespace community_test {

namespace fs = std::filesystem;
using namespace village;
namespace schema = village::community;

inline fs::path write_scenario(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "village_community_test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path) << text;
  return path;
}

// A parent_support scenario around the given [community] text.
inline Scenario load_community(const std::string& name, const std::string& community_text) {
  return load_scenario(
      write_scenario(name, community_text + "\n[model]\nkind = \"parent_support\"\n"));
}

inline World build(const Scenario& scenario, std::uint64_t seed, std::uint64_t run) {
  return make_world_factory(scenario)(RandomStream(seed, run));
}

inline const std::vector<double>& col(const World& world, std::string_view name) {
  return world.population.real_column(std::string(name));
}

inline const KindRange& kind_range(const World& world, std::string_view kind) {
  return world.population.kind(std::string(kind));
}

inline long code(double value) {
  return std::lround(value);
}

inline bool in(const KindRange& range, double agent) {
  return agent >= range.begin && agent < range.end;
}

// Every column of the schema.
const std::vector<std::string_view> kColumns{schema::column::neighbourhood,
                                             schema::column::community,
                                             schema::column::child_band,
                                             schema::column::low_income,
                                             schema::column::low_education,
                                             schema::column::single_parent,
                                             schema::column::language_barrier,
                                             schema::column::vulnerability,
                                             schema::column::vulnerable,
                                             schema::column::parent_type,
                                             schema::column::school,
                                             schema::column::school_class,
                                             schema::column::institutional_trust,
                                             schema::column::role,
                                             schema::column::hours,
                                             schema::column::competence,
                                             schema::column::cultural_responsiveness,
                                             schema::column::partner,
                                             schema::column::organisation,
                                             schema::column::kind};

const std::vector<std::string_view> kLayers{
    schema::layer::family_friends, schema::layer::neighbourhood, schema::layer::school,
    schema::layer::membership,     schema::layer::caseload,      schema::layer::key_figures,
    schema::layer::online};

const std::array<std::string_view, 4> kFactorColumns{
    schema::column::low_income, schema::column::low_education, schema::column::single_parent,
    schema::column::language_barrier};

// Three communities of unequal size and vulnerability, 20,000 households in 4
// neighbourhoods; `extra` goes into [community], `sections` after the communities.
inline std::string three_communities(const std::string& extra, const std::string& sections = "",
                                     int neighbourhoods = 4) {
  return "[community]\nhouseholds = 20000\nneighbourhoods = " + std::to_string(neighbourhoods) +
         "\n" + extra + R"(
[[community.communities]]
name = "a"
share = 0.5
membership = { church = 0.4, sports_club = 0.3, community_centre = 0.1 }

[[community.communities]]
name = "b"
share = 0.3
low_income_share = 0.35
language_barrier_share = 0.3
institutional_trust_mean = 0.4
membership = { mosque = 0.6, womens_network = 0.3, sports_club = 0.2 }

[[community.communities]]
name = "c"
share = 0.2
low_education_share = 0.05
single_parent_share = 0.4
institutional_trust_mean = 0.65
membership = { church = 0.2, migrant_organisation = 0.5, parent_room = 0.2 }
)" + sections;
}

inline const std::string kInstitutions = R"(
[community.organisations]
mosque = 0.3
church = 0.4
community_centre = 0.3
parent_room = 0.4
womens_network = 0.2
migrant_organisation = 0.2
sports_club = 0.5

[community.professionals]
youth_worker_per_1000 = 0.5
youth_team_per_1000 = 2
community_health_per_1000 = 0.5
municipality_per_1000 = 0.2

[community.key_figures]
religious_leaders_per_organisation = 1
religious_leader_reach = 40
church_elders_per_1000 = 2
church_elder_reach = 20
neighbourhood_parents_per_1000 = 1
neighbourhood_parent_reach = 15
youth_workers_per_1000 = 0.3
parent_influencers_per_1000 = 0.5
influencer_followers_mean = 150
)";

// One [[community.communities]] entry's value, by index.
inline double community_value(const Scenario& scenario, std::size_t c, const std::string& key) {
  return scenario.community->communities[c].values.real(key);
}

// Phi coefficient of two 0/1 columns over the parents.
inline double phi(const std::vector<double>& x, const std::vector<double>& y, NodeId n) {
  double n11 = 0, n10 = 0, n01 = 0, n00 = 0;
  for (NodeId i = 0; i < n; ++i) {
    const bool a = x[i] > 0.5, b = y[i] > 0.5;
    (a ? (b ? n11 : n10) : (b ? n01 : n00)) += 1;
  }
  return (n11 * n00 - n10 * n01) / std::sqrt((n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00));
}

}  // namespace community_test
