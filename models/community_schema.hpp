#pragma once
// The contract between population synthesis (scenarios/community) and the
// parent-support mechanisms (models/parent_support): agent kinds, attribute columns,
// category codes and network layers of a synthetic community. Synthesis writes these,
// mechanisms read them; neither knows the other's internals.
//
// Agent kinds, in this index order (each a contiguous range, sim/population.hpp):
//   parents        one per household with children (the parent who deals with school)
//   professionals  teachers or mentors, youth workers, youth-team workers,
//                  community health workers, municipality staff
//   key_figures    religious leaders, church elders, neighbourhood parents, youth
//                  workers who bridge, parent influencers
//   organisations  informal organisations (mosque, church, community centre, ...)
//
// Columns are Population real columns (one double per agent, 0 for agents of other
// kinds). Category columns hold the code of the enums below; "none" is -1.

#include <array>
#include <cstdint>
#include <string_view>

namespace village::community {

inline constexpr std::string_view kParents = "parents";
inline constexpr std::string_view kProfessionals = "professionals";
inline constexpr std::string_view kKeyFigures = "key_figures";
inline constexpr std::string_view kOrganisations = "organisations";

// Parent type at school contact (seed 002 section 4; M16).
enum class ParentType : std::uint8_t { engaged = 0, denying = 1, absent = 2, sensitive = 3 };
inline constexpr std::array<std::string_view, 4> kParentTypeNames{"engaged", "denying", "absent",
                                                                  "sensitive"};

enum class ChildBand : std::uint8_t { primary = 0, secondary = 1 };
inline constexpr std::array<std::string_view, 2> kChildBandNames{"primary", "secondary"};

// Professional roles (seed 002 sections 2-3; seed 004; M22).
enum class ProfessionalRole : std::uint8_t {
  teacher = 0,           // teacher or mentor at one school; caseload: parents of own classes
  youth_worker = 1,      // neighbourhood youth work
  youth_team = 2,        // youth-team (wijkteam) worker; caseload leans to vulnerable parents
  community_health = 3,  // youth health care (JGZ) / community health; primary-age families
  municipality = 4,      // policy staff: campaigns and coordination, no caseload
};
inline constexpr std::array<std::string_view, 5> kProfessionalRoleNames{
    "teacher", "youth_worker", "youth_team", "community_health", "municipality"};

// Key-figure roles (seed 002 section 2; seed 000 tip 4; M5).
enum class KeyFigureRole : std::uint8_t {
  religious_leader = 0,      // imam, pastor: reaches the members of own organisation
  church_elder = 1,          // visits families of own community in own neighbourhood (Urk)
  neighbourhood_parent = 2,  // parent of own community in own neighbourhood
  youth_worker = 3,          // bridging youth or street worker known in the neighbourhood
  parent_influencer = 4,     // parent with online followers (Sudwest-Fryslan parent panel)
};
inline constexpr std::array<std::string_view, 5> kKeyFigureRoleNames{
    "religious_leader", "church_elder", "neighbourhood_parent", "youth_worker",
    "parent_influencer"};

// Informal organisations (seed 003; M6).
enum class OrganisationKind : std::uint8_t {
  mosque = 0,
  church = 1,
  community_centre = 2,
  parent_room = 3,
  womens_network = 4,
  migrant_organisation = 5,
  sports_club = 6,
};
inline constexpr std::array<std::string_view, 7> kOrganisationKindNames{
    "mosque",      "church",         "community_centre",
    "parent_room", "womens_network", "migrant_organisation",
    "sports_club"};

// Attribute columns.
namespace column {
// All kinds: index into the scenario's neighbourhoods / communities (-1: none).
inline constexpr std::string_view neighbourhood = "neighbourhood";
inline constexpr std::string_view community = "community";
// Parents.
inline constexpr std::string_view child_band = "child_band";  // ChildBand
inline constexpr std::string_view low_income = "low_income";  // 0 or 1 (M15)
inline constexpr std::string_view low_education = "low_education";
inline constexpr std::string_view single_parent = "single_parent";
inline constexpr std::string_view language_barrier = "language_barrier";
inline constexpr std::string_view vulnerability = "vulnerability";  // count of factors, 0-4
inline constexpr std::string_view vulnerable = "vulnerable";        // 0 or 1
inline constexpr std::string_view parent_type = "parent_type";      // ParentType
inline constexpr std::string_view school = "school";                // school index
inline constexpr std::string_view school_class = "class";           // class index
inline constexpr std::string_view institutional_trust = "institutional_trust";  // [0, 1] at week 0
// Professionals and key figures.
inline constexpr std::string_view role = "role";    // ProfessionalRole or KeyFigureRole
inline constexpr std::string_view hours = "hours";  // weekly hours for contact with parents
// Professionals.
inline constexpr std::string_view competence = "competence";  // collaboration competence [0, 1]
inline constexpr std::string_view cultural_responsiveness = "cultural_responsiveness";  // [0, 1]
// Key figures: the professional (agent id) they introduce parents to.
// Organisations: the professional (agent id) who joins their conversations.
inline constexpr std::string_view partner = "partner";
// Key figures: their organisation (agent id, -1: none).
inline constexpr std::string_view organisation = "organisation";
// Organisations.
inline constexpr std::string_view kind = "kind";  // OrganisationKind
}  // namespace column

// Network layers; all undirected, indexed by agent id over the whole population.
namespace layer {
inline constexpr std::string_view family_friends = "family_friends";  // parent - parent
inline constexpr std::string_view neighbourhood = "neighbourhood";    // parent - parent
inline constexpr std::string_view school = "school";                  // parents of one class
inline constexpr std::string_view membership = "membership";          // parent - organisation
inline constexpr std::string_view caseload = "caseload";              // professional - parent
inline constexpr std::string_view key_figures = "key_figures";        // key figure - parent
inline constexpr std::string_view online = "online";                  // influencer - follower
}  // namespace layer

}  // namespace village::community
