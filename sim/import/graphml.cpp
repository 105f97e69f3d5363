#include <fmt/format.h>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>
#include <fstream>
#include <sstream>

#include "sim/error.hpp"
#include "sim/import/import.hpp"

namespace village {

namespace {

// The value of attribute `name` in the XML start tag `tag` ("" when absent).
std::string attribute_value(std::string_view tag, std::string_view name) {
  for (std::size_t at = tag.find(name); at != std::string_view::npos; at = tag.find(name, at + 1)) {
    const bool starts_word =
        at > 0 && (tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n');
    std::size_t i = at + name.size();
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t'))
      ++i;
    if (!starts_word || i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t'))
      ++i;
    if (i >= tag.size() || (tag[i] != '"' && tag[i] != '\'')) continue;
    const std::size_t end = tag.find(tag[i], i + 1);
    if (end == std::string_view::npos) return {};
    return std::string(tag.substr(i + 1, end - i - 1));
  }
  return {};
}

// The start tags <element ...> of the document, in order.
std::vector<std::string_view> start_tags(std::string_view text, std::string_view element) {
  std::vector<std::string_view> tags;
  std::string open(1, '<');
  open += element;
  for (std::size_t at = text.find(open); at != std::string_view::npos;
       at = text.find(open, at + 1)) {
    const char next = at + open.size() < text.size() ? text[at + open.size()] : '>';
    if (next != ' ' && next != '\t' && next != '\n' && next != '\r' && next != '/' && next != '>')
      continue;
    const std::size_t end = text.find('>', at);
    if (end == std::string_view::npos) break;
    tags.push_back(text.substr(at, end - at));
  }
  return tags;
}

template <typename DirectedS>
ImportedNetwork read_graphml_as(const std::filesystem::path& path, const std::string& text,
                                Direction direction) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, DirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  Graph graph;
  boost::dynamic_properties properties(boost::ignore_other_properties);
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
  // Boost's reader numbers nodes in document order but does not keep their ids: read
  // them from the <node id="..."> elements, which GraphML requires for every node.
  for (std::string_view tag : start_tags(text, "node"))
    network.labels.push_back(attribute_value(tag, "id"));
  if (network.labels.size() != n) {
    throw InputError({path.string()}, "an edge refers to a node that is not declared",
                     "declare every node with <node id=\"...\"/> before using it in an edge");
  }
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
  const auto graphs = start_tags(text, "graph");
  if (!graphs.empty() && attribute_value(graphs.front(), "edgedefault") == "directed") {
    return read_graphml_as<boost::directedS>(path, text, Direction::directed);
  }
  return read_graphml_as<boost::undirectedS>(path, text, Direction::undirected);
}

}  // namespace village
