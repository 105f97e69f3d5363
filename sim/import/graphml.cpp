// GraphML through Boost.Graph's reader, plus what that reader does not give: the node
// ids (it numbers nodes and drops their ids) and the line:column of a faulty element.
// Both come from a light scan of the text, trusted only once Boost has accepted the XML.

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/graphml.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <charconv>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "sim/import/import.hpp"
#include "sim/import/line_reader.hpp"
#include "sim/memory.hpp"

namespace village {

namespace {

constexpr std::size_t npos = std::string_view::npos;
constexpr double kGraphmlBytesPerByte = 70.0;

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

SourceLocation locate(const std::string& file, std::string_view text, std::size_t offset) {
  std::string_view before = text.substr(0, offset);
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t newline = before.rfind('\n');
  before.remove_prefix(newline == npos ? 0 : newline + 1);
  if (line == 1 && before.starts_with("\xEF\xBB\xBF")) before.remove_prefix(3);
  return {file, line, column_width(before) + 1};
}

struct Tag {
  std::string_view name;
  std::string_view attributes;  // the raw text between the name and '>' or '/>'
  std::size_t offset = 0;       // of '<'
  std::size_t end = 0;          // just past '>'
  bool closing = false;         // </name>
  bool empty = false;           // <name/>
};

std::size_t skip_past(std::string_view text, std::size_t at, std::string_view marker) {
  const std::size_t found = text.find(marker, at);
  return found == npos ? text.size() : found + marker.size();
}

// The next element tag from `at` on, skipping comments, CDATA, processing instructions
// and declarations (Boost's reader drops them too); false at the end of the text.
bool next_tag(std::string_view text, std::size_t& at, Tag& tag) {
  while ((at = text.find('<', at)) != npos) {
    const std::string_view rest = text.substr(at);
    if (rest.starts_with("<!--")) {
      at = skip_past(text, at, "-->");
    } else if (rest.starts_with("<![CDATA[")) {
      at = skip_past(text, at, "]]>");
    } else if (rest.starts_with("<?")) {
      at = skip_past(text, at, "?>");
    } else if (rest.starts_with("<!")) {
      at = skip_past(text, at, ">");
    } else {
      tag.offset = at;
      tag.closing = rest.starts_with("</");
      const std::size_t name_begin = at + (tag.closing ? 2 : 1);
      const std::size_t name_end =
          std::min(text.find_first_of(" \t\r\n/>", name_begin), text.size());
      tag.name = text.substr(name_begin, name_end - name_begin);
      // Attribute values may hold '>': the tag ends at the first '>' outside quotes.
      char quote = 0;
      std::size_t i = name_end;
      for (; i < text.size(); ++i) {
        if (quote != 0) {
          if (text[i] == quote) quote = 0;
        } else if (text[i] == '"' || text[i] == '\'') {
          quote = text[i];
        } else if (text[i] == '>') {
          break;
        }
      }
      if (i == text.size()) break;
      tag.empty = !tag.closing && text[i - 1] == '/';
      tag.attributes = text.substr(name_end, i - name_end - (tag.empty ? 1 : 0));
      tag.end = i + 1;
      at = tag.end;
      return true;
    }
  }
  at = text.size();
  return false;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// An attribute value with its character references replaced, as Boost's parser does,
// so that ids compare as Boost saw them.
std::string decode(std::string_view raw) {
  static constexpr std::pair<std::string_view, char> kNamed[] = {
      {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
  const auto numeric = [](std::string_view digits, int base, std::uint32_t& code) {
    const auto [stop, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), code, base);
    return !digits.empty() && error == std::errc() && stop == digits.data() + digits.size() &&
           code <= 0x10FFFF;
  };
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::size_t semicolon = raw[i] == '&' ? raw.find(';', i) : npos;
    if (semicolon == npos) {
      out += raw[i];
      continue;
    }
    const std::string_view entity = raw.substr(i + 1, semicolon - i - 1);
    const auto* named = std::find_if(std::begin(kNamed), std::end(kNamed),
                                     [&](const auto& n) { return n.first == entity; });
    std::uint32_t code = 0;
    if (named != std::end(kNamed)) {
      out += named->second;
    } else if (entity.starts_with("#x") && numeric(entity.substr(2), 16, code)) {
      append_utf8(out, code);
    } else if (entity.starts_with('#') && numeric(entity.substr(1), 10, code)) {
      append_utf8(out, code);
    } else {
      out += raw[i];
      continue;
    }
    i = semicolon;
  }
  return out;
}

std::optional<std::string> attribute(const Tag& tag, std::string_view wanted) {
  const std::string_view text = tag.attributes;
  for (std::size_t i = 0;;) {
    const std::size_t equals = text.find('=', i);
    const std::size_t open = equals == npos ? npos : text.find_first_of("\"'", equals);
    const std::size_t close = open == npos ? npos : text.find(text[open], open + 1);
    if (close == npos) return std::nullopt;
    if (trim(text.substr(i, equals - i)) == wanted)
      return decode(text.substr(open + 1, close - open - 1));
    i = close + 1;
  }
}

// Where the text of element `tag` starts (the tag itself when it has none).
std::size_t content_offset(std::string_view text, const Tag& tag) {
  if (tag.empty) return tag.offset;
  const std::size_t first = text.find_first_not_of(" \t\r\n", tag.end);
  return first == npos || text[first] == '<' ? tag.offset : first;
}

struct ScannedEdge {
  std::size_t offset;         // of <edge
  std::size_t weight = npos;  // of the text of its weight <data>, if any
};

// What the scan learns about the first <graph>, the one Boost reads.
struct Outline {
  bool directed = false;
  bool declares_weight = false;       // a key for edges named "weight"
  std::size_t weight_default = npos;  // offset of that key's <default> text
  std::vector<std::string> labels;    // node ids in document order: Boost's vertex order
  std::vector<ScannedEdge> edges;     // in document order: the order Boost adds them
  std::optional<InputError> issue;    // the first problem found
};

class Scanner {
 public:
  Scanner(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {}
  Outline run();

 private:
  void flag(std::size_t offset, std::string problem, std::string hint) {
    if (!out_.issue)
      out_.issue.emplace(locate(file_, text_, offset), std::move(problem), std::move(hint));
  }
  void on_key(const Tag& tag, int level);
  void on_graph(const Tag& tag);
  void on_node(const Tag& tag);
  void on_edge(const Tag& tag);

  std::string file_;
  std::string_view text_;
  Outline out_;
  std::vector<std::string> weight_keys_;                      // ids of keys named "weight"
  int weight_key_level_ = -1;                                 // depth of an open weight <key>
  std::unordered_map<std::string, std::size_t> declared_;     // node id -> offset
  std::vector<std::pair<std::string, std::size_t>> forward_;  // endpoints not yet declared
};

Outline Scanner::run() {
  std::size_t at = 0;
  Tag tag;
  int depth = 0;         // of the next element
  int graph_level = -1;  // depth of the first <graph>
  bool graph_open = false;
  int edge_level = -1;  // depth of an open <edge> of that graph
  bool root = true;
  while (next_tag(text_, at, tag)) {
    if (tag.closing) {
      --depth;
      if (depth == graph_level) graph_open = false;
      if (depth == edge_level) edge_level = -1;
      if (depth == weight_key_level_) weight_key_level_ = -1;
      continue;
    }
    const int level = depth;
    if (!tag.empty) ++depth;
    if (root && tag.name != "graphml") {
      flag(tag.offset, fmt::format("the root element is <{}>, not <graphml>", tag.name),
           "check that this is a GraphML file");
    }
    root = false;
    const bool child_of_graph = graph_open && level == graph_level + 1;
    if (tag.name == "key") {
      on_key(tag, level);
    } else if (tag.name == "default" && weight_key_level_ >= 0 && level == weight_key_level_ + 1) {
      out_.weight_default = content_offset(text_, tag);
    } else if (tag.name == "graph" && graph_level < 0) {
      graph_level = level;
      graph_open = !tag.empty;
      on_graph(tag);
    } else if (tag.name == "graph" && graph_open) {
      flag(tag.offset, "nested graphs are not supported",
           "move the nested graph's nodes and edges into the top-level graph");
    } else if (tag.name == "node" && child_of_graph) {
      on_node(tag);
    } else if (tag.name == "edge" && child_of_graph) {
      on_edge(tag);
      if (!tag.empty) edge_level = level;
    } else if (tag.name == "data" && edge_level >= 0 && level == edge_level + 1) {
      const auto key = attribute(tag, "key");
      if (key && std::find(weight_keys_.begin(), weight_keys_.end(), *key) != weight_keys_.end())
        out_.edges.back().weight = content_offset(text_, tag);
    }
  }
  if (root) flag(0, "the file has no <graphml> element", "check that this is a GraphML file");
  for (const auto& [id, offset] : forward_) {
    if (!declared_.contains(id)) {
      flag(offset, fmt::format("the edge names the node '{}', which is not declared", id),
           fmt::format("declare it with <node id=\"{}\"/> in the same graph, or correct the id",
                       id));
    }
  }
  return std::move(out_);
}

void Scanner::on_key(const Tag& tag, int level) {
  if (attribute(tag, "attr.name") != "weight") return;
  // Boost gives an edge any data whose key is named "weight", whatever the key's "for".
  weight_keys_.push_back(attribute(tag, "id").value_or(""));
  const auto kind = attribute(tag, "for");
  out_.declares_weight = out_.declares_weight || kind == "edge" || kind == "all";
  if (!tag.empty) weight_key_level_ = level;
}

void Scanner::on_graph(const Tag& tag) {
  const auto edgedefault = attribute(tag, "edgedefault");
  if (!edgedefault) {
    flag(tag.offset, "the graph does not say whether its edges are directed",
         "write <graph edgedefault=\"undirected\"> or edgedefault=\"directed\"");
  } else if (*edgedefault != "directed" && *edgedefault != "undirected") {
    flag(tag.offset, fmt::format("edgedefault is '{}'", *edgedefault),
         "write edgedefault=\"undirected\" or edgedefault=\"directed\"");
  }
  out_.directed = edgedefault == "directed";
}

void Scanner::on_node(const Tag& tag) {
  auto id = attribute(tag, "id");
  if (!id) {
    flag(tag.offset, "the node has no id", "write <node id=\"...\"/>");
    return;
  }
  const auto [first, inserted] = declared_.try_emplace(*id, tag.offset);
  if (inserted) {
    out_.labels.push_back(std::move(*id));
  } else if (!out_.issue) {
    flag(tag.offset,
         fmt::format("the node id '{}' is declared twice (first on line {})", *id,
                     locate(file_, text_, first->second).line),
         "give every node its own id");
  }
}

void Scanner::on_edge(const Tag& tag) {
  out_.edges.push_back({tag.offset});
  for (const char* end : {"source", "target"}) {
    auto id = attribute(tag, end);
    if (!id) {
      flag(tag.offset, fmt::format("the edge has no {} attribute", end),
           "write <edge source=\"a\" target=\"b\"/>");
    } else if (!declared_.contains(*id)) {
      forward_.emplace_back(std::move(*id), tag.offset);  // may be declared further down
    }
  }
  const auto directed = attribute(tag, "directed");
  if (directed && (*directed == "true") != out_.directed) {
    flag(tag.offset,
         fmt::format("the edge is {} but the graph's edgedefault is {}",
                     *directed == "true" ? "directed" : "undirected",
                     out_.directed ? "directed" : "undirected"),
         "a layer is either directed or undirected: drop the edge's directed attribute or make "
         "it agree with edgedefault");
  }
}

// Receives the graph from Boost's reader. Vertices are numbered in Boost's order and
// edges kept in document order; weights are parsed here, because Boost's property maps
// cannot take a weight declared int or long (as networkx writes integer weights).
class Collector final : public boost::mutate_graph {
 public:
  struct BadWeight {
    std::size_t edge;
    std::string value;
  };

  Collector(std::string file, bool directed) : file_(std::move(file)), directed_(directed) {}

  bool is_directed() const override { return directed_; }
  boost::any do_add_vertex() override {
    if (vertices_ == kMaxNodes) {
      throw InputError({file_}, fmt::format("more than {} nodes", kMaxNodes),
                       "split the network into smaller files");
    }
    return boost::any(vertices_++);
  }
  std::pair<boost::any, bool> do_add_edge(boost::any source, boost::any target) override {
    edges_.push_back({boost::any_cast<NodeId>(source), boost::any_cast<NodeId>(target)});
    return {boost::any(edges_.size() - 1), true};  // CsrLayer merges parallel edges
  }
  void set_graph_property(const std::string&, const std::string&, const std::string&) override {}
  void set_vertex_property(const std::string&, boost::any, const std::string&,
                           const std::string&) override {}
  void set_edge_property(const std::string& name, boost::any edge, const std::string& value,
                         const std::string&) override {
    if (name != "weight") return;
    const auto index = boost::any_cast<std::size_t>(edge);
    const auto weight = parse_weight(value);
    if (!weight) throw BadWeight{index, value};
    edges_[index].weight = *weight;
    weighted_ = true;
  }

  NodeId vertex_count() const { return vertices_; }
  const std::vector<EdgeRecord>& edges() const { return edges_; }
  bool weighted() const { return weighted_; }

 private:
  std::string file_;
  bool directed_;
  NodeId vertices_ = 0;
  std::vector<EdgeRecord> edges_;
  bool weighted_ = false;
};

// Where the bad weight `value` of edge `edge` is written: in the edge's <data>, or else
// in the key's <default> (Boost gives each edge the default before its own data).
std::size_t weight_offset(const Outline& outline, std::string_view text, std::size_t edge,
                          std::string_view value) {
  if (edge >= outline.edges.size()) return npos;
  const ScannedEdge& scanned = outline.edges[edge];
  if (scanned.weight != npos) {
    const std::string_view written = text.substr(scanned.weight);
    if (trim(written.substr(0, written.find('<'))) == value) return scanned.weight;
  }
  if (outline.weight_default != npos) return outline.weight_default;
  return scanned.weight != npos ? scanned.weight : scanned.offset;
}

}  // namespace

ImportedNetwork read_graphml(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::string text;
  {
    std::ifstream in = open_input(path);
    // The text, its copy in Boost's parser and the property tree it builds: measured 66
    // bytes per byte of file (a 22.9 MB file of 100,000 nodes and 300,000 weighted edges
    // peaked at 1.52 GB).
    std::error_code error;
    const auto bytes = std::filesystem::file_size(path, error);
    if (!error) {
      check_fits_in_memory(
          static_cast<double>(bytes) * kGraphmlBytesPerByte, {file},
          fmt::format("a GraphML file of {}", format_bytes(static_cast<double>(bytes))),
          "convert it to an edge list (read with far less memory) or run "
          "where more memory is available");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  Outline outline = Scanner(file, text).run();
  Collector graph(file, outline.directed);
  try {
    std::istringstream in(text);
    boost::read_graphml(in, graph, 0);
  } catch (const boost::property_tree::xml_parser_error& error) {
    throw InputError({file, static_cast<int>(error.line())},
                     fmt::format("the file is not well-formed XML: {}", error.message()),
                     "fix the markup at this line; an unclosed tag or quote, or a bare '<' or "
                     "'&', is the usual cause");
  } catch (const Collector::BadWeight& bad) {
    if (outline.issue) throw *outline.issue;
    const std::size_t offset = weight_offset(outline, text, bad.edge, bad.value);
    throw bad_weight(offset == npos ? SourceLocation{file} : locate(file, text, offset), bad.value);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& error) {
    if (outline.issue) throw *outline.issue;
    throw InputError({file}, fmt::format("Boost.Graph cannot read the GraphML: {}", error.what()),
                     "check the file against the GraphML format (graphml.graphdrawing.org)");
  }
  if (outline.issue) throw *outline.issue;
  if (graph.vertex_count() == 0) {
    throw InputError({file}, "the file declares no nodes",
                     "declare the nodes with <node id=\"...\"/> inside <graph>");
  }
  if (graph.vertex_count() != outline.labels.size() ||
      graph.edges().size() != outline.edges.size()) {
    throw InputError({file}, "cannot match the node ids to the nodes Boost.Graph read",
                     "write every <node> and <edge> as a plain child of the first <graph>");
  }
  ImportedNetwork network;
  network.layer =
      CsrLayer::from_edges(graph.vertex_count(), graph.edges(),
                           outline.directed ? Direction::directed : Direction::undirected,
                           outline.declares_weight || graph.weighted());
  network.labels = std::move(outline.labels);
  return network;
}

}  // namespace village
