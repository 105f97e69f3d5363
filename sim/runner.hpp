#pragma once
// Runs replicates of one scenario. A replicate's result is a pure function of
// (seed, run id): its world and its model draw only from RandomStream(seed, run).
// Replicates run in parallel across threads (dynamic schedule); the loops inside a
// run are then serial. With a single replicate the run's own loops use the threads.

#include <atomic>
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
  // When not empty, observe only at these steps (and always the last), whatever
  // record_every says: a calibration reads a few weeks and need not record the rest.
  std::vector<std::uint32_t> record_steps;
};

struct RunRecord {
  std::uint32_t run = 0;
  std::vector<MetricRow> rows;  // in step order
  double wall_seconds = 0.0;
};

using WorldFactory = std::function<World(const RandomStream&)>;
using ModelFactory = std::function<std::unique_ptr<Model>()>;

// Thrown by run_one when `stop` is raised between two steps: the run is abandoned.
struct RunStopped {};

// Thrown by run_replicates when `stop` was raised: no replicate's record is returned.
struct ReplicatesStopped {
  std::uint32_t finished = 0;  // replicates that had run to the end
  std::uint32_t total = 0;
};

// `stop`, when given, is read between steps (a signal handler raises it).
RunRecord run_one(std::uint32_t run, const RunPlan& plan, const WorldFactory& make_world,
                  const ModelFactory& make_model, const std::atomic<bool>* stop = nullptr);

// All replicates, in run order, whatever order they finished in. Once `stop` is raised
// no replicate starts and the running ones are abandoned; it throws ReplicatesStopped.
std::vector<RunRecord> run_replicates(const RunPlan& plan, const WorldFactory& make_world,
                                      const ModelFactory& make_model,
                                      const std::atomic<bool>* stop = nullptr);

}  // namespace village
