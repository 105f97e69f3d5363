#include "models/model_registry.hpp"

#include "models/test_functions.hpp"

namespace village {

const std::vector<ModelInfo>& model_registry() {
  static const std::vector<ModelInfo> registry{
      independent_cascade_model_info(),
      linear_threshold_model_info(),
      sir_model_info(),
      degroot_model_info(),
      deffuant_model_info(),
      hegselmann_krause_model_info(),
      coordination_model_info(),
      parent_support::parent_support_model_info(),
      ishigami_model_info(),
      sobol_g_model_info(),
  };
  return registry;
}

const ModelInfo* find_model(std::string_view kind) {
  for (const auto& info : model_registry()) {
    if (info.kind == kind) return &info;
  }
  return nullptr;
}

}  // namespace village
