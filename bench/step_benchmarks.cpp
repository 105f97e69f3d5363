// Step cost of the classic models against the practical limit: a minimal hand-written
// CSR sweep that reads every neighbour's state once. All on the same G(n, p) graph with
// n = 1,000,000 and mean degree 10; throughput is reported as arcs per second
// (items_per_second), and the program ends with each model's ratio to the baseline.

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <map>
#include <memory>
#include <string>

#include "models/model_registry.hpp"
#include "sim/generators/generators.hpp"
#include "sim/parallel.hpp"

namespace {

using village::NodeId;

constexpr NodeId kNodes = 1'000'000;
constexpr double kMeanDegree = 10.0;

const village::World& shared_world() {
  static const village::World world = [] {
    village::World w;
    w.population = village::Population({{"node", kNodes}});
    w.layers["network"] =
        village::erdos_renyi_gnp(kNodes, kMeanDegree / (kNodes - 1), village::RandomStream(1, 0));
    return w;
  }();
  return world;
}

void report(benchmark::State& state, const village::CsrLayer& layer, int threads) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(layer.arc_count()));
  state.counters["threads"] = threads;
}

// The practical limit: one pass over the CSR arrays, reading a byte of state per arc
// and writing a byte per node (what any pull-style synchronous update must do).
void csr_baseline(benchmark::State& state, int threads) {
  village::set_thread_count(threads);
  const auto& layer = shared_world().layer("network");
  std::vector<std::uint8_t> current(kNodes);
  for (NodeId v = 0; v < kNodes; v += 7)
    current[v] = 1;
  std::vector<std::uint8_t> next(kNodes);
  for (auto _ : state) {
    village::for_each_index_balanced(0, kNodes, [&](std::int64_t i) {
      const auto v = static_cast<NodeId>(i);
      std::uint32_t count = 0;
      for (NodeId u : layer.neighbours(v))
        count += current[u];
      next[v] = static_cast<std::uint8_t>(count > 0);
    });
    benchmark::DoNotOptimize(next.data());
    benchmark::ClobberMemory();
  }
  report(state, layer, threads);
}

// Steps a registry model on a copy of the shared world.
void model_steps(benchmark::State& state, int threads, const std::string& kind,
                 const std::vector<std::pair<std::string, double>>& settings) {
  village::set_thread_count(threads);
  village::World world = shared_world();
  const auto& info = *village::find_model(kind);
  village::ParamValues values(info.params);
  for (const auto& [name, value] : settings)
    values.set(name, value);
  auto model = info.make(values);
  const village::RandomStream rng(1, 0);
  model->initialize(world, rng);
  std::uint64_t step = 0;
  for (auto _ : state) {
    model->step(world, village::StepContext{rng, step++});
    benchmark::ClobberMemory();
  }
  report(state, world.layer("network"), threads);
}

// A slow epidemic keeps a steady mix of states over the benchmark's iterations.
void sir_step(benchmark::State& state, int threads) {
  model_steps(state, threads, "sir",
              {{"transmissibility", 0.01}, {"recovery", 0.01}, {"initial_fraction", 0.1}});
}

void degroot_step(benchmark::State& state, int threads) {
  model_steps(state, threads, "degroot", {});
}

// Collects items_per_second per benchmark name to print ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& run : runs) {
      const auto it = run.counters.find("items_per_second");
      // With --benchmark_repetitions only the median stands for a benchmark.
      if (it == run.counters.end() ||
          (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median"))
        continue;
      std::string name = run.benchmark_name();
      const auto suffix = name.find("/real_time");
      if (suffix != std::string::npos) name.erase(suffix);
      rate_[name] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  void print_ratios() const {
    fmt::print(
        "\nThroughput relative to BM_CsrBaseline at the same thread count (1.0 = the practical "
        "limit):\n");
    for (const auto& [name, rate] : rate_) {
      const auto slash = name.rfind("/threads:");
      const std::string suffix = slash == std::string::npos ? "" : name.substr(slash);
      const auto baseline = rate_.find("BM_CsrBaseline/ER/1000000" + suffix);
      if (baseline == rate_.end() || name.rfind("BM_CsrBaseline", 0) == 0) continue;
      fmt::print("  {:<36} {:6.2f} x slower ({:.3g} arcs/s)\n", name, baseline->second / rate,
                 rate);
    }
    for (const char* kernel : {"BM_CsrBaseline", "BM_SirStep", "BM_DeGrootStep"}) {
      const auto one = rate_.find(fmt::format("{}/ER/1000000/threads:1", kernel));
      const auto two = rate_.find(fmt::format("{}/ER/1000000/threads:2", kernel));
      if (one != rate_.end() && two != rate_.end()) {
        fmt::print("  {:<36} speed-up 1 -> 2 threads: {:.2f} (parallel efficiency {:.2f})\n",
                   kernel, two->second / one->second, two->second / one->second / 2);
      }
    }
  }

 private:
  std::map<std::string, double> rate_;
};

}  // namespace

int main(int argc, char** argv) {
  const int max_threads = village::thread_count();
  for (const auto& [name, function] :
       std::vector<std::pair<std::string, void (*)(benchmark::State&, int)>>{
           {"BM_CsrBaseline/ER/1000000", csr_baseline},
           {"BM_SirStep/ER/1000000", sir_step},
           {"BM_DeGrootStep/ER/1000000", degroot_step}}) {
    for (int threads = 1; threads <= max_threads; threads *= 2) {
      benchmark::RegisterBenchmark(fmt::format("{}/threads:{}", name, threads).c_str(), function,
                                   threads)
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
