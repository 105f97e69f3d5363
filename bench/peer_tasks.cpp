// The village side of the peer comparison (bench/compare_peers.py): on a G(n,p) graph it
// times network generation, connected components (Boost.Graph on the CSR layer) and a
// discrete-time SIR epidemic run to its end, and writes the graph as an edge list so the
// peers (networkx, igraph) can run the same tasks on the same graph.
// Usage: peer_tasks NODES MEAN_DEGREE EDGE_LIST_PATH

#include <fmt/format.h>

#include <boost/graph/connected_components.hpp>
#include <chrono>
#include <cstdio>
#include <string>

#include "models/model_registry.hpp"
#include "sim/csr_graph_traits.hpp"
#include "sim/generators/generators.hpp"
#include "sim/parallel.hpp"

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: peer_tasks NODES MEAN_DEGREE EDGE_LIST_PATH\n");
    return 2;
  }
  const auto n = static_cast<village::NodeId>(std::stoul(argv[1]));
  const double mean_degree = std::stod(argv[2]);
  village::set_thread_count(1);  // the peers run on one core

  auto start = std::chrono::steady_clock::now();
  village::World world;
  world.population = village::Population({{"node", n}});
  world.layers["network"] =
      village::erdos_renyi_gnp(n, mean_degree / (n - 1), village::RandomStream(1, 0));
  const double generate = seconds_since(start);
  const auto& layer = world.layer("network");

  start = std::chrono::steady_clock::now();
  std::vector<int> component(n);
  const int components = boost::connected_components(
      village::undirected_view(layer),
      boost::make_iterator_property_map(component.begin(),
                                        boost::typed_identity_property_map<village::NodeId>()));
  const double connect = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const auto& info = *village::find_model("sir");
  village::ParamValues values(info.params);
  values.set("transmissibility", 0.3);
  values.set("initial_count", 10.0);
  auto model = info.make(values);
  const village::RandomStream rng(1, 0);
  model->initialize(world, rng);
  std::uint64_t steps = 0;
  std::vector<village::MetricRow> rows;
  for (;; ++steps) {
    rows.clear();
    village::Observation observation(world.population, 0, rows);
    model->observe(world, observation);
    if (rows[1].value == 0.0) break;  // no one infected
    model->step(world, village::StepContext{rng, steps});
  }
  const double epidemic = seconds_since(start);
  const double recovered = rows[2].value;

  std::FILE* out = std::fopen(argv[3], "w");
  for (village::NodeId v = 0; v < n; ++v) {
    for (village::NodeId u : layer.neighbours(v)) {
      if (u > v) std::fprintf(out, "%u %u\n", v, u);
    }
  }
  std::fclose(out);
  fmt::print(
      "{{\"generate\": {}, \"components\": {}, \"component_count\": {}, \"sir\": {}, "
      "\"sir_steps\": {}, "
      "\"recovered\": {}, \"edges\": {}}}\n",
      generate, connect, components, epidemic, steps, recovered, layer.edge_count());
  return 0;
}
