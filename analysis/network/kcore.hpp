#pragma once
// Core numbers of an undirected layer (Seidman 1983, Soc. Networks 5:269,
// doi:10.1016/0378-8733(83)90028-X): core(v) is the largest k such that v belongs to a
// subgraph in which every node has degree at least k (the k-core). Unweighted.
// Method: Batagelj & Zaversnik's bucket peeling (2003, arXiv:cs/0310049), O(n + m),
// serial; igraph's coreness(mode="all") and networkx's core_number give the same.

#include <cstdint>
#include <vector>

#include "analysis/network/graph_input.hpp"

namespace village::network {

std::vector<std::uint32_t> core_numbers(const CsrLayer& layer);

}  // namespace village::network
