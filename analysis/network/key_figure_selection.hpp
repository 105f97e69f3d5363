#pragma once
// Key-figure selection rules, for interventions that reach parents through key figures
// (M5 of the design notes). Every rule returns node ids in order of preference, breaks
// ties by the smaller node id, and is deterministic for a given random stream.
//
// top_k: the k nodes with the highest score (degree, betweenness, eigenvector,
//   PageRank, ...); NaN scores are never chosen.
// lowest_k: the k nodes with the lowest score; with Burt's constraint, the brokers
//   (Burt 1992; see brokerage.hpp). NaN (isolated nodes) never chosen.
// one_per_community: in each community, the member with the most ties to other
//   communities (then the higher degree, then the smaller id): bridging figures, one per
//   community, listed by community; communities with a single member included.
// friend_nomination: people are asked in a random order (a uniform permutation); each
//   with at least one tie names one of their ties uniformly at random; the first k
//   distinct people named are chosen (Kim et al. 2015, Lancet 386:145,
//   doi:10.1016/S0140-6736(15)60095-2; the friendship paradox makes nominees better
//   connected than random people, Feld 1991). Fewer than k when fewer are ever named.
// For greedy influence maximisation (CELF, IMM) see influence_maximisation.hpp.

#include <cstdint>
#include <vector>

#include "analysis/network/graph_input.hpp"
#include "sim/rng.hpp"

namespace village::network {

std::vector<NodeId> top_k(const Scores& scores, std::size_t k);
std::vector<NodeId> lowest_k(const Scores& scores, std::size_t k);
std::vector<NodeId> one_per_community(const CsrLayer& layer,
                                      const std::vector<std::uint32_t>& membership);
std::vector<NodeId> friend_nomination(const CsrLayer& layer, std::size_t k,
                                      const RandomStream& rng);

}  // namespace village::network
