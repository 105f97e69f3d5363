#include "scenarios/community/community_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "models/community_schema.hpp"
#include "scenarios/community/community_params.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"
#include "sim/csr_layer.hpp"
#include "sim/error.hpp"

namespace village {

namespace {

using community::kOrganisationKindNames;
using namespace community_params;

SourceLocation at(const toml::table& table, const std::string& key, const std::string& file) {
  const toml::node* node = table.get(key);
  return node != nullptr ? location_of(*node, file) : location_of(table, file);
}

const toml::table& sub_table(const toml::table& parent, const std::string& key,
                             const std::string& section, const std::string& file) {
  static const toml::table empty;
  const toml::node* node = parent.get(key);
  if (node == nullptr) return empty;
  if (!node->is_table()) {
    throw InputError(location_of(*node, file), fmt::format("'{}' must be a table", section),
                     fmt::format("write it as a section: [{}]", section));
  }
  return *node->as_table();
}

CommunityGroup read_entry(const toml::table& table, const CommunitySpec& spec,
                          const std::string& file) {
  static const std::vector<ParamSpec> specs = entry_specs();
  CommunityGroup group;
  group.values = ParamValues(specs);
  for (const std::string& key : overridable_keys())
    group.values.set(key, spec.values.real(key));
  read_params(table, "community.communities", specs, {"membership"}, file, group.values);
  if (table.get("name") == nullptr) {
    throw InputError(location_of(table, file), "a community has no name",
                     "add name = \"...\" to each [[community.communities]]");
  }
  group.name = group.values.text("name");
  if (group.name.empty()) {
    throw InputError(at(table, "name", file), "a community's name is empty",
                     "give it a name such as \"reformed\"");
  }
  group.share = group.values.real("share");
  const toml::table& membership =
      sub_table(table, "membership", "community.communities.membership", file);
  static const std::vector<ParamSpec> kinds = membership_specs();
  ParamValues chances(kinds);
  read_params(membership, "community.communities.membership", kinds, {}, file, chances);
  for (std::size_t k = 0; k < kOrganisationKindNames.size(); ++k)
    group.membership[k] = chances.real(std::string(kOrganisationKindNames[k]));
  return group;
}

void check_sums(const CommunitySpec& spec, const toml::table& table, const toml::array* communities,
                const std::string& file) {
  const ParamValues& v = spec.values;
  const double types = v.real("engaged_share") + v.real("denying_share") + v.real("absent_share") +
                       v.real("sensitive_share");
  if (std::abs(types - 1.0) > 1e-6) {
    throw InputError(at(table, "engaged_share", file),
                     fmt::format("the parent-type shares add up to {:.4g}, not 1", types),
                     "make engaged_share + denying_share + absent_share + sensitive_share = 1");
  }
  double shares = 0;
  for (const CommunityGroup& group : spec.communities)
    shares += group.share;
  if (std::abs(shares - 1.0) > 1e-6) {
    throw InputError(
        communities != nullptr ? location_of(*communities, file) : location_of(table, file),
        fmt::format("the communities' shares add up to {:.4g}, not 1", shares),
        "make the share of all [[community.communities]] add up to 1");
  }
}

}  // namespace

CommunitySpec read_community(const toml::table& table, const std::string& file) {
  CommunitySpec spec;
  const std::vector<ParamSpec> specs = community_specs();
  spec.values = ParamValues(specs);
  read_params(table, "community", specs,
              {"communities", "organisations", "professionals", "key_figures"}, file, spec.values);
  const toml::array* communities = nullptr;
  if (const toml::node* node = table.get("communities")) {
    communities = node->as_array();
    if (communities == nullptr || communities->empty() || !communities->is_array_of_tables()) {
      throw InputError(location_of(*node, file), "community.communities must be an array of tables",
                       "write each as [[community.communities]] with name and share");
    }
    std::set<std::string> names;
    for (const toml::node& entry : *communities) {
      spec.communities.push_back(read_entry(*entry.as_table(), spec, file));
      if (!names.insert(spec.communities.back().name).second) {
        throw InputError(
            at(*entry.as_table(), "name", file),
            fmt::format("two communities are named \"{}\"", spec.communities.back().name),
            "give each community its own name");
      }
    }
  } else {
    // One community holding everybody.
    CommunityGroup everyone;
    everyone.name = "everyone";
    everyone.share = 1;
    everyone.values = ParamValues(entry_specs());
    for (const std::string& key : overridable_keys())
      everyone.values.set(key, spec.values.real(key));
    everyone.membership = {0, 0, 0.1, 0.1, 0, 0, 0.3};
    spec.communities.push_back(everyone);
  }
  const auto read_section = [&](const std::string& key, std::vector<ParamSpec> section_specs,
                                ParamValues& values) {
    values = ParamValues(section_specs);
    read_params(sub_table(table, key, "community." + key, file), "community." + key, section_specs,
                {}, file, values);
  };
  read_section("organisations", organisation_specs(), spec.organisations);
  read_section("professionals", professional_specs(), spec.professionals);
  read_section("key_figures", key_figure_specs(), spec.key_figures);
  check_sums(spec, table, communities, file);
  if (community_expected_agents(spec) > static_cast<double>(kMaxNodes)) {
    throw InputError(at(table, "households", file),
                     fmt::format("the community would hold about {:.3g} agents",
                                 community_expected_agents(spec)),
                     fmt::format("at most {} agents fit; lower households", kMaxNodes));
  }
  return spec;
}

double community_expected_agents(const CommunitySpec& spec) {
  const double households = spec.values.real("households");
  // An upper bound: each school rounds its classes up, so add one class per school.
  const double schools =
      std::ceil(households / spec.values.real("households_per_primary_school")) +
      std::ceil(households / spec.values.real("households_per_secondary_school")) + 2;
  const double classes = std::ceil(households / spec.values.real("class_size")) + schools;
  double organisations = 0;
  for (auto name : kOrganisationKindNames)
    organisations += per_thousand(spec.organisations.real(std::string(name)), households);
  const ParamValues& pro = spec.professionals;
  const double professionals = classes +
                               per_thousand(pro.real("youth_worker_per_1000"), households) +
                               per_thousand(pro.real("youth_team_per_1000"), households) +
                               per_thousand(pro.real("community_health_per_1000"), households) +
                               per_thousand(pro.real("municipality_per_1000"), households);
  const ParamValues& kf = spec.key_figures;
  const double religious = (per_thousand(spec.organisations.real("mosque"), households) +
                            per_thousand(spec.organisations.real("church"), households)) *
                           kf.real("religious_leaders_per_organisation");
  const double key_figures = religious +
                             per_thousand(kf.real("church_elders_per_1000"), households) +
                             per_thousand(kf.real("neighbourhood_parents_per_1000"), households) +
                             per_thousand(kf.real("youth_workers_per_1000"), households) +
                             per_thousand(kf.real("parent_influencers_per_1000"), households);
  return households + professionals + key_figures + organisations;
}

double community_expected_arcs(const CommunitySpec& spec) {
  const ParamValues& v = spec.values;
  const double households = v.real("households");
  double memberships = 0;
  for (const CommunityGroup& group : spec.communities) {
    for (double chance : group.membership)
      memberships += group.share * chance * households;
  }
  const ParamValues& pro = spec.professionals;
  const ParamValues& kf = spec.key_figures;
  const double caseload =
      households +
      per_thousand(pro.real("youth_worker_per_1000"), households) *
          pro.real("youth_worker_caseload") +
      per_thousand(pro.real("youth_team_per_1000"), households) * pro.real("youth_team_caseload") +
      per_thousand(pro.real("community_health_per_1000"), households) *
          pro.real("community_health_caseload");
  const double reach =
      per_thousand(kf.real("church_elders_per_1000"), households) * kf.real("church_elder_reach") +
      per_thousand(kf.real("neighbourhood_parents_per_1000"), households) *
          kf.real("neighbourhood_parent_reach") +
      per_thousand(kf.real("youth_workers_per_1000"), households) * kf.real("youth_worker_reach") +
      (per_thousand(spec.organisations.real("mosque"), households) +
       per_thousand(spec.organisations.real("church"), households)) *
          kf.real("religious_leaders_per_organisation") * kf.real("religious_leader_reach");
  const double followers = per_thousand(kf.real("parent_influencers_per_1000"), households) *
                           kf.real("influencer_followers_mean");
  const double edges = households * v.real("family_friends_mean_degree") / 2 +
                       households * v.real("neighbourhood_mean_degree") / 2 +
                       households * (v.real("class_size") - 1) / 2 + memberships + caseload +
                       reach + followers;
  return 2 * edges;
}

nlohmann::ordered_json community_to_json(const CommunitySpec& spec) {
  nlohmann::ordered_json json = values_to_json(spec.values);
  json["communities"] = nlohmann::ordered_json::array();
  for (const CommunityGroup& group : spec.communities) {
    nlohmann::ordered_json entry = values_to_json(group.values);
    entry["name"] = group.name;
    nlohmann::ordered_json membership = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < kOrganisationKindNames.size(); ++k)
      membership[std::string(kOrganisationKindNames[k])] = group.membership[k];
    entry["membership"] = membership;
    json["communities"].push_back(entry);
  }
  json["organisations"] = values_to_json(spec.organisations);
  json["professionals"] = values_to_json(spec.professionals);
  json["key_figures"] = values_to_json(spec.key_figures);
  return json;
}

}  // namespace village
