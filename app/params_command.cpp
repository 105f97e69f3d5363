#include <fmt/format.h>

#include <cmath>

#include "app/commands.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/toml_fields.hpp"
#include "sim/error.hpp"

namespace village {

namespace {

std::string default_text(const ParamSpec& spec) {
  switch (spec.type) {
    case ParamType::real:
    case ParamType::integer:
      return fmt::format("{}", spec.default_number);
    case ParamType::boolean:
      return spec.default_flag ? "true" : "false";
    case ParamType::text:
      return spec.default_text.empty() ? "(none)" : fmt::format("\"{}\"", spec.default_text);
  }
  return {};
}

std::string range_text(const ParamSpec& spec) {
  if (spec.type == ParamType::boolean) return "true, false";
  if (spec.type == ParamType::text)
    return spec.choices.empty() ? "text" : fmt::format("{}", fmt::join(spec.choices, ", "));
  return describe_range(spec);
}

std::string table(const std::vector<ParamSpec>& specs) {
  std::string text =
      "| parameter | default | unit | range | meaning | source |\n|---|---|---|---|---|---|\n";
  for (const auto& spec : specs) {
    text += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", spec.name, default_text(spec),
                        spec.unit, range_text(spec), spec.description, spec.source);
  }
  return text;
}

}  // namespace

int params_command(const std::string& only) {
  bool found = only.empty();
  if (only.empty() || only == "run") {
    fmt::print("### [run]\n\n{}\n", table(run_params()));
    found = true;
  }
  for (const auto& info : generator_registry()) {
    if (!only.empty() && only != info.name) continue;
    found = true;
    fmt::print("### [network] generator = \"{}\"\n\n{}.\n\n{}\n", info.name, info.summary,
               table(info.params));
  }
  for (const auto& info : model_registry()) {
    if (!only.empty() && only != info.kind) continue;
    found = true;
    fmt::print("### [model] kind = \"{}\"\n\n{} ({}).\n\n{}\n", info.kind, info.summary,
               info.reference, table(info.params));
  }
  if (!found) {
    throw InputError({}, fmt::format("no model or generator named '{}'", only),
                     "run 'village params' to list them all");
  }
  return 0;
}

}  // namespace village
