// Reads a synthesised community's columns and layers into the typed view the steps use
// (models/community_schema.hpp); bad ids are refused when a run starts.

#include "models/parent_support/community_view.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/community_schema.hpp"

namespace village::parent_support {

namespace {

template <typename T>
std::vector<T> slice(const Population& population, std::string_view column, const KindRange& kind) {
  const auto& values = population.real_column(std::string(column));
  std::vector<T> out(kind.size());
  for (NodeId i = 0; i < kind.size(); ++i)
    out[i] = static_cast<T>(values[kind.begin + i]);
  return out;
}

// An agent-id column (-1: none) as NodeIds, checked to point into `target`.
std::vector<NodeId> agent_ids(const Population& population, std::string_view column,
                              const KindRange& kind, const KindRange& target) {
  const auto& values = population.real_column(std::string(column));
  std::vector<NodeId> out(kind.size(), kNoAgent);
  for (NodeId i = 0; i < kind.size(); ++i) {
    const double id = values[kind.begin + i];
    if (id < 0) continue;
    if (id < target.begin || id >= target.end || id != std::floor(id)) {
      throw std::invalid_argument("community: column '" + std::string(column) + "' of agent " +
                                  std::to_string(kind.begin + i) + " is not a " + target.name);
    }
    out[i] = static_cast<NodeId>(id);
  }
  return out;
}

}  // namespace

CommunityView CommunityView::of(const World& world) {
  using namespace community;
  const Population& population = world.population;
  CommunityView view;
  view.parents = population.kind(std::string(kParents));
  view.professionals = population.kind(std::string(kProfessionals));
  view.key_figures = population.kind(std::string(kKeyFigures));
  view.organisations = population.kind(std::string(kOrganisations));
  view.community_names = population.group_names();
  view.parent_type = slice<std::uint8_t>(population, column::parent_type, view.parents);
  view.vulnerability = slice<std::uint8_t>(population, column::vulnerability, view.parents);
  view.vulnerable = slice<std::uint8_t>(population, column::vulnerable, view.parents);
  view.language_barrier = slice<std::uint8_t>(population, column::language_barrier, view.parents);
  view.parent_community = slice<std::int32_t>(population, column::community, view.parents);
  view.institutional_trust = slice<double>(population, column::institutional_trust, view.parents);
  view.parent_neighbourhood = slice<std::uint32_t>(population, column::neighbourhood, view.parents);
  view.parent_school = slice<std::uint32_t>(population, column::school, view.parents);
  view.parent_class = slice<std::uint32_t>(population, column::school_class, view.parents);
  for (auto n : view.parent_neighbourhood)
    view.neighbourhoods = std::max(view.neighbourhoods, n + 1);
  for (auto s : view.parent_school)
    view.schools = std::max(view.schools, s + 1);
  view.professional_role = slice<std::uint8_t>(population, column::role, view.professionals);
  view.professional_neighbourhood =
      slice<std::uint32_t>(population, column::neighbourhood, view.professionals);
  view.hours = slice<double>(population, column::hours, view.professionals);
  view.competence = slice<double>(population, column::competence, view.professionals);
  view.cultural_responsiveness =
      slice<double>(population, column::cultural_responsiveness, view.professionals);
  view.key_figure_partner =
      agent_ids(population, column::partner, view.key_figures, view.professionals);
  view.key_figure_community = slice<std::int32_t>(population, column::community, view.key_figures);
  view.key_figure_role = slice<std::uint8_t>(population, column::role, view.key_figures);
  view.organisation_partner =
      agent_ids(population, column::partner, view.organisations, view.professionals);
  for (auto type : view.parent_type) {
    if (type > 3) throw std::invalid_argument("community: parent_type out of range");
  }
  for (auto count : view.vulnerability) {
    if (count > 4) throw std::invalid_argument("community: more than 4 vulnerability factors");
  }
  for (auto community : view.parent_community) {
    if (community < 0 || static_cast<std::size_t>(community) >= view.community_names.size())
      throw std::invalid_argument("community: a parent's community has no group name");
  }
  for (auto name : {layer::caseload, layer::key_figures, layer::membership, layer::online})
    (void)world.layer(std::string(name));
  return view;
}

NodeId CommunityView::facilitator_in(std::uint32_t neighbourhood) const {
  for (auto role :
       {community::ProfessionalRole::youth_team, community::ProfessionalRole::community_health,
        community::ProfessionalRole::youth_worker}) {
    for (NodeId k = 0; k < professionals.size(); ++k) {
      if (professional_neighbourhood[k] == neighbourhood &&
          professional_role[k] == static_cast<std::uint8_t>(role))
        return professionals.begin + k;
    }
  }
  return kNoAgent;
}

}  // namespace village::parent_support
