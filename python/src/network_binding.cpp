// village.Network's core: a CsrLayer with its node labels, built from an edge list, a
// network file (the readers of `village analyze network`) or a scenario's world, and the
// analysis of `village analyze network` on it.

#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "analysis/network/graph_input.hpp"
#include "analysis/network/network_report.hpp"
#include "app/network_input.hpp"
#include "arrays.hpp"
#include "bindings.hpp"
#include "csv_table.hpp"
#include "scenario_input.hpp"
#include "sim/import/import.hpp"
#include "sim/json_text.hpp"
#include "sim/parallel.hpp"

namespace village::python {

namespace fs = std::filesystem;

namespace {

struct Network {
  CsrLayer layer;
  std::vector<std::string> labels;  // empty: nodes are their ids
  std::string source;               // JSON: what it was built from
};

using NetworkPtr = std::shared_ptr<Network>;

NetworkPtr from_edges(
    NodeId node_count,
    const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& sources,
    const py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>& targets,
    const std::optional<py::array_t<float, py::array::c_style | py::array::forcecast>>& weights,
    bool directed, std::vector<std::string> labels) {
  const auto m = static_cast<std::size_t>(sources.size());
  if (static_cast<std::size_t>(targets.size()) != m ||
      (weights && static_cast<std::size_t>(weights->size()) != m))
    throw InputError({"edges"}, "sources, targets and weights differ in length",
                     "give one source, target (and weight) per edge");
  if (!labels.empty() && labels.size() != node_count)
    throw InputError({"labels"}, fmt::format("{} labels for {} nodes", labels.size(), node_count),
                     "give one label per node, or none");
  std::vector<EdgeRecord> edges(m);
  for (std::size_t e = 0; e < m; ++e) {
    const NodeId u = sources.data()[e];
    const NodeId v = targets.data()[e];
    if (u >= node_count || v >= node_count)
      throw InputError(
          {"edges"},
          fmt::format("edge {} ({} - {}) names a node past the {} nodes", e, u, v, node_count),
          "number the nodes 0 to node_count - 1");
    edges[e] = {u, v, weights ? weights->data()[e] : 1.0f};
  }
  auto network = std::make_shared<Network>();
  {
    py::gil_scoped_release release;
    network->layer = CsrLayer::from_edges(node_count, edges,
                                          directed ? Direction::directed : Direction::undirected,
                                          weights.has_value());
  }
  network->labels = std::move(labels);
  network->source = R"({"edges": "python"})";
  return network;
}

// The readers as `village analyze network FILE` chooses them (app/network_input.cpp).
NetworkPtr read(const std::string& file, const std::string& format, bool header, bool weighted,
                bool directed, const std::string& projection) {
  NetworkFileOptions options{format, projection, header, weighted, directed};
  LoadedNetwork loaded;
  {
    py::gil_scoped_release release;
    loaded = file_network(file, options);
  }
  auto network = std::make_shared<Network>();
  network->layer = std::move(loaded.layer);
  network->labels = std::move(loaded.labels);
  network->source = json_text(loaded.source);
  return network;
}

// A scenario's world's layer, as `village analyze network SCENARIO --week N` takes it
// (app/network_input.cpp).
NetworkPtr from_scenario(const std::string& kind, const py::object& scenario_object,
                         const std::string& relative_to, const py::list& overrides,
                         std::string layer, std::uint32_t weeks,
                         std::optional<std::uint64_t> seed) {
  const ScenarioSource source = scenario_source(kind, scenario_object, relative_to, overrides);
  Scenario scenario = load_source(source);
  if (seed) scenario.plan.seed = *seed;
  LoadedNetwork loaded;
  {
    py::gil_scoped_release release;
    loaded = scenario_network(scenario, source.path.string(), std::move(layer), weeks,
                              {"layer=", "week=N"});
  }
  auto network = std::make_shared<Network>();
  network->layer = std::move(loaded.layer);
  network->source = json_text(loaded.source);
  return network;
}

// Each edge once: an undirected layer's arcs u -> v with u < v; a directed layer's arcs.
py::array_t<std::uint32_t> edges(const Network& network) {
  const CsrLayer& layer = network.layer;
  std::vector<std::uint32_t> pairs;
  pairs.reserve(2 * layer.edge_count());
  for (NodeId u = 0; u < layer.node_count(); ++u) {
    for (const NodeId v : layer.neighbours(u)) {
      if (layer.directed() || u < v) {
        pairs.push_back(u);
        pairs.push_back(v);
      }
    }
  }
  py::array_t<std::uint32_t> array = to_numpy(std::move(pairs));
  return array.reshape({static_cast<py::ssize_t>(array.size() / 2), py::ssize_t{2}});
}

// The "weight" of each edge in the order of edges(), or None.
py::object edge_weights(const Network& network) {
  const CsrLayer& layer = network.layer;
  if (!layer.has_attribute("weight")) return py::none();
  const std::span<const float> weight = layer.attribute("weight");
  std::vector<float> values;
  values.reserve(layer.edge_count());
  for (NodeId u = 0; u < layer.node_count(); ++u) {
    for (ArcIndex a = layer.first_arc(u); a < layer.end_arc(u); ++a) {
      if (layer.directed() || u < layer.targets()[a]) values.push_back(weight[a]);
    }
  }
  return to_numpy(std::move(values));
}

// A view of one of the layer's arrays that keeps the Network alive.
template <typename T>
py::array view(const py::object& owner, const std::vector<T>& values) {
  py::array array(py::dtype::of<T>(), {static_cast<py::ssize_t>(values.size())}, {}, values.data(),
                  owner);
  make_read_only(array);
  return array;
}

py::tuple analyse(const Network& network, std::uint64_t seed, std::optional<int> threads) {
  network::NetworkReport report;
  bool symmetrised = false;
  {
    py::gil_scoped_release release;
    if (threads) set_thread_count(*threads);
    network::ReportOptions options;
    options.seed = seed;
    // The metrics are those of the undirected network, as `village analyze network` has them.
    if (network.layer.directed()) {
      symmetrised = true;
      report =
          network::analyse_network(network::symmetrised(network.layer), network.labels, options);
    } else {
      report = network::analyse_network(network.layer, network.labels, options);
    }
  }
  nlohmann::ordered_json graph;
  graph["input"] = nlohmann::ordered_json::parse(network.source);
  if (symmetrised) graph["input"]["symmetrised"] = true;
  graph.update(report.graph);
  return py::make_tuple(csv_columns(report.nodes_csv, "nodes.csv"), json_text(graph),
                        report.nodes_csv);
}

}  // namespace

void register_network(py::module_& m) {
  py::class_<Network, NetworkPtr>(m, "NetworkCore", "A network layer (CSR) and its node labels.")
      .def_property_readonly("node_count", [](const Network& n) { return n.layer.node_count(); })
      .def_property_readonly("edge_count", [](const Network& n) { return n.layer.edge_count(); })
      .def_property_readonly("directed", [](const Network& n) { return n.layer.directed(); })
      .def_property_readonly("labels", [](const Network& n) { return n.labels; })
      .def_property_readonly("source", [](const Network& n) { return n.source; })
      .def_property_readonly("attributes",
                             [](const Network& n) { return n.layer.attribute_names(); })
      .def_property_readonly("offsets",
                             [](const py::object& self) {
                               return view(self, self.cast<const Network&>().layer.offsets());
                             })
      .def_property_readonly("targets",
                             [](const py::object& self) {
                               return view(self, self.cast<const Network&>().layer.targets());
                             })
      .def("edges", &edges)
      .def("edge_weights", &edge_weights)
      .def("degrees", [](const Network& n) {
        std::vector<std::uint32_t> degrees(n.layer.node_count());
        for (NodeId v = 0; v < n.layer.node_count(); ++v)
          degrees[v] = n.layer.degree(v);
        return to_numpy(std::move(degrees));
      });
  m.def("network_from_edges", &from_edges, py::arg("node_count"), py::arg("sources"),
        py::arg("targets"), py::arg("weights"), py::arg("directed"), py::arg("labels"));
  m.def("network_read", &read, py::arg("path"), py::arg("format"), py::arg("header"),
        py::arg("weighted"), py::arg("directed"), py::arg("projection"));
  m.def("network_from_scenario", &from_scenario, py::arg("kind"), py::arg("scenario"),
        py::arg("relative_to"), py::arg("overrides"), py::arg("layer"), py::arg("week"),
        py::arg("seed"));
  m.def("analyse_network", &analyse, py::arg("network"), py::arg("seed"), py::arg("threads"),
        "analysis/network's report: (nodes columns, graph.json text, nodes.csv text).");
}

}  // namespace village::python
