#pragma once
// The [network] section: which generator or file makes the network, its declared
// parameters, and the builder that turns it into each run's World.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/agent_files.hpp"
#include "sim/parameters.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village {

struct GeneratorInfo {
  std::string name;  // the scenario's generator = "..."
  std::string summary;
  std::vector<ParamSpec> params;
};

// erdos_renyi, watts_strogatz, barabasi_albert, configuration, sbm, complete, file.
const std::vector<GeneratorInfo>& generator_registry();
const GeneratorInfo* find_generator(std::string_view name);

struct NetworkSpec {
  std::string generator;
  ParamValues values;
  std::vector<std::string> given;              // keys the scenario set explicitly
  std::vector<std::uint64_t> block_sizes;      // sbm
  std::vector<std::string> block_names;        // sbm
  std::filesystem::path file;                  // file: resolved against the scenario's folder
  std::filesystem::path degree_file;           // configuration with a degree file
  std::vector<std::uint32_t> degree_sequence;  // read from degree_file when the scenario loads
  std::string layer = "network";
  bool per_run = true;           // draw a new network for every replicate
  std::uint64_t file_lines = 0;  // file: its line count, taken when the scenario loads

  bool was_given(const std::string& key) const;
  // file: "graphml", "affiliation", "csv" or "edge_list" (format = "auto" by extension).
  std::string file_format() const;
  // Expected node and stored-arc counts, for the memory estimate before allocating.
  double expected_nodes() const;
  double expected_arcs() const;
};

// Builds the World of each run. Files are imported, and a shared network
// (per_run = false) generated, once, when the builder is made.
class WorldBuilder {
 public:
  WorldBuilder(NetworkSpec spec, std::uint64_t seed);
  World operator()(const RandomStream& rng) const;
  // The agents every run's network has: an imported one's labels, a generated one's count.
  AgentIds agents() const;

 private:
  World generate(const RandomStream& rng) const;
  NetworkSpec spec_;
  std::shared_ptr<const World> shared_;  // file imports and per_run = false
};

}  // namespace village
