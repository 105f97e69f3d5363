#pragma once
// Internal to synthesis: the informal organisations, professionals and key figures of a
// community, with their places, partners and attributes, before they become agents.
// Local indices: organisation o, professional p and key figure k count within their kind.

#include <cstdint>
#include <vector>

#include "models/community_schema.hpp"
#include "scenarios/community/community_params.hpp"
#include "scenarios/community/community_spec.hpp"
#include "scenarios/community/households.hpp"
#include "sim/rng.hpp"

namespace village::synthesis {

inline constexpr std::int64_t kNone = -1;

using community_params::per_thousand;

struct Organisation {
  community::OrganisationKind kind;
  std::int64_t community = kNone;  // -1: open to all communities
  std::uint32_t neighbourhood = 0;
  std::int64_t partner = kNone;  // professional
};

struct Professional {
  community::ProfessionalRole role;
  std::uint32_t neighbourhood = 0;
  std::int64_t school = kNone;        // teachers: their school
  std::int64_t school_class = kNone;  // teachers: their class
  double hours = 0;
  double competence = 0;
  double cultural_responsiveness = 0;
};

struct KeyFigure {
  community::KeyFigureRole role;
  std::int64_t community = kNone;
  std::uint32_t neighbourhood = 0;
  std::int64_t organisation = kNone;
  std::int64_t partner = kNone;  // professional
};

struct Institutions {
  std::vector<Organisation> organisations;
  std::vector<Professional> professionals;
  std::vector<KeyFigure> key_figures;
};

Institutions synthesize_institutions(const CommunitySpec& spec, const Households& households,
                                     const RandomStream& rng);

}  // namespace village::synthesis
