#pragma once
// Coordination on a convention with a committed minority (Centola, Becker, Brackbill &
// Baronchelli 2018, "Experimental evidence for tipping points in social convention",
// Science 360:1116, doi:10.1126/science.aas8827; the model of their Fig. 1 and
// supplement). Each step the agents are paired at random along the layer (a random
// order; each agent not yet paired meets a uniformly random unpaired neighbour, if any)
// and each names one of two conventions: 0, the one the population has established,
// or 1, the alternative. An agent names the convention most frequent among the last
// `memory` names its partners used (a tie: drawn at random); its memory starts full of
// 0. Committed agents (the seeds, models/seeding.hpp) always name 1. With memory 12 the
// authors' model and experiment put the critical mass of the committed near 25%.
//
// Update: sequential pairing within a step, from the stream's draws at (step, 0,
// "coordination.pair"); names are chosen from the memories of the step before, so the
// run does not depend on the thread count. O(n + m) per step.

#include <cstdint>
#include <vector>

#include "models/model_registry.hpp"

namespace village {

struct CoordinationParams {
  std::uint32_t memory = 12;
  std::string layer = "network";
};

class CoordinationModel : public Model {
 public:
  CoordinationModel(CoordinationParams params, ParamValues seeding)
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;

  const std::vector<std::uint8_t>& names() const { return name_; }

 private:
  std::uint8_t choose(NodeId agent, const StepContext& context) const;

  CoordinationParams params_;
  ParamValues seeding_;
  std::vector<std::uint8_t> committed_;
  std::vector<std::uint8_t> name_;    // what each agent names this step
  std::vector<std::uint8_t> memory_;  // n x memory ring buffers of partners' names
  std::vector<std::uint32_t> head_;   // next slot to overwrite, per agent
  std::vector<std::uint32_t> ones_;   // 1s in each memory
  std::vector<NodeId> order_;         // scratch: the pairing order
  std::vector<std::uint8_t> paired_;  // scratch
  std::vector<NodeId> candidates_;    // scratch: unpaired neighbours
};

}  // namespace village
