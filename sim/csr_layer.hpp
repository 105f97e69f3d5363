#pragma once
// One network layer in compressed sparse row form. Simulation loops read it directly
// (neighbours(v) is a contiguous span); Boost.Graph algorithms read the same arrays
// through the adaptor in sim/csr_graph_traits.hpp, without a copy.
//
// An undirected layer stores each edge as two arcs (u->v and v->u). Every arc has a
// value for each named edge attribute (tie strength, trust, ...), held in arrays
// parallel to targets(), so an attribute may differ by direction (trust of u in v).
// Each node's neighbours are sorted by target, which makes has_arc() a binary search.

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace village {

using NodeId = std::uint32_t;
using ArcIndex = std::uint64_t;

inline constexpr NodeId kMaxNodes = 0xFFFFFFFEu;

enum class Direction { undirected, directed };

struct EdgeRecord {
  NodeId source;
  NodeId target;
  float weight = 1.0f;
};

class CsrLayer {
 public:
  CsrLayer() = default;

  // Builds a layer from an edge list in O(n + m log d), d the largest degree.
  // Self-loops are dropped; of duplicate arcs the first is kept.
  // The attribute "weight" is created when keep_weights is true.
  static CsrLayer from_edges(NodeId node_count, std::span<const EdgeRecord> edges,
                             Direction direction, bool keep_weights = false);

  NodeId node_count() const { return node_count_; }
  ArcIndex arc_count() const { return targets_.size(); }
  // Undirected layers count each edge once.
  ArcIndex edge_count() const {
    return direction_ == Direction::undirected ? arc_count() / 2 : arc_count();
  }
  Direction direction() const { return direction_; }
  bool directed() const { return direction_ == Direction::directed; }

  ArcIndex first_arc(NodeId v) const { return offsets_[v]; }
  ArcIndex end_arc(NodeId v) const { return offsets_[v + 1]; }
  std::uint32_t degree(NodeId v) const {
    return static_cast<std::uint32_t>(offsets_[v + 1] - offsets_[v]);
  }
  std::span<const NodeId> neighbours(NodeId v) const {
    return {targets_.data() + offsets_[v], targets_.data() + offsets_[v + 1]};
  }
  bool has_arc(NodeId source, NodeId target) const;

  const std::vector<ArcIndex>& offsets() const { return offsets_; }
  const std::vector<NodeId>& targets() const { return targets_; }

  // Edge attributes: one float per arc.
  void add_attribute(const std::string& name, float initial_value);
  bool has_attribute(const std::string& name) const;
  std::span<float> attribute(const std::string& name);
  std::span<const float> attribute(const std::string& name) const;
  std::vector<std::string> attribute_names() const;

  // Dynamic layers: staged edges enter the layer at the next rebuild(). For an
  // undirected layer one staged edge adds both arcs. values gives the new edge's
  // attributes in the order of attribute_names(); missing ones take 0.
  void stage_edge(NodeId source, NodeId target, std::span<const float> values = {});
  std::size_t staged_count() const { return staged_.size(); }
  // Merges staged edges in O(n + m + s log s), untouched runs of arcs copied as blocks;
  // staged arcs already
  // present, and self-loops, are dropped. Returns the number of arcs added. A layer that
  // has been rebuilt keeps a spare copy of its arrays for the next rebuild.
  ArcIndex rebuild();

  // Bytes held by the arrays of this layer.
  std::size_t memory_bytes() const;

 private:
  struct StagedArc {
    NodeId source;
    NodeId target;
    std::uint32_t value_slot;  // index into staged_values_ / attribute count
  };
  struct Attribute {
    std::string name;
    std::vector<float> values;
  };
  const Attribute* find_attribute(const std::string& name) const;

  NodeId node_count_ = 0;
  Direction direction_ = Direction::undirected;
  std::vector<ArcIndex> offsets_{0};
  std::vector<NodeId> targets_;
  std::vector<Attribute> attributes_;
  std::vector<StagedArc> staged_;
  std::vector<float> staged_values_;
  // The arrays of the layer before the last rebuild, reused by the next one.
  std::vector<ArcIndex> spare_offsets_;
  std::vector<NodeId> spare_targets_;
  std::vector<std::vector<float>> spare_values_;
};

}  // namespace village
