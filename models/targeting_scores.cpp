// The centrality scores key-figure and parent targeting rank by (M5, M8, M19), from the
// network toolkit, and which end of a score a programme prefers.

#include "models/targeting_scores.hpp"

#include "analysis/network/betweenness.hpp"
#include "analysis/network/brokerage.hpp"
#include "analysis/network/degree_strength.hpp"
#include "analysis/network/spectral.hpp"

namespace village {

namespace {
constexpr std::uint64_t kBetweennessSources = 256;
}  // namespace

const std::vector<std::string>& centrality_rules() {
  static const std::vector<std::string> rules{"degree", "betweenness", "eigenvector", "pagerank",
                                              "brokers"};
  return rules;
}

std::vector<std::string> with_centrality_rules(std::vector<std::string> rules_before,
                                               const std::vector<std::string>& rules_after) {
  const auto& centralities = centrality_rules();
  rules_before.insert(rules_before.end(), centralities.begin(), centralities.end());
  rules_before.insert(rules_before.end(), rules_after.begin(), rules_after.end());
  return rules_before;
}

std::optional<RuleScores> centrality_scores(const CsrLayer& graph, std::string_view rule,
                                            const RandomStream& stream) {
  if (rule == "degree") return RuleScores{network::degrees(graph), true};
  if (rule == "betweenness")
    return RuleScores{network::sampled_betweenness(graph, kBetweennessSources, stream).values,
                      true};
  if (rule == "eigenvector") return RuleScores{network::eigenvector_centrality(graph).values, true};
  if (rule == "pagerank") return RuleScores{network::pagerank(graph).values, true};
  if (rule == "brokers") return RuleScores{network::brokerage(graph).constraint, false};
  return std::nullopt;
}

}  // namespace village
