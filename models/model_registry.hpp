#pragma once
// Every model kind a scenario can select, with its parameter declarations.

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/model.hpp"
#include "sim/parameters.hpp"

namespace village {

struct ModelInfo {
  std::string kind;       // the scenario's [model] kind
  std::string summary;    // one line
  std::string reference;  // the paper it follows
  std::vector<ParamSpec> params;
  // Per-agent parameters an attributes file may give, one column each ([model]
  // attributes = "agents.csv"); the model reads them as population columns of that name.
  std::vector<ParamSpec> agent_params;
  // Tables beside [model] that the model reads (the parent-support model's [outreach]);
  // a loaded scenario passes their values to make() as "<table>.<key>".
  std::vector<ParamTable> extra_tables;
  // The metrics the model records that `village compare` may rank strategies by (the first
  // by default), for models without [outreach]; the parent-support model's are its own.
  std::vector<std::string> outcomes;
  // Runs on a synthesised community ([community]) instead of a [network].
  bool needs_community = false;
  double bytes_per_node = 0;  // model state, for the memory estimate before a run
  double bytes_per_arc = 0;   // per stored arc of the network (copies such as a matrix)
  std::function<std::unique_ptr<Model>(const ParamValues&)> make;
  // The model's week as a Markdown table of its steps in order (docs/ODD.md section 3);
  // empty for models with one update rule.
  std::function<std::string()> schedule;
};

const std::vector<ModelInfo>& model_registry();
// nullptr when no model has this kind.
const ModelInfo* find_model(std::string_view kind);

// One declaration per model file.
ModelInfo sir_model_info();
ModelInfo independent_cascade_model_info();
ModelInfo linear_threshold_model_info();
ModelInfo degroot_model_info();
ModelInfo deffuant_model_info();
ModelInfo hegselmann_krause_model_info();
ModelInfo coordination_model_info();
namespace parent_support {
ModelInfo parent_support_model_info();
}

}  // namespace village
