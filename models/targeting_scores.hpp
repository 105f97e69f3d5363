#pragma once
// The centrality rules that key-figure targeting, parent targeting and the contagion
// models' seeding (seeding.hpp) share: a score of
// the network toolkit (analysis/network) per node, and which end of it a programme
// prefers.
//   degree       ties (higher first)
//   betweenness  Brandes (2001), estimated from 256 sampled sources with the error bound
//                of analysis/network/betweenness.hpp (higher first)
//   eigenvector  Bonacich (1972) (higher first)
//   pagerank     damping 0.85, Brin & Page (1998) (higher first)
//   brokers      Burt (1992) constraint (lower first: ties into otherwise unconnected
//                circles); isolated nodes have none (NaN) and come last

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/rng.hpp"

namespace village {

struct RuleScores {
  std::vector<double> values;  // per node; NaN: no score (ranked last)
  bool highest_first = true;
};

// The names above, in that order.
const std::vector<std::string>& centrality_rules();
// rules_before, then centrality_rules(), then rules_after.
std::vector<std::string> with_centrality_rules(std::vector<std::string> rules_before,
                                               const std::vector<std::string>& rules_after);

// The scores of a centrality rule above on graph; nullopt for any other rule.
std::optional<RuleScores> centrality_scores(const CsrLayer& graph, std::string_view rule,
                                            const RandomStream& stream);

// Whether node a comes before node b by the scores (NaN last; equal: neither).
inline bool ranks_before(const RuleScores& scores, std::size_t a, std::size_t b) {
  const double x = scores.values[a], y = scores.values[b];
  if (x != x || y != y) return x == x && y != y;  // NaN last
  return scores.highest_first ? x > y : x < y;
}

}  // namespace village
