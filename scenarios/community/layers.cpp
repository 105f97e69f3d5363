#include "scenarios/community/layers.hpp"

#include <algorithm>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>
#include <span>

#include "models/community_schema.hpp"
#include "scenarios/community/grouping.hpp"
#include "sim/generators/generators.hpp"
#include "sim/generators/pair_set.hpp"

namespace village::synthesis {

namespace {

using namespace community;

constexpr std::uint64_t kFriends = purpose("community.family_friends");
constexpr std::uint64_t kSociability = purpose("community.sociability");
constexpr std::uint64_t kNeighbours = purpose("community.neighbours");
constexpr std::uint64_t kMembership = purpose("community.membership");
constexpr std::uint64_t kCaseload = purpose("community.caseload");
constexpr std::uint64_t kReach = purpose("community.key_figure_reach");
constexpr std::uint64_t kFollow = purpose("community.followers");

// Up to `count` distinct members of `pool`, each next one drawn with probability
// proportional to weight(member) among those not yet chosen (successive sampling);
// weights lie in (0, max_weight]. Small samples by rejection with a hash set, O(count
// * max_weight) expected; samples of more than half the pool by Efraimidis-Spirakis
// keys u^(1/w) over the pool, O(pool) = O(count). Either way O(count).
template <typename Weight>
std::vector<NodeId> sample(std::span<const NodeId> pool, std::size_t count, DrawSequence& draws,
                           Weight weight, double max_weight) {
  if (pool.empty() || count == 0) return {};
  if (count >= pool.size()) return {pool.begin(), pool.end()};
  if (2 * count > pool.size()) {
    std::vector<std::pair<double, NodeId>> keyed;
    keyed.reserve(pool.size());
    for (NodeId member : pool)
      keyed.emplace_back(-std::log(1.0 - draws.uniform()) / weight(member), member);
    std::nth_element(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(count),
                     keyed.end());
    std::vector<NodeId> chosen;
    for (std::size_t j = 0; j < count; ++j)
      chosen.push_back(keyed[j].second);
    return chosen;
  }
  std::vector<NodeId> chosen;
  PairSet seen(count);
  while (chosen.size() < count) {
    const NodeId candidate = pool[draws.below(pool.size())];
    if (draws.uniform() * max_weight >= weight(candidate) || seen.contains(candidate)) continue;
    seen.insert(candidate);
    chosen.push_back(candidate);
  }
  return chosen;
}

double uniform_weight(NodeId) {
  return 1.0;
}

std::size_t size_param(const ParamValues& values, const char* name) {
  return static_cast<std::size_t>(values.integer(name));
}

struct Pools {
  Grouping by_community;
  Grouping by_place;  // key community * neighbourhoods + neighbourhood
  Grouping by_neighbourhood;
  Grouping by_band_place;  // key band * neighbourhoods + neighbourhood
};

void add_parent_ties(const CommunitySpec& spec, const Households& h, const Pools& pools,
                     std::uint32_t neighbourhoods, const RandomStream& rng, LayerEdges& out) {
  const ParamValues& v = spec.values;
  // Family and friends: each household starts Poisson(s * mean / 2) ties (each tie gives
  // both ends a degree), s its sociability: 1, or with family_friends_dispersion d > 0 a
  // Gamma(1/d, d) draw (mean 1, variance d), so that the started ties are negative
  // binomial and the degree's variance is about mean + d mean^2 / 4 (the ties a household
  // receives stay Poisson). A partner comes from the own community with chance
  // homophily_community (and then from the own neighbourhood within it with chance
  // homophily_neighbourhood), else from anywhere.
  const double friends_half = v.real("family_friends_mean_degree") / 2;
  const double dispersion = v.real("family_friends_dispersion");
  const double same_community = v.real("homophily_community");
  const double same_place = v.real("homophily_neighbourhood");
  const double neighbours_half = v.real("neighbourhood_mean_degree") / 2;
  const NodeId n = h.count;
  out.family_friends.reserve(static_cast<std::size_t>(friends_half * n * 1.01) + 16);
  out.neighbourhood.reserve(static_cast<std::size_t>(neighbours_half * n * 1.01) + 16);
  for (NodeId i = 0; i < n; ++i) {
    DrawSequence draws(rng, kSetupStep, i, kFriends);
    double sociability = 1.0;
    if (dispersion > 0) {
      DrawSequence gamma_draws(rng, kSetupStep, i, kSociability);
      sociability =
          boost::random::gamma_distribution<double>(1.0 / dispersion, dispersion)(gamma_draws);
    }
    const double started = friends_half * sociability;
    const boost::random::poisson_distribution<std::uint32_t, double> ties(started > 0 ? started
                                                                                      : 1);
    const std::uint32_t count = started > 0 ? ties(draws) : 0;
    for (std::uint32_t t = 0; t < count; ++t) {
      std::span<const NodeId> pool;
      if (draws.uniform() < same_community) {
        pool = draws.uniform() < same_place
                   ? pools.by_place.of(std::size_t{h.community[i]} * neighbourhoods +
                                       h.neighbourhood[i])
                   : pools.by_community.of(h.community[i]);
      }
      const NodeId j =
          pool.empty() ? static_cast<NodeId>(draws.below(n)) : pool[draws.below(pool.size())];
      out.family_friends.push_back({i, j});
    }
    // Neighbours: random pairs within the neighbourhood.
    DrawSequence near(rng, kSetupStep, i, kNeighbours);
    const boost::random::poisson_distribution<std::uint32_t, double> neighbours(
        neighbours_half > 0 ? neighbours_half : 1);
    const std::uint32_t nearby = neighbours_half > 0 ? neighbours(near) : 0;
    const auto pool = pools.by_neighbourhood.of(h.neighbourhood[i]);
    for (std::uint32_t t = 0; t < nearby; ++t)
      out.neighbourhood.push_back({i, pool[near.below(pool.size())]});
  }
  // School: the parents of one class know each other (a clique per class).
  std::size_t pairs = 0;
  for (std::size_t c = 0; c + 1 < h.class_offsets.size(); ++c) {
    const std::size_t size = h.class_offsets[c + 1] - h.class_offsets[c];
    pairs += size * (size - 1) / 2;
  }
  out.school.reserve(pairs);
  for (std::size_t c = 0; c + 1 < h.class_offsets.size(); ++c) {
    for (NodeId a = h.class_offsets[c]; a < h.class_offsets[c + 1]; ++a) {
      for (NodeId b = a + 1; b < h.class_offsets[c + 1]; ++b)
        out.school.push_back({h.class_members[a], h.class_members[b]});
    }
  }
}

// Membership: for each kind, with the community's chance, one organisation of that kind
// open to the parent's community (owned by it or open to all), in the own neighbourhood
// when there is one. Returns the members of each organisation.
std::vector<std::vector<NodeId>> add_memberships(const CommunitySpec& spec, const Households& h,
                                                 const Institutions& inst,
                                                 std::uint32_t neighbourhoods, NodeId first_org,
                                                 const RandomStream& rng, LayerEdges& out) {
  const std::size_t kinds = kOrganisationKindNames.size();
  const std::size_t communities = spec.communities.size();
  // Slot (kind, community, place); place = neighbourhoods stands for anywhere.
  const auto slot = [&](std::size_t kind, std::size_t c, std::size_t place) {
    return (kind * communities + c) * (neighbourhoods + std::size_t{1}) + place;
  };
  std::vector<std::pair<std::size_t, NodeId>> entries;  // (slot, organisation)
  for (std::size_t o = 0; o < inst.organisations.size(); ++o) {
    const Organisation& org = inst.organisations[o];
    const auto kind = static_cast<std::size_t>(org.kind);
    for (std::size_t c = 0; c < communities; ++c) {
      if (org.community != kNone && static_cast<std::size_t>(org.community) != c) continue;
      entries.emplace_back(slot(kind, c, org.neighbourhood), static_cast<NodeId>(o));
      entries.emplace_back(slot(kind, c, neighbourhoods), static_cast<NodeId>(o));
    }
  }
  Grouping eligible = group_by(static_cast<NodeId>(entries.size()),
                               slot(kinds - 1, communities - 1, neighbourhoods) + 1,
                               [&](NodeId e) { return entries[e].first; });
  for (NodeId& member : eligible.members)
    member = entries[member].second;

  std::vector<std::vector<NodeId>> members(inst.organisations.size());
  for (NodeId i = 0; i < h.count; ++i) {
    DrawSequence draws(rng, kSetupStep, i, kMembership);
    const std::size_t c = h.community[i];
    for (std::size_t kind = 0; kind < kinds; ++kind) {
      if (draws.uniform() >= spec.communities[c].membership[kind]) continue;
      auto pool = eligible.of(slot(kind, c, h.neighbourhood[i]));
      if (pool.empty()) pool = eligible.of(slot(kind, c, neighbourhoods));
      if (pool.empty()) continue;
      const NodeId o = pool[draws.below(pool.size())];
      members[o].push_back(i);
      out.membership.push_back({i, first_org + o});
    }
  }
  return members;
}

void add_caseloads(const CommunitySpec& spec, const Households& h, const Institutions& inst,
                   const Pools& pools, std::uint32_t neighbourhoods, NodeId first_professional,
                   const RandomStream& rng, LayerEdges& out) {
  const ParamValues& pro = spec.professionals;
  for (std::size_t p = 0; p < inst.professionals.size(); ++p) {
    const Professional& prof = inst.professionals[p];
    const NodeId agent = first_professional + static_cast<NodeId>(p);
    DrawSequence draws(rng, kSetupStep, p, kCaseload);
    std::vector<NodeId> parents;
    switch (prof.role) {
      case ProfessionalRole::teacher: {  // the parents of the own class
        const auto c = static_cast<std::size_t>(prof.school_class);
        for (NodeId a = h.class_offsets[c]; a < h.class_offsets[c + 1]; ++a)
          out.caseload.push_back({agent, h.class_members[a]});
        break;
      }
      case ProfessionalRole::youth_worker:  // secondary-band households of the neighbourhood
        parents = sample(pools.by_band_place.of(neighbourhoods + std::size_t{prof.neighbourhood}),
                         size_param(pro, "youth_worker_caseload"), draws, uniform_weight, 1.0);
        break;
      case ProfessionalRole::youth_team:  // the neighbourhood, weighted 1 + vulnerability
        parents = sample(
            pools.by_neighbourhood.of(prof.neighbourhood), size_param(pro, "youth_team_caseload"),
            draws, [&](NodeId i) { return 1.0 + h.vulnerability[i]; }, 5.0);
        break;
      case ProfessionalRole::community_health:  // primary-band households of the neighbourhood
        parents = sample(pools.by_band_place.of(prof.neighbourhood),
                         size_param(pro, "community_health_caseload"), draws, uniform_weight, 1.0);
        break;
      case ProfessionalRole::municipality:
        break;
    }
    for (NodeId parent : parents)
      out.caseload.push_back({agent, parent});
  }
}

void add_key_figure_ties(const CommunitySpec& spec, const Households& h, const Institutions& inst,
                         const Pools& pools, const std::vector<std::vector<NodeId>>& members,
                         std::uint32_t neighbourhoods, NodeId first_key_figure,
                         const RandomStream& rng, LayerEdges& out) {
  const ParamValues& kf = spec.key_figures;
  // Church families by (community, neighbourhood), for the elders' visits.
  std::vector<std::uint8_t> in_church(h.count, 0);
  for (std::size_t o = 0; o < inst.organisations.size(); ++o) {
    if (inst.organisations[o].kind != OrganisationKind::church) continue;
    for (NodeId parent : members[o])
      in_church[parent] = 1;
  }
  const Grouping church_families = group_by(
      h.count, spec.communities.size() * neighbourhoods,
      [&](NodeId i) { return std::size_t{h.community[i]} * neighbourhoods + h.neighbourhood[i]; },
      [&](NodeId i) { return in_church[i] != 0; });
  const auto place = [&](const KeyFigure& figure) {
    return static_cast<std::size_t>(figure.community) * neighbourhoods + figure.neighbourhood;
  };
  const double same_community = spec.values.real("homophily_community");
  std::uint64_t influencer = 0;
  for (std::size_t k = 0; k < inst.key_figures.size(); ++k) {
    const KeyFigure& figure = inst.key_figures[k];
    const NodeId agent = first_key_figure + static_cast<NodeId>(k);
    DrawSequence draws(rng, kSetupStep, k, kReach);
    std::vector<NodeId> reached;
    switch (figure.role) {
      case KeyFigureRole::religious_leader:  // members of the own mosque or church
        reached = sample(members[static_cast<std::size_t>(figure.organisation)],
                         size_param(kf, "religious_leader_reach"), draws, uniform_weight, 1.0);
        break;
      case KeyFigureRole::church_elder:  // church families of the own community and neighbourhood
        reached = sample(church_families.of(place(figure)), size_param(kf, "church_elder_reach"),
                         draws, uniform_weight, 1.0);
        break;
      case KeyFigureRole::neighbourhood_parent:  // own community and neighbourhood, vulnerable x3
        reached = sample(
            pools.by_place.of(place(figure)), size_param(kf, "neighbourhood_parent_reach"), draws,
            [&](NodeId i) { return 1.0 + 2.0 * h.vulnerable[i]; }, 3.0);
        break;
      case KeyFigureRole::youth_worker:  // the neighbourhood
        reached = sample(pools.by_neighbourhood.of(figure.neighbourhood),
                         size_param(kf, "youth_worker_reach"), draws, uniform_weight, 1.0);
        break;
      case KeyFigureRole::parent_influencer: {  // followers online, mostly of the own community
        DrawSequence follow(rng, kSetupStep, influencer++, kFollow);
        const double mean = kf.real("influencer_followers_mean");
        const boost::random::poisson_distribution<std::uint32_t, double> followers(mean > 0 ? mean
                                                                                            : 1);
        const std::uint32_t count = mean > 0 ? followers(follow) : 0;
        const auto own = pools.by_community.of(static_cast<std::size_t>(figure.community));
        for (std::uint32_t f = 0; f < count; ++f) {
          const NodeId parent = follow.uniform() < same_community && !own.empty()
                                    ? own[follow.below(own.size())]
                                    : static_cast<NodeId>(follow.below(h.count));
          out.online.push_back({agent, parent});
        }
        break;
      }
    }
    for (NodeId parent : reached)
      out.key_figures.push_back({agent, parent});
  }
}

}  // namespace

LayerEdges synthesize_layers(const CommunitySpec& spec, const Households& h,
                             const Institutions& inst, const AgentOffsets& first,
                             const RandomStream& rng) {
  const auto neighbourhoods = static_cast<std::uint32_t>(spec.values.integer("neighbourhoods"));
  const std::size_t communities = spec.communities.size();
  const NodeId n = h.count;
  Pools pools;
  pools.by_community = group_by(n, communities, [&](NodeId i) { return h.community[i]; });
  pools.by_place = group_by(n, communities * neighbourhoods, [&](NodeId i) {
    return std::size_t{h.community[i]} * neighbourhoods + h.neighbourhood[i];
  });
  pools.by_neighbourhood =
      group_by(n, neighbourhoods, [&](NodeId i) { return h.neighbourhood[i]; });
  pools.by_band_place = group_by(n, 2 * std::size_t{neighbourhoods}, [&](NodeId i) {
    return std::size_t{h.band[i]} * neighbourhoods + h.neighbourhood[i];
  });

  LayerEdges out;
  add_parent_ties(spec, h, pools, neighbourhoods, rng, out);
  const auto members =
      add_memberships(spec, h, inst, neighbourhoods, first.organisations, rng, out);
  add_caseloads(spec, h, inst, pools, neighbourhoods, first.professionals, rng, out);
  add_key_figure_ties(spec, h, inst, pools, members, neighbourhoods, first.key_figures, rng, out);
  return out;
}

}  // namespace village::synthesis
