#pragma once
// Internal to synthesis: items grouped by a key, in compressed form (a counting sort),
// so that a uniform member of any group is one draw away and no group costs a vector.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/csr_layer.hpp"

namespace village::synthesis {

// Members of key k are members[offsets[k] .. offsets[k + 1]), in increasing item order.
struct Grouping {
  std::vector<NodeId> offsets;
  std::vector<NodeId> members;
  std::span<const NodeId> of(std::size_t key) const {
    return {members.data() + offsets[key], members.data() + offsets[key + 1]};
  }
};

// Groups items 0..count-1 by key_of(item) in [0, keys); items for which keep(item) is
// false are left out. O(count + keys).
template <typename KeyOf, typename Keep>
Grouping group_by(NodeId count, std::size_t keys, KeyOf key_of, Keep keep) {
  Grouping g;
  g.offsets.assign(keys + 1, 0);
  for (NodeId i = 0; i < count; ++i) {
    if (keep(i)) ++g.offsets[key_of(i) + 1];
  }
  for (std::size_t k = 0; k < keys; ++k)
    g.offsets[k + 1] += g.offsets[k];
  g.members.resize(g.offsets[keys]);
  std::vector<NodeId> next(g.offsets.begin(), g.offsets.end() - 1);
  for (NodeId i = 0; i < count; ++i) {
    if (keep(i)) g.members[next[key_of(i)]++] = i;
  }
  return g;
}

template <typename KeyOf>
Grouping group_by(NodeId count, std::size_t keys, KeyOf key_of) {
  return group_by(count, keys, key_of, [](NodeId) { return true; });
}

}  // namespace village::synthesis
