// Network analysis kernels (analysis/network) at 1 and 2 threads, on the graphs of the
// peer comparison (bench/compare_network_peers.py): exact betweenness on G(n, m) with
// n = 2,000, m = 10,000; PageRank and connected components on G(n, m) with
// n = 1,000,000, m = 5,000,000 (mean degree 10). BM_ComponentsBgl is Boost.Graph's
// connected_components on the same arrays, kept to show why components are hand-written;
// BM_RandomGather measures the machine's own parallel efficiency for random reads into
// an array the size of the union-find's.
//
//   build/bench/network_benchmarks                        run the benchmarks
//   build/bench/network_benchmarks --write_graphs=DIR     write the graphs as edge lists
//                                                         (DIR/er_2000.txt, er_1000000.txt)

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <boost/graph/connected_components.hpp>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "analysis/network/betweenness.hpp"
#include "analysis/network/components.hpp"
#include "analysis/network/influence_maximisation.hpp"
#include "analysis/network/spectral.hpp"
#include "models/model_registry.hpp"
#include "sim/csr_graph_traits.hpp"
#include "sim/generators/generators.hpp"
#include "sim/parallel.hpp"

namespace {

using village::CsrLayer;
using village::NodeId;

constexpr std::uint64_t kSeed = 2024;

const CsrLayer& er_graph(NodeId n) {
  static std::map<NodeId, CsrLayer> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    const std::uint64_t m = 5ULL * n;  // mean degree 10
    it = cache.emplace(n, village::erdos_renyi_gnm(n, m, village::RandomStream(kSeed, n))).first;
  }
  return it->second;
}

void write_edge_list(const CsrLayer& layer, const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) throw std::runtime_error("cannot write " + path);
  for (NodeId v = 0; v < layer.node_count(); ++v)
    for (NodeId u : layer.neighbours(v))
      if (u > v) std::fprintf(file, "%u %u\n", v, u);
  std::fclose(file);
}

void set_threads(benchmark::State& state) {
  village::set_thread_count(static_cast<int>(state.range(1)));
}

void BM_Betweenness(benchmark::State& state) {
  const CsrLayer& layer = er_graph(static_cast<NodeId>(state.range(0)));
  set_threads(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(village::network::betweenness(layer));
  state.SetItemsProcessed(state.iterations() * layer.node_count());  // sources per second
}

void BM_PageRank(benchmark::State& state) {
  const CsrLayer& layer = er_graph(static_cast<NodeId>(state.range(0)));
  set_threads(state);
  std::uint32_t iterations = 0;
  for (auto _ : state) {
    const auto result = village::network::pagerank(layer);
    iterations = result.iterations;
    benchmark::DoNotOptimize(result.values.data());
  }
  state.counters["iterations"] = iterations;
}

// PageRank at networkx's stopping rule (L1 change below n x 1e-6, pagerank_alg.py),
// which ends after one iteration here: the time to compare with networkx at equal
// tolerance (BM_PageRank solves to igraph's 1e-10).
void BM_PageRankNetworkxTolerance(benchmark::State& state) {
  const CsrLayer& layer = er_graph(static_cast<NodeId>(state.range(0)));
  set_threads(state);
  village::network::PageRankOptions options;
  options.iteration.tolerance = 1e-6 * static_cast<double>(layer.node_count());
  std::uint32_t iterations = 0;
  for (auto _ : state) {
    const auto result = village::network::pagerank(layer, options);
    iterations = result.iterations;
    benchmark::DoNotOptimize(result.values.data());
  }
  state.counters["iterations"] = iterations;
}

void BM_Components(benchmark::State& state) {
  const CsrLayer& layer = er_graph(static_cast<NodeId>(state.range(0)));
  set_threads(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(village::network::connected_components(layer).sizes.data());
}

void BM_ComponentsBgl(benchmark::State& state) {
  const CsrLayer& layer = er_graph(static_cast<NodeId>(state.range(0)));
  std::vector<NodeId> component(layer.node_count());
  for (auto _ : state)
    benchmark::DoNotOptimize(
        boost::connected_components(village::undirected_view(layer), component.data()));
}

// The machine's ceiling for the components kernel: 10 n random reads into an array of n
// 32-bit words (the union-find's parent array), summed, at 1 and 2 threads. The
// union-find waits on such reads, so its parallel efficiency can hardly exceed this one.
void BM_RandomGather(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0));
  set_threads(state);
  const village::RandomStream rng(kSeed, 1);
  std::vector<std::uint32_t> table(n), index(10 * n);
  for (std::uint64_t i = 0; i < n; ++i)
    table[i] = static_cast<std::uint32_t>(rng.bits(0, i, 0));
  for (std::uint64_t i = 0; i < index.size(); ++i)
    index[i] = static_cast<std::uint32_t>(rng.bits(0, i, 1) % n);
  for (auto _ : state) {
    benchmark::DoNotOptimize(village::sum_over_indices(
        0, static_cast<std::int64_t>(index.size()),
        [&](std::int64_t i) { return static_cast<double>(table[index[i]]); }));
  }
}

// IMM on G(10^6, 5 10^6) for k = 50 seeds under an independent cascade with p = 0.05
// (below the epsilon threshold 1/10, so reverse-reachable sets stay small), epsilon
// from the second argument in hundredths, l = 1: the seeds' spread is at least
// (1 - 1/e - epsilon) of the best with probability 1 - 1/n. BM_Imm is the toolkit alone;
// BM_ImmSeeding is an independent cascade's initialize() with seeding = "imm", the whole
// of what a run adds (state, the rule's stream, the seeds sorted).
constexpr std::size_t kImmSeeds = 50;
constexpr double kImmProbability = 0.05;

void BM_Imm(benchmark::State& state) {
  const CsrLayer& layer = er_graph(static_cast<NodeId>(state.range(0)));
  village::network::ImmOptions options;
  options.k = kImmSeeds;
  options.probability = kImmProbability;
  options.epsilon = static_cast<double>(state.range(1)) / 100.0;
  std::uint64_t sets = 0;
  for (auto _ : state) {
    const auto result = village::network::imm(layer, options, village::RandomStream(kSeed, 1));
    sets = result.samples;
    benchmark::DoNotOptimize(result.seeds.data());
  }
  state.counters["rr_sets"] = static_cast<double>(sets);
}

void BM_ImmSeeding(benchmark::State& state) {
  village::World world;
  world.population = village::Population({{"node", static_cast<NodeId>(state.range(0))}});
  world.layers.emplace("network", er_graph(static_cast<NodeId>(state.range(0))));
  const village::ModelInfo& info = *village::find_model("independent_cascade");
  village::ParamValues values(info.params);
  values.set("probability", kImmProbability);
  values.set("seeding", std::string("imm"));
  values.set("initial_count", static_cast<double>(kImmSeeds));
  values.set("seeding_epsilon", static_cast<double>(state.range(1)) / 100.0);
  for (auto _ : state) {
    auto model = info.make(values);
    model->initialize(world, village::RandomStream(kSeed, 1));
    benchmark::ClobberMemory();
  }
}

}  // namespace

BENCHMARK(BM_Imm)
    ->ArgNames({"ER", "eps_percent"})
    ->Args({1000000, 50})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ImmSeeding)
    ->ArgNames({"ER", "eps_percent"})
    ->Args({1000000, 50})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Betweenness)
    ->ArgNames({"ER", "threads"})
    ->Args({2000, 1})
    ->Args({2000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PageRank)
    ->ArgNames({"ER", "threads"})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_PageRankNetworkxTolerance)
    ->ArgNames({"ER", "threads"})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_Components)
    ->ArgNames({"ER", "threads"})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_RandomGather)
    ->ArgNames({"n", "threads"})
    ->Args({1000000, 1})
    ->Args({1000000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ComponentsBgl)
    ->ArgNames({"ER", "threads"})
    ->Args({1000000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char** argv) {
  const char* kFlag = "--write_graphs=";
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], kFlag, std::strlen(kFlag)) == 0) {
      const std::string dir = argv[i] + std::strlen(kFlag);
      for (NodeId n : {NodeId{2000}, NodeId{1000000}})
        write_edge_list(er_graph(n), fmt::format("{}/er_{}.txt", dir, n));
      return 0;
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
