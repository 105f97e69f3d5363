#include "analysis/network/components.hpp"

#include <algorithm>
#include <atomic>

#include "sim/parallel.hpp"

namespace village::network {

namespace {

// Root of x's tree, halving the path on the way (each node's parent jumps to its
// grandparent). Concurrent halving only ever points a node at one of its ancestors, so
// it is safe with relaxed atomics.
NodeId find_root(std::vector<NodeId>& parent, NodeId x) {
  while (true) {
    std::atomic_ref<NodeId> slot(parent[x]);
    const NodeId up = slot.load(std::memory_order_relaxed);
    const NodeId grand = std::atomic_ref<NodeId>(parent[up]).load(std::memory_order_relaxed);
    if (up == grand) return up;
    NodeId expected = up;
    slot.compare_exchange_weak(expected, grand, std::memory_order_relaxed);
    x = grand;
  }
}

void unite(std::vector<NodeId>& parent, NodeId a, NodeId b) {
  while (true) {
    NodeId ra = find_root(parent, a);
    NodeId rb = find_root(parent, b);
    if (ra == rb) return;
    if (ra < rb) std::swap(ra, rb);
    // Hook the larger root under the smaller one, if it is still a root.
    NodeId expected = ra;
    if (std::atomic_ref<NodeId>(parent[ra])
            .compare_exchange_strong(expected, rb, std::memory_order_acq_rel))
      return;
  }
}

}  // namespace

std::uint64_t Components::largest() const {
  return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

Components connected_components(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  std::vector<NodeId> parent(n);
  for_each_index(0, n, [&](std::int64_t v) { parent[v] = static_cast<NodeId>(v); });
  const auto& targets = layer.targets();
  // Afforest (Sutton, Ben-Nun & Barak 2018, IPDPS, doi:10.1109/IPDPS.2018.00110): unite
  // each node with its first two neighbours, find the component most nodes already share
  // (the giant one, in social networks), then scan the remaining arcs only of nodes
  // outside it. Every edge with an end outside the giant component is still seen from
  // that end, so the partition is exact; most arcs of the giant one are never read.
  constexpr std::uint32_t kNeighbourRounds = 2;
  for (std::uint32_t round = 0; round < kNeighbourRounds; ++round) {
    for_each_index(0, n, [&](std::int64_t i) {
      const auto v = static_cast<NodeId>(i);
      if (layer.degree(v) > round) unite(parent, v, targets[layer.first_arc(v) + round]);
    });
  }
  // The most frequent root among up to 1024 evenly spaced nodes (no randomness needed).
  NodeId giant = n;
  if (n > 0) {
    std::vector<NodeId> sample;
    const NodeId stride = std::max<NodeId>(1, n / 1024);
    for (NodeId v = 0; v < n; v += stride)
      sample.push_back(find_root(parent, v));
    std::sort(sample.begin(), sample.end());
    std::size_t best = 0;
    for (std::size_t i = 0, j = 0; i < sample.size(); i = j) {
      while (j < sample.size() && sample[j] == sample[i])
        ++j;
      if (j - i > best) {
        best = j - i;
        giant = sample[i];
      }
    }
  }
  for_each_index_balanced(0, n, [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    // A directed layer holds an arc in its source's row only: no node may be skipped.
    if (!layer.directed() && find_root(parent, v) == giant) return;
    const ArcIndex first = layer.first_arc(v) + kNeighbourRounds;
    for (ArcIndex a = std::min(first, layer.end_arc(v)); a < layer.end_arc(v); ++a)
      unite(parent, v, targets[a]);
  });
  for_each_index(0, n, [&](std::int64_t v) {
    const NodeId root = find_root(parent, static_cast<NodeId>(v));
    std::atomic_ref<NodeId>(parent[v]).store(root, std::memory_order_relaxed);
  });
  Components result;
  result.membership.resize(n);
  for (NodeId v = 0; v < n; ++v) {
    const NodeId root = parent[v];
    if (root == v) {
      result.membership[v] = static_cast<std::uint32_t>(result.sizes.size());
      result.sizes.push_back(0);
    } else {
      result.membership[v] = result.membership[root];  // root < v: already labelled
    }
    ++result.sizes[result.membership[v]];
  }
  return result;
}

}  // namespace village::network
