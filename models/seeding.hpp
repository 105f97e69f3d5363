#pragma once
// Shared pieces of the classic models: which agents a run starts from (active, infected;
// in the opinion models the committed agents), chosen by a seeding rule of the network
// toolkit, and the common parameters that control it.
//
// Rules (`seeding`), each choosing `initial_count` agents, or round(initial_fraction n):
//   random             uniformly at random: the agents with the smallest random keys
//   top_degree         most ties
//   top_betweenness    highest betweenness: exact (Brandes 2001) up to 256 agents,
//                      estimated from 256 sampled sources beyond (as key figures are)
//   top_eigenvector    highest eigenvector centrality (Bonacich 1972)
//   top_pagerank       highest PageRank, damping 0.85 (Brin & Page 1998)
//   top_kcore          highest core number (Seidman 1983; Kitsak et al. 2010, Nat.
//                      Phys. 6:888, find core agents the better spreaders), then degree
//   one_per_community  per Leiden community (seeded from the run), the member with the
//                      most ties to other communities; beyond one each, by degree
//   friend_nomination  random agents each name a random tie; the first distinct named
//                      (Kim et al. 2015, Lancet 386:145)
//   celf               greedy influence maximisation, CELF over `seeding_samples`
//                      live-edge samples (Leskovec et al. 2007)
//   imm                IMM (Tang, Shi & Xiao 2015): with probability >= 1 - 1/n the seeds'
//                      expected spread is >= (1 - 1/e - seeding_epsilon) of the best
//   neighbourhood      `seeding_centre` (or a random agent) and its nearest agents in
//                      breadth-first order (ties by smaller id) up to the count: a
//                      clustered seed (Centola 2010, Science 329:1194)
//   file               the agents listed in `seeding_file` (count and share not used)
// Ties are broken by the smaller id. Every random choice draws from the run's stream at
// step 0, so the seeds are the same for any thread count. The same selection code picks
// key figures (models/targeting_scores.hpp, analysis/network/).

#include <optional>
#include <string>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/parameters.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village {

// The population column the scenario fills with 1 for the agents of a seeding file.
inline constexpr const char* kSeedFileColumn = "seeding_file";

const std::vector<std::string>& seeding_rules();

struct SeedingDefaults {
  double initial_fraction = 0.001;
  // The opinion models: seeds are committed agents holding seed_opinion.
  bool opinion = false;
};

// The seeding parameters, declared identically by every classic model.
std::vector<ParamSpec> seeding_params(SeedingDefaults defaults = {});

// The number of initial agents: initial_count when positive, otherwise
// round(initial_fraction * n), at least 1 when the fraction is positive.
NodeId initial_agent_count(const ParamValues& params, NodeId n);

// A uniform random subset of `count` agents out of n: the agents with the `count`
// smallest random keys (one draw per agent at step 0). O(n); exact and reproducible.
std::vector<NodeId> choose_initial_agents(NodeId n, NodeId count, const RandomStream& rng,
                                          std::uint64_t purpose_id);

// The seeds of the rule in `params` on `layer`, sorted by id. `cascade_probability` is
// the activation probability celf and imm optimise for when seeding_probability is 0.
std::vector<NodeId> choose_seeds(const World& world, const CsrLayer& layer,
                                 const ParamValues& params, const RandomStream& rng,
                                 std::uint64_t purpose_id, double cascade_probability);

// The agent a scenario names by its label (an imported network's `labels`) or, without
// labels, its number below `count`; nullopt when there is none.
std::optional<NodeId> find_agent(const std::vector<std::string>* labels, NodeId count,
                                 const std::string& id);

// The per-agent parameters the contagion models share: susceptibility, a multiple of the
// per-arc probability of each exposure (capped at 1 per arc).
inline constexpr const char* kSusceptibility = "susceptibility";
ParamSpec susceptibility_param();
// The population column `name` (from the scenario's attributes file); empty when absent.
std::vector<double> agent_column(const World& world, const char* name);

// Probability that at least one of k independent trials with probability p succeeds,
// 1 - (1-p)^k, tabulated for k = 0..max_k (hot loops look it up instead of pow()).
std::vector<double> any_success_table(double p, std::uint32_t max_k);

}  // namespace village
