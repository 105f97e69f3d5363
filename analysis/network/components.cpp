#include "analysis/network/components.hpp"

#include <algorithm>
#include <atomic>

#include "sim/parallel.hpp"

namespace village::network {

namespace {

// How many nodes ahead the unions prefetch the parent slots they will read: the slots
// are random reads into an n-word array, so each loop waits on memory, not on work.
constexpr NodeId kPrefetchDistance = 16;

NodeId load(std::vector<NodeId>& parent, NodeId x) {
  return std::atomic_ref<NodeId>(parent[x]).load(std::memory_order_relaxed);
}

// Root of x's tree, halving the path on the way (each node's parent jumps to its
// grandparent). A node that is not a root only ever changes by halving, and an ancestor
// stays an ancestor, so a plain store is safe even when it overwrites another thread's
// (higher) halving: no compare-and-swap, whose lock would stall the loads in flight.
NodeId find_root(std::vector<NodeId>& parent, NodeId x) {
  while (true) {
    std::atomic_ref<NodeId> slot(parent[x]);
    const NodeId up = slot.load(std::memory_order_relaxed);
    const NodeId grand = load(parent, up);
    if (up == grand) return up;
    slot.store(grand, std::memory_order_relaxed);
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

// The root most nodes share among up to 1024 evenly spaced ones (no randomness needed):
// the giant component's, in social networks.
NodeId most_common_root(std::vector<NodeId>& parent, NodeId n) {
  NodeId giant = n;
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
  return giant;
}

// Labels from a forest whose roots are their trees' smallest nodes, in parallel: every
// node is pointed at its root while each chunk counts its roots; roots are numbered in
// node order (offset by the roots of the chunks before); then every node takes its
// root's label. Sizes: the giant's counted per chunk, the others' with atomic increments
// (few nodes, little contention).
Components number_components(std::vector<NodeId>& parent, NodeId giant) {
  const NodeId n = static_cast<NodeId>(parent.size());
  const std::int64_t chunks =
      (static_cast<std::int64_t>(n) + kReductionChunk - 1) / kReductionChunk;
  std::vector<std::uint32_t> first_label(static_cast<std::size_t>(chunks) + 1, 0);
  for_each_chunk(0, n, [&](std::int64_t c, std::int64_t lo, std::int64_t hi) {
    std::uint32_t roots = 0;
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto v = static_cast<NodeId>(i);
      if (v + kPrefetchDistance < n)
        __builtin_prefetch(&parent[load(parent, v + kPrefetchDistance)]);
      // Each node writes only its own slot; a concurrent reader sees the old parent or
      // the root, both ancestors.
      const NodeId root = find_root(parent, v);
      std::atomic_ref<NodeId>(parent[v]).store(root, std::memory_order_relaxed);
      roots += root == v;
    }
    first_label[c + 1] = roots;
  });
  for (std::int64_t c = 0; c < chunks; ++c)
    first_label[c + 1] += first_label[c];
  Components result;
  result.membership.resize(n);
  result.sizes.assign(first_label.back(), 0);
  for_each_chunk(0, n, [&](std::int64_t c, std::int64_t lo, std::int64_t hi) {
    std::uint32_t next = first_label[c];
    for (std::int64_t v = lo; v < hi; ++v)
      if (parent[v] == v) result.membership[v] = next++;
  });
  if (n == 0) return result;
  const std::uint32_t giant_label = result.membership[parent[giant]];
  std::vector<std::uint64_t> giant_nodes(static_cast<std::size_t>(chunks), 0);
  for_each_chunk(0, n, [&](std::int64_t c, std::int64_t lo, std::int64_t hi) {
    std::uint64_t in_giant = 0;
    for (std::int64_t v = lo; v < hi; ++v) {
      // Roots were labelled above (and another thread may be reading their labels now).
      const std::uint32_t label = result.membership[parent[v]];
      if (parent[v] != v) result.membership[v] = label;
      if (label == giant_label) {
        ++in_giant;
      } else {
        std::atomic_ref<std::uint64_t>(result.sizes[label]).fetch_add(1, std::memory_order_relaxed);
      }
    }
    giant_nodes[c] = in_giant;
  });
  for (std::uint64_t count : giant_nodes)
    result.sizes[giant_label] += count;
  return result;
}

}  // namespace

std::uint64_t Components::largest() const {
  return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

Components connected_components(const CsrLayer& layer) {
  const NodeId n = layer.node_count();
  const auto& targets = layer.targets();
  std::vector<NodeId> parent(n);
  // Afforest (Sutton, Ben-Nun & Barak 2018, IPDPS, doi:10.1109/IPDPS.2018.00110): unite
  // each node with two neighbours, find the component most nodes already share (the
  // giant one, in social networks), then scan the arcs only of nodes outside it. Every
  // edge with an end outside the giant component is still seen from that end, so the
  // partition is exact; most arcs of the giant one are never read.
  //
  // First neighbour, without atomics: rows are sorted, so a node's first arc is its
  // smallest neighbour, and a node hooks under it when it is smaller. Pointers then
  // strictly decrease, so this is a forest whose roots are their trees' smallest nodes,
  // and each node writes only its own slot.
  for_each_index(0, n, [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    const ArcIndex first = layer.first_arc(v);
    parent[v] = first < layer.end_arc(v) ? std::min(v, targets[first]) : v;
  });
  // Second neighbour: concurrent unions. The trees above are shallow (each step goes to
  // a node's smallest neighbour), and path halving shortens them as the unions walk
  // them: flattening them first costs a pass and saves less.
  for_each_index(0, n, [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    const NodeId ahead = v + kPrefetchDistance;
    if (ahead < n) {
      __builtin_prefetch(&parent[load(parent, ahead)]);
      if (layer.degree(ahead) > 1) __builtin_prefetch(&parent[targets[layer.first_arc(ahead) + 1]]);
    }
    if (layer.degree(v) > 1) unite(parent, v, targets[layer.first_arc(v) + 1]);
  });
  const NodeId giant = most_common_root(parent, n);  // n when there are no nodes
  for_each_index_balanced(0, n, [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    // A directed layer holds an arc in its source's row only: no node may be skipped.
    // The first arc is read again: it was hooked only when it led to a smaller node.
    if (!layer.directed() && find_root(parent, v) == giant) return;
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      unite(parent, v, targets[a]);
  });
  return number_components(parent, giant);
}

}  // namespace village::network
