#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "scenarios/scenario.hpp"
#include "sim/parallel.hpp"

namespace village {

double Scenario::expected_agents() const {
  return community ? community_expected_agents(*community) : network.expected_nodes();
}

double Scenario::expected_arcs() const {
  return community ? community_expected_arcs(*community) : network.expected_arcs();
}

MemoryEstimate estimate_memory(const Scenario& scenario, int threads) {
  const double nodes = scenario.expected_agents();
  const double arcs = scenario.expected_arcs();
  // A community's agents carry about 20 attribute columns (8 bytes each) and its
  // caseload and key-figure arcs two float attributes (counted on every arc: an upper
  // bound).
  const double column_bytes = scenario.community ? 20.0 * sizeof(double) : 0.0;
  const double community_arc_bytes = scenario.community ? 2.0 * sizeof(float) : 0.0;
  // Population (group id, columns) and CSR offsets per node; a target id per arc, a
  // float per arc when weighted. Building goes through an edge list (12 bytes per edge,
  // arcs / 2 edges) and a second copy of the arrays while sorting: count them twice.
  const double weight_bytes =
      scenario.network.values.has("weighted") && scenario.network.values.flag("weighted") ? 4.0
                                                                                          : 0.0;
  const double network = nodes * (sizeof(ArcIndex) + sizeof(std::uint32_t) + column_bytes) +
                         arcs * (sizeof(NodeId) + weight_bytes + community_arc_bytes);
  const double building = arcs / 2.0 * sizeof(EdgeRecord) + network;
  const double model =
      nodes * scenario.model->bytes_per_node + arcs * scenario.model->bytes_per_arc;
  MemoryEstimate estimate;
  estimate.bytes_per_run = network + building + model;
  const double workers = threads > 0 ? threads : thread_count();
  estimate.runs_at_once = std::max(1.0, std::min<double>(workers, scenario.plan.replicates));
  // A network shared by all runs (a file, per_run = false) is held once, plus one copy per run.
  estimate.total_bytes = estimate.bytes_per_run * estimate.runs_at_once;
  estimate.available_bytes = available_memory_bytes();
  return estimate;
}

void check_memory(const Scenario& scenario, int threads) {
  const MemoryEstimate estimate = estimate_memory(scenario, threads);
  if (estimate.total_bytes <= 0.9 * estimate.available_bytes) return;
  throw InputError(
      scenario.size_location,
      fmt::format("a {} of {:.3g} agents and {:.3g} ties needs about {} ({} per run, {} at once); "
                  "this process may use {}",
                  scenario.community ? "community" : "network", scenario.expected_agents(),
                  scenario.expected_arcs() / 2, format_bytes(estimate.total_bytes),
                  format_bytes(estimate.bytes_per_run), estimate.runs_at_once,
                  format_bytes(estimate.available_bytes)),
      scenario.community ? "lower households, or run fewer replicates at once with --threads"
                         : "lower nodes or mean_degree, or run fewer replicates at once with "
                           "--threads");
}

}  // namespace village
