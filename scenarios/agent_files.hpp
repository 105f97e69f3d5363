#pragma once
// Per-agent inputs of the classic models, from CSV files beside the scenario:
//   [model] attributes = "agents.csv"   header `id,<parameter>,...`, the parameters being
//     the model's per-agent ones (ModelInfo::agent_params, `village params`), then one
//     row per agent: every agent needs a row, each value within its parameter's range
//   [model] seeding = "file", seeding_file = "seeds.csv"   header `id`, one seed per row
// Ids are the labels of an imported network, or agent numbers from 0 for a generated one.
// Files are read and checked when the scenario loads; ids are checked against the
// network once it is known (make_world_factory), before any run starts.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/error.hpp"
#include "sim/parameters.hpp"

namespace village {

struct AgentFile {
  struct Row {
    std::string id;
    SourceLocation where;  // the id's field
    std::vector<double> values;
  };
  std::filesystem::path path;
  std::vector<std::string> columns;  // the columns after `id`
  std::vector<Row> rows;
};

// `named_at`: where the scenario names the file (for a missing file).
AgentFile read_attributes_file(const std::filesystem::path& path,
                               const std::vector<ParamSpec>& agent_params, const std::string& kind,
                               const SourceLocation& named_at);
AgentFile read_seed_file(const std::filesystem::path& path, const SourceLocation& named_at);

// One population column per attribute, plus kSeedFileColumn (1 for each seed).
struct AgentColumns {
  std::vector<std::pair<std::string, std::vector<double>>> columns;
};

// The agents of a network: its labels (imported) or its size (numbers 0..n-1).
struct AgentIds {
  std::shared_ptr<const std::vector<std::string>> labels;
  NodeId count = 0;
};

// Throws InputError at the row of an unknown or repeated id, or naming an agent that the
// attributes file leaves out.
AgentColumns resolve_agent_files(const AgentFile* attributes, const AgentFile* seeds,
                                 const AgentIds& agents);

// The agent `id` names (a label, or a number below the count); throws InputError at
// `where` when there is none.
NodeId resolve_agent_id(const std::string& id, const AgentIds& agents, const SourceLocation& where);

}  // namespace village
