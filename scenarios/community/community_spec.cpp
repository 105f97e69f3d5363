#include "scenarios/community/community_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "models/community_schema.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"
#include "sim/csr_layer.hpp"
#include "sim/error.hpp"

namespace village {

namespace {

using community::kOrganisationKindNames;

ParamSpec real(std::string name, double value, double min, double max, std::string unit,
               std::string mechanism, std::string source, std::string description) {
  return {.name = std::move(name),
          .default_number = value,
          .min = min,
          .max = max,
          .unit = std::move(unit),
          .description = std::move(description),
          .source = std::move(source),
          .mechanism = std::move(mechanism)};
}

ParamSpec share(std::string name, double value, std::string mechanism, std::string source,
                std::string description) {
  return real(std::move(name), value, 0, 1, "share", std::move(mechanism), std::move(source),
              std::move(description));
}

ParamSpec count(std::string name, double value, double min, double max, std::string unit,
                std::string mechanism, std::string source, std::string description) {
  ParamSpec spec = real(std::move(name), value, min, max, std::move(unit), std::move(mechanism),
                        std::move(source), std::move(description));
  spec.type = ParamType::integer;
  return spec;
}

// Keys a community entry may override.
const std::vector<std::string> kOverridable{"low_income_share", "low_education_share",
                                            "single_parent_share", "language_barrier_share",
                                            "institutional_trust_mean"};

std::vector<ParamSpec> community_specs() {
  const std::string cbs = "CBS StatLine (households with children); rounded, swept";
  return {
      count("households", 5000, 1, 4e9, "households", "", "scenario",
            "households with children aged 4-18; one parent agent each (the parent who deals "
            "with school)"),
      count("neighbourhoods", 6, 1, 1e6, "neighbourhoods", "", "scenario",
            "neighbourhoods the households live in (schools' catchments, caseloads)"),
      share("primary_share", 0.55, "", cbs,
            "share of households whose (eldest school-age) child is at primary school"),
      share("low_income_share", 0.12, "M15", cbs, "share of households with a low income"),
      share("low_education_share", 0.2, "M15", cbs,
            "share of households whose parent has a low education"),
      share("single_parent_share", 0.15, "M15", cbs, "share of single-parent households"),
      share("language_barrier_share", 0.08, "M15", "seed 002 sec. 2; assumption, swept",
            "share of parents with limited Dutch"),
      real("vulnerability_correlation", 0.3, 0, 0.99, "latent correlation", "M15",
           "seed 001 intro (factors cluster); assumption, swept",
           "correlation of the latent normals behind the four factors (Gaussian copula): "
           "factors cluster in the same households"),
      count("vulnerable_min_factors", 2, 1, 4, "factors", "M15", "assumption, swept",
            "a parent with at least this many factors counts as vulnerable"),
      share("engaged_share", 0.55, "M16", "seed 002 sec. 4; assumption, swept",
            "share of engaged parents (before the vulnerability tilt)"),
      share("denying_share", 0.2, "M16", "seed 002 sec. 4; assumption, swept",
            "share of denying parents ('my child doesn't do that')"),
      share("absent_share", 0.15, "M16", "seed 002 sec. 4; assumption, swept",
            "share of absent (unreachable) parents"),
      share("sensitive_share", 0.1, "M16", "seed 002 sec. 4; assumption, swept",
            "share of sensitive cases (undermining, safety)"),
      real("type_vulnerability_tilt", 1.5, 1, 10, "odds multiplier per factor", "M15, M16",
           "seed 002 sec. 2, 4; assumption, swept",
           "odds of the absent and sensitive types multiplied by tilt^factors, then "
           "renormalised: they concentrate among vulnerable parents"),
      share("institutional_trust_mean", 0.5, "M2", "assumption, swept",
            "mean initial trust in institutions (Beta distributed)"),
      real("institutional_trust_concentration", 10, 0.1, 1e4, "alpha + beta", "M2",
           "assumption, swept", "concentration of the Beta distribution of initial trust"),
      share("vulnerability_trust_penalty", 0.05, "M15", "seed 002 sec. 2; assumption, swept",
            "lower mean initial trust per vulnerability factor"),
      count("class_size", 25, 2, 200, "households", "", "Dutch class sizes (about 23-28)",
            "households per class (the school layer links the parents of one class)"),
      count("households_per_primary_school", 250, 1, 1e6, "households", "",
            "assumption (about 200-250 pupils per Dutch primary school)",
            "households a primary school serves"),
      count("households_per_secondary_school", 800, 1, 1e7, "households", "",
            "assumption (about 800-1500 pupils per secondary school)",
            "households a secondary school serves (catchments span neighbourhoods)"),
      real("family_friends_mean_degree", 6, 0, 1000, "ties per parent", "", "assumption, swept",
           "mean number of family and friend ties among parents"),
      share("homophily_community", 0.8, "", "McPherson et al. 2001 (homophily); swept",
            "share of family and friend ties within the parent's own community"),
      share("homophily_neighbourhood", 0.5, "", "assumption, swept",
            "share of within-community family and friend ties within the own neighbourhood"),
      real("neighbourhood_mean_degree", 4, 0, 1000, "ties per parent", "", "assumption, swept",
           "mean number of neighbour ties among parents of one neighbourhood"),
      share("segregation", 0.5, "", "assumption, swept",
            "chance that a household lives in its community's home neighbourhood (community "
            "c's is neighbourhood c mod neighbourhoods), else anywhere"),
  };
}

std::vector<ParamSpec> organisation_specs() {
  std::vector<ParamSpec> specs;
  const std::array<double, 7> defaults{0, 0, 0.4, 0.4, 0, 0, 1};
  for (std::size_t k = 0; k < kOrganisationKindNames.size(); ++k) {
    specs.push_back(real(std::string(kOrganisationKindNames[k]), defaults[k], 0, 1000,
                         "per 1000 households", "M6", "seed 003; scenario",
                         fmt::format("{} organisations per 1000 households (a positive rate "
                                     "gives at least one)",
                                     kOrganisationKindNames[k])));
  }
  return specs;
}

std::vector<ParamSpec> professional_specs() {
  const std::string src = "seed 004; seed 002 sec. 3; assumption, swept";
  return {
      real("teacher_hours", 1.5, 0, 40, "hours per week", "M22", src,
           "hours a class mentor has for contact with the parents of the class (about 60 "
           "a school year: a few short talks per parent)"),
      real("youth_worker_per_1000", 0.5, 0, 1000, "per 1000 households", "M22", src,
           "youth workers"),
      real("youth_worker_hours", 6, 0, 40, "hours per week", "M22", src,
           "a youth worker's weekly hours for parents"),
      count("youth_worker_caseload", 100, 0, 1e5, "households", "M22", src,
            "households with secondary-school children a youth worker knows"),
      real("youth_team_per_1000", 1, 0, 1000, "per 1000 households", "M22", src,
           "youth-team (wijkteam) workers"),
      real("youth_team_hours", 10, 0, 40, "hours per week", "M22", src,
           "a youth-team worker's weekly hours for parents"),
      count("youth_team_caseload", 40, 0, 1e5, "households", "M22", src,
            "households a youth-team worker has contact with, more often vulnerable ones"),
      real("community_health_per_1000", 0.5, 0, 1000, "per 1000 households", "M22", src,
           "community (youth) health workers"),
      real("community_health_hours", 8, 0, 40, "hours per week", "M22", src,
           "a community health worker's weekly hours for parents"),
      count("community_health_caseload", 300, 0, 1e5, "households", "M22", src,
            "households with primary-school children a community health worker sees"),
      real("municipality_per_1000", 0.2, 0, 1000, "per 1000 households", "M22", src,
           "municipal staff for prevention policy (no caseload)"),
      real("municipality_hours", 4, 0, 40, "hours per week", "M22", src,
           "municipal staff's weekly hours for parents"),
      share("competence_mean", 0.6, "M22", "seed 004 (collaboration competences)",
            "mean collaboration competence of professionals (Beta distributed)"),
      share("cultural_responsiveness_mean", 0.5, "M22", "seed 002 sec. 5",
            "mean cultural responsiveness of professionals (Beta distributed)"),
      real("competence_concentration", 10, 0.1, 1e4, "alpha + beta", "M22", "assumption",
           "concentration of both Beta distributions"),
  };
}

std::vector<ParamSpec> key_figure_specs() {
  const std::string src = "seed 002 sec. 2; seed 000 tip 4; assumption, swept";
  return {
      count("religious_leaders_per_organisation", 1, 0, 100, "per mosque or church", "M5", src,
            "religious leaders (imam, pastor) of each mosque and church"),
      count("religious_leader_reach", 60, 0, 1e5, "households", "M5", src,
            "members of the own organisation a religious leader knows personally"),
      real("church_elders_per_1000", 0, 0, 1000, "per 1000 households", "M5",
           "seed 000 tip 4 (Urk); scenario", "church elders (only where there are churches)"),
      count("church_elder_reach", 20, 0, 1e5, "households", "M5",
            "seed 000 tip 4 (elders visit the families of their district)",
            "church families in the elder's neighbourhood the elder visits"),
      real("neighbourhood_parents_per_1000", 0.5, 0, 1000, "per 1000 households", "M5", src,
           "neighbourhood parents (buurtouders)"),
      count("neighbourhood_parent_reach", 15, 0, 1e5, "households", "M5", src,
            "households of the own community and neighbourhood a neighbourhood parent knows, "
            "vulnerable ones preferred"),
      real("youth_workers_per_1000", 0.2, 0, 1000, "per 1000 households", "M5", src,
           "bridging youth or street workers known in the neighbourhood"),
      count("youth_worker_reach", 30, 0, 1e5, "households", "M5", src,
            "households in the neighbourhood a bridging youth worker knows"),
      real("parent_influencers_per_1000", 0.3, 0, 1000, "per 1000 households", "M4, M5",
           "seed 000 tip 4 (Sudwest-Fryslan parent panel)", "parents with many online followers"),
      real("influencer_followers_mean", 150, 0, 1e6, "followers", "M4",
           "seed 000 tip 4; assumption, swept",
           "mean number of parents following an influencer (Poisson), mostly of the own "
           "community"),
      real("key_figure_hours", 2, 0, 40, "hours per week", "M5", "assumption, swept",
           "weekly hours a key figure gives (volunteer)"),
  };
}

std::vector<ParamSpec> entry_specs() {
  std::vector<ParamSpec> specs{
      {.name = "name",
       .type = ParamType::text,
       .description = "name of the community (used in outcome groups: community:<name>)",
       .source = "scenario"},
      share("share", 1, "", "scenario", "share of the households in this community"),
  };
  for (const ParamSpec& spec : community_specs()) {
    if (std::find(kOverridable.begin(), kOverridable.end(), spec.name) != kOverridable.end()) {
      ParamSpec copy = spec;
      copy.description = "this community's " + spec.description + " (default: [community]'s)";
      specs.push_back(copy);
    }
  }
  return specs;
}

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
  for (const std::string& key : kOverridable)
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
  std::vector<ParamSpec> kinds;
  for (auto name : kOrganisationKindNames) {
    kinds.push_back(share(std::string(name), 0, "M6", "scenario",
                          "chance that a parent is a member of an organisation of this kind"));
  }
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

const std::vector<ParamTable>& community_param_sections() {
  static const std::vector<ParamTable> sections{
      {"community",
       "the synthetic community: households, vulnerability, parent types, schools "
       "and social ties",
       community_specs()},
      {"[community.communities]",
       "each cultural or religious community (an array of tables), with overrides of "
       "[community]'s shares and a `membership = { <organisation kind> = chance }` table",
       entry_specs()},
      {"community.organisations", "informal organisations, per 1000 households",
       organisation_specs()},
      {"community.professionals", "professionals, their weekly hours and caseloads",
       professional_specs()},
      {"community.key_figures", "key figures and whom they reach", key_figure_specs()},
  };
  return sections;
}

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
    for (const std::string& key : kOverridable)
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

namespace {
double per_thousand(double rate, double households) {
  return rate > 0 ? std::max(1.0, std::round(rate * households / 1000.0)) : 0.0;
}
}  // namespace

double community_expected_agents(const CommunitySpec& spec) {
  const double households = spec.values.real("households");
  const double classes = std::ceil(households / spec.values.real("class_size")) + 2;
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
  const auto to_json = [](const ParamValues& values) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const auto& [name, value] : values.all())
      std::visit([&](const auto& v) { json[name] = v; }, value);
    return json;
  };
  nlohmann::ordered_json json = to_json(spec.values);
  json["communities"] = nlohmann::ordered_json::array();
  for (const CommunityGroup& group : spec.communities) {
    nlohmann::ordered_json entry = to_json(group.values);
    entry["name"] = group.name;
    nlohmann::ordered_json membership = nlohmann::ordered_json::object();
    for (std::size_t k = 0; k < kOrganisationKindNames.size(); ++k)
      membership[std::string(kOrganisationKindNames[k])] = group.membership[k];
    entry["membership"] = membership;
    json["communities"].push_back(entry);
  }
  json["organisations"] = to_json(spec.organisations);
  json["professionals"] = to_json(spec.professionals);
  json["key_figures"] = to_json(spec.key_figures);
  return json;
}

}  // namespace village
