#pragma once
// Which key figures a key-figure programme enrols (M5), when it cannot take them all:
// key_figure_capacity of them, chosen by key_figure_targeting with a rule of the network
// toolkit (analysis/network) on the network parents and key figures form together (the
// family-and-friends layer plus the ties between key figures and the parents they know,
// as it is in the week of the choice; ties formed at meetings (M11) change it). With
// key_figure_reselect_weeks > 0 the choice is made again every that many weeks.
//   all                every key figure (capacity ignored)
//   random             capacity of them uniformly at random
//   vulnerable_first   those who know the most vulnerable parents (then the smaller id)
//   degree             those who know the most parents
//   betweenness        highest betweenness (Brandes 2001), estimated from 256 sampled
//                      sources with the error bound of analysis/network/betweenness.hpp
//   eigenvector        highest eigenvector centrality (Bonacich 1972)
//   pagerank           highest PageRank, damping 0.85 (Brin & Page 1998)
//   brokers            lowest Burt (1992) constraint: ties into otherwise unconnected circles
//   one_per_community  per community, the key figure with the most ties to parents of
//                      other communities (bridging), communities by size, then by degree
//   friend_nomination  parents asked in a random order each name a key figure they know,
//                      uniformly; the first distinct ones named (Kim et al. 2015, Lancet)
//   greedy_influence   CELF greedy influence maximisation under an independent cascade
//                      with p = 0.05 on 100 live-edge samples, among key figures only
//                      (Kempe et al. 2003; Leskovec et al. 2007)
//   referents          social referents: the most trust parents place in them, summed over
//                      the parents who know them (Paluck et al. 2016, PNAS 113:566)
// Ties are broken by the smaller id; every random choice draws from the run's stream, so
// the choice is the same for any thread count.

#include <cstdint>
#include <string>
#include <vector>

#include "models/parent_support/community_view.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village::parent_support {

const std::vector<std::string>& key_figure_rules();

// Key-figure indices (from 0) to enrol, in order of preference.
std::vector<NodeId> choose_key_figures(const World& world, const CommunityView& view,
                                       const std::string& rule, std::size_t capacity,
                                       const RandomStream& rng, std::uint64_t week);

}  // namespace village::parent_support
