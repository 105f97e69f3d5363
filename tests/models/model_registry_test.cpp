// The registry as a whole: every classic model is selectable by its kind, and each
// declaration is documented and runnable from its defaults (model_test_support.hpp).

#include "models/model_registry.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "model_test_support.hpp"

TEST_CASE("the registry lists each model once", "[unit]") {
  const std::set<std::string> expected{
      "sir",      "independent_cascade", "linear_threshold", "degroot",
      "deffuant", "hegselmann_krause",   "parent_support",   "ishigami",
      "sobol_g",  "coordination"};
  std::set<std::string> kinds;
  for (const auto& info : village::model_registry()) {
    CHECK(kinds.insert(info.kind).second);
    CHECK(village::find_model(info.kind) == &info);
    CHECK(info.bytes_per_node > 0);  // the memory estimate needs it
  }
  CHECK(kinds == expected);
  CHECK(village::find_model("no_such_model") == nullptr);
}

TEST_CASE("every registered model is documented and runs from its defaults", "[unit]") {
  for (const auto& info : village::model_registry()) {
    INFO(info.kind);
    village_test::check_registry_entry(info.kind);
  }
}
