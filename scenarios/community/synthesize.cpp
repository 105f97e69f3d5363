#include "scenarios/community/synthesize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/random/beta_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <span>

#include "models/community_schema.hpp"
#include "scenarios/community/households.hpp"
#include "sim/generators/generators.hpp"

namespace village {

namespace {

using namespace community;
using synthesis::Households;

constexpr std::uint64_t kInstitution = purpose("community.institution");
constexpr std::uint64_t kFriends = purpose("community.family_friends");
constexpr std::uint64_t kNeighbours = purpose("community.neighbours");
constexpr std::uint64_t kMembership = purpose("community.membership");
constexpr std::uint64_t kCaseload = purpose("community.caseload");
constexpr std::uint64_t kReach = purpose("community.key_figure_reach");
constexpr std::uint64_t kFollow = purpose("community.followers");
constexpr std::int64_t kNone = -1;

double per_thousand(double rate, double households) {
  return rate > 0 ? std::max(1.0, std::round(rate * households / 1000.0)) : 0.0;
}

struct Organisation {
  std::uint8_t kind;
  std::int64_t community;  // -1: open to all
  std::uint32_t neighbourhood;
  std::int64_t partner = kNone;  // professional (local index)
};

struct Professional {
  ProfessionalRole role;
  std::uint32_t neighbourhood;
  std::int64_t school = kNone;
  std::int64_t school_class = kNone;  // teachers: their class
  double hours;
  double competence;
  double cultural_responsiveness;
};

struct KeyFigure {
  KeyFigureRole role;
  std::int64_t community;
  std::uint32_t neighbourhood;
  std::int64_t organisation = kNone;  // local index
  std::int64_t partner = kNone;       // professional (local index)
};

// Households grouped by a key in [0, keys): members of key k are
// members[offsets[k] .. offsets[k + 1]).
struct Grouping {
  std::vector<NodeId> offsets;
  std::vector<NodeId> members;
  std::span<const NodeId> of(std::size_t key) const {
    return {members.data() + offsets[key], members.data() + offsets[key + 1]};
  }
};

template <typename KeyOf>
Grouping group_by(NodeId count, std::size_t keys, KeyOf key_of) {
  Grouping g;
  g.offsets.assign(keys + 1, 0);
  for (NodeId i = 0; i < count; ++i)
    ++g.offsets[key_of(i) + 1];
  for (std::size_t k = 0; k < keys; ++k)
    g.offsets[k + 1] += g.offsets[k];
  g.members.resize(count);
  std::vector<NodeId> next(g.offsets.begin(), g.offsets.end() - 1);
  for (NodeId i = 0; i < count; ++i)
    g.members[next[key_of(i)]++] = i;
  return g;
}

// Up to `count` distinct members of `pool` chosen with probability proportional to
// weight(member), by rejection (weights in (0, max_weight]); O(count) expected.
template <typename Weight>
std::vector<NodeId> sample(std::span<const NodeId> pool, std::size_t count, DrawSequence& draws,
                           Weight weight, double max_weight) {
  std::vector<NodeId> chosen;
  if (pool.empty() || count == 0) return chosen;
  if (count >= pool.size()) return {pool.begin(), pool.end()};
  // Rejections and repeats are bounded by a generous number of tries.
  for (std::size_t tries = 0; chosen.size() < count && tries < 20 * count + 100; ++tries) {
    const NodeId candidate = pool[draws.below(pool.size())];
    if (draws.uniform() * max_weight >= weight(candidate)) continue;
    if (std::find(chosen.begin(), chosen.end(), candidate) != chosen.end()) continue;
    chosen.push_back(candidate);
  }
  return chosen;
}

struct Institutions {
  std::vector<Organisation> organisations;
  std::vector<Professional> professionals;
  std::vector<KeyFigure> key_figures;
};

Institutions make_institutions(const CommunitySpec& spec, const Households& h,
                               const RandomStream& rng) {
  Institutions out;
  const double households = static_cast<double>(h.count);
  const auto neighbourhoods = static_cast<std::uint32_t>(spec.values.integer("neighbourhoods"));
  std::uint64_t entity = 0;  // one draw sequence per institution
  const auto draws_for_next = [&] { return DrawSequence(rng, kSetupStep, entity++, kInstitution); };

  // Organisations. Community organisations (religious, migrant, women's) belong to the
  // community with the highest membership chance for their kind and stand where a random
  // member of it lives; the others are open and spread over the neighbourhoods.
  for (std::size_t kind = 0; kind < kOrganisationKindNames.size(); ++kind) {
    const double count = per_thousand(
        spec.organisations.real(std::string(kOrganisationKindNames[kind])), households);
    const bool communal = kind == static_cast<std::size_t>(OrganisationKind::mosque) ||
                          kind == static_cast<std::size_t>(OrganisationKind::church) ||
                          kind == static_cast<std::size_t>(OrganisationKind::womens_network) ||
                          kind == static_cast<std::size_t>(OrganisationKind::migrant_organisation);
    std::int64_t owner = kNone;
    double best = 0;
    for (std::size_t c = 0; c < spec.communities.size(); ++c) {
      if (spec.communities[c].membership[kind] > best) {
        best = spec.communities[c].membership[kind];
        owner = static_cast<std::int64_t>(c);
      }
    }
    for (std::uint32_t j = 0; j < count; ++j) {
      DrawSequence draws = draws_for_next();
      Organisation o{static_cast<std::uint8_t>(kind), communal ? owner : kNone, j % neighbourhoods};
      if (o.community != kNone) {
        // The neighbourhood of a random household of the owning community.
        for (int tries = 0; tries < 1000; ++tries) {
          const NodeId i = static_cast<NodeId>(draws.below(h.count));
          if (h.community[i] == o.community) {
            o.neighbourhood = h.neighbourhood[i];
            break;
          }
        }
      }
      out.organisations.push_back(o);
    }
  }

  // Professionals: one mentor per class, then the other roles spread over neighbourhoods.
  const ParamValues& pro = spec.professionals;
  const double concentration = pro.real("competence_concentration");
  const auto beta_draw = [&](DrawSequence& draws, double mean) {
    const double m = std::clamp(mean, 0.01, 0.99);
    boost::random::beta_distribution<double> beta(m * concentration, (1 - m) * concentration);
    return beta(draws);
  };
  const auto add_professional = [&](ProfessionalRole role, std::uint32_t neighbourhood,
                                    double hours) -> Professional& {
    DrawSequence draws = draws_for_next();
    out.professionals.push_back({role, neighbourhood, kNone, kNone, hours,
                                 beta_draw(draws, pro.real("competence_mean")),
                                 beta_draw(draws, pro.real("cultural_responsiveness_mean"))});
    return out.professionals.back();
  };
  for (std::size_t c = 0; c + 1 < h.class_offsets.size(); ++c) {
    const NodeId first = h.class_members[h.class_offsets[c]];
    Professional& mentor = add_professional(ProfessionalRole::teacher, h.neighbourhood[first],
                                            pro.real("teacher_hours"));
    mentor.school = h.class_school[c];
    mentor.school_class = static_cast<std::int64_t>(c);
  }
  const std::array<std::pair<ProfessionalRole, const char*>, 4> roles{
      {{ProfessionalRole::youth_worker, "youth_worker"},
       {ProfessionalRole::youth_team, "youth_team"},
       {ProfessionalRole::community_health, "community_health"},
       {ProfessionalRole::municipality, "municipality"}}};
  for (const auto& [role, name] : roles) {
    const double count = per_thousand(pro.real(fmt::format("{}_per_1000", name)), households);
    for (std::uint32_t j = 0; j < count; ++j)
      add_professional(role, j % neighbourhoods, pro.real(fmt::format("{}_hours", name)));
  }

  // Key figures.
  const ParamValues& kf = spec.key_figures;
  const auto leaders = static_cast<std::uint32_t>(kf.integer("religious_leaders_per_organisation"));
  std::vector<std::size_t> churches;
  for (std::size_t o = 0; o < out.organisations.size(); ++o) {
    const auto kind = static_cast<OrganisationKind>(out.organisations[o].kind);
    if (kind == OrganisationKind::church) churches.push_back(o);
    if (kind != OrganisationKind::mosque && kind != OrganisationKind::church) continue;
    for (std::uint32_t j = 0; j < leaders; ++j) {
      ++entity;
      out.key_figures.push_back({KeyFigureRole::religious_leader, out.organisations[o].community,
                                 out.organisations[o].neighbourhood, static_cast<std::int64_t>(o)});
    }
  }
  const double elders =
      churches.empty() ? 0 : per_thousand(kf.real("church_elders_per_1000"), households);
  for (std::uint32_t j = 0; j < elders; ++j) {
    ++entity;
    const std::size_t church = churches[j % churches.size()];
    out.key_figures.push_back({KeyFigureRole::church_elder, out.organisations[church].community,
                               out.organisations[church].neighbourhood,
                               static_cast<std::int64_t>(church)});
  }
  // Neighbourhood parents and influencers are parents: they take a random household's
  // community and neighbourhood; bridging youth workers a neighbourhood.
  const std::array<std::pair<KeyFigureRole, const char*>, 3> others{
      {{KeyFigureRole::neighbourhood_parent, "neighbourhood_parents_per_1000"},
       {KeyFigureRole::youth_worker, "youth_workers_per_1000"},
       {KeyFigureRole::parent_influencer, "parent_influencers_per_1000"}}};
  for (const auto& [role, key] : others) {
    const double count = per_thousand(kf.real(key), households);
    for (std::uint32_t j = 0; j < count; ++j) {
      DrawSequence draws = draws_for_next();
      const NodeId i = static_cast<NodeId>(draws.below(h.count));
      const bool local = role == KeyFigureRole::youth_worker;
      out.key_figures.push_back({role, local ? kNone : std::int64_t{h.community[i]},
                                 local ? j % neighbourhoods : h.neighbourhood[i]});
    }
  }

  // Partners: a key figure introduces to a youth-team or community health worker of its
  // neighbourhood; an organisation's conversations are joined by a youth worker or
  // community health worker of its neighbourhood (fallbacks: any such professional).
  // by_place[role][neighbourhood] and anywhere[role]: professionals, in index order.
  std::vector<std::vector<std::vector<std::size_t>>> by_place(
      kProfessionalRoleNames.size(), std::vector<std::vector<std::size_t>>(neighbourhoods));
  std::vector<std::vector<std::size_t>> anywhere(kProfessionalRoleNames.size());
  for (std::size_t p = 0; p < out.professionals.size(); ++p) {
    const auto role = static_cast<std::size_t>(out.professionals[p].role);
    by_place[role][out.professionals[p].neighbourhood].push_back(p);
    anywhere[role].push_back(p);
  }
  const auto find_partner = [&](std::uint32_t neighbourhood,
                                std::initializer_list<ProfessionalRole> preferred,
                                std::size_t spread) -> std::int64_t {
    for (bool same_place : {true, false}) {
      for (ProfessionalRole role : preferred) {
        const auto r = static_cast<std::size_t>(role);
        const auto& found = same_place ? by_place[r][neighbourhood] : anywhere[r];
        if (!found.empty()) return static_cast<std::int64_t>(found[spread % found.size()]);
      }
    }
    return kNone;
  };
  for (std::size_t k = 0; k < out.key_figures.size(); ++k) {
    if (out.key_figures[k].role == KeyFigureRole::parent_influencer) continue;
    out.key_figures[k].partner =
        find_partner(out.key_figures[k].neighbourhood,
                     {ProfessionalRole::youth_team, ProfessionalRole::community_health,
                      ProfessionalRole::youth_worker},
                     k);
  }
  for (std::size_t o = 0; o < out.organisations.size(); ++o) {
    out.organisations[o].partner =
        find_partner(out.organisations[o].neighbourhood,
                     {ProfessionalRole::youth_worker, ProfessionalRole::community_health,
                      ProfessionalRole::youth_team},
                     o);
  }
  return out;
}

// The network layers, as edge lists over global agent ids.
struct Layers {
  std::vector<EdgeRecord> family_friends, neighbourhood, school, membership, caseload, key_figures,
      online;
};

Layers make_layers(const CommunitySpec& spec, const Households& h, const Institutions& inst,
                   NodeId first_professional, NodeId first_key_figure, NodeId first_organisation,
                   const RandomStream& rng) {
  Layers out;
  const ParamValues& v = spec.values;
  const NodeId n = h.count;
  const auto neighbourhoods = static_cast<std::uint32_t>(v.integer("neighbourhoods"));
  const std::size_t communities = spec.communities.size();
  const Grouping by_community = group_by(n, communities, [&](NodeId i) { return h.community[i]; });
  const Grouping by_place = group_by(n, communities * neighbourhoods, [&](NodeId i) {
    return std::size_t{h.community[i]} * neighbourhoods + h.neighbourhood[i];
  });
  const Grouping by_neighbourhood =
      group_by(n, neighbourhoods, [&](NodeId i) { return h.neighbourhood[i]; });
  const Grouping by_band_place = group_by(n, 2 * std::size_t{neighbourhoods}, [&](NodeId i) {
    return std::size_t{h.band[i]} * neighbourhoods + h.neighbourhood[i];
  });

  // Family and friends: each household starts Poisson(mean / 2) ties; a partner comes from
  // the own community (and, within it, the own neighbourhood) with the homophily shares.
  const double friends_half = v.real("family_friends_mean_degree") / 2;
  const double same_community = v.real("homophily_community");
  const double same_place = v.real("homophily_neighbourhood");
  const double neighbours_half = v.real("neighbourhood_mean_degree") / 2;
  for (NodeId i = 0; i < n; ++i) {
    DrawSequence draws(rng, kSetupStep, i, kFriends);
    const boost::random::poisson_distribution<std::uint32_t, double> ties(friends_half);
    const std::uint32_t count = friends_half > 0 ? ties(draws) : 0;
    for (std::uint32_t t = 0; t < count; ++t) {
      std::span<const NodeId> pool;
      if (draws.uniform() < same_community) {
        pool = draws.uniform() < same_place
                   ? by_place.of(std::size_t{h.community[i]} * neighbourhoods + h.neighbourhood[i])
                   : by_community.of(h.community[i]);
      }
      const NodeId j =
          pool.empty() ? static_cast<NodeId>(draws.below(n)) : pool[draws.below(pool.size())];
      out.family_friends.push_back({i, j});
    }
    DrawSequence near(rng, kSetupStep, i, kNeighbours);
    const boost::random::poisson_distribution<std::uint32_t, double> neighbours(neighbours_half);
    const std::uint32_t nearby = neighbours_half > 0 ? neighbours(near) : 0;
    const auto pool = by_neighbourhood.of(h.neighbourhood[i]);
    for (std::uint32_t t = 0; t < nearby; ++t)
      out.neighbourhood.push_back({i, pool[near.below(pool.size())]});
  }

  // School: the parents of one class know each other.
  for (std::size_t c = 0; c + 1 < h.class_offsets.size(); ++c) {
    for (NodeId a = h.class_offsets[c]; a < h.class_offsets[c + 1]; ++a) {
      for (NodeId b = a + 1; b < h.class_offsets[c + 1]; ++b)
        out.school.push_back({h.class_members[a], h.class_members[b]});
    }
  }

  // Membership: by the community's chance per kind, an organisation of that kind open to
  // the community, in the own neighbourhood when there is one.
  const std::size_t kinds = kOrganisationKindNames.size();
  // eligible[(kind * communities + c) * (neighbourhoods + 1) + nb], nb = neighbourhoods: anywhere.
  std::vector<std::vector<NodeId>> eligible(kinds * communities * (neighbourhoods + 1));
  const auto slot = [&](std::size_t kind, std::size_t c, std::size_t nb) {
    return (kind * communities + c) * (neighbourhoods + 1) + nb;
  };
  for (std::size_t o = 0; o < inst.organisations.size(); ++o) {
    const Organisation& org = inst.organisations[o];
    for (std::size_t c = 0; c < communities; ++c) {
      if (org.community != kNone && static_cast<std::size_t>(org.community) != c) continue;
      eligible[slot(org.kind, c, org.neighbourhood)].push_back(static_cast<NodeId>(o));
      eligible[slot(org.kind, c, neighbourhoods)].push_back(static_cast<NodeId>(o));
    }
  }
  std::vector<std::vector<NodeId>> members(inst.organisations.size());
  for (NodeId i = 0; i < n; ++i) {
    DrawSequence draws(rng, kSetupStep, i, kMembership);
    const std::size_t c = h.community[i];
    for (std::size_t kind = 0; kind < kinds; ++kind) {
      if (draws.uniform() >= spec.communities[c].membership[kind]) continue;
      const auto& near = eligible[slot(kind, c, h.neighbourhood[i])];
      const auto& any = eligible[slot(kind, c, neighbourhoods)];
      const auto& pool = near.empty() ? any : near;
      if (pool.empty()) continue;
      const NodeId o = pool[draws.below(pool.size())];
      members[o].push_back(i);
      out.membership.push_back({i, first_organisation + o});
    }
  }

  // Caseloads.
  const ParamValues& pro = spec.professionals;
  for (std::size_t p = 0; p < inst.professionals.size(); ++p) {
    const Professional& prof = inst.professionals[p];
    const NodeId agent = first_professional + static_cast<NodeId>(p);
    DrawSequence draws(rng, kSetupStep, p, kCaseload);
    const auto add = [&](const std::vector<NodeId>& parents) {
      for (NodeId parent : parents)
        out.caseload.push_back({agent, parent});
    };
    const auto uniform = [](NodeId) { return 1.0; };
    switch (prof.role) {
      case ProfessionalRole::teacher: {
        const auto c = static_cast<std::size_t>(prof.school_class);
        for (NodeId a = h.class_offsets[c]; a < h.class_offsets[c + 1]; ++a)
          out.caseload.push_back({agent, h.class_members[a]});
        break;
      }
      case ProfessionalRole::youth_worker:
        add(sample(by_band_place.of(std::size_t{neighbourhoods} + prof.neighbourhood),
                   static_cast<std::size_t>(pro.integer("youth_worker_caseload")), draws, uniform,
                   1.0));
        break;
      case ProfessionalRole::youth_team:
        add(sample(
            by_neighbourhood.of(prof.neighbourhood),
            static_cast<std::size_t>(pro.integer("youth_team_caseload")), draws,
            [&](NodeId i) { return 1.0 + h.vulnerability[i]; }, 5.0));
        break;
      case ProfessionalRole::community_health:
        add(sample(by_band_place.of(prof.neighbourhood),
                   static_cast<std::size_t>(pro.integer("community_health_caseload")), draws,
                   uniform, 1.0));
        break;
      case ProfessionalRole::municipality:
        break;
    }
  }

  // Key figures' reach.
  const ParamValues& kf = spec.key_figures;
  std::uint32_t influencer_count = 0;
  for (std::size_t k = 0; k < inst.key_figures.size(); ++k) {
    const KeyFigure& figure = inst.key_figures[k];
    const NodeId agent = first_key_figure + static_cast<NodeId>(k);
    DrawSequence draws(rng, kSetupStep, k, kReach);
    std::vector<NodeId> reached;
    const auto uniform = [](NodeId) { return 1.0; };
    switch (figure.role) {
      case KeyFigureRole::religious_leader:
        reached = sample(members[static_cast<std::size_t>(figure.organisation)],
                         static_cast<std::size_t>(kf.integer("religious_leader_reach")), draws,
                         uniform, 1.0);
        break;
      case KeyFigureRole::church_elder: {
        std::vector<NodeId> local;
        for (NodeId parent : members[static_cast<std::size_t>(figure.organisation)]) {
          if (h.neighbourhood[parent] == figure.neighbourhood) local.push_back(parent);
        }
        reached = sample(local, static_cast<std::size_t>(kf.integer("church_elder_reach")), draws,
                         uniform, 1.0);
        break;
      }
      case KeyFigureRole::neighbourhood_parent:
        reached = sample(
            by_place.of(static_cast<std::size_t>(figure.community) * neighbourhoods +
                        figure.neighbourhood),
            static_cast<std::size_t>(kf.integer("neighbourhood_parent_reach")), draws,
            [&](NodeId i) { return 1.0 + 2.0 * h.vulnerable[i]; }, 3.0);
        break;
      case KeyFigureRole::youth_worker:
        reached =
            sample(by_neighbourhood.of(figure.neighbourhood),
                   static_cast<std::size_t>(kf.integer("youth_worker_reach")), draws, uniform, 1.0);
        break;
      case KeyFigureRole::parent_influencer: {
        DrawSequence follow(rng, kSetupStep, influencer_count++, kFollow);
        const double mean = kf.real("influencer_followers_mean");
        const boost::random::poisson_distribution<std::uint32_t, double> followers(mean);
        const std::uint32_t count = mean > 0 ? followers(follow) : 0;
        const auto own = by_community.of(static_cast<std::size_t>(figure.community));
        for (std::uint32_t f = 0; f < count; ++f) {
          const NodeId parent = follow.uniform() < same_community && !own.empty()
                                    ? own[follow.below(own.size())]
                                    : static_cast<NodeId>(follow.below(n));
          out.online.push_back({agent, parent});
        }
        break;
      }
    }
    for (NodeId parent : reached)
      out.key_figures.push_back({agent, parent});
  }
  return out;
}

}  // namespace

World synthesize_community(const CommunitySpec& spec, const RandomStream& rng) {
  const Households h = synthesis::synthesize_households(spec, rng);
  const Institutions inst = make_institutions(spec, h, rng);
  World world;
  world.population =
      Population({{std::string(kParents), h.count},
                  {std::string(kProfessionals), static_cast<NodeId>(inst.professionals.size())},
                  {std::string(kKeyFigures), static_cast<NodeId>(inst.key_figures.size())},
                  {std::string(kOrganisations), static_cast<NodeId>(inst.organisations.size())}});
  Population& pop = world.population;
  const NodeId first_professional = pop.kind(std::string(kProfessionals)).begin;
  const NodeId first_key_figure = pop.kind(std::string(kKeyFigures)).begin;
  const NodeId first_organisation = pop.kind(std::string(kOrganisations)).begin;
  const auto column = [&](std::string_view name) -> std::vector<double>& {
    return pop.real_column(std::string(name));
  };

  // Groups: the communities, plus "none" for agents open to all when there are any.
  std::vector<std::string> groups;
  for (const CommunityGroup& group : spec.communities)
    groups.push_back(group.name);
  const auto none = static_cast<std::uint32_t>(groups.size());
  std::vector<std::uint32_t> group_of(pop.size(), none);
  auto& community = column(column::community);
  auto& neighbourhood = column(column::neighbourhood);
  for (NodeId i = 0; i < h.count; ++i) {
    group_of[i] = h.community[i];
    community[i] = h.community[i];
    neighbourhood[i] = h.neighbourhood[i];
    column(column::child_band)[i] = h.band[i];
    column(column::low_income)[i] = h.factors[i][0];
    column(column::low_education)[i] = h.factors[i][1];
    column(column::single_parent)[i] = h.factors[i][2];
    column(column::language_barrier)[i] = h.factors[i][3];
    column(column::vulnerability)[i] = h.vulnerability[i];
    column(column::vulnerable)[i] = h.vulnerable[i];
    column(column::parent_type)[i] = h.type[i];
    column(column::school)[i] = h.school[i];
    column(column::school_class)[i] = h.school_class[i];
    column(column::institutional_trust)[i] = h.trust[i];
  }
  for (std::size_t p = 0; p < inst.professionals.size(); ++p) {
    const Professional& prof = inst.professionals[p];
    const NodeId agent = first_professional + static_cast<NodeId>(p);
    community[agent] = kNone;
    neighbourhood[agent] = prof.neighbourhood;
    column(column::role)[agent] = static_cast<double>(prof.role);
    column(column::hours)[agent] = prof.hours;
    column(column::competence)[agent] = prof.competence;
    column(column::cultural_responsiveness)[agent] = prof.cultural_responsiveness;
    column(column::school)[agent] = static_cast<double>(prof.school);
  }
  const auto agent_of = [](std::int64_t local, NodeId first) {
    return local == kNone ? -1.0 : static_cast<double>(first + static_cast<NodeId>(local));
  };
  const double key_figure_hours = spec.key_figures.real("key_figure_hours");
  for (std::size_t k = 0; k < inst.key_figures.size(); ++k) {
    const KeyFigure& figure = inst.key_figures[k];
    const NodeId agent = first_key_figure + static_cast<NodeId>(k);
    community[agent] = static_cast<double>(figure.community);
    if (figure.community != kNone) group_of[agent] = static_cast<std::uint32_t>(figure.community);
    neighbourhood[agent] = figure.neighbourhood;
    column(column::role)[agent] = static_cast<double>(figure.role);
    column(column::hours)[agent] = key_figure_hours;
    column(column::partner)[agent] = agent_of(figure.partner, first_professional);
    column(column::organisation)[agent] = agent_of(figure.organisation, first_organisation);
  }
  for (std::size_t o = 0; o < inst.organisations.size(); ++o) {
    const Organisation& org = inst.organisations[o];
    const NodeId agent = first_organisation + static_cast<NodeId>(o);
    community[agent] = static_cast<double>(org.community);
    if (org.community != kNone) group_of[agent] = static_cast<std::uint32_t>(org.community);
    neighbourhood[agent] = org.neighbourhood;
    column(column::kind)[agent] = org.kind;
    column(column::partner)[agent] = agent_of(org.partner, first_professional);
  }
  if (std::find(group_of.begin(), group_of.end(), none) != group_of.end()) groups.push_back("none");
  pop.assign_groups(std::move(groups), std::move(group_of));

  Layers layers =
      make_layers(spec, h, inst, first_professional, first_key_figure, first_organisation, rng);
  const auto add = [&](std::string_view name, std::vector<EdgeRecord>& edges) {
    world.layers[std::string(name)] =
        CsrLayer::from_edges(pop.size(), edges, Direction::undirected);
    std::vector<EdgeRecord>().swap(edges);  // free the edge list before the next layer
  };
  add(layer::family_friends, layers.family_friends);
  add(layer::neighbourhood, layers.neighbourhood);
  add(layer::school, layers.school);
  add(layer::membership, layers.membership);
  add(layer::caseload, layers.caseload);
  add(layer::key_figures, layers.key_figures);
  add(layer::online, layers.online);
  return world;
}

}  // namespace village
