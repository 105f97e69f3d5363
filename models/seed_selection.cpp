// The seeding rules of the classic models (seeding.hpp), on the network toolkit's
// selection code, the code that chooses key figures.

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "analysis/network/betweenness.hpp"
#include "analysis/network/communities.hpp"
#include "analysis/network/graph_input.hpp"
#include "analysis/network/influence_maximisation.hpp"
#include "analysis/network/kcore.hpp"
#include "analysis/network/key_figure_selection.hpp"
#include "models/seeding.hpp"
#include "models/targeting_scores.hpp"

namespace village {

namespace {

constexpr NodeId kExactBetweennessNodes = 256;  // the sampled rule's source count
constexpr double kDefaultCascadeProbability = 0.1;

// The `count` best agents by the scores (NaN last), ties by the smaller id.
std::vector<NodeId> best_by(const RuleScores& scores, NodeId count) {
  std::vector<NodeId> order(scores.values.size());
  std::iota(order.begin(), order.end(), NodeId{0});
  count = std::min<NodeId>(count, static_cast<NodeId>(order.size()));
  std::partial_sort(order.begin(), order.begin() + count, order.end(), [&](NodeId a, NodeId b) {
    if (ranks_before(scores, a, b)) return true;
    if (ranks_before(scores, b, a)) return false;
    return a < b;
  });
  order.resize(count);
  return order;
}

RuleScores kcore_scores(const CsrLayer& layer) {
  // Core number first, then degree: degree / (max degree + 1) < 1 never crosses a core.
  const auto cores = network::core_numbers(layer);
  std::uint32_t largest = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v)
    largest = std::max(largest, layer.degree(v));
  RuleScores scores{std::vector<double>(layer.node_count()), true};
  for (NodeId v = 0; v < layer.node_count(); ++v)
    scores.values[v] = cores[v] + layer.degree(v) / (largest + 1.0);
  return scores;
}

std::vector<NodeId> one_per_community(const CsrLayer& layer, NodeId count,
                                      const RandomStream& stream) {
  const auto communities =
      network::detect_communities(layer, network::CommunityMethod::leiden, stream.bits(0, 0, 0, 0));
  std::vector<NodeId> chosen = network::one_per_community(layer, communities.membership);
  if (chosen.size() >= count) {
    chosen.resize(count);
    return chosen;
  }
  // More seeds than communities: the rest by degree.
  std::vector<char> taken(layer.node_count(), 0);
  for (NodeId v : chosen)
    taken[v] = 1;
  std::vector<double> degree(layer.node_count());
  for (NodeId v = 0; v < layer.node_count(); ++v)
    degree[v] = taken[v] ? std::numeric_limits<double>::quiet_NaN() : layer.degree(v);
  for (NodeId v : best_by({degree, true}, count - static_cast<NodeId>(chosen.size())))
    chosen.push_back(v);
  return chosen;
}

std::vector<NodeId> neighbourhood(const World& world, const CsrLayer& layer,
                                  const ParamValues& params, NodeId count,
                                  const RandomStream& stream) {
  const NodeId n = layer.node_count();
  if (n == 0 || count == 0) return {};
  const std::string& named = params.text("seeding_centre");
  NodeId centre = 0;
  if (named.empty()) {
    centre = static_cast<NodeId>(DrawSequence(stream, 0, 0, 0).below(n));
  } else if (const auto found =
                 find_agent(world.population.labels.get(), world.population.size(), named)) {
    centre = *found;
  } else {
    throw std::invalid_argument("seeding_centre '" + named + "' is no agent");
  }
  // Breadth-first from the centre, neighbours by id (CSR rows are sorted).
  std::vector<char> seen(n, 0);
  std::vector<NodeId> chosen{centre};
  seen[centre] = 1;
  for (std::size_t head = 0; head < chosen.size() && chosen.size() < count; ++head) {
    for (NodeId u : layer.neighbours(chosen[head])) {
      if (seen[u]) continue;
      seen[u] = 1;
      chosen.push_back(u);
      if (chosen.size() == count) break;
    }
  }
  return chosen;
}

std::vector<NodeId> from_file(const World& world) {
  if (!world.population.has_real_column(kSeedFileColumn))
    throw std::invalid_argument("seeding = \"file\" without the scenario's seeding_file");
  const auto& flags = world.population.real_column(kSeedFileColumn);
  std::vector<NodeId> chosen;
  for (NodeId v = 0; v < flags.size(); ++v)
    if (flags[v] != 0.0) chosen.push_back(v);
  return chosen;
}

}  // namespace

std::vector<NodeId> choose_seeds(const World& world, const CsrLayer& layer,
                                 const ParamValues& params, const RandomStream& rng,
                                 std::uint64_t purpose_id, double cascade_probability) {
  const NodeId n = world.population.size();
  const std::string& rule = params.text("seeding");
  if (rule == "file") return from_file(world);
  const NodeId count = initial_agent_count(params, n);
  // The rule's randomness: a stream of its own, fixed by the run and the model.
  const RandomStream stream(rng.bits(0, 0, purpose_id, 1), rng.bits(0, 0, purpose_id, 2));
  // k-cores and communities are defined on undirected graphs; built only for them.
  const auto undirected = [&](const auto& use) {
    return layer.directed() ? use(network::symmetrised(layer)) : use(layer);
  };
  const double probability = params.real("seeding_probability") > 0
                                 ? params.real("seeding_probability")
                             : cascade_probability > 0 ? cascade_probability
                                                       : kDefaultCascadeProbability;
  std::vector<NodeId> chosen;
  if (count == 0) {
  } else if (rule == "random") {
    chosen = choose_initial_agents(n, count, rng, purpose_id);
  } else if (rule == "top_betweenness" && n <= kExactBetweennessNodes) {
    chosen = best_by({network::betweenness(layer), true}, count);
  } else if (rule == "top_kcore") {
    chosen = undirected([&](const CsrLayer& graph) { return best_by(kcore_scores(graph), count); });
  } else if (rule.rfind("top_", 0) == 0) {
    const auto scores = centrality_scores(layer, rule.substr(4), stream);
    if (!scores) throw std::invalid_argument("unknown seeding rule: " + rule);
    chosen = best_by(*scores, count);
  } else if (rule == "one_per_community") {
    chosen =
        undirected([&](const CsrLayer& graph) { return one_per_community(graph, count, stream); });
  } else if (rule == "friend_nomination") {
    chosen = network::friend_nomination(layer, count, stream);
  } else if (rule == "celf") {
    network::CelfOptions options;
    options.k = count;
    options.probability = probability;
    options.samples = static_cast<std::uint32_t>(params.integer("seeding_samples"));
    chosen = network::celf(layer, options, stream).seeds;
  } else if (rule == "imm") {
    network::ImmOptions options;
    options.k = count;
    options.probability = probability;
    options.epsilon = params.real("seeding_epsilon");
    chosen = network::imm(layer, options, stream).seeds;
  } else if (rule == "neighbourhood") {
    chosen = neighbourhood(world, layer, params, count, stream);
  } else {
    throw std::invalid_argument("unknown seeding rule: " + rule);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace village
