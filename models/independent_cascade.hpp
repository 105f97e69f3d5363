#pragma once
// Independent cascade (Goldenberg, Libai & Muller 2001; Kempe, Kleinberg & Tardos 2003,
// KDD, doi:10.1145/956750.956769). An agent activated at step t gets one chance, at
// step t+1, to activate each inactive neighbour, with probability p (times the edge
// weight when use_weights). Active agents stay active. The expected final spread
// equals the expected number of agents reachable from the seeds in the live-edge graph
// where each arc is kept independently with probability p.
//
// Update: synchronous, pulled by the inactive agent (one draw at (t, agent,
// "ic.activate") against 1 - prod(1 - p_j) over its newly active neighbours j). A step
// visits only the newly active and their neighbours when that is cheaper than a sweep
// (models/frontier.hpp), with identical results. Seeds: models/seeding.hpp. An attributes
// file may give each agent a susceptibility s: each exposure activates with p s.

#include <cstdint>
#include <vector>

#include "models/model_registry.hpp"

namespace village {

struct IndependentCascadeParams {
  double probability = 0.1;
  bool use_weights = false;
  std::string layer = "network";
};

class IndependentCascadeModel : public Model {
 public:
  enum State : std::uint8_t { inactive = 0, newly_active = 1, spent = 2 };

  IndependentCascadeModel(IndependentCascadeParams params, ParamValues seeding)
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;

  // Activates exactly these agents at step 0 instead of a random set (experiments).
  void set_initial_agents(std::vector<NodeId> agents) { chosen_ = std::move(agents); }
  const std::vector<std::uint8_t>& state() const { return state_; }

 private:
  IndependentCascadeParams params_;
  ParamValues seeding_;
  std::vector<NodeId> chosen_;
  std::vector<std::uint8_t> state_;
  std::vector<std::uint8_t> next_;
  std::vector<std::uint8_t> mark_;    // scratch for frontier steps
  std::vector<NodeId> newly_active_;  // sorted ids of the agents activated last step
  std::vector<double> any_success_;
  std::vector<double> susceptibility_;  // per agent, from the scenario's attributes; empty: 1
};

}  // namespace village
