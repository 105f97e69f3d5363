#include "scenarios/network_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/generators/generators.hpp"
#include "sim/import/import.hpp"

namespace village {

namespace {

constexpr double kNodeLimit = static_cast<double>(kMaxNodes);
// The stream "run" id of a network shared by all replicates (per_run = false).
constexpr std::uint64_t kSharedNetworkRun = 0xFFFF'FFFF'FFFF'FFFFULL;

ParamSpec nodes_spec(double default_nodes) {
  return {.name = "nodes",
          .type = ParamType::integer,
          .default_number = default_nodes,
          .min = 1,
          .max = kNodeLimit,
          .unit = "agents",
          .description = "number of agents (nodes)",
          .source = "scenario"};
}

ParamSpec mean_degree_spec() {
  return {.name = "mean_degree",
          .default_number = 10,
          .min = 0,
          .max = 1e6,
          .unit = "ties per agent",
          .description = "expected number of neighbours",
          .source = "scenario"};
}

std::vector<ParamSpec> with_common(std::vector<ParamSpec> specs) {
  specs.push_back({.name = "layer",
                   .type = ParamType::text,
                   .default_text = "network",
                   .description = "name of the network layer the model reads",
                   .source = "convention"});
  specs.push_back(
      {.name = "per_run",
       .type = ParamType::boolean,
       .default_flag = true,
       .description = "draw a new network for every replicate (false: one network shared by all)",
       .source = "convention"});
  return specs;
}

std::vector<GeneratorInfo> make_registry() {
  const ParamSpec probability{
      .name = "p",
      .min = 0,
      .max = 1,
      .unit = "probability per pair",
      .description = "G(n,p): chance of each pair being linked (instead of mean_degree)",
      .source = "Erdos & Renyi 1959; Gilbert 1959"};
  const ParamSpec edges{.name = "edges",
                        .type = ParamType::integer,
                        .min = 0,
                        .max = 1e15,
                        .unit = "edges",
                        .description = "G(n,m): exact number of edges (instead of mean_degree)",
                        .source = "Erdos & Renyi 1959"};
  return {
      {"erdos_renyi", "random graph G(n,p) or G(n,m)",
       with_common({nodes_spec(1000), mean_degree_spec(), probability, edges})},
      {"watts_strogatz", "small world: rewired ring lattice",
       with_common(
           {nodes_spec(1000),
            {.name = "mean_degree",
             .type = ParamType::integer,
             .default_number = 10,
             .min = 2,
             .max = 1e6,
             .unit = "ties per agent (even)",
             .description = "k: each agent links to k/2 neighbours on each side of the ring",
             .source = "Watts & Strogatz 1998"},
            {.name = "rewiring",
             .default_number = 0.1,
             .min = 0,
             .max = 1,
             .unit = "probability per edge",
             .description = "beta: chance that an edge's far end is rewired",
             .source = "Watts & Strogatz 1998"}})},
      {"barabasi_albert", "preferential attachment",
       with_common({nodes_spec(1000),
                    {.name = "attachments",
                     .type = ParamType::integer,
                     .default_number = 5,
                     .min = 1,
                     .max = 1e6,
                     .unit = "edges per new agent",
                     .description = "m: edges each new agent makes (mean degree about 2m)",
                     .source = "Barabasi & Albert 1999"}})},
      {"configuration", "random graph with a given degree distribution",
       with_common(
           {nodes_spec(1000),
            {.name = "degrees",
             .type = ParamType::text,
             .default_text = "poisson",
             .description = "poisson, power_law, or the path of a file with one degree per line",
             .source = "Newman 2002"},
            mean_degree_spec(),
            {.name = "exponent",
             .default_number = 2.5,
             .min = 1,
             .max = 10,
             .min_exclusive = true,
             .unit = "",
             .description = "power_law: P(k) proportional to k^-exponent",
             .source = "Newman 2002"},
            {.name = "min_degree",
             .type = ParamType::integer,
             .default_number = 2,
             .min = 1,
             .max = 1e6,
             .unit = "ties",
             .description = "power_law: smallest degree",
             .source = "scenario"},
            {.name = "max_degree",
             .type = ParamType::integer,
             .default_number = 0,
             .min = 0,
             .max = kNodeLimit,
             .unit = "ties",
             .description = "power_law: largest degree (0: sqrt(nodes), the structural cut-off)",
             .source = "Catanzaro, Boguna & Pastor-Satorras 2005"}})},
      {"sbm", "stochastic block model: blocks with within and between densities",
       with_common({nodes_spec(0),
                    {.name = "p_within",
                     .default_number = 0.01,
                     .min = 0,
                     .max = 1,
                     .unit = "probability per pair",
                     .description = "chance that two agents of the same block are linked",
                     .source = "Holland, Laskey & Leinhardt 1983"},
                    {.name = "p_between",
                     .default_number = 0.001,
                     .min = 0,
                     .max = 1,
                     .unit = "probability per pair",
                     .description = "chance that two agents of different blocks are linked",
                     .source = "Holland, Laskey & Leinhardt 1983"}})},
      {"complete", "every pair linked (mean-field tests)", with_common({nodes_spec(100)})},
      {"file", "a network read from a file",
       with_common(
           {{.name = "path",
             .type = ParamType::text,
             .description = "network file, relative to the scenario file's folder",
             .source = "scenario"},
            {.name = "format",
             .type = ParamType::text,
             .default_text = "auto",
             .choices = {"auto", "edge_list", "csv", "graphml", "affiliation"},
             .description =
                 "auto: .graphml is GraphML, .csv is CSV, anything else a whitespace edge list",
             .source = "scenario"},
            {.name = "directed",
             .type = ParamType::boolean,
             .description = "edges are arcs from the first to the second column",
             .source = "scenario"},
            {.name = "weighted",
             .type = ParamType::boolean,
             .description = "a third column holds each edge's weight",
             .source = "scenario"},
            {.name = "header",
             .type = ParamType::boolean,
             .description = "the first line names the columns",
             .source = "scenario"},
            {.name = "projection",
             .type = ParamType::text,
             .default_text = "count",
             .choices = {"count", "newman"},
             .description = "affiliation: weight of a projected tie (shared count, or Newman 2001)",
             .source = "Newman 2001, Phys. Rev. E 64:016132"}})},
  };
}

}  // namespace

const std::vector<GeneratorInfo>& generator_registry() {
  static const std::vector<GeneratorInfo> registry = make_registry();
  return registry;
}

const GeneratorInfo* find_generator(std::string_view name) {
  for (const auto& info : generator_registry()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

bool NetworkSpec::was_given(const std::string& key) const {
  return std::find(given.begin(), given.end(), key) != given.end();
}

double NetworkSpec::expected_nodes() const {
  if (!degree_sequence.empty()) return static_cast<double>(degree_sequence.size());
  if (generator == "sbm") {
    double total = 0;
    for (auto size : block_sizes)
      total += static_cast<double>(size);
    return total;
  }
  if (generator == "file") {
    // Upper bounds before reading: a GraphML node is at least <node id="x"/> (14
    // bytes); a line of an edge or affiliation list names at most two new labels, each of
    // at least one byte and a separator.
    std::error_code error;
    const auto bytes = static_cast<double>(std::filesystem::file_size(file, error));
    if (error) return 0.0;
    if (file_format() == "graphml") return bytes / 14.0;
    return std::min(2.0 * static_cast<double>(file_lines), bytes / 2.0);
  }
  return values.real("nodes");
}

std::string NetworkSpec::file_format() const {
  const std::string format = values.has("format") ? values.text("format") : "auto";
  if (format != "auto") return format;
  const auto extension = file.extension().string();
  return extension == ".graphml" ? "graphml" : extension == ".csv" ? "csv" : "edge_list";
}

double NetworkSpec::expected_arcs() const {
  const double n = expected_nodes();
  if (generator == "erdos_renyi") {
    if (was_given("edges")) return 2.0 * values.real("edges");
    if (was_given("p")) return values.real("p") * n * (n - 1);
    return n * values.real("mean_degree");
  }
  if (generator == "watts_strogatz") return n * values.real("mean_degree");
  if (generator == "barabasi_albert") return 2.0 * n * values.real("attachments");
  if (generator == "configuration") {
    if (!degree_sequence.empty()) {
      double stubs = 0;
      for (auto degree : degree_sequence)
        stubs += degree;
      return stubs;
    }
    if (values.text("degrees") == "poisson") return n * values.real("mean_degree");
    const double k_max =
        values.real("max_degree") > 0 ? values.real("max_degree") : std::floor(std::sqrt(n));
    return n * std::max(values.real("min_degree"), k_max / 2.0);  // generous upper bound
  }
  if (generator == "sbm") {
    double arcs = 0;
    for (std::size_t r = 0; r < block_sizes.size(); ++r) {
      for (std::size_t s = 0; s < block_sizes.size(); ++s) {
        const double pairs =
            static_cast<double>(block_sizes[r]) * static_cast<double>(block_sizes[s]);
        arcs += (r == s ? values.real("p_within") : values.real("p_between")) * pairs;
      }
    }
    return arcs;
  }
  if (generator == "complete") return n * (n - 1);
  if (generator == "file") {
    // An edge is two arcs: at most one per line (an affiliation list's projection is
    // checked by its reader, before any pair is made), or one per <edge source="a"
    // target="b"/> of at least 30 bytes.
    if (file_format() == "graphml") {
      std::error_code error;
      const auto bytes = std::filesystem::file_size(file, error);
      return error ? 0.0 : 2.0 * static_cast<double>(bytes) / 30.0;
    }
    return 2.0 * static_cast<double>(file_lines);
  }
  return 0;
}

WorldBuilder::WorldBuilder(NetworkSpec spec, std::uint64_t seed) : spec_(std::move(spec)) {
  if (spec_.generator == "file" || !spec_.per_run) {
    shared_ = std::make_shared<const World>(generate(RandomStream(seed, kSharedNetworkRun)));
  }
}

AgentIds WorldBuilder::agents() const {
  if (shared_) return {shared_->population.labels, shared_->population.size()};
  return {nullptr, static_cast<NodeId>(spec_.expected_nodes())};
}

World WorldBuilder::operator()(const RandomStream& rng) const {
  if (shared_) return *shared_;
  return generate(rng);
}

World WorldBuilder::generate(const RandomStream& rng) const {
  const ParamValues& v = spec_.values;
  CsrLayer layer;
  std::vector<std::string> group_names;
  std::vector<std::uint32_t> group_of;
  std::shared_ptr<const std::vector<std::string>> labels;
  const auto nodes = [&] { return static_cast<NodeId>(v.integer("nodes")); };

  if (spec_.generator == "erdos_renyi") {
    if (spec_.was_given("edges")) {
      layer = erdos_renyi_gnm(nodes(), static_cast<std::uint64_t>(v.integer("edges")), rng);
    } else {
      const double n = v.real("nodes");
      const double p = spec_.was_given("p")
                           ? v.real("p")
                           : (n > 1 ? std::min(1.0, v.real("mean_degree") / (n - 1)) : 0.0);
      layer = erdos_renyi_gnp(nodes(), p, rng);
    }
  } else if (spec_.generator == "watts_strogatz") {
    layer = watts_strogatz(nodes(), static_cast<std::uint32_t>(v.integer("mean_degree")),
                           v.real("rewiring"), rng);
  } else if (spec_.generator == "barabasi_albert") {
    layer = barabasi_albert(nodes(), static_cast<std::uint32_t>(v.integer("attachments")), rng);
  } else if (spec_.generator == "configuration") {
    std::vector<std::uint32_t> degrees;
    const std::string& kind = v.text("degrees");
    if (kind == "poisson") {
      degrees = poisson_degrees(nodes(), v.real("mean_degree"), rng);
    } else if (kind == "power_law") {
      const auto k_max = v.integer("max_degree") > 0
                             ? static_cast<std::uint32_t>(v.integer("max_degree"))
                             : static_cast<std::uint32_t>(std::floor(std::sqrt(v.real("nodes"))));
      degrees = power_law_degrees(
          nodes(), v.real("exponent"), static_cast<std::uint32_t>(v.integer("min_degree")),
          std::max(k_max, static_cast<std::uint32_t>(v.integer("min_degree"))), rng);
    } else {
      degrees = spec_.degree_sequence;
    }
    layer = configuration_model(degrees, rng);
  } else if (spec_.generator == "sbm") {
    std::vector<NodeId> sizes;
    for (auto size : spec_.block_sizes)
      sizes.push_back(static_cast<NodeId>(size));
    const std::size_t blocks = sizes.size();
    std::vector<double> probabilities(blocks * blocks, v.real("p_between"));
    for (std::size_t b = 0; b < blocks; ++b)
      probabilities[b * blocks + b] = v.real("p_within");
    layer = stochastic_block_model(sizes, probabilities, rng);
    for (std::size_t b = 0; b < blocks; ++b) {
      group_names.push_back(b < spec_.block_names.size() ? spec_.block_names[b]
                                                         : fmt::format("block{}", b + 1));
      group_of.insert(group_of.end(), sizes[b], static_cast<std::uint32_t>(b));
    }
  } else if (spec_.generator == "complete") {
    layer = complete_graph(nodes());
  } else {
    const std::string format = spec_.file_format();
    ImportedNetwork imported;
    if (format == "graphml") {
      imported = read_graphml(spec_.file);
    } else if (format == "affiliation") {
      AffiliationOptions options;
      options.delimiter = spec_.file.extension() == ".csv" ? ',' : '\0';
      options.header = v.flag("header");
      options.weight =
          v.text("projection") == "newman" ? ProjectionWeight::newman : ProjectionWeight::count;
      imported = read_affiliation_projection(spec_.file, options);
    } else {
      EdgeListOptions options;
      options.delimiter = format == "csv" ? ',' : '\0';
      options.header = v.flag("header");
      options.weighted = v.flag("weighted");
      options.direction = v.flag("directed") ? Direction::directed : Direction::undirected;
      imported = read_edge_list(spec_.file, options);
    }
    layer = std::move(imported.layer);
    labels = std::make_shared<const std::vector<std::string>>(std::move(imported.labels));
  }

  World world;
  world.population = Population({{"node", layer.node_count()}});
  if (!group_names.empty())
    world.population.assign_groups(std::move(group_names), std::move(group_of));
  world.population.labels = std::move(labels);
  world.layers.emplace(spec_.layer, std::move(layer));
  return world;
}

}  // namespace village
