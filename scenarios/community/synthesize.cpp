#include "scenarios/community/synthesize.hpp"

#include <algorithm>

#include "models/community_schema.hpp"
#include "scenarios/community/households.hpp"
#include "scenarios/community/institutions.hpp"
#include "scenarios/community/layers.hpp"

namespace village {

namespace {

using namespace community;
using synthesis::Households;
using synthesis::Institutions;
using synthesis::kNone;

std::vector<double>& column_of(Population& population, std::string_view name) {
  return population.real_column(std::string(name));
}

double agent_or_none(std::int64_t local, NodeId first) {
  return local == kNone ? -1.0 : static_cast<double>(first + static_cast<NodeId>(local));
}

void write_parents(const Households& h, Population& pop) {
  const std::array<std::vector<double>*, 4> factors{
      &column_of(pop, column::low_income), &column_of(pop, column::low_education),
      &column_of(pop, column::single_parent), &column_of(pop, column::language_barrier)};
  auto& community = column_of(pop, column::community);
  auto& neighbourhood = column_of(pop, column::neighbourhood);
  auto& band = column_of(pop, column::child_band);
  auto& vulnerability = column_of(pop, column::vulnerability);
  auto& vulnerable = column_of(pop, column::vulnerable);
  auto& type = column_of(pop, column::parent_type);
  auto& school = column_of(pop, column::school);
  auto& school_class = column_of(pop, column::school_class);
  auto& trust = column_of(pop, column::institutional_trust);
  for (NodeId i = 0; i < h.count; ++i) {
    community[i] = h.community[i];
    neighbourhood[i] = h.neighbourhood[i];
    band[i] = h.band[i];
    for (std::size_t k = 0; k < factors.size(); ++k)
      (*factors[k])[i] = h.factors[i][k];
    vulnerability[i] = h.vulnerability[i];
    vulnerable[i] = h.vulnerable[i];
    type[i] = h.type[i];
    school[i] = h.school[i];
    school_class[i] = h.school_class[i];
    trust[i] = h.trust[i];
  }
}

void write_institutions(const Institutions& inst, const synthesis::AgentOffsets& first,
                        double key_figure_hours, Population& pop) {
  auto& community = column_of(pop, column::community);
  auto& neighbourhood = column_of(pop, column::neighbourhood);
  auto& role = column_of(pop, column::role);
  auto& hours = column_of(pop, column::hours);
  auto& partner = column_of(pop, column::partner);
  for (std::size_t p = 0; p < inst.professionals.size(); ++p) {
    const synthesis::Professional& prof = inst.professionals[p];
    const NodeId agent = first.professionals + static_cast<NodeId>(p);
    community[agent] = -1;
    neighbourhood[agent] = prof.neighbourhood;
    role[agent] = static_cast<double>(prof.role);
    hours[agent] = prof.hours;
    column_of(pop, column::competence)[agent] = prof.competence;
    column_of(pop, column::cultural_responsiveness)[agent] = prof.cultural_responsiveness;
    column_of(pop, column::school)[agent] = static_cast<double>(prof.school);
  }
  for (std::size_t k = 0; k < inst.key_figures.size(); ++k) {
    const synthesis::KeyFigure& figure = inst.key_figures[k];
    const NodeId agent = first.key_figures + static_cast<NodeId>(k);
    community[agent] = static_cast<double>(figure.community);
    neighbourhood[agent] = figure.neighbourhood;
    role[agent] = static_cast<double>(figure.role);
    hours[agent] = key_figure_hours;
    partner[agent] = agent_or_none(figure.partner, first.professionals);
    column_of(pop, column::organisation)[agent] =
        agent_or_none(figure.organisation, first.organisations);
  }
  for (std::size_t o = 0; o < inst.organisations.size(); ++o) {
    const synthesis::Organisation& org = inst.organisations[o];
    const NodeId agent = first.organisations + static_cast<NodeId>(o);
    community[agent] = static_cast<double>(org.community);
    neighbourhood[agent] = org.neighbourhood;
    column_of(pop, column::kind)[agent] = static_cast<double>(org.kind);
    partner[agent] = agent_or_none(org.partner, first.professionals);
  }
}

// Population groups: one per community, holding every agent of it; agents of no
// community (professionals, bridging youth workers, open organisations) form "none".
void assign_community_groups(const CommunitySpec& spec, Population& pop) {
  std::vector<std::string> names;
  for (const CommunityGroup& group : spec.communities)
    names.push_back(group.name);
  const auto none = static_cast<std::uint32_t>(names.size());
  const auto& community = column_of(pop, column::community);
  std::vector<std::uint32_t> group_of(pop.size());
  bool any_none = false;
  for (NodeId a = 0; a < pop.size(); ++a) {
    const bool belongs = community[a] >= 0;
    group_of[a] = belongs ? static_cast<std::uint32_t>(community[a]) : none;
    any_none = any_none || !belongs;
  }
  if (any_none) names.emplace_back("none");
  pop.assign_groups(std::move(names), std::move(group_of));
}

}  // namespace

World synthesize_community(const CommunitySpec& spec, const RandomStream& rng) {
  const Households h = synthesis::synthesize_households(spec, rng);
  const Institutions inst = synthesis::synthesize_institutions(spec, h, rng);
  World world;
  world.population =
      Population({{std::string(kParents), h.count},
                  {std::string(kProfessionals), static_cast<NodeId>(inst.professionals.size())},
                  {std::string(kKeyFigures), static_cast<NodeId>(inst.key_figures.size())},
                  {std::string(kOrganisations), static_cast<NodeId>(inst.organisations.size())}});
  Population& pop = world.population;
  const synthesis::AgentOffsets first{.professionals = pop.kind(std::string(kProfessionals)).begin,
                                      .key_figures = pop.kind(std::string(kKeyFigures)).begin,
                                      .organisations = pop.kind(std::string(kOrganisations)).begin};
  write_parents(h, pop);
  write_institutions(inst, first, spec.key_figures.real("key_figure_hours"), pop);
  assign_community_groups(spec, pop);

  synthesis::LayerEdges edges = synthesis::synthesize_layers(spec, h, inst, first, rng);
  const auto add = [&](std::string_view name, std::vector<EdgeRecord>& list) {
    world.layers[std::string(name)] = CsrLayer::from_edges(pop.size(), list, Direction::undirected);
    std::vector<EdgeRecord>().swap(list);  // free each edge list once its layer is built
  };
  add(layer::family_friends, edges.family_friends);
  add(layer::neighbourhood, edges.neighbourhood);
  add(layer::school, edges.school);
  add(layer::membership, edges.membership);
  add(layer::caseload, edges.caseload);
  add(layer::key_figures, edges.key_figures);
  add(layer::online, edges.online);
  world.roles = {.members = std::string(kParents),
                 .helpers = std::string(kProfessionals),
                 .bridges = std::string(kKeyFigures),
                 .social_layer = std::string(layer::family_friends),
                 .service_layer = std::string(layer::caseload),
                 .bridge_layer = std::string(layer::key_figures),
                 .area_column = std::string(column::neighbourhood),
                 .vulnerable_column = std::string(column::vulnerable)};
  return world;
}

}  // namespace village
