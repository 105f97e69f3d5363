#include "models/seeding.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace village {

std::vector<ParamSpec> seeding_params() {
  return {
      ParamSpec{.name = "initial_fraction",
                .default_number = 0.001,
                .min = 0.0,
                .max = 1.0,
                .unit = "share of agents",
                .description = "share of agents active (infected) at step 0, chosen uniformly",
                .source = "convention; Newman 2002 takes the limit of a vanishing share"},
      ParamSpec{
          .name = "initial_count",
          .type = ParamType::integer,
          .default_number = 0,
          .min = 0,
          .max = 4294967294.0,
          .unit = "agents",
          .description = "number of agents active at step 0; overrides initial_fraction when > 0",
          .source = "convention"},
  };
}

NodeId initial_agent_count(const ParamValues& params, NodeId n) {
  const auto count = params.integer("initial_count");
  if (count > 0) return static_cast<NodeId>(std::min<std::int64_t>(count, n));
  const double fraction = params.real("initial_fraction");
  if (fraction <= 0.0) return 0;
  const double rounded = std::round(fraction * n);
  return static_cast<NodeId>(std::clamp(rounded, 1.0, static_cast<double>(n)));
}

std::vector<NodeId> choose_initial_agents(NodeId n, NodeId count, const RandomStream& rng,
                                          std::uint64_t purpose_id) {
  if (count == 0) return {};
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  if (count < n) {
    std::vector<std::uint64_t> key(n);
    for (NodeId i = 0; i < n; ++i)
      key[i] = rng.block(0, i, purpose_id, 0)[0];
    // Ties have probability 2^-64 per pair; break them by id so the result is defined.
    auto by_key = [&](NodeId a, NodeId b) { return key[a] != key[b] ? key[a] < key[b] : a < b; };
    std::nth_element(order.begin(), order.begin() + count, order.end(), by_key);
    order.resize(count);
  }
  std::sort(order.begin(), order.end());
  return order;
}

std::vector<double> any_success_table(double p, std::uint32_t max_k) {
  std::vector<double> table(static_cast<std::size_t>(max_k) + 1);
  for (std::uint32_t k = 0; k <= max_k; ++k)
    table[k] = 1.0 - std::pow(1.0 - p, k);
  return table;
}

}  // namespace village
