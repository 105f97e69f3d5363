#include "scenarios/community/community_params.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "models/community_schema.hpp"
#include "scenarios/community/community_spec.hpp"
#include "sim/plausible.hpp"

namespace village {

namespace community_params {

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

const std::vector<std::string> kOverridable{"low_income_share", "low_education_share",
                                            "single_parent_share", "language_barrier_share",
                                            "institutional_trust_mean"};

}  // namespace

std::vector<ParamSpec> community_specs() {
  const std::string cbs = "CBS StatLine (households with children); rounded, swept";
  return {
      count("households", 5000, 1, 4e9, "households", "", "scenario",
            "households with children aged 4-18; one parent agent each (the parent who deals "
            "with school)"),
      count("neighbourhoods", 6, 1, 1e5, "neighbourhoods", "", "scenario",
            "neighbourhoods (wijken) the households live in: schools' catchments, caseloads; "
            "a Dutch municipality of 5,000 families has a handful"),
      share("primary_share", 0.55, "", cbs,
            "share of households whose (eldest school-age) child is at primary school"),
      share("low_income_share", 0.12, "M15", cbs, "share of households with a low income"),
      share("low_education_share", 0.2, "M15", cbs,
            "share of households whose parent has a low education"),
      share("single_parent_share", 0.15, "M15", cbs, "share of single-parent households"),
      plausible_log(
          share("language_barrier_share", 0.08, "M15", "seed 002 sec. 2; assumption, swept",
                "share of parents with limited Dutch"),
          0.02, 0.25,
          "seed 002 sec. 2 gives no share; judgement: a few percent in rural municipalities to a "
          "quarter in big-city districts"),
      plausible(real("vulnerability_correlation", 0.3, 0, 0.99, "latent correlation", "M15",
                     "seed 001 intro (factors cluster); assumption, swept",
                     "correlation of the latent normals behind the four factors (Gaussian copula): "
                     "factors cluster in the same households"),
                0.1, 0.5,
                "seed 001 intro says the factors cluster; judgement: a weak to moderate latent "
                "correlation"),
      plausible(count("vulnerable_min_factors", 2, 1, 4, "factors", "M15", "assumption, swept",
                      "a parent with at least this many factors counts as vulnerable"),
                1, 3, "judgement: from any one factor (broad) to three of the four (narrow)"),
      plausible(share("engaged_share", 0.55, "M16", "seed 002 sec. 4; assumption, swept",
                      "share of engaged parents (before the vulnerability tilt)"),
                0.4, 0.7,
                "seed 002 sec. 4 names the types, no shares; judgement: engaged parents are most "
                "but not all"),
      plausible(
          share("denying_share", 0.2, "M16", "seed 002 sec. 4; assumption, swept",
                "share of denying parents ('my child doesn't do that')"),
          0.1, 0.3,
          "seed 002 sec. 4 names the types, no shares; judgement: about half to 1.5x the default"),
      plausible(
          share("absent_share", 0.15, "M16", "seed 002 sec. 4; assumption, swept",
                "share of absent (unreachable) parents"),
          0.08, 0.25,
          "seed 002 sec. 4 names the types, no shares; judgement: about half to 1.5x the default"),
      plausible(share("sensitive_share", 0.1, "M16", "seed 002 sec. 4; assumption, swept",
                      "share of sensitive cases (undermining, safety)"),
                0.03, 0.15,
                "seed 002 sec. 4 names the type, no share; judgement: undermining and safety cases "
                "are a small minority"),
      plausible(real("type_vulnerability_tilt", 1.5, 1, 10, "odds multiplier per factor",
                     "M15, M16", "seed 002 sec. 2, 4; assumption, swept",
                     "odds of the absent and sensitive types multiplied by tilt^factors, then "
                     "renormalised: they concentrate among vulnerable parents"),
                1.1, 2.5,
                "seed 002 sec. 2, 4 give the direction only; judgement: a mild to strong "
                "concentration (2.5^4 = 39x at four factors)"),
      plausible(share("institutional_trust_mean", 0.5, "M2", "assumption, swept",
                      "mean initial trust in institutions (Beta distributed)"),
                0.3, 0.7,
                "judgement: moderate trust on average; lower in communities with bad experiences "
                "of institutions (seed 002 sec. 2)"),
      plausible_log(
          real("institutional_trust_concentration", 10, 0.1, 1e4, "alpha + beta", "M2",
               "assumption, swept", "concentration of the Beta distribution of initial trust"),
          4, 25, "judgement: spread of individual trust: sd about 0.22 to 0.1 at mean 0.5"),
      plausible(
          share("vulnerability_trust_penalty", 0.05, "M15", "seed 002 sec. 2; assumption, swept",
                "lower mean initial trust per vulnerability factor"),
          0.02, 0.1,
          "seed 002 sec. 2 gives the direction only; judgement: half to double the default"),
      count("class_size", 25, 2, 200, "households", "", "Dutch class sizes (about 23-28)",
            "households per class (the school layer links the parents of one class)"),
      plausible(
          count("households_per_primary_school", 250, 1, 1e6, "households", "",
                "assumption (about 200-250 pupils per Dutch primary school)",
                "households a primary school serves"),
          120, 350,
          "its source: about 200-250 pupils per school, a household counted once; small rural "
          "schools fewer, large urban ones more"),
      plausible(count("households_per_secondary_school", 800, 1, 1e7, "households", "",
                      "assumption (about 800-1500 pupils per secondary school)",
                      "households a secondary school serves (catchments span neighbourhoods)"),
                400, 1500,
                "source: about 800-1500 pupils per secondary school; smaller locations and "
                "siblings give fewer households"),
      plausible(
          real("family_friends_mean_degree", 6, 0, 1000, "ties per parent", "", "assumption, swept",
               "mean number of family and friend ties among parents"),
          3, 12,
          "judgement: half to double the default ties to other parents of school-age children"),
      plausible(
          real("family_friends_dispersion", 0, 0, 20, "", "",
               "assumption, swept; Lloyd-Smith et al. 2005 (gamma-Poisson heterogeneity)",
               "spread of how many ties households start: their sociability is Gamma with mean 1 "
               "and variance this (0: all alike, a Poisson degree); degree variance about mean + "
               "dispersion * mean^2 / 4"),
          0, 2,
          "judgement: from Poisson degrees (0) to a degree CV of about 0.8 at mean 6; "
          "personal networks vary more than Poisson"),
      share("homophily_community", 0.8, "", "McPherson et al. 2001 (homophily); swept",
            "share of family and friend ties within the parent's own community"),
      plausible(
          share("homophily_neighbourhood", 0.5, "", "assumption, swept",
                "share of within-community family and friend ties within the own neighbourhood"),
          0.3, 0.7,
          "judgement: well above the 1/neighbourhoods of random placement, short of all ties "
          "local"),
      plausible(
          real("neighbourhood_mean_degree", 4, 0, 1000, "ties per parent", "", "assumption, swept",
               "mean number of neighbour ties among parents of one neighbourhood"),
          2, 8, "judgement: half to double the default"),
      plausible(
          share("segregation", 0.5, "", "assumption, swept",
                "chance that a household lives in its community's home neighbourhood (community "
                "c's is neighbourhood c mod neighbourhoods), else anywhere"),
          0.2, 0.8, "judgement: from mild clustering to strongly segregated districts"),
  };
}

std::vector<ParamSpec> organisation_specs() {
  std::vector<ParamSpec> specs;
  // Defaults: what any Dutch municipality has; religious and migrant organisations
  // depend on who lives there, so a scenario sets them with its communities.
  const std::array<double, 7> defaults{0, 0, 0.4, 0.4, 0, 0, 1};
  const std::array<const char*, 7> why{
      "0 by default: set with the communities who attend",
      "0 by default: set with the communities who attend (Urk: about 1)",
      "about one per neighbourhood of 2,500 families",
      "one per school with a parent room, about one in three schools",
      "0 by default: set where a community has one",
      "0 by default: set where a community has one",
      "about one club per 1,000 families (football, hockey, swimming)"};
  // Plausible ranges per kind: where a municipality's rate can credibly lie (uniform, or
  // log-uniform where only the order is known).
  struct Range {
    double low, high;
    bool log;
    const char* reason;
  };
  const std::array<Range, 7> ranges{{
      {0, 2, false,
       "judgement: none where no Muslim community lives, up to about one per 500 families in "
       "districts with large ones (the example districts use 0.5-1)"},
      {0, 5, false,
       "judgement: none in secular districts, up to Urk-like towns with many congregations (the "
       "small_municipality example uses 4.5)"},
      {0.2, 0.8, false, "judgement: half to double the default"},
      {0.2, 1, false,
       "judgement: parent rooms in about one in fourteen to one in three of the ~2.8 schools per "
       "1000 households the school sizes imply"},
      {0, 1, false,
       "judgement: none to about one per 1,000 families where a community has them (the example "
       "districts use 0.3-0.5)"},
      {0, 1, false,
       "judgement: none to about one per 1,000 families where a community has them (the example "
       "districts use 0.3-0.5)"},
      {0.5, 4, true,
       "judgement: the youth clubs where parents meet; known to its order, more where clubs are "
       "small"},
  }};
  for (std::size_t k = 0; k < kOrganisationKindNames.size(); ++k) {
    ParamSpec spec = real(std::string(kOrganisationKindNames[k]), defaults[k], 0, 1000,
                          "per 1000 households", "M6", "seed 003; assumption, swept",
                          fmt::format("{} organisations per 1000 households (a positive rate "
                                      "gives at least one); {}",
                                      kOrganisationKindNames[k], why[k]));
    const Range& range = ranges[k];
    specs.push_back(range.log ? plausible_log(std::move(spec), range.low, range.high, range.reason)
                              : plausible(std::move(spec), range.low, range.high, range.reason));
  }
  return specs;
}

std::vector<ParamSpec> professional_specs() {
  const std::string src = "seed 004; seed 002 sec. 3; assumption, swept";
  return {
      plausible(real("teacher_hours", 1.5, 0, 40, "hours per week", "M22", src,
                     "hours a class mentor has for contact with the parents of the class (about 60 "
                     "a school year: a few short talks per parent)"),
                0.75, 3,
                "judgement: half to double the default (about 30-120 hours a school year)"),
      plausible(real("youth_worker_per_1000", 0.5, 0, 1000, "per 1000 households", "M22", src,
                     "youth workers (about one per 2,000 families with children)"),
                0.25, 1, "judgement: half to double the default"),
      plausible(real("youth_worker_hours", 6, 0, 40, "hours per week", "M22", src,
                     "a youth worker's weekly hours for parents"),
                3, 12, "judgement: half to double the default"),
      plausible(count("youth_worker_caseload", 100, 0, 1e5, "households", "M22", src,
                      "households with secondary-school children a youth worker knows"),
                50, 200, "judgement: half to double the default"),
      plausible(real("youth_team_per_1000", 1, 0, 1000, "per 1000 households", "M22", src,
                     "youth-team (wijkteam) workers who work with families (about one per 1,000)"),
                0.5, 2, "judgement: half to double the default"),
      plausible(real("youth_team_hours", 10, 0, 40, "hours per week", "M22", src,
                     "a youth-team worker's weekly hours for parents"),
                5, 20, "judgement: half to double the default"),
      plausible(
          count("youth_team_caseload", 40, 0, 1e5, "households", "M22", src,
                "households a youth-team worker has contact with, more often vulnerable ones"),
          20, 80, "judgement: half to double the default"),
      plausible(real("community_health_per_1000", 0.5, 0, 1000, "per 1000 households", "M22", src,
                     "community (youth) health workers"),
                0.25, 1, "judgement: half to double the default"),
      plausible(real("community_health_hours", 8, 0, 40, "hours per week", "M22", src,
                     "a community health worker's weekly hours for parents"),
                4, 16, "judgement: half to double the default"),
      plausible(count("community_health_caseload", 300, 0, 1e5, "households", "M22", src,
                      "households with primary-school children a community health worker sees"),
                150, 600, "judgement: half to double the default"),
      plausible(real("municipality_per_1000", 0.2, 0, 1000, "per 1000 households", "M22", src,
                     "municipal staff for prevention policy (no caseload)"),
                0.1, 0.4, "judgement: half to double the default"),
      plausible(real("municipality_hours", 4, 0, 40, "hours per week", "M22", src,
                     "municipal staff's weekly hours for parents"),
                2, 8, "judgement: half to double the default"),
      share("competence_mean", 0.6, "M22", "seed 004 (collaboration competences)",
            "mean collaboration competence of professionals (Beta distributed)"),
      share("cultural_responsiveness_mean", 0.5, "M22", "seed 002 sec. 5",
            "mean cultural responsiveness of professionals (Beta distributed)"),
      plausible_log(real("competence_concentration", 10, 0.1, 1e4, "alpha + beta", "M22",
                         "assumption", "concentration of both Beta distributions"),
                    4, 25,
                    "judgement: spread among professionals: sd about 0.22 to 0.1 at mean 0.5"),
  };
}

std::vector<ParamSpec> key_figure_specs() {
  const std::string src = "seed 002 sec. 2; seed 000 tip 4; assumption, swept";
  return {
      plausible(count("religious_leaders_per_organisation", 1, 0, 100, "per mosque or church", "M5",
                      src, "religious leaders (imam, pastor) of each mosque and church"),
                1, 3, "judgement: one imam or pastor, larger congregations two or three"),
      plausible(count("religious_leader_reach", 60, 0, 1e5, "households", "M5", src,
                      "members of the own organisation a religious leader knows personally"),
                30, 120, "judgement: half to double the default"),
      real("church_elders_per_1000", 0, 0, 1000, "per 1000 households", "M5",
           "seed 000 tip 4 (Urk); scenario", "church elders (only where there are churches)"),
      count("church_elder_reach", 20, 0, 1e5, "households", "M5",
            "seed 000 tip 4 (elders visit the families of their district)",
            "church families in the elder's neighbourhood the elder visits"),
      plausible(real("neighbourhood_parents_per_1000", 0.5, 0, 1000, "per 1000 households", "M5",
                     src, "neighbourhood parents (buurtouders)"),
                0.25, 1, "judgement: half to double the default"),
      plausible(
          count("neighbourhood_parent_reach", 15, 0, 1e5, "households", "M5", src,
                "households of the own community and neighbourhood a neighbourhood parent knows, "
                "vulnerable ones preferred"),
          8, 30, "judgement: half to double the default"),
      plausible(real("youth_workers_per_1000", 0.2, 0, 1000, "per 1000 households", "M5", src,
                     "bridging youth or street workers known in the neighbourhood"),
                0.1, 0.4, "judgement: half to double the default"),
      plausible(count("youth_worker_reach", 30, 0, 1e5, "households", "M5", src,
                      "households in the neighbourhood a bridging youth worker knows"),
                15, 60, "judgement: half to double the default"),
      real("parent_influencers_per_1000", 0.3, 0, 1000, "per 1000 households", "M4, M5",
           "seed 000 tip 4 (Sudwest-Fryslan parent panel)", "parents with many online followers"),
      plausible_log(
          real("influencer_followers_mean", 150, 0, 1e6, "followers", "M4",
               "seed 000 tip 4; assumption, swept",
               "mean number of parents following an influencer (Poisson), mostly of the own "
               "community"),
          50, 400,
          "seed 000 tip 4 gives no counts; judgement: a local parent's following among parents, "
          "known to its order"),
      plausible(real("key_figure_hours", 2, 0, 40, "hours per week", "M5", "assumption, swept",
                     "weekly hours a key figure gives (volunteer)"),
                1, 4, "judgement: half to double the default volunteer time"),
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

const std::vector<std::string>& overridable_keys() {
  return kOverridable;
}

std::vector<ParamSpec> membership_specs() {
  std::vector<ParamSpec> specs;
  for (auto name : kOrganisationKindNames) {
    specs.push_back(share(std::string(name), 0, "M6", "scenario",
                          "chance that a parent of the community is a member of an "
                          "organisation of this kind"));
  }
  return specs;
}

double per_thousand(double rate, double households) {
  return rate > 0 ? std::max(1.0, std::round(rate * households / 1000.0)) : 0.0;
}

}  // namespace community_params

using namespace community_params;

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

}  // namespace village
