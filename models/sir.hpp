#pragma once
// Discrete-time SIR on a network layer. Each step every infected agent infects each
// susceptible neighbour independently with probability beta (the per-edge
// transmissibility, times the edge weight when use_weights), then recovers with
// probability gamma. With gamma = 1 an agent is infectious for exactly one step and the
// final size is that of bond percolation with occupation probability beta (Newman 2002,
// Phys. Rev. E 66:016128, doi:10.1103/PhysRevE.66.016128); in general the per-edge
// transmissibility over the infectious period is T = beta / (beta + gamma - beta*gamma).
//
// Update: synchronous. A susceptible agent with infected neighbours j is infected at
// t+1 with probability 1 - prod_j (1 - beta_j), one draw at (t, agent, "sir.infect"),
// which equals independent per-edge trials. Cost per step: O(n + m) for a sweep, or the
// arcs of the infected and their susceptible neighbours when that is smaller
// (models/frontier.hpp); both give identical results. Seeds: models/seeding.hpp. An
// attributes file may give each agent a susceptibility s: each exposure infects with beta s.

#include <cstdint>
#include <vector>

#include "models/model_registry.hpp"

namespace village {

struct SirParams {
  double transmissibility = 0.3;  // beta: probability per edge per step
  double recovery = 1.0;          // gamma: probability per step
  bool use_weights = false;
  std::string layer = "network";
};

class SirModel : public Model {
 public:
  enum State : std::uint8_t { susceptible = 0, infected = 1, recovered = 2 };

  SirModel(SirParams params, ParamValues seeding)
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;

  const std::vector<std::uint8_t>& state() const { return state_; }

 private:
  SirParams params_;
  ParamValues seeding_;
  std::vector<std::uint8_t> state_;
  std::vector<std::uint8_t> next_;
  std::vector<std::uint8_t> mark_;      // scratch for frontier steps
  std::vector<NodeId> infected_;        // sorted ids of the infected agents
  std::vector<double> any_infected_;    // 1 - (1-beta)^k
  std::vector<double> susceptibility_;  // per agent, from the scenario's attributes; empty: 1
};

}  // namespace village
