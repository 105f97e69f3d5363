#pragma once
// The [community] section of a scenario: the synthetic community's size, households,
// vulnerability (M15), parent types (M16), schools, social ties, communities with their
// organisations' memberships, and the professionals (M22) and key figures (M5) who work
// there. Read and validated against declared parameters (village params community);
// scenarios/community/synthesize.hpp turns it into a World.

#include <toml++/toml.h>

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/parameters.hpp"

namespace village {

// One [[community.communities]] entry: a cultural or religious community.
struct CommunityGroup {
  std::string name;
  double share = 0;
  ParamValues values;                  // its factor shares and trust, defaulting to [community]'s
  std::array<double, 7> membership{};  // chance of membership, by OrganisationKind
};

struct CommunitySpec {
  ParamValues values;  // [community]
  std::vector<CommunityGroup> communities;
  ParamValues organisations;  // [community.organisations]
  ParamValues professionals;  // [community.professionals]
  ParamValues key_figures;    // [community.key_figures]
};

// A TOML table's parameter declarations (name, description, specs): the project's
// ParamTable, under the name the community API was specified with.
using ParamSection = ParamTable;

// Declarations of [community], [[community.communities]] (each entry),
// [community.organisations], [community.professionals], [community.key_figures].
const std::vector<ParamTable>& community_param_sections();

// Reads and validates the [community] table; throws InputError at file:line:column.
CommunitySpec read_community(const toml::table& table, const std::string& file);

// Agents and stored arcs (both directions) of the synthesised world, estimated before
// anything is allocated.
double community_expected_agents(const CommunitySpec& spec);
double community_expected_arcs(const CommunitySpec& spec);

// Every value, defaults included, for manifest.json.
nlohmann::ordered_json community_to_json(const CommunitySpec& spec);

}  // namespace village
