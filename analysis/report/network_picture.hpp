#pragma once
// A picture of one replicate's network for report.html: a readable subgraph of a
// world at the end of a run, laid out with Boost.Graph's Fruchterman-Reingold
// force-directed layout (Fruchterman & Reingold 1991, Softw. Pract. Exp. 21:1129) and
// drawn as inline SVG.
//
// It reads the world only through its roles (WorldRoles, sim/world.hpp): parents are
// the members kind, professionals the helpers, key figures the bridges; family_friends,
// caseload and key_figures are the social, service and bridge layers; the neighbourhood
// and vulnerability are the area and vulnerable columns. (A synthesised community,
// scenarios/community, names these roles.)
//
// The subgraph: up to `most_parents` parents of one neighbourhood, grown breadth-first
// along their family_friends ties from a parent who knows a key figure, plus the
// professionals (caseload) and key figures (key_figures layer) they are tied to.
// Parents are coloured by their highest trust in a professional (grey: no professional
// tie); key figures are drawn as diamonds, professionals as squares.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/world.hpp"

namespace village {

struct PictureNode {
  enum class Kind { parent, professional, key_figure };
  Kind kind = Kind::parent;
  NodeId agent = 0;
  double trust = -1;  // parents: highest trust in a professional (-1: no professional tie)
  bool vulnerable = false;
  double x = 0, y = 0;  // after layout, in [0, 1]
};

struct PictureEdge {
  enum class Kind { family_friends, caseload, key_figure };
  std::size_t a = 0, b = 0;  // node indices
  Kind kind = Kind::family_friends;
  double trust = 0;  // caseload and key_figure: the parent's trust on the tie
};

struct NetworkPicture {
  std::vector<PictureNode> nodes;
  std::vector<PictureEdge> edges;
  int neighbourhood = 0;
  double reach_threshold = 0.6;
};

struct PictureOptions {
  std::size_t most_parents = 120;
  std::size_t most_professionals = 12;
  std::size_t most_key_figures = 10;
  int neighbourhood = 0;
  double reach_threshold = 0.6;  // trust at which a parent counts as reached
};

// The subgraph of a world whose roles name the members, helpers and bridges kinds and
// the social, service and bridge layers, all present (the area and vulnerable columns
// are optional: without them, every parent is in the neighbourhood and none is
// vulnerable). O(n + m) over the chosen parents' ties. Empty when a role is missing.
NetworkPicture extract_network_picture(const World& world, const PictureOptions& options);

// Positions in [0, 1]^2: random start from `seed`, then Fruchterman-Reingold
// (deterministic for a seed). O(iterations * n^2).
void layout_network_picture(NetworkPicture& picture, std::uint32_t seed);

// The picture as an <svg> with a legend; `title` is escaped.
std::string network_picture_svg(const NetworkPicture& picture, const std::string& title);

// Red (0) through yellow to green (1); grey for a negative value.
std::string trust_colour(double trust);

}  // namespace village
