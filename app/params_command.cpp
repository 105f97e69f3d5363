#include <fmt/format.h>

#include <algorithm>

#include "app/commands.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/toml_fields.hpp"
#include "sim/error.hpp"
#include "sim/plausible.hpp"

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

// A Markdown table; with a mechanism column when any parameter names one (M1-M22),
// plausible-range columns (range and prior; why) when any gives one, and a role column (world or
// intervention: what a strategy may buy) when any parameter is an intervention's.
std::string table(const std::vector<ParamSpec>& specs) {
  const bool mechanisms = std::any_of(
      specs.begin(), specs.end(), [](const ParamSpec& spec) { return !spec.mechanism.empty(); });
  const bool plausible = std::any_of(specs.begin(), specs.end(), has_plausible);
  const bool roles = std::any_of(specs.begin(), specs.end(), [](const ParamSpec& spec) {
    return spec.role == ParamRole::intervention;
  });
  std::string text =
      fmt::format("| parameter | default | unit | range |{}{}{} meaning | source |\n",
                  plausible ? " plausible (prior) | why plausible |" : "", roles ? " role |" : "",
                  mechanisms ? " mechanism |" : "");
  text += fmt::format("|---|---|---|---|{}{}{}---|---|\n", plausible ? "---|---|" : "",
                      roles ? "---|" : "", mechanisms ? "---|" : "");
  for (const auto& spec : specs) {
    std::string extra;
    if (plausible)
      extra += fmt::format(" {} | {} |", describe_plausible(spec), spec.plausible_reason);
    if (roles) extra += spec.role == ParamRole::intervention ? " intervention |" : " world |";
    if (mechanisms) extra += fmt::format(" {} |", spec.mechanism);
    text += fmt::format("| `{}` | {} | {} | {} |{} {} | {} |\n", spec.name, default_text(spec),
                        spec.unit, range_text(spec), extra, spec.description, spec.source);
  }
  return text;
}

}  // namespace

int params_command(const std::string& only, bool schedule) {
  if (schedule) {
    const ModelInfo* info = find_model(only);
    if (info == nullptr || !info->schedule)
      throw InputError({}, fmt::format("no model with a weekly schedule named '{}'", only),
                       "try 'village params --schedule parent_support'");
    fmt::print("{}", info->schedule());
    return 0;
  }
  bool found = only.empty();
  if (only.empty() || only == "run") {
    fmt::print("### [run]\n\n{}\n", table(run_params()));
    found = true;
  }
  if (only.empty() || only == "community") {
    for (const ParamTable& section : community_param_sections()) {
      fmt::print("### [{}]\n\n{}.\n\n{}\n", section.name, section.description,
                 table(section.specs));
    }
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
    if (!info.agent_params.empty()) {
      fmt::print(
          "#### Per-agent parameters of \"{}\" (columns of [model] attributes)\n\n"
          "Without an attributes file each agent's value comes from the parameters above.\n\n{}\n",
          info.kind, table(info.agent_params));
    }
    for (const ParamTable& extra : info.extra_tables) {
      fmt::print("### [{}] (model kind \"{}\")\n\n{}.\n\n{}\n", extra.name, info.kind,
                 extra.description, table(extra.specs));
    }
  }
  if (!found) {
    throw InputError({}, fmt::format("no model or generator named '{}'", only),
                     "run 'village params' to list them all");
  }
  return 0;
}

}  // namespace village
