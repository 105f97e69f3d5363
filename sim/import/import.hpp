#pragma once
// Network import. Every reader reports a bad line as an InputError with
// file:line:column, says what is wrong and how to fix it, and builds nothing on error.

#include <filesystem>
#include <string>
#include <vector>

#include "sim/affiliation.hpp"
#include "sim/csr_layer.hpp"

namespace village {

struct ImportedNetwork {
  CsrLayer layer;
  std::vector<std::string> labels;  // label of node i, in order of first appearance
};

struct EdgeListOptions {
  Direction direction = Direction::undirected;
  // ',' for CSV, 0 for any run of spaces and tabs.
  char delimiter = 0;
  // The first non-comment line names the columns (source,target[,weight]).
  bool header = false;
  // Keep the third column as the edge attribute "weight" (default 1 where absent).
  bool weighted = false;
};

// Edge list: one edge per line, "source target [weight]"; '#' starts a comment; blank
// lines are skipped. Node labels are any text without the delimiter. Duplicate edges
// keep the first occurrence.
ImportedNetwork read_edge_list(const std::filesystem::path& path, const EdgeListOptions& options);

// GraphML (via Boost.Graph's reader). Node ids become labels; an edge attribute named
// "weight" (if declared) becomes the "weight" attribute.
ImportedNetwork read_graphml(const std::filesystem::path& path);

struct AffiliationOptions {
  char delimiter = 0;  // as in EdgeListOptions
  bool header = false;
  ProjectionWeight weight = ProjectionWeight::count;
};

// Bipartite affiliation list: "person affiliation" per line (person-event,
// person-organisation). Returns the weighted one-mode projection on persons: two
// persons are linked when they share an affiliation, with attribute "weight".
ImportedNetwork read_affiliation_projection(const std::filesystem::path& path,
                                            const AffiliationOptions& options);

}  // namespace village
