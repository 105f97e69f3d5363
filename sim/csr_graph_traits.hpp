#pragma once
// Boost.Graph adaptor for CsrLayer: BGL algorithms (BFS, connected components,
// betweenness, ...) run on the layer's own arrays, without a copy.
//
// A view fixes the directed category at compile time, because BGL checks it
// statically (connected_components requires an undirected graph):
//   boost::connected_components(village::undirected_view(layer), component_map);
//   boost::breadth_first_search(village::directed_view(layer), source, visitor);
// Models: VertexListGraph, IncidenceGraph, AdjacencyGraph. Vertex ids are NodeId, so
// get(vertex_index, view) is the identity map.

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <cassert>
#include <stdexcept>
#include <utility>

#include "sim/csr_layer.hpp"

namespace village {

struct CsrArc {
  NodeId source = 0;
  ArcIndex arc = 0;
  friend bool operator==(const CsrArc& a, const CsrArc& b) { return a.arc == b.arc; }
  friend bool operator!=(const CsrArc& a, const CsrArc& b) { return a.arc != b.arc; }
};

template <typename DirectedCategory>
class CsrView {
 public:
  explicit CsrView(const CsrLayer& layer) : layer_(&layer) {}
  const CsrLayer& layer() const { return *layer_; }

 private:
  const CsrLayer* layer_;
};

using UndirectedCsrView = CsrView<boost::undirected_tag>;
using DirectedCsrView = CsrView<boost::directed_tag>;

// An undirected view of a directed layer would silently treat arcs as edges: refuse.
inline UndirectedCsrView undirected_view(const CsrLayer& layer) {
  if (layer.directed()) throw std::invalid_argument("undirected_view: the layer is directed");
  return UndirectedCsrView(layer);
}
inline DirectedCsrView directed_view(const CsrLayer& layer) {
  return DirectedCsrView(layer);
}

class CsrOutArcIterator
    : public boost::iterator_facade<CsrOutArcIterator, CsrArc, std::random_access_iterator_tag,
                                    CsrArc, std::ptrdiff_t> {
 public:
  CsrOutArcIterator() = default;
  CsrOutArcIterator(NodeId source, ArcIndex arc) : source_(source), arc_(arc) {}

 private:
  friend class boost::iterator_core_access;
  CsrArc dereference() const { return {source_, arc_}; }
  bool equal(const CsrOutArcIterator& other) const { return arc_ == other.arc_; }
  void increment() { ++arc_; }
  void decrement() { --arc_; }
  void advance(std::ptrdiff_t n) {
    arc_ = static_cast<ArcIndex>(static_cast<std::ptrdiff_t>(arc_) + n);
  }
  std::ptrdiff_t distance_to(const CsrOutArcIterator& other) const {
    return static_cast<std::ptrdiff_t>(other.arc_) - static_cast<std::ptrdiff_t>(arc_);
  }
  NodeId source_ = 0;
  ArcIndex arc_ = 0;
};

struct CsrTraversalCategory : boost::vertex_list_graph_tag,
                              boost::incidence_graph_tag,
                              boost::adjacency_graph_tag {};

// Free functions found by argument-dependent lookup.
template <typename D>
NodeId source(const CsrArc& e, const CsrView<D>&) {
  return e.source;
}
template <typename D>
NodeId target(const CsrArc& e, const CsrView<D>& g) {
  return g.layer().targets()[e.arc];
}
template <typename D>
std::pair<CsrOutArcIterator, CsrOutArcIterator> out_edges(NodeId v, const CsrView<D>& g) {
  return {CsrOutArcIterator(v, g.layer().first_arc(v)), CsrOutArcIterator(v, g.layer().end_arc(v))};
}
template <typename D>
std::size_t out_degree(NodeId v, const CsrView<D>& g) {
  return g.layer().degree(v);
}
template <typename D>
std::size_t degree(NodeId v, const CsrView<D>& g) {
  return g.layer().degree(v);
}
template <typename D>
std::pair<boost::counting_iterator<NodeId>, boost::counting_iterator<NodeId>> vertices(
    const CsrView<D>& g) {
  return {boost::counting_iterator<NodeId>(0),
          boost::counting_iterator<NodeId>(g.layer().node_count())};
}
template <typename D>
std::size_t num_vertices(const CsrView<D>& g) {
  return g.layer().node_count();
}
template <typename D>
std::pair<const NodeId*, const NodeId*> adjacent_vertices(NodeId v, const CsrView<D>& g) {
  const auto row = g.layer().neighbours(v);
  return {row.data(), row.data() + row.size()};
}
template <typename D>
boost::typed_identity_property_map<NodeId> get(boost::vertex_index_t, const CsrView<D>&) {
  return {};
}

}  // namespace village

namespace boost {

template <typename D>
struct graph_traits<village::CsrView<D>> {
  using vertex_descriptor = village::NodeId;
  using edge_descriptor = village::CsrArc;
  using directed_category = D;
  using edge_parallel_category = disallow_parallel_edge_tag;
  using traversal_category = village::CsrTraversalCategory;
  using out_edge_iterator = village::CsrOutArcIterator;
  using adjacency_iterator = const village::NodeId*;
  using vertex_iterator = counting_iterator<village::NodeId>;
  using degree_size_type = std::size_t;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using in_edge_iterator = void;
  using edge_iterator = void;
  static vertex_descriptor null_vertex() { return village::kMaxNodes + 1; }
};

template <typename D>
struct property_map<village::CsrView<D>, vertex_index_t> {
  using type = typed_identity_property_map<village::NodeId>;
  using const_type = type;
};

}  // namespace boost
