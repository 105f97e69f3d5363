#include "analysis/network/key_figure_selection.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace village::network {

namespace {

template <typename Better>
std::vector<NodeId> best_k(const Scores& scores, std::size_t k, Better better) {
  std::vector<NodeId> nodes;
  nodes.reserve(scores.size());
  for (NodeId v = 0; v < scores.size(); ++v)
    if (!std::isnan(scores[v])) nodes.push_back(v);
  k = std::min(k, nodes.size());
  const auto order = [&](NodeId a, NodeId b) {
    if (scores[a] != scores[b]) return better(scores[a], scores[b]);
    return a < b;
  };
  std::partial_sort(nodes.begin(), nodes.begin() + static_cast<std::ptrdiff_t>(k), nodes.end(),
                    order);
  nodes.resize(k);
  return nodes;
}

}  // namespace

std::vector<NodeId> top_k(const Scores& scores, std::size_t k) {
  return best_k(scores, k, [](double a, double b) { return a > b; });
}

std::vector<NodeId> lowest_k(const Scores& scores, std::size_t k) {
  return best_k(scores, k, [](double a, double b) { return a < b; });
}

std::vector<NodeId> one_per_community(const CsrLayer& layer,
                                      const std::vector<std::uint32_t>& membership) {
  std::uint32_t count = 0;
  for (std::uint32_t c : membership)
    count = std::max(count, c + 1);
  constexpr NodeId none = kMaxNodes + 1;
  std::vector<NodeId> chosen(count, none);
  std::vector<std::uint32_t> chosen_cross(count, 0);
  for (NodeId v = 0; v < layer.node_count(); ++v) {
    std::uint32_t cross = 0;
    for (NodeId u : layer.neighbours(v))
      cross += membership[u] != membership[v] ? 1 : 0;
    const std::uint32_t c = membership[v];
    const NodeId current = chosen[c];
    // Nodes come in increasing order, so strict comparisons keep the smaller id on ties.
    if (current == none || cross > chosen_cross[c] ||
        (cross == chosen_cross[c] && layer.degree(v) > layer.degree(current))) {
      chosen[c] = v;
      chosen_cross[c] = cross;
    }
  }
  std::erase(chosen, none);
  return chosen;
}

std::vector<NodeId> friend_nomination(const CsrLayer& layer, std::size_t k,
                                      const RandomStream& rng) {
  const NodeId n = layer.node_count();
  std::vector<NodeId> asked(n);
  std::iota(asked.begin(), asked.end(), NodeId{0});
  DrawSequence order_draws(rng, 0, 0, purpose("analysis.friend_nomination.order"));
  for (NodeId i = n; i > 1; --i)  // Fisher-Yates
    std::swap(asked[i - 1], asked[order_draws.below(i)]);
  DrawSequence pick_draws(rng, 0, 0, purpose("analysis.friend_nomination.pick"));
  std::vector<char> named(n, 0);
  std::vector<NodeId> result;
  for (NodeId person : asked) {
    if (result.size() >= k) break;
    const auto friends = layer.neighbours(person);
    if (friends.empty()) continue;
    const NodeId nominee = friends[pick_draws.below(friends.size())];
    if (!named[nominee]) {
      named[nominee] = 1;
      result.push_back(nominee);
    }
  }
  return result;
}

}  // namespace village::network
