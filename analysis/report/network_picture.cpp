#include "analysis/report/network_picture.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>
#include <deque>
#include <map>

#include "analysis/report/html_escape.hpp"

namespace village {

namespace {

bool has_kind(const Population& population, const std::string& name) {
  if (name.empty()) return false;
  for (const KindRange& kind : population.kinds())
    if (kind.name == name) return true;
  return false;
}

bool has_layer(const World& world, const std::string& name) {
  return !name.empty() && world.layers.count(name) != 0;
}

// The real column `name`, or null when the world names none or has none.
const std::vector<double>* optional_column(const Population& population, const std::string& name) {
  return !name.empty() && population.has_real_column(name) ? &population.real_column(name)
                                                           : nullptr;
}

// The `most` agents of `range` with the most ties to chosen parents.
std::vector<NodeId> most_tied(const std::map<NodeId, std::size_t>& ties, std::size_t most) {
  std::vector<std::pair<std::size_t, NodeId>> order;
  for (const auto& [agent, count] : ties)
    order.emplace_back(count, agent);
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<NodeId> chosen;
  for (std::size_t i = 0; i < order.size() && i < most; ++i)
    chosen.push_back(order[i].second);
  return chosen;
}

}  // namespace

std::string trust_colour(double trust) {
  if (trust < 0) return "#bbbbbb";
  const double t = std::clamp(trust, 0.0, 1.0);
  // #d7301f (low) -> #fdd835 (middle) -> #1a9850 (high).
  const auto mix = [](double a, double b, double s) {
    return static_cast<int>(std::lround(a + (b - a) * s));
  };
  if (t < 0.5) {
    const double s = t / 0.5;
    return fmt::format("#{:02x}{:02x}{:02x}", mix(0xd7, 0xfd, s), mix(0x30, 0xd8, s),
                       mix(0x1f, 0x35, s));
  }
  const double s = (t - 0.5) / 0.5;
  return fmt::format("#{:02x}{:02x}{:02x}", mix(0xfd, 0x1a, s), mix(0xd8, 0x98, s),
                     mix(0x35, 0x50, s));
}

NetworkPicture extract_network_picture(const World& world, const PictureOptions& options) {
  NetworkPicture picture;
  picture.neighbourhood = options.neighbourhood;
  picture.reach_threshold = options.reach_threshold;
  const Population& population = world.population;
  const WorldRoles& roles = world.roles;
  if (!has_kind(population, roles.members) || !has_kind(population, roles.helpers) ||
      !has_kind(population, roles.bridges) || !has_layer(world, roles.social_layer) ||
      !has_layer(world, roles.service_layer) || !has_layer(world, roles.bridge_layer))
    return picture;
  const KindRange& parents = population.kind(roles.members);
  const KindRange& professionals = population.kind(roles.helpers);
  const KindRange& figures = population.kind(roles.bridges);
  const CsrLayer& friends = world.layer(roles.social_layer);
  const CsrLayer& caseload = world.layer(roles.service_layer);
  const CsrLayer& key_figures = world.layer(roles.bridge_layer);
  const auto case_trust =
      caseload.has_attribute("trust") ? caseload.attribute("trust") : std::span<const float>{};
  const auto figure_trust = key_figures.has_attribute("trust") ? key_figures.attribute("trust")
                                                               : std::span<const float>{};
  const std::vector<double>* neighbourhood = optional_column(population, roles.area_column);
  const std::vector<double>* vulnerable = optional_column(population, roles.vulnerable_column);
  const auto in_area = [&](NodeId v) {
    return v >= parents.begin && v < parents.end &&
           (neighbourhood == nullptr ||
            static_cast<int>((*neighbourhood)[v]) == options.neighbourhood);
  };

  // Parents: breadth-first along family_friends, starting from parents who know a key
  // figure, staying in the neighbourhood.
  std::vector<NodeId> chosen;
  std::map<NodeId, std::size_t> index;
  std::deque<NodeId> queue;
  const auto take = [&](NodeId v) {
    if (index.count(v) != 0 || chosen.size() >= options.most_parents) return;
    index[v] = chosen.size();
    chosen.push_back(v);
    queue.push_back(v);
  };
  for (int pass = 0; pass < 2 && chosen.size() < options.most_parents; ++pass) {
    for (NodeId v = parents.begin; v < parents.end && chosen.size() < options.most_parents; ++v) {
      if (!in_area(v) || index.count(v) != 0) continue;
      if (pass == 0 && key_figures.degree(v) == 0) continue;
      take(v);
      while (!queue.empty() && chosen.size() < options.most_parents) {
        const NodeId u = queue.front();
        queue.pop_front();
        for (NodeId w : friends.neighbours(u))
          if (in_area(w)) take(w);
      }
      queue.clear();
      if (pass == 0 && chosen.size() >= options.most_parents / 2) break;
    }
  }

  std::map<NodeId, std::size_t> professional_ties;
  std::map<NodeId, std::size_t> figure_ties;
  for (NodeId v : chosen) {
    for (NodeId w : caseload.neighbours(v))
      if (w >= professionals.begin && w < professionals.end) ++professional_ties[w];
    for (NodeId w : key_figures.neighbours(v))
      if (w >= figures.begin && w < figures.end) ++figure_ties[w];
  }
  for (NodeId v : chosen) {
    PictureNode node;
    node.agent = v;
    node.vulnerable = vulnerable != nullptr && (*vulnerable)[v] != 0;
    for (ArcIndex a = caseload.first_arc(v); a < caseload.end_arc(v); ++a)
      if (!case_trust.empty()) node.trust = std::max<double>(node.trust, case_trust[a]);
    picture.nodes.push_back(node);
  }
  for (NodeId p : most_tied(professional_ties, options.most_professionals)) {
    index[p] = picture.nodes.size();
    picture.nodes.push_back({.kind = PictureNode::Kind::professional, .agent = p});
  }
  for (NodeId k : most_tied(figure_ties, options.most_key_figures)) {
    index[k] = picture.nodes.size();
    picture.nodes.push_back({.kind = PictureNode::Kind::key_figure, .agent = k});
  }
  for (NodeId v : chosen) {
    const std::size_t a = index[v];
    for (NodeId w : friends.neighbours(v)) {
      const auto it = index.find(w);
      if (it != index.end() && w > v && it->second < chosen.size())
        picture.edges.push_back({a, it->second, PictureEdge::Kind::family_friends, 0});
    }
    for (ArcIndex arc = caseload.first_arc(v); arc < caseload.end_arc(v); ++arc) {
      const auto it = index.find(caseload.targets()[arc]);
      if (it != index.end() && it->second >= chosen.size())
        picture.edges.push_back({a, it->second, PictureEdge::Kind::caseload,
                                 case_trust.empty() ? 0.0 : case_trust[arc]});
    }
    for (ArcIndex arc = key_figures.first_arc(v); arc < key_figures.end_arc(v); ++arc) {
      const auto it = index.find(key_figures.targets()[arc]);
      if (it != index.end() && it->second >= chosen.size())
        picture.edges.push_back({a, it->second, PictureEdge::Kind::key_figure,
                                 figure_trust.empty() ? 0.0 : figure_trust[arc]});
    }
  }
  return picture;
}

void layout_network_picture(NetworkPicture& picture, std::uint32_t seed) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  using Topology = boost::square_topology<boost::minstd_rand>;
  const std::size_t n = picture.nodes.size();
  if (n == 0) return;
  Graph graph(n);
  for (const PictureEdge& e : picture.edges)
    boost::add_edge(e.a, e.b, graph);
  boost::minstd_rand generator(seed == 0 ? 1u : seed);
  const double side = 1000.0;
  Topology topology(generator, side);
  std::vector<Topology::point_type> positions(n);
  auto position =
      boost::make_iterator_property_map(positions.begin(), boost::get(boost::vertex_index, graph));
  boost::random_graph_layout(graph, position, topology);
  boost::fruchterman_reingold_force_directed_layout(
      graph, position, topology, boost::cooling(boost::linear_cooling<double>(200)));
  double x_low = positions[0][0], x_high = x_low, y_low = positions[0][1], y_high = y_low;
  for (const auto& p : positions) {
    x_low = std::min(x_low, p[0]);
    x_high = std::max(x_high, p[0]);
    y_low = std::min(y_low, p[1]);
    y_high = std::max(y_high, p[1]);
  }
  const double w = std::max(x_high - x_low, 1e-9);
  const double h = std::max(y_high - y_low, 1e-9);
  for (std::size_t i = 0; i < n; ++i) {
    picture.nodes[i].x = (positions[i][0] - x_low) / w;
    picture.nodes[i].y = (positions[i][1] - y_low) / h;
  }
}

std::string network_picture_svg(const NetworkPicture& picture, const std::string& title) {
  const double width = 680, height = 520, margin = 24, legend_height = 70;
  const double plot = height - legend_height;
  const auto px = [&](double x) { return margin + x * (width - 2 * margin); };
  const auto py = [&](double y) { return margin + 14 + y * (plot - 2 * margin - 14); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" class=\"chart network\" font-family=\"sans-serif\" "
      "font-size=\"12\"><title>{2}</title>\n<text x=\"{3}\" y=\"18\" font-size=\"14\" "
      "font-weight=\"bold\">{2}</text>\n",
      width, height, escape_html(title), margin);
  for (const PictureEdge& e : picture.edges) {
    const PictureNode& a = picture.nodes[e.a];
    const PictureNode& b = picture.nodes[e.b];
    std::string style;
    switch (e.kind) {
      case PictureEdge::Kind::family_friends:
        style = "stroke=\"#c8c8c8\" stroke-width=\"0.8\"";
        break;
      case PictureEdge::Kind::caseload:
        style = fmt::format("stroke=\"{}\" stroke-width=\"{:.1f}\" stroke-opacity=\"0.7\"",
                            trust_colour(e.trust), e.trust >= picture.reach_threshold ? 1.8 : 0.8);
        break;
      case PictureEdge::Kind::key_figure:
        style = "stroke=\"#6a3d9a\" stroke-width=\"0.9\" stroke-dasharray=\"3 2\"";
        break;
    }
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" {}/>\n",
                       px(a.x), py(a.y), px(b.x), py(b.y), style);
  }
  for (const PictureNode& node : picture.nodes) {
    const double x = px(node.x), y = py(node.y);
    switch (node.kind) {
      case PictureNode::Kind::parent:
        svg += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" "
            "stroke-width=\"{}\"/>\n",
            x, y, node.vulnerable ? 5 : 4, trust_colour(node.trust),
            node.vulnerable ? "#000" : "#555", node.vulnerable ? 1.5 : 0.5);
        break;
      case PictureNode::Kind::professional:
        svg += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"#0072B2\" "
            "stroke=\"#fff\"/>\n",
            x - 6, y - 6);
        break;
      case PictureNode::Kind::key_figure:
        svg += fmt::format(
            "<polygon class=\"key-figure\" points=\"{0:.1f},{1:.1f} {2:.1f},{3:.1f} "
            "{0:.1f},{4:.1f} {5:.1f},{3:.1f}\" fill=\"#6a3d9a\" stroke=\"#fff\"/>\n",
            x, y - 8, x + 8, y, y + 8, x - 8);
        break;
    }
  }
  // Legend.
  const double ly = height - legend_height + 16;
  svg += fmt::format(
      "<g class=\"legend\"><circle cx=\"{0}\" cy=\"{1}\" r=\"4\" fill=\"{2}\"/><text x=\"{3}\" "
      "y=\"{4}\">parent, low trust</text>"
      "<circle cx=\"{5}\" cy=\"{1}\" r=\"4\" fill=\"{6}\"/><text x=\"{7}\" y=\"{4}\">high "
      "trust (reached)</text>"
      "<circle cx=\"{8}\" cy=\"{1}\" r=\"4\" fill=\"#bbbbbb\"/><text x=\"{9}\" y=\"{4}\">no "
      "professional tie</text>"
      "<circle cx=\"{0}\" cy=\"{10}\" r=\"5\" fill=\"#fff\" stroke=\"#000\" "
      "stroke-width=\"1.5\"/><text x=\"{3}\" y=\"{11}\">vulnerable parent (black ring)</text>"
      "<rect x=\"{12}\" y=\"{13}\" width=\"12\" height=\"12\" fill=\"#0072B2\"/><text "
      "x=\"{7}\" y=\"{11}\">professional</text>"
      "<polygon points=\"{8},{14} {15},{10} {8},{16} {17},{10}\" fill=\"#6a3d9a\"/><text "
      "x=\"{9}\" y=\"{11}\">key figure (dashed: its parents)</text></g>\n",
      margin + 6, ly, trust_colour(0.1), margin + 16, ly + 4, margin + 200, trust_colour(0.9),
      margin + 210, margin + 400, margin + 410, ly + 22, ly + 26, margin + 194, ly + 16, ly + 14,
      margin + 408, ly + 30, margin + 392);
  return svg + "</svg>\n";
}

}  // namespace village
