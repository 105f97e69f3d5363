#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "sim/error.hpp"
#include "sim/import/import.hpp"

namespace village {

namespace {

template <typename DirectedS>
ImportedNetwork read_graphml_as(const std::filesystem::path& path, const std::string& text,
                                Direction direction) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, DirectedS,
                                      boost::property<boost::vertex_name_t, std::string>,
                                      boost::property<boost::edge_weight_t, double>>;
  Graph graph;
  boost::dynamic_properties properties(boost::ignore_other_properties);
  properties.property("node_id", boost::get(boost::vertex_name, graph));
  properties.property("weight", boost::get(boost::edge_weight, graph));
  std::istringstream in(text);
  try {
    boost::read_graphml(in, graph, properties);
  } catch (const boost::bad_lexical_cast&) {
    throw InputError({path.string()}, "an edge weight is not a number",
                     "give every weight as a number, like 0.5");
  } catch (const std::exception& error) {
    throw InputError({path.string()}, fmt::format("cannot read GraphML ({})", error.what()),
                     "check that the file is valid GraphML (graphml.graphdrawing.org)");
  }
  const auto n = boost::num_vertices(graph);
  if (n > kMaxNodes)
    throw InputError({path.string()}, "too many nodes", fmt::format("at most {} fit", kMaxNodes));
  const bool weighted = text.find("attr.name=\"weight\"") != std::string::npos;
  std::vector<EdgeRecord> edges;
  edges.reserve(boost::num_edges(graph));
  for (const auto& edge : boost::make_iterator_range(boost::edges(graph))) {
    const double weight = boost::get(boost::edge_weight, graph, edge);
    if (weight < 0.0) {
      throw InputError({path.string()}, fmt::format("an edge has the negative weight {}", weight),
                       "weights are numbers >= 0");
    }
    edges.push_back({static_cast<NodeId>(boost::source(edge, graph)),
                     static_cast<NodeId>(boost::target(edge, graph)), static_cast<float>(weight)});
  }
  ImportedNetwork network;
  network.layer = CsrLayer::from_edges(static_cast<NodeId>(n), edges, direction, weighted);
  for (std::size_t v = 0; v < n; ++v)
    network.labels.push_back(boost::get(boost::vertex_name, graph, v));
  return network;
}

}  // namespace

ImportedNetwork read_graphml(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    throw InputError({path.string()}, "cannot open the GraphML file",
                     "check the path and its permissions");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  // GraphML declares its direction in <graph edgedefault="...">; Boost's reader refuses
  // a mismatch with the graph type, so pick the type from the declaration.
  static const std::regex directed_default(R"(edgedefault\s*=\s*["']directed["'])");
  if (std::regex_search(text, directed_default)) {
    return read_graphml_as<boost::directedS>(path, text, Direction::directed);
  }
  return read_graphml_as<boost::undirectedS>(path, text, Direction::undirected);
}

}  // namespace village
