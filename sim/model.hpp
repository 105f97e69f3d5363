#pragma once
// The interface every model implements. A run calls initialize() once, then for each
// week (step) observe() and step(), and a final observe(). step() reads the state of
// step t and writes that of step t + 1 (double-buffered), drawing randomness only from
// the context's stream, so the result does not depend on update order or threads.

#include <cstdint>

#include "sim/observation.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village {

struct StepContext {
  const RandomStream& rng;
  std::uint64_t step;  // the step being computed is step + 1
};

class Model {
 public:
  virtual ~Model() = default;
  // Sets the state of step 0. Draws use step 0 of the stream.
  virtual void initialize(World& world, const RandomStream& rng) = 0;
  virtual void step(World& world, const StepContext& context) = 0;
  virtual void observe(const World& world, Observation& observation) const = 0;
  // Adds layers that record what happened so far (who met whom at meetings, say), so that
  // the world after some steps can be analysed. Most models have none.
  virtual void add_history_layers(World& /*world*/) const {}
};

}  // namespace village
