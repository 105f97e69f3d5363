#include "sim/runner.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <mutex>

#include "sim/parallel.hpp"

namespace village {

RunRecord run_one(std::uint32_t run, const RunPlan& plan, const WorldFactory& make_world,
                  const ModelFactory& make_model, const std::atomic<bool>* stop) {
  const auto start = std::chrono::steady_clock::now();
  const RandomStream rng(plan.seed, run);
  World world = make_world(rng);
  std::unique_ptr<Model> model = make_model();
  RunRecord record;
  record.run = run;
  model->initialize(world, rng);
  const std::uint32_t every = plan.record_every == 0 ? 1 : plan.record_every;
  const auto recorded = [&](std::uint32_t t) {
    if (t == plan.steps) return true;
    if (plan.record_steps.empty()) return t % every == 0;
    return std::find(plan.record_steps.begin(), plan.record_steps.end(), t) !=
           plan.record_steps.end();
  };
  for (std::uint32_t t = 0; t <= plan.steps; ++t) {
    if (stop != nullptr && stop->load(std::memory_order_relaxed)) throw RunStopped{};
    if (recorded(t)) {
      Observation observation(world.population, t, record.rows);
      model->observe(world, observation);
    }
    if (t < plan.steps) model->step(world, StepContext{rng, t});
  }
  record.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return record;
}

std::vector<RunRecord> run_replicates(const RunPlan& plan, const WorldFactory& make_world,
                                      const ModelFactory& make_model,
                                      const std::atomic<bool>* stop) {
  std::vector<RunRecord> records(plan.replicates);
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto count = static_cast<std::int64_t>(plan.replicates);
  std::atomic<std::uint32_t> finished{0};
  const auto stopped = [stop] { return stop != nullptr && stop->load(std::memory_order_relaxed); };
  // Exceptions must not leave an OpenMP region: keep the first, rethrow after.
#pragma omp parallel for schedule(dynamic, 1) if (count > 1 && thread_count() > 1)
  for (std::int64_t r = 0; r < count; ++r) {
    if (stopped()) continue;
    try {
      records[static_cast<std::size_t>(r)] =
          run_one(static_cast<std::uint32_t>(r), plan, make_world, make_model, stop);
      ++finished;
    } catch (const RunStopped&) {
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (stopped()) throw ReplicatesStopped{finished.load(), plan.replicates};
  return records;
}

}  // namespace village
