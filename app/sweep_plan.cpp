#include "app/sweep_plan.hpp"

#include <fmt/format.h>

#include <charconv>

#include "scenarios/param_lookup.hpp"
#include "village/version.hpp"

namespace village {

namespace {

std::size_t default_samples(sensitivity::DesignKind kind) {
  switch (kind) {
    case sensitivity::DesignKind::grid:
      return 3;  // levels per continuous factor
    case sensitivity::DesignKind::lhs:
      return 64;
    case sensitivity::DesignKind::sobol:
      return 256;
    case sensitivity::DesignKind::morris:
      return 10;
  }
  return 64;
}

std::string describe_point(const SweepPlan& plan, std::size_t point) {
  std::string text;
  for (std::size_t f = 0; f < plan.factors.size(); ++f) {
    text += fmt::format("{}{}={}", f == 0 ? "" : ", ", plan.factors[f].name,
                        format_param_value(plan.values[point][f]));
  }
  return text;
}

}  // namespace

std::string fnv1a_hex(const std::string& text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

void parse_shard(const std::string& text, std::uint64_t& index, std::uint64_t& count) {
  const auto slash = text.find('/');
  std::uint64_t i = 0;
  std::uint64_t n = 0;
  const auto parse = [](std::string_view part, std::uint64_t& value) {
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    return error == std::errc() && end == part.data() + part.size() && !part.empty();
  };
  if (slash == std::string::npos || !parse(std::string_view(text).substr(0, slash), i) ||
      !parse(std::string_view(text).substr(slash + 1), n) || n == 0 || i == 0 || i > n) {
    throw InputError({"--shard"}, fmt::format("'{}' is not a shard", text),
                     "write I/N with 1 <= I <= N, e.g. --shard 2/8 (Slurm: "
                     "--shard $((SLURM_ARRAY_TASK_ID + 1))/$SLURM_ARRAY_TASK_COUNT)");
  }
  index = i - 1;
  count = n;
}

namespace {

// The strategy --strategy names (null for none); refuses a name the scenario lacks.
const Strategy* find_strategy(const Scenario& scenario, const std::string& name) {
  if (name.empty()) return nullptr;
  if (const Strategy* strategy = scenario.strategies.find(name)) return strategy;
  std::string names;
  for (const Strategy& s : scenario.strategies.strategies)
    names += (names.empty() ? "" : ", ") + s.name;
  throw InputError(
      {"--strategy"}, fmt::format("the scenario has no strategy '{}'", name),
      names.empty() ? "it has no [strategies.<name>] tables" : "its strategies are " + names);
}

// A factor the strategy sets would be overridden at every point: refused.
void refuse_factor_bought(const SweepFactor& factor, const Strategy* strategy) {
  if (strategy == nullptr) return;
  for (const auto& [key, value] : strategy->overrides) {
    if (strategy->table + "." + key != factor.name) continue;
    throw InputError({"--param"},
                     fmt::format("{} is set by strategy '{}', so sweeping it changes nothing",
                                 factor.name, strategy->name),
                     "sweep it without --strategy, or sweep another parameter");
  }
}

}  // namespace

Scenario SweepPlan::point_scenario(std::size_t point) const {
  toml::table table = root;
  for (std::size_t f = 0; f < factors.size(); ++f)
    set_scenario_value(table, factors[f].name, values[point][f]);
  try {
    Scenario scenario = scenario_from_table(table, request.scenario, text);
    if (!request.strategy.empty())
      scenario.model_values =
          strategy_model_values(scenario.model_values, *scenario.strategies.find(request.strategy));
    scenario.plan.replicates = replicates;
    scenario.plan.seed = seed;
    scenario.threads = threads;
    return scenario;
  } catch (const InputError& error) {
    // The value came from --param, not from the file: say which point and value.
    throw InputError(error.where().line == 0 ? SourceLocation{"--param"} : error.where(),
                     fmt::format("design point {} ({}): {}", point, describe_point(*this, point),
                                 error.problem()),
                     error.hint());
  }
}

SweepPlan plan_sweep(const SweepRequest& request) {
  SweepPlan plan;
  plan.request = request;
  const auto kind = sensitivity::parse_design_kind(request.design);
  if (!kind) {
    throw InputError({"--design"}, fmt::format("unknown design '{}'", request.design),
                     "use grid, lhs, sobol or morris");
  }
  plan.text =
      request.scenario_text.empty() ? read_scenario_text(request.scenario) : request.scenario_text;
  plan.root = parse_scenario_text(plan.text, request.scenario.string());
  if (request.params.empty()) {
    throw InputError({"--param"}, "a sweep needs at least one --param",
                     "e.g. --param model.transmissibility=0.1:0.5");
  }
  // The scenario as written must load: its own errors point at its own lines.
  const Scenario base = scenario_from_table(plan.root, request.scenario, plan.text);
  const Strategy* strategy = find_strategy(base, request.strategy);
  for (const std::string& text : request.params) {
    SweepFactor factor;
    if (names_plausible_factor(text)) {
      factor = plausible_factor(text, find_scenario_param(base, text));
    } else {
      factor = parse_sweep_factor(text);
      resolve_factor_scale(factor, plan.root);
    }
    refuse_factor_bought(factor, strategy);
    for (const SweepFactor& other : plan.factors) {
      if (other.name == factor.name) {
        throw InputError({"--param"}, fmt::format("{} is swept twice", factor.name),
                         "give each parameter one --param");
      }
    }
    plan.factors.push_back(std::move(factor));
  }
  plan.model_kind = base.model->kind;
  plan.replicates = request.replicates != 0 ? request.replicates : base.plan.replicates;
  plan.steps = base.plan.steps;
  plan.seed = request.seed_given ? request.seed : base.plan.seed;
  plan.threads = request.threads != 0 ? request.threads : base.threads;

  sensitivity::DesignOptions options;
  options.kind = *kind;
  options.dimensions = plan.factors.size();
  options.samples = request.samples != 0 ? request.samples : default_samples(*kind);
  options.morris_levels = request.morris_levels;
  plan.samples = options.samples;
  options.seed = plan.seed;
  for (const SweepFactor& factor : plan.factors)
    options.levels.push_back(factor.level_count());
  std::size_t points = 0;
  try {
    points = sensitivity::design_size(options);
  } catch (const std::exception& error) {
    throw InputError({"--design"}, error.what(), "see docs/sweeps.md for each design's options");
  }
  const double tasks = static_cast<double>(points) * plan.replicates;
  if (points == 0 || tasks > static_cast<double>(kMaxSweepTasks)) {
    throw InputError({"--samples"},
                     fmt::format("the sweep would have {:.0f} tasks ({} points x {} replicates); "
                                 "the limit is {}",
                                 tasks, points, plan.replicates, kMaxSweepTasks),
                     "lower --samples or --replicates, or split the factors into several sweeps");
  }
  try {
    plan.design = sensitivity::make_design(options, kMaxSweepTasks);
    if (request.sequence_only && *kind == sensitivity::DesignKind::sobol)
      plan.design.points.resize(options.samples);
  } catch (const std::exception& error) {
    throw InputError({"--design"}, error.what(), "see docs/sweeps.md for each design's options");
  }
  plan.values.resize(plan.design.points.size());
  for (std::size_t p = 0; p < plan.design.points.size(); ++p) {
    for (std::size_t f = 0; f < plan.factors.size(); ++f)
      plan.values[p].push_back(plan.factors[f].value_at(plan.design.points[p][f]));
  }
  if (!request.given_values.empty()) plan.values = request.given_values;
  // Every point is checked before the first task runs, so a bad range fails at once.
  for (std::size_t p = 0; p < plan.values.size(); ++p)
    (void)plan.point_scenario(p);

  plan.task_count = static_cast<std::uint64_t>(plan.values.size()) * plan.replicates;
  for (std::uint64_t t = request.shard_index; t < plan.task_count; t += request.shard_count)
    plan.tasks.push_back(t);

  std::string identity = fmt::format(
      "village-sweep 1\nversion {} {}\ndesign {} samples {} levels {} seed {}\nreplicates {} "
      "timeseries {}{}\n",
      kVersion, kGitRevision, sensitivity::design_kind_name(*kind), options.samples,
      options.morris_levels, plan.seed, plan.replicates, request.timeseries ? 1 : 0,
      request.sequence_only ? " sequence" : "");
  for (const SweepFactor& factor : plan.factors)
    identity += "param " + factor.spec + "\n";
  if (strategy != nullptr) identity += "strategy " + strategy->name + "\n";
  for (const auto& row : request.given_values) {
    identity += "given";
    for (const ParamValue& value : row)
      identity += fmt::format(" {}", format_param_value(value));
    identity += "\n";
  }
  identity += "scenario\n" + plan.text;
  plan.key = fnv1a_hex(identity);
  return plan;
}

}  // namespace village
