#pragma once
// Which parents a programme takes first when it selects people (M8, M19): the parents a
// parent group invites (outreach.group_targeting) and the vulnerable parents volunteers
// buddy (outreach.buddy_targeting). A rule of the network toolkit orders the parents on
// their support ties (family-and-friends arcs of strength at least support_threshold:
// a meeting tie that has faded is no tie) as they are in the week of the choice; the
// programme then takes, from the parents it may choose (a neighbourhood, a community),
// the first ones in that order.
//   random             a uniform random order
//   vulnerable_first   the most vulnerability factors (M15)
//   isolated_first     the fewest family-and-friends ties (M12: who lacks support)
//   degree, betweenness, eigenvector, pagerank, brokers
//                      the centralities of models/targeting_scores.hpp
//   one_per_community  by ties to parents of other communities (bridging), taken in turns
//                      over the communities present: the best of each, then the second, ...
//   friend_nomination  parents asked in a random order each name a friend uniformly; the
//                      distinct parents named, in the order named, then the others
//                      (Kim et al. 2015, Lancet 386:145)
//   greedy_influence   CELF greedy influence maximisation under an independent cascade
//                      with p = 0.05 on 100 live-edge samples (Kempe et al. 2003; Leskovec
//                      et al. 2007) for as many parents as the programme needs (at most
//                      4,096), seeds taken among the parents it may choose, then the
//                      others; its cost grows with the community's size
// Ties, and parents no rule orders, follow a uniform random order drawn from the run's
// stream (not the smaller id: ids follow neighbourhoods and communities), so the order
// is the same for any thread count.

#include <cstdint>
#include <string>
#include <vector>

#include "models/parent_support/community_view.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village::parent_support {

const std::vector<std::string>& parent_rules();

struct ParentRanking {
  std::string rule;
  double support_threshold = 0;  // weaker family-and-friends arcs are left out
  // greedy_influence only: how many parents the programme needs, and the parents it may
  // choose them from (empty: all).
  std::size_t wanted = 0;
  std::vector<NodeId> candidates;
  std::uint64_t purpose = 0;  // tells programmes' draws apart
};

// position[p], for every parent index p (from 0): its place in the order of preference
// (0 first).
std::vector<std::uint32_t> rank_parents(const World& world, const CommunityView& view,
                                        const ParentRanking& ranking, const RandomStream& rng,
                                        std::uint64_t week);

// Sorts pool (parent indices) by position; under one_per_community, in turns over the
// communities of the pool.
void order_pool(std::vector<NodeId>& pool, const std::vector<std::uint32_t>& position,
                const std::string& rule, const CommunityView& view);

}  // namespace village::parent_support
