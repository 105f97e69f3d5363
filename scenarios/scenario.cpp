#include "scenarios/scenario.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "scenarios/community/synthesize.hpp"
#include "scenarios/degree_file.hpp"
#include "scenarios/scenario_limits.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"
#include "sim/import/line_reader.hpp"

namespace village {

namespace fs = std::filesystem;

const std::vector<ParamSpec>& run_params() {
  static const std::vector<ParamSpec> specs{
      {.name = "steps",
       .type = ParamType::integer,
       .default_number = 100,
       .min = 0,
       .max = 1e7,
       .unit = "steps (weeks in the parent-support model)",
       .description = "number of steps each run simulates",
       .source = "scenario"},
      {.name = "replicates",
       .type = ParamType::integer,
       .default_number = 1,
       .min = 1,
       .max = 1e7,
       .unit = "runs",
       .description = "independent runs, each with its own random stream (seed, run)",
       .source = "scenario"},
      {.name = "seed",
       .type = ParamType::integer,
       .default_number = 1,
       .min = 0,
       .max = 9.2e18,
       .description = "master seed; run r draws from the Philox stream keyed by (seed, r)",
       .source = "scenario"},
      {.name = "record_every",
       .type = ParamType::integer,
       .default_number = 1,
       .min = 1,
       .max = 1e7,
       .unit = "steps",
       .description = "record the metrics every k-th step (and always the last)",
       .source = "scenario"},
      {.name = "threads",
       .type = ParamType::integer,
       .default_number = 0,
       .min = 0,
       .max = 4096,
       .unit = "threads",
       .description = "threads to use (0: all cores); --threads overrides",
       .source = "scenario"},
  };
  return specs;
}

namespace {

const toml::table& require_table(const toml::table& root, const std::string& name,
                                 const std::string& file, const std::string& example) {
  const toml::node* node = root.get(name);
  if (node == nullptr) {
    throw InputError({file, 1, 1}, fmt::format("the scenario has no [{}] section", name),
                     fmt::format("add one, for example [{}] {}", name, example));
  }
  if (!node->is_table()) {
    throw InputError(location_of(*node, file), fmt::format("'{}' must be a table", name),
                     fmt::format("write it as a section: [{}]", name));
  }
  return *node->as_table();
}

// The `kind = "..."` style selector key of a section.
std::pair<std::string, SourceLocation> read_selector(const toml::table& table,
                                                     const std::string& section,
                                                     const std::string& key,
                                                     const std::vector<std::string>& choices,
                                                     const std::string& file,
                                                     SourceLocation section_location) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    throw InputError(
        section_location, fmt::format("[{}] has no '{}'", section, key),
        fmt::format("add {} = \"...\" with one of: {}", key, fmt::join(choices, ", ")));
  }
  if (!node->is_string()) {
    throw InputError(location_of(*node, file), fmt::format("{}.{} must be a string", section, key),
                     fmt::format("write it like {} = \"{}\"", key, choices.front()));
  }
  std::string value = node->as_string()->get();
  if (std::find(choices.begin(), choices.end(), value) == choices.end()) {
    throw InputError(location_of(*node, file),
                     fmt::format("unknown {}.{} \"{}\"", section, key, value),
                     did_you_mean(value, choices));
  }
  return {value, location_of(*node, file)};
}

std::vector<std::uint64_t> read_block_sizes(const toml::table& table, const std::string& file,
                                            const SourceLocation& section_location) {
  const toml::node* node = table.get("block_sizes");
  if (node == nullptr) {
    throw InputError(section_location, "an sbm network needs block_sizes",
                     "add block_sizes = [500, 500] (agents per block)");
  }
  const toml::array* array = node->as_array();
  if (array == nullptr || array->empty()) {
    throw InputError(location_of(*node, file),
                     "network.block_sizes must be a non-empty array of whole numbers",
                     "write it like block_sizes = [500, 500]");
  }
  std::vector<std::uint64_t> sizes;
  double total = 0;
  for (const toml::node& element : *array) {
    if (!element.is_integer() || element.as_integer()->get() < 1) {
      throw InputError(location_of(element, file), "each block size must be a whole number >= 1",
                       "write it like block_sizes = [500, 500]");
    }
    sizes.push_back(static_cast<std::uint64_t>(element.as_integer()->get()));
    total += static_cast<double>(sizes.back());
  }
  if (total > static_cast<double>(kMaxNodes)) {
    throw InputError(location_of(*node, file),
                     fmt::format("the blocks hold {} agents in all", total),
                     fmt::format("at most {} agents fit in a network", kMaxNodes));
  }
  return sizes;
}

std::vector<std::string> read_block_names(const toml::table& table, std::size_t blocks,
                                          const std::string& file) {
  const toml::node* node = table.get("block_names");
  if (node == nullptr) return {};
  const toml::array* array = node->as_array();
  if (array == nullptr || array->size() != blocks) {
    throw InputError(location_of(*node, file),
                     fmt::format("network.block_names must be an array of {} names", blocks),
                     "give one name per entry of block_sizes");
  }
  std::vector<std::string> names;
  for (const toml::node& element : *array) {
    if (!element.is_string()) {
      throw InputError(location_of(element, file), "each block name must be a string",
                       "write it like block_names = [\"north\", \"south\"]");
    }
    names.push_back(element.as_string()->get());
  }
  return names;
}

void check_network(const NetworkSpec& spec, const toml::table& table, const std::string& file,
                   const SourceLocation& section_location) {
  const ParamValues& v = spec.values;
  const auto at = [&](const std::string& key) {
    const toml::node* node = table.get(key);
    return node != nullptr ? location_of(*node, file) : section_location;
  };
  const double n = spec.expected_nodes();
  if (spec.generator == "erdos_renyi") {
    int given = 0;
    std::string last;
    for (const char* key : {"mean_degree", "p", "edges"}) {
      if (spec.was_given(key)) {
        ++given;
        last = key;
      }
    }
    if (given > 1) {
      throw InputError(at(last), "give only one of mean_degree, p and edges",
                       "they all set the density");
    }
    if (spec.was_given("edges") && v.real("edges") > n * (n - 1) / 2) {
      throw InputError(at("edges"),
                       fmt::format("network.edges = {} exceeds the {} possible pairs",
                                   v.real("edges"), n * (n - 1) / 2),
                       "lower edges or raise nodes");
    }
    if (v.real("mean_degree") > n - 1 && !spec.was_given("p") && !spec.was_given("edges")) {
      throw InputError(at("mean_degree"),
                       fmt::format("network.mean_degree = {} is more than nodes - 1 = {}",
                                   v.real("mean_degree"), n - 1),
                       "lower mean_degree or raise nodes");
    }
  } else if (spec.generator == "watts_strogatz") {
    const auto k = v.integer("mean_degree");
    if (k % 2 != 0) {
      throw InputError(at("mean_degree"), fmt::format("network.mean_degree = {} is odd", k),
                       "Watts-Strogatz links k/2 neighbours on each side: use an even mean_degree");
    }
    if (static_cast<double>(k) >= n) {
      throw InputError(at("mean_degree"),
                       fmt::format("network.mean_degree = {} needs more than {} nodes", k, k),
                       "lower mean_degree or raise nodes");
    }
  } else if (spec.generator == "barabasi_albert") {
    if (v.real("attachments") >= n) {
      throw InputError(at("attachments"),
                       fmt::format("network.attachments = {} needs more nodes than {}",
                                   v.integer("attachments"), n),
                       "attachments must be less than nodes");
    }
  } else if (spec.generator == "configuration" && spec.degree_sequence.empty()) {
    if (v.text("degrees") == "poisson" && v.real("mean_degree") > n - 1) {
      throw InputError(
          at("mean_degree"),
          fmt::format("network.mean_degree = {} is more than nodes - 1", v.real("mean_degree")),
          "lower mean_degree or raise nodes");
    }
    if (v.text("degrees") == "power_law" &&
        std::max(v.real("max_degree"), v.real("min_degree")) > n - 1) {
      const std::string key = v.real("max_degree") > n - 1 ? "max_degree" : "min_degree";
      throw InputError(
          at(key),
          fmt::format("network.{} = {} is more than nodes - 1 = {}", key, v.integer(key), n - 1),
          "no agent can have more ties than there are other agents");
    }
    if (v.text("degrees") == "power_law" && v.integer("max_degree") > 0 &&
        v.integer("max_degree") < v.integer("min_degree")) {
      throw InputError(at("max_degree"), "network.max_degree is below min_degree",
                       "raise max_degree, or 0 for sqrt(nodes)");
    }
  } else if (spec.generator == "sbm" && spec.was_given("nodes") && v.real("nodes") != n) {
    throw InputError(
        at("nodes"),
        fmt::format("network.nodes = {} but the blocks hold {}", v.integer("nodes"), n),
        "drop nodes (the blocks set it) or make them agree");
  }
}

// [model] attributes and seeding_file (agent_files.hpp), and seeding's other keys.
void read_agent_files(Scenario& scenario, const toml::table& model, const std::string& file,
                      const fs::path& folder) {
  const ParamValues& values = scenario.model_values;
  if (!values.has("seeding")) return;
  const auto at = [&](const char* key) {
    const toml::node* node = model.get(key);
    return node != nullptr ? location_of(*node, file) : location_of(model, file);
  };
  const std::string& rule = values.text("seeding");
  if (!values.text("attributes").empty()) {
    scenario.agent_attributes = std::make_shared<const AgentFile>(
        read_attributes_file(folder / values.text("attributes"), scenario.model->agent_params,
                             scenario.model->kind, at("attributes")));
  }
  const std::string& seeds = values.text("seeding_file");
  if (rule == "file" && seeds.empty()) {
    throw InputError(at("seeding"), "seeding = \"file\" needs a seeding_file",
                     "add seeding_file = \"seeds.csv\" (a header `id`, one seed per line)");
  }
  if (rule != "file" && !seeds.empty()) {
    throw InputError(
        at("seeding_file"),
        fmt::format("seeding_file is read only with seeding = \"file\", not \"{}\"", rule),
        "remove seeding_file, or set seeding = \"file\"");
  }
  if (!seeds.empty())
    scenario.seed_file =
        std::make_shared<const AgentFile>(read_seed_file(folder / seeds, at("seeding_file")));
  if (rule != "neighbourhood" && !values.text("seeding_centre").empty()) {
    throw InputError(at("seeding_centre"),
                     fmt::format("seeding_centre is read only with seeding = \"neighbourhood\", "
                                 "not \"{}\"",
                                 rule),
                     "remove seeding_centre, or set seeding = \"neighbourhood\"");
  }
  scenario.seeding_centre_at = at("seeding_centre");
}

NetworkSpec read_network(const toml::table& table, const std::string& file, const fs::path& folder,
                         SourceLocation& size_location) {
  const SourceLocation section_location = location_of(table, file);
  std::vector<std::string> generator_names;
  for (const auto& info : generator_registry())
    generator_names.push_back(info.name);
  const auto [generator, generator_location] =
      read_selector(table, "network", "generator", generator_names, file, section_location);
  const GeneratorInfo& info = *find_generator(generator);

  NetworkSpec spec;
  spec.generator = generator;
  spec.values = ParamValues(info.params);
  std::vector<std::string> extra{"generator"};
  if (generator == "sbm") extra.insert(extra.end(), {"block_sizes", "block_names"});
  read_params(table, "network", info.params, extra, file, spec.values);
  for (const auto& [key, node] : table)
    spec.given.emplace_back(key.str());
  spec.layer = spec.values.text("layer");
  spec.per_run = spec.values.flag("per_run");

  size_location = section_location;
  for (const char* key : {"nodes", "block_sizes", "path"}) {
    if (const toml::node* node = table.get(key)) size_location = location_of(*node, file);
  }
  if (generator == "sbm") {
    spec.block_sizes = read_block_sizes(table, file, section_location);
    spec.block_names = read_block_names(table, spec.block_sizes.size(), file);
  }
  if (generator == "file") {
    const toml::node* path_node = table.get("path");
    if (path_node == nullptr) {
      throw InputError(section_location, "a file network needs a path", "add path = \"edges.csv\"");
    }
    spec.file = folder / spec.values.text("path");
    if (!fs::is_regular_file(spec.file)) {
      throw InputError(location_of(*path_node, file),
                       fmt::format("no network file '{}'", spec.file.string()),
                       "the path is relative to the scenario file's folder");
    }
    if (spec.file_format() != "graphml") spec.file_lines = count_lines(spec.file);
  }
  if (generator == "configuration") {
    const std::string& degrees = spec.values.text("degrees");
    if (degrees != "poisson" && degrees != "power_law") {
      spec.degree_file = folder / degrees;
      if (!fs::is_regular_file(spec.degree_file)) {
        throw InputError(
            location_of(*table.get("degrees"), file),
            fmt::format("network.degrees = \"{}\" is neither poisson, power_law nor a file",
                        degrees),
            closest_name(degrees, {"poisson", "power_law"}).empty()
                ? "give the path of a degree file, relative to the scenario file's folder"
                : did_you_mean(degrees, {"poisson", "power_law"}));
      }
      spec.degree_sequence = read_degree_file(spec.degree_file);
    }
  }
  check_network(spec, table, file, section_location);
  return spec;
}

void check_weights(const Scenario& scenario, const toml::table& model_table,
                   const std::string& file) {
  if (!scenario.model_values.has("use_weights") || !scenario.model_values.flag("use_weights"))
    return;
  const NetworkSpec& network = scenario.network;
  const std::string format = network.generator == "file" ? network.values.text("format") : "";
  const bool may_have_weights = network.generator == "file" &&
                                (network.values.flag("weighted") || format == "graphml" ||
                                 format == "affiliation" || network.file.extension() == ".graphml");
  if (!may_have_weights) {
    throw InputError(
        location_of(*model_table.get("use_weights"), file),
        "model.use_weights = true but the network has no edge weights",
        "read a weighted file (generator = \"file\", weighted = true) or set use_weights = false");
  }
}

}  // namespace

Scenario load_scenario(const fs::path& path) {
  std::string text = read_scenario_text(path);
  const toml::table root = parse_scenario_text(text, path.string());
  return scenario_from_table(root, path, std::move(text));
}

Scenario load_scenario_text(std::string text, const fs::path& nominal_path) {
  const toml::table root = parse_scenario_text(text, nominal_path.string());
  return scenario_from_table(root, nominal_path, std::move(text));
}

std::string read_scenario_text(const fs::path& path) {
  const std::string file = path.string();
  std::error_code error;
  if (fs::is_directory(path, error)) {
    throw InputError({file}, "this is a folder, not a scenario file",
                     "name the .toml file (see scenarios/examples/ for examples)");
  }
  const auto bytes = fs::file_size(path, error);
  if (!error) check_scenario_size(bytes, file);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError({file}, "cannot read the scenario file",
                     "check the path (see scenarios/examples/ for examples)");
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

toml::table parse_scenario_text(const std::string& text, const std::string& file) {
  check_scenario_size(text.size(), file);
  check_scenario_nesting(text, file);
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    throw InputError({file, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                     fmt::format("invalid TOML: {}", error.description()),
                     "see docs/scenario-reference.md for the file's shape");
  }
}

Scenario scenario_from_table(const toml::table& root, const fs::path& path, std::string text) {
  const std::string file = path.string();
  Scenario scenario;
  scenario.path = path;
  scenario.text = std::move(text);

  // The fixed sections plus every table a model declares beside [model] ([outreach], ...).
  std::vector<std::string> sections{"run",     "network", "community", "model",      "strategies",
                                    "what_if", "compare", "costs",     "uncertainty"};
  std::vector<std::string> model_tables;
  for (const auto& info : model_registry()) {
    for (const ParamTable& table : info.extra_tables) {
      if (std::find(model_tables.begin(), model_tables.end(), table.name) == model_tables.end())
        model_tables.push_back(table.name);
    }
  }
  sections.insert(sections.end(), model_tables.begin(), model_tables.end());
  for (const auto& [key, node] : root) {
    const std::string name(key.str());
    if (std::find(sections.begin(), sections.end(), name) == sections.end()) {
      const auto& begin = key.source().begin;
      throw InputError({file, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                       fmt::format("unknown section '{}'", name), did_you_mean(name, sections));
    }
  }

  ParamValues run_values(run_params());
  if (const toml::node* run = root.get("run")) {
    if (!run->is_table())
      throw InputError(location_of(*run, file), "'run' must be a table", "write it as [run]");
    read_params(*run->as_table(), "run", run_params(), {}, file, run_values);
  }
  scenario.plan.steps = static_cast<std::uint32_t>(run_values.integer("steps"));
  scenario.plan.replicates = static_cast<std::uint32_t>(run_values.integer("replicates"));
  scenario.plan.seed = static_cast<std::uint64_t>(run_values.integer("seed"));
  scenario.plan.record_every = static_cast<std::uint32_t>(run_values.integer("record_every"));
  scenario.threads = static_cast<int>(run_values.integer("threads"));

  // The model decides whether the world is a [network] or a [community].
  const toml::table& model = require_table(root, "model", file, "kind = \"sir\"");
  std::vector<std::string> kinds;
  for (const auto& info : model_registry())
    kinds.push_back(info.kind);
  const auto [kind, kind_location] =
      read_selector(model, "model", "kind", kinds, file, location_of(model, file));
  scenario.model = find_model(kind);
  const ModelInfo& info = *scenario.model;

  const fs::path folder = path.parent_path();
  const char* wanted = info.needs_community ? "community" : "network";
  const char* unwanted = info.needs_community ? "network" : "community";
  if (const toml::node* node = root.get(unwanted)) {
    throw InputError(location_of(*node, file),
                     fmt::format("model kind \"{}\" does not read a [{}]", kind, unwanted),
                     fmt::format("describe its world in [{}] instead", wanted));
  }
  if (info.needs_community) {
    const toml::table& community =
        require_table(root, "community", file, "households = 5000 (see scenarios/examples/)");
    scenario.community = read_community(community, file);
    scenario.size_location = location_of(community, file);
    if (const toml::node* households = community.get("households"))
      scenario.size_location = location_of(*households, file);
  } else {
    const toml::table& network =
        require_table(root, "network", file, "generator = \"erdos_renyi\"");
    scenario.network = read_network(network, file, folder, scenario.size_location);
  }

  scenario.model_values = ParamValues(info.params);
  read_params(model, "model", info.params, {"kind"}, file, scenario.model_values);
  for (const std::string& extra : model_tables) {
    const bool declared = std::any_of(info.extra_tables.begin(), info.extra_tables.end(),
                                      [&](const ParamTable& t) { return t.name == extra; });
    const toml::node* node = root.get(extra);
    if (node != nullptr && !declared) {
      throw InputError(location_of(*node, file),
                       fmt::format("model kind \"{}\" does not read [{}]", kind, extra),
                       "remove the section, or choose a model that has it (village params)");
    }
  }
  for (const ParamTable& table : info.extra_tables) {
    ParamValues values(table.specs);
    if (const toml::node* node = root.get(table.name)) {
      if (!node->is_table()) {
        throw InputError(location_of(*node, file), fmt::format("'{}' must be a table", table.name),
                         fmt::format("write it as a section: [{}]", table.name));
      }
      read_params(*node->as_table(), table.name, table.specs, {}, file, values);
    }
    for (const auto& [name, value] : values.all())
      scenario.model_values.set(table.name + "." + name, value);
  }
  if (!info.needs_community && scenario.model_values.has("layer") &&
      scenario.model_values.text("layer") != scenario.network.layer) {
    throw InputError(location_of(*model.get("layer"), file),
                     fmt::format("model.layer = \"{}\" but the network layer is \"{}\"",
                                 scenario.model_values.text("layer"), scenario.network.layer),
                     "use the same name in [network] layer and [model] layer");
  }
  if (!info.needs_community) {
    check_weights(scenario, model, file);
    read_agent_files(scenario, model, file, folder);
  }
  scenario.strategies = read_strategies(root, file, info);
  check_memory(scenario, scenario.threads);
  return scenario;
}

nlohmann::ordered_json Scenario::to_json() const {
  nlohmann::ordered_json json;
  json["run"] = {{"steps", plan.steps},
                 {"replicates", plan.replicates},
                 {"seed", plan.seed},
                 {"record_every", plan.record_every},
                 {"threads", threads}};
  if (community) {
    json["community"] = community_to_json(*community);
  } else {
    nlohmann::ordered_json net = {{"generator", network.generator}};
    const auto network_values = values_to_json(network.values);
    for (const auto& [key, value] : network_values.items())
      net[key] = value;
    if (!network.block_sizes.empty()) net["block_sizes"] = network.block_sizes;
    if (!network.block_names.empty()) net["block_names"] = network.block_names;
    json["network"] = net;
  }
  // [model] keys, then each extra table's keys ("outreach.x") under its own name.
  nlohmann::ordered_json mod = {{"kind", model->kind}};
  std::map<std::string, nlohmann::ordered_json> tables;
  for (const auto& [name, value] : model_values.all()) {
    const auto dot = name.find('.');
    nlohmann::ordered_json& target = dot == std::string::npos ? mod : tables[name.substr(0, dot)];
    const std::string key = dot == std::string::npos ? name : name.substr(dot + 1);
    std::visit([&](const auto& v) { target[key] = v; }, value);
  }
  json["model"] = mod;
  for (auto& [table, values] : tables)
    json[table] = values;
  if (!strategies.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Strategy& strategy : strategies.strategies) {
      nlohmann::ordered_json entry = {{"name", strategy.name},
                                      {"description", strategy.description}};
      nlohmann::ordered_json overrides = nlohmann::ordered_json::object();
      for (const auto& [key, value] : strategy.overrides)
        std::visit([&, k = key](const auto& v) { overrides[k] = v; }, value);
      entry[strategy.table] = overrides;
      list.push_back(entry);
    }
    json["strategies"] = list;
    json["compare"] = {{"baseline", strategies.baseline},
                       {"outcomes", strategies.outcomes},
                       {"group", strategies.headline_group}};
  }
  return json;
}

WorldFactory make_world_factory(const Scenario& scenario) {
  if (scenario.community) {
    return [spec = *scenario.community](const RandomStream& rng) {
      return synthesize_community(spec, rng);
    };
  }
  WorldBuilder builder(scenario.network, scenario.plan.seed);
  const ParamValues& values = scenario.model_values;
  const bool named_centre = values.has("seeding_centre") && !values.text("seeding_centre").empty();
  if (!scenario.agent_attributes && !scenario.seed_file && !named_centre) return builder;
  // Ids are checked once here, before any run, so that no run can meet a bad one.
  const AgentIds agents = builder.agents();
  if (named_centre && values.text("seeding") == "neighbourhood")
    resolve_agent_id(values.text("seeding_centre"), agents, scenario.seeding_centre_at);
  auto columns = std::make_shared<const AgentColumns>(
      resolve_agent_files(scenario.agent_attributes.get(), scenario.seed_file.get(), agents));
  return [builder = std::move(builder), columns](const RandomStream& rng) {
    World world = builder(rng);
    for (const auto& [name, column] : columns->columns)
      world.population.real_column(name) = column;
    return world;
  };
}

}  // namespace village
