// The rules that choose the key figures a programme enrols (M5; Valente 2012; ODD
// 7.26), on the network as it is in the choosing week.

#include "models/parent_support/key_figure_targeting.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <span>
#include <stdexcept>

#include "analysis/network/influence_maximisation.hpp"
#include "analysis/network/key_figure_selection.hpp"
#include "models/community_schema.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "models/targeting_scores.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kTargeting = purpose("ps.key_figure.targeting");
constexpr double kCascadeProbability = 0.05;
constexpr std::uint32_t kCascadeSamples = 100;

// Parents and key figures in one undirected graph over all agents.
CsrLayer parents_and_key_figures(const World& world, const CommunityView& view) {
  const CsrLayer& friends = world.layer(std::string(community::layer::family_friends));
  const CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
  std::vector<EdgeRecord> edges;
  edges.reserve(friends.arc_count() / 2 + figures.arc_count() / 2);
  for (NodeId a = view.parents.begin; a < view.parents.end; ++a) {
    for (NodeId b : friends.neighbours(a)) {
      if (a < b && b < view.parents.end) edges.push_back({a, b});
    }
  }
  for (NodeId k = view.key_figures.begin; k < view.key_figures.end; ++k) {
    for (NodeId parent : figures.neighbours(k))
      edges.push_back({parent, k});
  }
  return CsrLayer::from_edges(friends.node_count(), edges, Direction::undirected);
}

// Key-figure indices by their scores, then the smaller index.
std::vector<NodeId> by_score(const CommunityView& view, const RuleScores& scores) {
  std::vector<NodeId> order(view.key_figures.size());
  std::iota(order.begin(), order.end(), NodeId{0});
  const std::size_t first = view.key_figures.begin;
  std::stable_sort(order.begin(), order.end(),
                   [&](NodeId a, NodeId b) { return ranks_before(scores, first + a, first + b); });
  return order;
}

std::vector<NodeId> key_figures_among(const CommunityView& view, const std::vector<NodeId>& nodes) {
  std::vector<NodeId> chosen;
  for (NodeId v : nodes) {
    if (v >= view.key_figures.begin && v < view.key_figures.end)
      chosen.push_back(v - view.key_figures.begin);
  }
  return chosen;
}

}  // namespace

const std::vector<std::string>& key_figure_rules() {
  static const std::vector<std::string> rules = with_centrality_rules(
      {"all", "random", "vulnerable_first"},
      {"one_per_community", "friend_nomination", "greedy_influence", "referents"});
  return rules;
}

std::vector<NodeId> choose_key_figures(const World& world, const CommunityView& view,
                                       const std::string& rule, std::size_t capacity,
                                       const RandomStream& rng, std::uint64_t week) {
  const NodeId count = view.key_figures.size();
  std::vector<NodeId> chosen;
  if (rule == "all" || capacity == 0 || capacity >= count) {
    chosen.resize(count);
    std::iota(chosen.begin(), chosen.end(), NodeId{0});
    if (rule == "all" || capacity == 0) return chosen;
  }
  // A stream of its own for the toolkit's randomised rules, fixed by (run, week).
  const RandomStream stream(rng.bits(week, 0, kTargeting, 0), rng.bits(week, 0, kTargeting, 1));
  const CsrLayer graph = parents_and_key_figures(world, view);
  if (rule == "random") {
    chosen.resize(count);
    std::iota(chosen.begin(), chosen.end(), NodeId{0});
    DrawSequence draws(stream, week, 0, kTargeting);
    for (std::size_t i = 0; i < std::min<std::size_t>(capacity, count); ++i)
      std::swap(chosen[i], chosen[i + draws.below(count - i)]);
  } else if (rule == "vulnerable_first") {
    std::vector<double> score(graph.node_count(), 0.0);
    for (NodeId k = view.key_figures.begin; k < view.key_figures.end; ++k) {
      for (NodeId v : graph.neighbours(k))
        score[k] += v < view.parents.end && view.vulnerable[v - view.parents.begin];
    }
    chosen = by_score(view, {score, true});
  } else if (const auto scores = centrality_scores(graph, rule, stream)) {
    chosen = by_score(view, *scores);
  } else if (rule == "one_per_community") {
    // Ties to parents of other communities; the best of each community first, in order
    // of that score, then the rest by it.
    std::vector<double> bridging(graph.node_count(), 0.0);
    for (NodeId k = view.key_figures.begin; k < view.key_figures.end; ++k) {
      for (NodeId v : graph.neighbours(k)) {
        bridging[k] +=
            v < view.parents.end && view.parent_community[v - view.parents.begin] !=
                                        view.key_figure_community[k - view.key_figures.begin];
      }
    }
    const std::vector<NodeId> ranked = by_score(view, {bridging, true});
    std::map<std::int32_t, bool> taken;
    std::vector<NodeId> rest;
    for (NodeId k : ranked) {
      if (!taken[view.key_figure_community[k]]) {
        taken[view.key_figure_community[k]] = true;
        chosen.push_back(k);
      } else {
        rest.push_back(k);
      }
    }
    chosen.insert(chosen.end(), rest.begin(), rest.end());
  } else if (rule == "friend_nomination") {
    // Parents name key figures: arcs parent -> key figure only.
    std::vector<EdgeRecord> arcs;
    const CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
    for (NodeId k = view.key_figures.begin; k < view.key_figures.end; ++k) {
      for (NodeId parent : figures.neighbours(k))
        arcs.push_back({parent, k});
    }
    const CsrLayer naming = CsrLayer::from_edges(graph.node_count(), arcs, Direction::directed);
    chosen = key_figures_among(view, network::friend_nomination(naming, capacity, stream));
  } else if (rule == "referents") {
    // Social referents (Paluck et al. 2016): those whose view parents attend to, scored by
    // the trust parents have in them, summed over the parents who know them (each tie
    // counts 1 in a world the model has not yet given trust).
    const CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
    const bool has_trust = figures.has_attribute(kTrust);
    const std::span<const float> trust =
        has_trust ? figures.attribute(kTrust) : std::span<const float>{};
    std::vector<double> score(graph.node_count(), 0.0);
    for (NodeId k = view.key_figures.begin; k < view.key_figures.end; ++k) {
      for (NodeId parent : figures.neighbours(k))  // the parent's trust in k
        score[k] += has_trust ? trust[find_arc(figures, parent, k)] : 1.0;
    }
    chosen = by_score(view, {score, true});
  } else if (rule == "greedy_influence") {
    network::CelfOptions options;
    options.k = capacity;
    options.probability = kCascadeProbability;
    options.samples = kCascadeSamples;
    for (NodeId k = view.key_figures.begin; k < view.key_figures.end; ++k)
      options.candidates.push_back(k);
    chosen = key_figures_among(view, network::celf(graph, options, stream).seeds);
  } else {
    throw std::invalid_argument("unknown key-figure targeting rule: " + rule);
  }
  if (chosen.size() > capacity) chosen.resize(capacity);
  return chosen;
}

}  // namespace village::parent_support
