#include "sim/csr_layer.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace village {

namespace {

// Sorts the arcs of each node by target and drops repeats (keeping the first),
// permuting the attribute arrays alongside and compacting offsets and arrays in place.
void sort_and_deduplicate(std::vector<ArcIndex>& offsets, std::vector<NodeId>& targets,
                          std::vector<std::vector<float>*>& columns) {
  const NodeId n = static_cast<NodeId>(offsets.size() - 1);
  ArcIndex write = 0;
  if (columns.empty()) {  // fast path: sort and unique each row in place
    for (NodeId v = 0; v < n; ++v) {
      const auto begin = targets.begin() + static_cast<std::ptrdiff_t>(offsets[v]);
      const auto end = targets.begin() + static_cast<std::ptrdiff_t>(offsets[v + 1]);
      std::sort(begin, end);
      const auto last = std::unique(begin, end);
      offsets[v] = write;
      const auto out = targets.begin() + static_cast<std::ptrdiff_t>(write);
      if (out != begin) std::copy(begin, last, out);
      write += static_cast<ArcIndex>(last - begin);
    }
    offsets[n] = write;
    targets.resize(write);
    return;
  }
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> kept;
  std::vector<NodeId> scratch_targets;
  std::vector<float> scratch_values;
  for (NodeId v = 0; v < n; ++v) {
    const ArcIndex begin = offsets[v];
    const ArcIndex end = offsets[v + 1];
    const auto degree = static_cast<std::uint32_t>(end - begin);
    order.resize(degree);
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return targets[begin + a] < targets[begin + b];
    });
    scratch_targets.clear();
    kept.clear();
    for (std::uint32_t k : order) {
      const NodeId target = targets[begin + k];
      if (!scratch_targets.empty() && scratch_targets.back() == target) continue;
      scratch_targets.push_back(target);
      kept.push_back(k);
    }
    for (std::size_t i = 0; i < kept.size(); ++i)
      targets[write + i] = scratch_targets[i];
    for (auto* column : columns) {
      scratch_values.resize(kept.size());
      for (std::size_t i = 0; i < kept.size(); ++i)
        scratch_values[i] = (*column)[begin + kept[i]];
      std::copy(scratch_values.begin(), scratch_values.end(), column->begin() + write);
    }
    offsets[v] = write;
    write += kept.size();
  }
  offsets[n] = write;
  targets.resize(write);
  for (auto* column : columns)
    column->resize(write);
}

}  // namespace

CsrLayer CsrLayer::from_edges(NodeId node_count, std::span<const EdgeRecord> edges,
                              Direction direction, bool keep_weights) {
  if (node_count > kMaxNodes) throw std::length_error("CsrLayer::from_edges: too many nodes");
  CsrLayer layer;
  layer.node_count_ = node_count;
  layer.direction_ = direction;
  const bool both_ways = direction == Direction::undirected;

  // Counting sort by source: O(n + m).
  std::vector<ArcIndex> offsets(static_cast<std::size_t>(node_count) + 1, 0);
  for (const EdgeRecord& e : edges) {
    if (e.source >= node_count || e.target >= node_count) {
      throw std::out_of_range("CsrLayer::from_edges: node id out of range");
    }
    if (e.source == e.target) continue;
    ++offsets[e.source + 1];
    if (both_ways) ++offsets[e.target + 1];
  }
  std::partial_sum(offsets.begin(), offsets.end(), offsets.begin());
  std::vector<NodeId> targets(offsets.back());
  std::vector<float> weights(keep_weights ? offsets.back() : 0);
  std::vector<ArcIndex> cursor(offsets.begin(), offsets.end() - 1);
  for (const EdgeRecord& e : edges) {
    if (e.source == e.target) continue;
    ArcIndex slot = cursor[e.source]++;
    targets[slot] = e.target;
    if (keep_weights) weights[slot] = e.weight;
    if (both_ways) {
      slot = cursor[e.target]++;
      targets[slot] = e.source;
      if (keep_weights) weights[slot] = e.weight;
    }
  }
  std::vector<std::vector<float>*> columns;
  if (keep_weights) columns.push_back(&weights);
  sort_and_deduplicate(offsets, targets, columns);

  layer.offsets_ = std::move(offsets);
  layer.targets_ = std::move(targets);
  if (keep_weights) layer.attributes_.push_back({"weight", std::move(weights)});
  return layer;
}

bool CsrLayer::has_arc(NodeId source, NodeId target) const {
  const auto row = neighbours(source);
  return std::binary_search(row.begin(), row.end(), target);
}

const CsrLayer::Attribute* CsrLayer::find_attribute(const std::string& name) const {
  for (const auto& attribute : attributes_) {
    if (attribute.name == name) return &attribute;
  }
  return nullptr;
}

void CsrLayer::add_attribute(const std::string& name, float initial_value) {
  // Staged edges carry one value per attribute that existed when they were staged.
  if (!staged_.empty()) {
    throw std::logic_error("CsrLayer: add attribute '" + name + "' before staging edges");
  }
  if (find_attribute(name) != nullptr) {
    throw std::invalid_argument("CsrLayer: attribute '" + name + "' already exists");
  }
  attributes_.push_back({name, std::vector<float>(arc_count(), initial_value)});
}

bool CsrLayer::has_attribute(const std::string& name) const {
  return find_attribute(name) != nullptr;
}

std::span<float> CsrLayer::attribute(const std::string& name) {
  auto* found = const_cast<Attribute*>(find_attribute(name));
  if (found == nullptr) throw std::invalid_argument("CsrLayer: no attribute '" + name + "'");
  return found->values;
}

std::span<const float> CsrLayer::attribute(const std::string& name) const {
  const auto* found = find_attribute(name);
  if (found == nullptr) throw std::invalid_argument("CsrLayer: no attribute '" + name + "'");
  return found->values;
}

std::vector<std::string> CsrLayer::attribute_names() const {
  std::vector<std::string> names;
  for (const auto& attribute : attributes_)
    names.push_back(attribute.name);
  return names;
}

void CsrLayer::stage_edge(NodeId source, NodeId target, std::span<const float> values) {
  if (source >= node_count_ || target >= node_count_) {
    throw std::out_of_range("CsrLayer::stage_edge: node id out of range");
  }
  const auto slot = static_cast<std::uint32_t>(staged_values_.size() /
                                               std::max<std::size_t>(1, attributes_.size()));
  for (std::size_t a = 0; a < attributes_.size(); ++a) {
    staged_values_.push_back(a < values.size() ? values[a] : 0.0f);
  }
  staged_.push_back({source, target, slot});
  if (direction_ == Direction::undirected) staged_.push_back({target, source, slot});
}

ArcIndex CsrLayer::rebuild() {
  if (staged_.empty()) return 0;
  std::sort(staged_.begin(), staged_.end(), [](const StagedArc& a, const StagedArc& b) {
    if (a.source != b.source) return a.source < b.source;
    return a.target != b.target ? a.target < b.target : a.value_slot < b.value_slot;
  });  // ties by staging order, so the first staged of repeated arcs is kept
  const std::size_t attribute_count = attributes_.size();

  // Count the arcs that survive (not a self-loop, not present, not repeated).
  std::vector<bool> keep(staged_.size(), false);
  std::vector<ArcIndex> added_per_node(static_cast<std::size_t>(node_count_) + 1, 0);
  for (std::size_t i = 0; i < staged_.size(); ++i) {
    const StagedArc& s = staged_[i];
    const bool repeat =
        i > 0 && staged_[i - 1].source == s.source && staged_[i - 1].target == s.target;
    if (s.source == s.target || repeat || has_arc(s.source, s.target)) continue;
    keep[i] = true;
    ++added_per_node[s.source + 1];
  }

  // The new arrays reuse the previous rebuild's (spare) buffers: a layer rebuilt every
  // week then neither allocates nor faults in fresh pages.
  std::vector<ArcIndex>& offsets = spare_offsets_;
  offsets.resize(offsets_.size());
  offsets[0] = 0;
  for (NodeId v = 0; v < node_count_; ++v) {
    offsets[v + 1] = offsets[v] + degree(v) + added_per_node[v + 1];
  }
  std::vector<NodeId>& targets = spare_targets_;
  targets.resize(offsets.back());
  std::vector<std::vector<float>>& values = spare_values_;
  values.resize(attribute_count);
  for (auto& column : values)
    column.resize(offsets.back());

  // Where each node's staged arcs start (staged_ is sorted by source).
  std::vector<std::size_t> staged_begin(static_cast<std::size_t>(node_count_) + 1, 0);
  for (const StagedArc& arc : staged_)
    ++staged_begin[arc.source + 1];
  for (NodeId v = 0; v < node_count_; ++v)
    staged_begin[v + 1] += staged_begin[v];

  // Old arcs of nodes without staged arcs move as whole blocks (one copy per column);
  // each node with staged arcs merges its sorted old arcs with its sorted staged ones.
  const auto copy_block = [&](ArcIndex from, ArcIndex to, ArcIndex out) {
    std::copy(targets_.begin() + from, targets_.begin() + to, targets.begin() + out);
    for (std::size_t a = 0; a < attribute_count; ++a) {
      const auto& column = attributes_[a].values;
      std::copy(column.begin() + from, column.begin() + to, values[a].begin() + out);
    }
  };
  const auto merge_node = [&](NodeId v) {
    ArcIndex old_arc = offsets_[v];
    const ArcIndex old_end = offsets_[v + 1];
    ArcIndex out = offsets[v];
    for (std::size_t s = staged_begin[v]; s < staged_begin[v + 1]; ++s) {
      if (!keep[s]) continue;
      ArcIndex run = old_arc;
      while (run < old_end && targets_[run] < staged_[s].target)
        ++run;
      copy_block(old_arc, run, out);
      out += run - old_arc;
      old_arc = run;
      targets[out] = staged_[s].target;
      for (std::size_t a = 0; a < attribute_count; ++a) {
        values[a][out] = staged_values_[staged_[s].value_slot * attribute_count + a];
      }
      ++out;
    }
    copy_block(old_arc, old_end, out);
  };
  NodeId next = 0;  // first node whose old arcs are not yet placed
  for (std::size_t i = 0; i < staged_.size(); i = staged_begin[staged_[i].source + 1]) {
    const NodeId v = staged_[i].source;
    copy_block(offsets_[next], offsets_[v], offsets[next]);
    merge_node(v);
    next = v + 1;
  }
  copy_block(offsets_[next], offsets_[node_count_], offsets[next]);

  const ArcIndex added = offsets.back() - offsets_.back();
  offsets_.swap(offsets);
  targets_.swap(targets);
  for (std::size_t a = 0; a < attribute_count; ++a)
    attributes_[a].values.swap(values[a]);
  staged_.clear();
  staged_values_.clear();
  return added;
}

std::size_t CsrLayer::memory_bytes() const {
  std::size_t bytes =
      offsets_.capacity() * sizeof(ArcIndex) + targets_.capacity() * sizeof(NodeId) +
      spare_offsets_.capacity() * sizeof(ArcIndex) + spare_targets_.capacity() * sizeof(NodeId);
  for (const auto& column : spare_values_)
    bytes += column.capacity() * sizeof(float);
  for (const auto& attribute : attributes_)
    bytes += attribute.values.capacity() * sizeof(float);
  return bytes;
}

}  // namespace village
