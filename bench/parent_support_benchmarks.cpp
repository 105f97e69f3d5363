// The parent-support model's cost (issue 3): runs of the small-municipality example
// (scenarios/examples/small_municipality.toml, 3,500 households, 52 weeks) per second on
// one core, split into synthesising the community and simulating the year, plus the
// weekly step of a 100,000-household region. The 1,000,000-household region is a macro
// benchmark (bench/region_benchmark.sh) because its memory is what matters.

#include <benchmark/benchmark.h>

#include <string>

#include "models/parent_support/parent_support_model.hpp"
#include "models/parent_support/schedule.hpp"
#include "scenarios/scenario.hpp"
#include "sim/parallel.hpp"

namespace {

using namespace village;

const Scenario& scenario(const std::string& file) {
  static std::map<std::string, Scenario> loaded;
  auto it = loaded.find(file);
  if (it == loaded.end())
    it = loaded.emplace(file, load_scenario(std::string(VILLAGE_SOURCE_DIR) + "/" + file)).first;
  return it->second;
}

const char* kSmall = "scenarios/examples/small_municipality.toml";

// Whole runs of the small municipality (synthesis and 52 weeks), one replicate per
// iteration, one thread, observed at the weeks `plan` names.
void small_municipality_runs(benchmark::State& state, bool last_week_only) {
  set_thread_count(1);
  const Scenario& s = scenario(kSmall);
  const WorldFactory make_world = make_world_factory(s);
  RunPlan plan = s.plan;
  if (last_week_only) plan.record_steps = {plan.steps};
  std::uint32_t run = 0;
  for (auto _ : state) {
    RunRecord record =
        run_one(run++, plan, make_world, [&] { return s.model->make(s.model_values); });
    benchmark::DoNotOptimize(record.rows.data());
  }
  state.counters["runs_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// Every week observed, as `village run` and `compare` do.
void BM_SmallMunicipalityRun(benchmark::State& state) {
  small_municipality_runs(state, false);
}
BENCHMARK(BM_SmallMunicipalityRun)->Unit(benchmark::kMillisecond)->UseRealTime();

// As a calibration runs it: only the weeks its targets read (here the last) observed.
void BM_SmallMunicipalityRunLastWeekOnly(benchmark::State& state) {
  small_municipality_runs(state, true);
}
BENCHMARK(BM_SmallMunicipalityRunLastWeekOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SmallMunicipalitySynthesis(benchmark::State& state) {
  set_thread_count(1);
  const Scenario& s = scenario(kSmall);
  const WorldFactory make_world = make_world_factory(s);
  std::uint64_t run = 0;
  for (auto _ : state) {
    World world = make_world(RandomStream(s.plan.seed, run++));
    benchmark::DoNotOptimize(world.population.size());
  }
}
BENCHMARK(BM_SmallMunicipalitySynthesis)->Unit(benchmark::kMillisecond)->UseRealTime();

// One week of a 100,000-household region at 1 and 2 threads (items: households).
void BM_RegionWeek(benchmark::State& state) {
  set_thread_count(static_cast<int>(state.range(0)));
  const Scenario& s = scenario("bench/scenarios/region_100k.toml");
  World world = make_world_factory(s)(RandomStream(s.plan.seed, 0));
  std::unique_ptr<Model> model = s.model->make(s.model_values);
  const RandomStream rng(s.plan.seed, 0);
  model->initialize(world, rng);
  std::uint64_t week = 0;
  for (auto _ : state)
    model->step(world, StepContext{rng, week++});
  const auto households = static_cast<std::int64_t>(world.population.kind("parents").size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * households);
  state.counters["threads"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_RegionWeek)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Where the week's time goes: weeks of `file`'s first run, every step timed (the model's
// profile); counters give each step's share of the steps' time in percent.
void week_profile(benchmark::State& state, const char* file) {
  set_thread_count(1);
  const Scenario& s = scenario(file);
  World world = make_world_factory(s)(RandomStream(s.plan.seed, 0));
  parent_support::ParentSupportModel model(s.model_values);
  const RandomStream rng(s.plan.seed, 0);
  model.initialize(world, rng);
  model.set_profiling(true);
  std::uint64_t week = 0;
  for (auto _ : state)
    model.step(world, StepContext{rng, week++ % static_cast<std::uint64_t>(s.plan.steps)});
  const auto& seconds = model.step_seconds();
  double total = 0;
  for (double t : seconds)
    total += t;
  const auto& steps = parent_support::week_schedule();
  for (std::size_t i = 0; i < steps.size(); ++i)
    state.counters[std::string(steps[i].name)] = total > 0 ? 100.0 * seconds[i] / total : 0.0;
}

// One week of the 100,000-household region.
void BM_RegionWeekProfile(benchmark::State& state) {
  week_profile(state, "bench/scenarios/region_100k.toml");
}
BENCHMARK(BM_RegionWeekProfile)->Unit(benchmark::kMillisecond)->UseRealTime();

// The small municipality's year, week after week (the calibration's model).
void BM_SmallMunicipalityWeekProfile(benchmark::State& state) {
  week_profile(state, kSmall);
}
BENCHMARK(BM_SmallMunicipalityWeekProfile)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
