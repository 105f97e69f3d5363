#pragma once
// A typed, read-only view of a synthesised community (models/community_schema.hpp),
// taken once when a run starts: the category columns as small integers, per kind,
// indexed from the start of the kind's range.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/world.hpp"

namespace village::parent_support {

inline constexpr NodeId kNoAgent = 0xFFFFFFFFu;

struct CommunityView {
  KindRange parents, professionals, key_figures, organisations;
  std::vector<std::string> community_names;
  // Parents.
  std::vector<std::uint8_t> parent_type;
  std::vector<std::uint8_t> vulnerability;  // count of factors
  std::vector<std::uint8_t> vulnerable;
  std::vector<std::uint8_t> language_barrier;
  std::vector<std::int32_t> parent_community;
  std::vector<double> institutional_trust;  // at week 0
  std::vector<std::uint32_t> parent_neighbourhood;
  std::vector<std::uint32_t> parent_school;
  std::vector<std::uint32_t> parent_class;
  std::uint32_t neighbourhoods = 0;  // 1 + the largest neighbourhood index
  std::uint32_t schools = 0;
  // Professionals.
  std::vector<double> hours;
  std::vector<double> competence;
  std::vector<double> cultural_responsiveness;
  std::vector<std::uint8_t> professional_role;
  std::vector<std::uint32_t> professional_neighbourhood;
  // Key figures.
  std::vector<NodeId> key_figure_partner;
  std::vector<std::int32_t> key_figure_community;
  std::vector<std::uint8_t> key_figure_role;
  // Organisations.
  std::vector<NodeId> organisation_partner;

  // Throws std::invalid_argument when the world lacks a kind, column or layer.
  static CommunityView of(const World& world);

  std::size_t parent_index(NodeId agent) const { return agent - parents.begin; }
  // The professional who facilitates groups in a neighbourhood: its youth-team worker,
  // else its community health worker, else its youth worker; kNoAgent when none.
  NodeId facilitator_in(std::uint32_t neighbourhood) const;
  bool is_professional(NodeId agent) const {
    return agent >= professionals.begin && agent < professionals.end;
  }
};

}  // namespace village::parent_support
