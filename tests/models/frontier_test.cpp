// Frontier steps must equal full sweeps: same rule, same addressed draws.

#include "models/frontier.hpp"

#include <catch2/catch.hpp>

#include "sim/generators/generators.hpp"
#include "sim/rng.hpp"

namespace {

using village::NodeId;

// One contagion step on `active` agents (state 1) both ways: by contagion_step, and by
// applying the rule to every agent. Returns whether the two agree.
bool frontier_equals_sweep(const village::CsrLayer& layer, std::vector<NodeId> active,
                           std::uint64_t step) {
  const NodeId n = layer.node_count();
  std::vector<std::uint8_t> state(n, 0);
  for (NodeId v = 0; v < n; v += 5)
    state[v] = 2;  // some removed agents
  for (NodeId v : active)
    state[v] = 1;
  const village::RandomStream rng(3, 0);
  const auto rule_for = [&](const std::vector<std::uint8_t>& s) {
    return [&rng, &s, &layer, step](NodeId v) -> std::uint8_t {
      if (s[v] != 0) return 2;
      std::uint32_t active_neighbours = 0;
      for (NodeId u : layer.neighbours(v))
        active_neighbours += s[u] == 1;
      return active_neighbours > 0 && rng.uniform(step, v, 7) < 0.4 ? 1 : 0;
    };
  };
  std::vector<std::uint8_t> expected(n);
  const auto sweep_rule = rule_for(state);
  for (NodeId v = 0; v < n; ++v)
    expected[v] = sweep_rule(v);

  std::vector<std::uint8_t> scratch(n);
  std::vector<std::uint8_t> mark(n, 0);
  const auto rule = rule_for(state);
  const auto next_active = village::contagion_step(layer, state, scratch, mark, active, 1, rule,
                                                   [&](NodeId w) { return state[w] == 0; });
  std::vector<NodeId> expected_active;
  for (NodeId v = 0; v < n; ++v) {
    if (expected[v] == 1) expected_active.push_back(v);
  }
  return state == expected && next_active == expected_active &&
         std::all_of(mark.begin(), mark.end(), [](std::uint8_t m) { return m == 0; });
}

}  // namespace

TEST_CASE("a frontier step equals a sweep, and so does a sweep step", "[unit]") {
  const auto layer = village::erdos_renyi_gnp(3000, 8.0 / 2999, village::RandomStream(1, 0));
  // A few active agents: their arcs are far below 2% of all, so the frontier runs.
  const std::vector<NodeId> few{3, 14, 1592, 2653};
  REQUIRE(village::frontier_pays(layer, few));
  CHECK(frontier_equals_sweep(layer, few, 1));
  // Most agents active: the sweep runs.
  std::vector<NodeId> many;
  for (NodeId v = 1; v < 3000; v += 5)
    many.push_back(v);
  for (NodeId v = 2; v < 3000; v += 5)
    many.push_back(v);
  std::sort(many.begin(), many.end());
  REQUIRE_FALSE(village::frontier_pays(layer, many));
  CHECK(frontier_equals_sweep(layer, many, 2));
  CHECK(frontier_equals_sweep(layer, {}, 3));
}
