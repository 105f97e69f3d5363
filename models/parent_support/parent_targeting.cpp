// The rules that order whom parent groups invite and volunteers buddy (M8, M12, M19;
// Valente 2012; ODD 7.27).

#include "models/parent_support/parent_targeting.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <stdexcept>

#include "analysis/network/influence_maximisation.hpp"
#include "analysis/network/key_figure_selection.hpp"
#include "models/community_schema.hpp"
#include "models/targeting_scores.hpp"

namespace village::parent_support {

namespace {

constexpr double kCascadeProbability = 0.05;
constexpr std::uint32_t kCascadeSamples = 100;
constexpr std::size_t kMostSeeds = 4096;

// The support ties among parents (family-and-friends arcs of strength at least
// threshold), on parent indices. A layer without strengths (before the model adds them)
// counts every arc.
CsrLayer parent_graph(const World& world, const CommunityView& view, double threshold) {
  const CsrLayer& friends = world.layer(std::string(community::layer::family_friends));
  const auto strength =
      friends.has_attribute("strength") ? friends.attribute("strength") : std::span<const float>{};
  std::vector<EdgeRecord> edges;
  edges.reserve(friends.arc_count() / 2);
  for (NodeId a = view.parents.begin; a < view.parents.end; ++a) {
    for (ArcIndex arc = friends.first_arc(a); arc < friends.end_arc(a); ++arc) {
      const NodeId b = friends.targets()[arc];
      if (a < b && b < view.parents.end && (strength.empty() || strength[arc] >= threshold))
        edges.push_back({a - view.parents.begin, b - view.parents.begin});
    }
  }
  return CsrLayer::from_edges(view.parents.size(), edges, Direction::undirected);
}

// The nodes listed first, then the rest of base, each once.
std::vector<NodeId> listed_first(const std::vector<NodeId>& listed,
                                 const std::vector<NodeId>& base) {
  std::vector<std::uint8_t> taken(base.size(), 0);
  std::vector<NodeId> order;
  order.reserve(base.size());
  for (NodeId v : listed) {
    if (!taken[v]) {
      taken[v] = 1;
      order.push_back(v);
    }
  }
  for (NodeId v : base) {
    if (!taken[v]) order.push_back(v);
  }
  return order;
}

}  // namespace

const std::vector<std::string>& parent_rules() {
  static const std::vector<std::string> rules =
      with_centrality_rules({"random", "vulnerable_first", "isolated_first"},
                            {"one_per_community", "friend_nomination", "greedy_influence"});
  return rules;
}

std::vector<std::uint32_t> rank_parents(const World& world, const CommunityView& view,
                                        const ParentRanking& ranking, const RandomStream& rng,
                                        std::uint64_t week) {
  const NodeId parents = view.parents.size();
  const std::string& rule = ranking.rule;
  const std::uint64_t purpose = ranking.purpose;
  // A stream of the programme's own, fixed by (run, week, purpose).
  const RandomStream stream(rng.bits(week, 0, purpose, 0), rng.bits(week, 0, purpose, 1));
  std::vector<NodeId> order(parents);
  std::iota(order.begin(), order.end(), NodeId{0});
  DrawSequence draws(stream, week, 0, purpose);
  for (NodeId i = 0; i + 1 < parents; ++i)
    std::swap(order[i], order[i + draws.below(parents - i)]);
  const auto sort_by = [&](const RuleScores& scores) {
    std::stable_sort(order.begin(), order.end(),
                     [&](NodeId a, NodeId b) { return ranks_before(scores, a, b); });
  };
  if (rule != "random") {
    const CsrLayer graph = parent_graph(world, view, ranking.support_threshold);
    if (rule == "vulnerable_first") {
      sort_by({std::vector<double>(view.vulnerability.begin(), view.vulnerability.end()), true});
    } else if (rule == "isolated_first") {
      std::vector<double> ties(parents);
      for (NodeId p = 0; p < parents; ++p)
        ties[p] = static_cast<double>(graph.degree(p));
      sort_by({ties, false});
    } else if (const auto scores = centrality_scores(graph, rule, stream)) {
      sort_by(*scores);
    } else if (rule == "one_per_community") {
      std::vector<double> bridging(parents, 0.0);
      for (NodeId p = 0; p < parents; ++p) {
        for (NodeId q : graph.neighbours(p))
          bridging[p] += view.parent_community[q] != view.parent_community[p];
      }
      sort_by({bridging, true});
    } else if (rule == "friend_nomination") {
      order = listed_first(network::friend_nomination(graph, parents, stream), order);
    } else if (rule == "greedy_influence") {
      network::CelfOptions options;
      options.candidates = ranking.candidates;
      const std::size_t pool = options.candidates.empty() ? parents : options.candidates.size();
      options.k = std::min<std::size_t>({ranking.wanted, kMostSeeds, pool});
      options.probability = kCascadeProbability;
      options.samples = kCascadeSamples;
      if (options.k > 0) order = listed_first(network::celf(graph, options, stream).seeds, order);
    } else {
      throw std::invalid_argument("unknown parent targeting rule: " + rule);
    }
  }
  std::vector<std::uint32_t> position(parents);
  for (NodeId i = 0; i < parents; ++i)
    position[order[i]] = i;
  return position;
}

void order_pool(std::vector<NodeId>& pool, const std::vector<std::uint32_t>& position,
                const std::string& rule, const CommunityView& view) {
  std::sort(pool.begin(), pool.end(),
            [&](NodeId a, NodeId b) { return position[a] < position[b]; });
  if (rule != "one_per_community") return;
  // Turn of each parent: how many of its community come before it.
  std::map<std::int32_t, std::uint32_t> seen;
  std::vector<std::pair<std::uint32_t, NodeId>> turns;
  turns.reserve(pool.size());
  for (NodeId p : pool)
    turns.emplace_back(seen[view.parent_community[p]]++, p);
  std::stable_sort(turns.begin(), turns.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < pool.size(); ++i)
    pool[i] = turns[i].second;
}

}  // namespace village::parent_support
