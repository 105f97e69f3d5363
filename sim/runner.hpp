#pragma once
// Runs replicates of one scenario. A replicate's result is a pure function of
// (seed, run id): its world and its model draw only from RandomStream(seed, run).
// Replicates run in parallel across threads (dynamic schedule); the loops inside a
// run are then serial. With a single replicate the run's own loops use the threads.

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "sim/model.hpp"

namespace village {

struct RunPlan {
  std::uint64_t seed = 1;
  std::uint32_t replicates = 1;
  std::uint32_t steps = 100;
  std::uint32_t record_every = 1;  // observe every k-th step (and always the last)
};

struct RunRecord {
  std::uint32_t run = 0;
  std::vector<MetricRow> rows;  // in step order
  double wall_seconds = 0.0;
};

using WorldFactory = std::function<World(const RandomStream&)>;
using ModelFactory = std::function<std::unique_ptr<Model>()>;

RunRecord run_one(std::uint32_t run, const RunPlan& plan, const WorldFactory& make_world,
                  const ModelFactory& make_model);

// All replicates, in run order, whatever order they finished in.
std::vector<RunRecord> run_replicates(const RunPlan& plan, const WorldFactory& make_world,
                                      const ModelFactory& make_model);

}  // namespace village
