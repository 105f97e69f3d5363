#include "scenarios/uncertainty_table.hpp"

#include <fmt/format.h>

#include "scenarios/suggest.hpp"
#include "scenarios/toml_fields.hpp"

namespace village {

namespace {

std::int64_t whole_number(const toml::node& value, const std::string& key, std::int64_t low,
                          std::int64_t high, const std::string& file) {
  const auto* number = value.as_integer();
  if (number == nullptr || number->get() < low || number->get() > high)
    throw InputError(
        location_of(value, file),
        fmt::format("uncertainty.{} must be a whole number in [{}, {}]", key, low, high),
        fmt::format("write it like {} = {}", key, key == "worlds" ? 200 : 2));
  return number->get();
}

}  // namespace

std::optional<UncertaintySettings> read_uncertainty_table(const toml::table& root,
                                                          const std::string& file) {
  const toml::node* node = root.get("uncertainty");
  if (node == nullptr) return std::nullopt;
  const toml::table* table = node->as_table();
  if (table == nullptr)
    throw InputError(location_of(*node, file), "[uncertainty] must be a table",
                     "write it as [uncertainty] with worlds = N");
  UncertaintySettings settings;
  settings.location = location_of(*table, file);
  bool has_worlds = false;
  for (const auto& [key, value] : *table) {
    const std::string k(key.str());
    const SourceLocation at = location_of(value, file);
    if (k == "worlds") {
      settings.worlds = static_cast<std::size_t>(whole_number(value, k, 20, 1000000, file));
      has_worlds = true;
    } else if (k == "replicates") {
      settings.replicates = static_cast<std::uint32_t>(whole_number(value, k, 1, 100000, file));
    } else if (k == "design") {
      const auto* text = value.as_string();
      if (text == nullptr || (text->get() != "lhs" && text->get() != "sobol"))
        throw InputError(at, "uncertainty.design must be \"lhs\" or \"sobol\"",
                         "write it like design = \"lhs\"");
      settings.design = text->get();
    } else if (k == "willingness_to_pay") {
      const std::optional<double> euros = value.value<double>();
      if (!euros || !(*euros > 0))
        throw InputError(at, "uncertainty.willingness_to_pay must be a positive number of euros",
                         "write it like willingness_to_pay = 8000");
      settings.willingness_to_pay = *euros;
    } else if (k == "parameters") {
      const toml::array* array = value.as_array();
      if (array == nullptr || array->empty())
        throw InputError(at, "uncertainty.parameters must be a non-empty array of names",
                         "write it like parameters = [\"outreach.inviting_share\"]");
      for (const toml::node& element : *array) {
        if (!element.is_string())
          throw InputError(location_of(element, file),
                           "each uncertainty.parameters entry must be a string",
                           "a dotted name such as \"model.trust_gain\", or \"NAME=LO:HI\"");
        settings.parameters.push_back(element.as_string()->get());
      }
    } else {
      throw InputError(
          SourceLocation{file, static_cast<int>(key.source().begin.line),
                         static_cast<int>(key.source().begin.column)},
          fmt::format("unknown key uncertainty.{}", k),
          did_you_mean(k, {"worlds", "parameters", "design", "replicates", "willingness_to_pay"}));
    }
  }
  if (!has_worlds)
    throw InputError(settings.location, "[uncertainty] needs worlds", "add worlds = 200");
  return settings;
}

}  // namespace village
