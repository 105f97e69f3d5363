#pragma once
// Connected components of an undirected layer (weak components of a directed one: an
// arc joins its ends either way).
//
// Components are numbered in order of their smallest node: node 0 is in component 0,
// the smallest node outside it in component 1, and so on, whatever the thread count.
//
// Method: concurrent union-find over the CSR arrays with link-by-smaller-root and path
// halving (the lock-free variant of Jayanti & Tarjan 2016 as benchmarked in ConnectIt,
// Dhulipala, Hong & Shun 2020, VLDB 14(4), doi:10.14778/3436905.3436913). Because a
// root is always hooked under the smaller root, every tree's root is its component's
// smallest node, so the labels do not depend on the order in which edges were united.
// O(m alpha(n)) work, and much less with Afforest's sampling (Sutton, Ben-Nun & Barak
// 2018): each node first hooks under its smallest neighbour (no atomics: rows are
// sorted) and is united with its second; then only nodes outside the largest component
// so far read their arcs. Numbering runs in parallel too (roots counted per chunk).
// Chosen over boost::connected_components (a DFS over the same arrays, also run in
// bench/network_benchmarks.cpp) because it is faster single-threaded and parallel; see
// bench/README.md.

#include <cstdint>
#include <vector>

#include "analysis/network/graph_input.hpp"

namespace village::network {

struct Components {
  std::vector<std::uint32_t> membership;  // component of each node
  std::vector<std::uint64_t> sizes;       // nodes per component

  std::size_t count() const { return sizes.size(); }
  std::uint64_t largest() const;
};

Components connected_components(const CsrLayer& layer);

}  // namespace village::network
