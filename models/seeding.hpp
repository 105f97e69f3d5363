#pragma once
// Shared pieces of the contagion models: choosing the initially active agents and the
// common parameters that control it.

#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/parameters.hpp"
#include "sim/rng.hpp"

namespace village {

// initial_fraction and initial_count, declared identically by every contagion model.
std::vector<ParamSpec> seeding_params();

// The number of initial agents: initial_count when positive, otherwise
// round(initial_fraction * n), at least 1 when the fraction is positive.
NodeId initial_agent_count(const ParamValues& params, NodeId n);

// A uniform random subset of `count` agents out of n: the agents with the `count`
// smallest random keys (one draw per agent at step 0). O(n); exact and reproducible.
std::vector<NodeId> choose_initial_agents(NodeId n, NodeId count, const RandomStream& rng,
                                          std::uint64_t purpose_id);

// Probability that at least one of k independent trials with probability p succeeds,
// 1 - (1-p)^k, tabulated for k = 0..max_k (hot loops look it up instead of pow()).
std::vector<double> any_success_table(double p, std::uint32_t max_k);

}  // namespace village
