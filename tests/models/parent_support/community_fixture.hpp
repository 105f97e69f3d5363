#pragma once
// A small hand-built community (models/community_schema.hpp) whose every tie is known,
// for unit tests of the parent-support mechanisms independent of population synthesis:
//   parents 0-199 (communities "a" for even, "b" for odd; types cycle engaged, denying,
//   absent, sensitive; every 5th has a language barrier and two factors; parents 0-99
//   live in neighbourhood 0 and go to school 0, 100-199 in neighbourhood 1 and school 1,
//   in classes of 25);
//   professionals: teacher (caseload parents 0-99), youth-team worker (no caseload),
//   community health (caseload parents 100-199), municipality;
//   key figures: a church elder of community "a" (knows parents 0-49, partner: youth
//   team), a parent influencer (followed by parents 150-199);
//   organisations: a mosque (members 0-49, partner: youth team) and a church (no members).

#include <string>
#include <vector>

#include "models/community_schema.hpp"
#include "sim/world.hpp"

namespace village::test {

struct FixtureIds {
  static constexpr NodeId parents = 200;
  static constexpr NodeId teacher = 200;
  static constexpr NodeId youth_team = 201;
  static constexpr NodeId community_health = 202;
  static constexpr NodeId municipality = 203;
  static constexpr NodeId elder = 204;
  static constexpr NodeId influencer = 205;
  static constexpr NodeId mosque = 206;
  static constexpr NodeId church = 207;
};

inline World community_fixture() {
  namespace c = community;
  using Ids = FixtureIds;
  World world;
  world.population = Population({{std::string(c::kParents), 200},
                                 {std::string(c::kProfessionals), 4},
                                 {std::string(c::kKeyFigures), 2},
                                 {std::string(c::kOrganisations), 2}});
  Population& pop = world.population;
  const NodeId n = pop.size();
  std::vector<std::uint32_t> group(n, 0);
  auto col = [&](std::string_view name) -> std::vector<double>& {
    return pop.real_column(std::string(name));
  };
  for (NodeId p = 0; p < Ids::parents; ++p) {
    group[p] = p % 2;
    col(c::column::community)[p] = p % 2;
    col(c::column::parent_type)[p] = p % 4;
    const bool barrier = p % 5 == 0;
    col(c::column::language_barrier)[p] = barrier;
    col(c::column::low_income)[p] = barrier;
    col(c::column::vulnerability)[p] = barrier ? 2 : 0;
    col(c::column::vulnerable)[p] = barrier;
    col(c::column::institutional_trust)[p] = 0.5;
    col(c::column::child_band)[p] = p < 100 ? 0 : 1;
    col(c::column::neighbourhood)[p] = p < 100 ? 0 : 1;
    col(c::column::school)[p] = p < 100 ? 0 : 1;
    col(c::column::school_class)[p] = p / 25;
  }
  const double roles[4] = {0, 2, 3, 4};
  const double hours[4] = {4, 8, 6, 4};
  for (NodeId k = 0; k < 4; ++k) {
    col(c::column::role)[Ids::teacher + k] = roles[k];
    col(c::column::hours)[Ids::teacher + k] = hours[k];
    col(c::column::competence)[Ids::teacher + k] = 0.8;
    col(c::column::cultural_responsiveness)[Ids::teacher + k] = 0.5;
    col(c::column::community)[Ids::teacher + k] = -1;
    col(c::column::neighbourhood)[Ids::teacher + k] = k == 2 ? 1 : 0;
  }
  col(c::column::role)[Ids::elder] = static_cast<double>(c::KeyFigureRole::church_elder);
  col(c::column::role)[Ids::influencer] = static_cast<double>(c::KeyFigureRole::parent_influencer);
  col(c::column::partner)[Ids::elder] = Ids::youth_team;
  col(c::column::partner)[Ids::influencer] = -1;
  col(c::column::community)[Ids::elder] = 0;
  col(c::column::community)[Ids::influencer] = 1;
  col(c::column::kind)[Ids::mosque] = static_cast<double>(c::OrganisationKind::mosque);
  col(c::column::kind)[Ids::church] = static_cast<double>(c::OrganisationKind::church);
  col(c::column::partner)[Ids::mosque] = Ids::youth_team;
  col(c::column::partner)[Ids::church] = -1;
  group[Ids::influencer] = 1;
  pop.assign_groups({"a", "b"}, group);

  std::vector<EdgeRecord> caseload, figures, membership, online;
  for (NodeId p = 0; p < 100; ++p)
    caseload.push_back({Ids::teacher, p});
  for (NodeId p = 100; p < 200; ++p)
    caseload.push_back({Ids::community_health, p});
  for (NodeId p = 0; p < 50; ++p) {
    figures.push_back({Ids::elder, p});
    membership.push_back({p, Ids::mosque});
  }
  for (NodeId p = 150; p < 200; ++p)
    online.push_back({Ids::influencer, p});
  const auto add = [&](std::string_view name, const std::vector<EdgeRecord>& edges) {
    world.layers[std::string(name)] = CsrLayer::from_edges(n, edges, Direction::undirected);
  };
  add(c::layer::caseload, caseload);
  add(c::layer::key_figures, figures);
  add(c::layer::membership, membership);
  add(c::layer::online, online);
  for (auto name : {c::layer::family_friends, c::layer::neighbourhood, c::layer::school})
    add(name, {});
  return world;
}

}  // namespace village::test
