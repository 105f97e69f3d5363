// `village compare`: runs a scenario's strategies on the same replicate seeds (common
// random numbers: strategy s, replicate r uses run id r), compares them pairwise with
// the baseline, and writes comparison.csv, timeseries.csv (with a strategy column),
// report.html and manifest.json.

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <exception>
#include <filesystem>
#include <mutex>

#include "analysis/compare/comparison.hpp"
#include "analysis/report/network_picture.hpp"
#include "analysis/report/report.hpp"
#include "app/clock.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/group_sizes.hpp"
#include "app/interrupt.hpp"
#include "app/output_files.hpp"
#include "app/progress.hpp"
#include "app/record_filter.hpp"
#include "app/skipped_meetings.hpp"
#include "models/community_schema.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/suggest.hpp"
#include "sim/csv.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

// comparison.csv, the time series, report.html and manifest.json, as --format writes them.
std::vector<OutputTable> compare_tables() {
  return {{"comparison", "", false}, {"timeseries", "", true}};
}

// Forwards to a model and, at the last recorded week, keeps the picture of its world.
class PictureTaker : public Model {
 public:
  PictureTaker(std::unique_ptr<Model> model, std::uint32_t last_step, PictureOptions options,
               NetworkPicture* out)
      : model_(std::move(model)), last_step_(last_step), options_(options), out_(out) {}
  void initialize(World& world, const RandomStream& rng) override {
    model_->initialize(world, rng);
  }
  void step(World& world, const StepContext& context) override { model_->step(world, context); }
  void observe(const World& world, Observation& observation) const override {
    model_->observe(world, observation);
    if (observation.step() == last_step_) *out_ = extract_network_picture(world, options_);
  }

 private:
  std::unique_ptr<Model> model_;
  std::uint32_t last_step_;
  PictureOptions options_;
  NetworkPicture* out_;
};

std::string timeseries_with_strategy(const std::vector<StrategyRuns>& strategies,
                                     const SeriesFilter& record) {
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "strategy,run,step,metric,group,value\n");
  for (const StrategyRuns& s : strategies) {
    const std::string name = csv_field(s.name);
    for (const RunRecord& run : s.runs) {
      for (const MetricRow& row : run.rows) {
        if (!record.keeps(row.metric, row.group)) continue;
        fmt::format_to(std::back_inserter(out), "{},{},{},", name, run.run, row.step);
        append_metric_group(out, row);
        append_stored_value(out, row.value);
        out.push_back('\n');
      }
    }
  }
  return fmt::to_string(out);
}

// What the world of a what-if is, and that it is not an option.
std::string what_if_sentence(const WhatIf& what_if) {
  return fmt::format(
      "What if: {}{}. In this world ({}), the strategies are compared as usual; the what-if "
      "itself is an assumption about the world, not an option a municipality can buy.",
      what_if.name, what_if.description.empty() ? "" : " (" + what_if.description + ")",
      describe_overrides(what_if));
}

std::vector<std::string> scenario_summary(const Scenario& scenario, const std::string& baseline,
                                          std::size_t strategies) {
  std::vector<std::string> lines;
  if (scenario.community) {
    const CommunitySpec& spec = *scenario.community;
    std::vector<std::string> parts;
    for (const CommunityGroup& group : spec.communities)
      parts.push_back(fmt::format("{} ({:.0f}%)", group.name, group.share * 100));
    lines.push_back(fmt::format(
        "The scenario {} describes a community of {:.0f} households with children in {} "
        "neighbourhoods; its communities are {}. Each replicate synthesises the community anew "
        "from its random stream, with its schools, informal organisations, professionals and "
        "key figures.",
        scenario.path.filename().string(), spec.values.real("households"),
        spec.values.integer("neighbourhoods"), fmt::join(parts, ", ")));
  }
  if (!scenario.community) {
    lines.push_back(fmt::format(
        "Each run simulates {} steps of the {} model ({}) on a {} network of {:.0f} agents. "
        "{} strategies were compared; each is the scenario's [model] with the strategy's "
        "seeding. Every strategy's replicate r runs on the same network and random stream "
        "(common random numbers). The baseline, against which every difference is measured, "
        "is {}. Outcomes are compared at the last step.",
        scenario.plan.steps, scenario.model->kind, scenario.model->reference,
        scenario.network.generator, scenario.network.expected_nodes(), strategies, baseline));
    return lines;
  }
  lines.push_back(fmt::format(
      "Each run simulates {} weeks of outreach. {} strategies were compared; each is the "
      "scenario's [outreach] with the strategy's changes. The baseline, against which every "
      "difference is measured, is {}. Outcomes are compared at the end of the last week.",
      scenario.plan.steps, strategies, baseline));
  return lines;
}

}  // namespace

int compare_command(const CompareOptions& options) {
  Scenario scenario = options.scenario_text.empty()
                          ? load_scenario(options.scenario)
                          : load_scenario_text(options.scenario_text, options.scenario);
  const std::string file = scenario.path.string();
  const StrategySet& set = scenario.strategies;
  // A scenario with an [uncertainty] table is compared under uncertainty.
  if (set.uncertainty && options.what_if.empty()) {
    CompareOptions under = options;
    under.uncertainty = set.uncertainty->worlds;
    return uncertainty_command(under);
  }
  if (set.empty()) {
    throw InputError({file}, "the scenario names no strategies to compare",
                     "add [strategies.<name>] tables of [outreach] keys (see "
                     "scenarios/examples/strategies_district.toml)");
  }
  const WhatIf* what_if = nullptr;
  if (!options.what_if.empty()) {
    what_if = set.find_what_if(options.what_if);
    if (what_if == nullptr) {
      std::vector<std::string> known;
      for (const WhatIf& w : set.what_ifs)
        known.push_back(w.name);
      throw InputError({}, fmt::format("--what-if: no [what_if.{}] in {}", options.what_if, file),
                       known.empty() ? std::string("add a [what_if.<name>] table of world "
                                                   "parameters to the scenario")
                                     : did_you_mean(options.what_if, known));
    }
    scenario.model_values = what_if_model_values(scenario.model_values, *what_if);
  }
  std::vector<std::string> names;
  for (const Strategy& s : set.strategies)
    names.push_back(s.name);
  std::vector<const Strategy*> chosen;
  for (const std::string& name : options.strategies) {
    const Strategy* strategy = set.find(name);
    if (strategy == nullptr)
      throw InputError({}, fmt::format("--strategies: no strategy \"{}\" in {}", name, file),
                       did_you_mean(name, names));
    if (std::find(chosen.begin(), chosen.end(), strategy) == chosen.end())
      chosen.push_back(strategy);
  }
  if (chosen.empty())
    for (const Strategy& s : set.strategies)
      chosen.push_back(&s);
  std::size_t baseline = 0;
  for (std::size_t i = 0; i < chosen.size(); ++i)
    if (chosen[i]->name == set.baseline) baseline = i;
  if (chosen[baseline]->name != set.baseline && !options.quiet) {
    fmt::print(stderr,
               "note: the baseline \"{}\" is not among --strategies; comparing with \"{}\"\n",
               set.baseline, chosen[baseline]->name);
  }

  if (options.seed) scenario.plan.seed = *options.seed;
  if (options.replicates) scenario.plan.replicates = *options.replicates;
  if (options.threads) scenario.threads = *options.threads;
  // Costs sum the weekly spending, so every week is recorded.
  scenario.plan.record_every = 1;
  check_memory(scenario, scenario.threads);
  set_thread_count(scenario.threads);
  const int threads = thread_count();

  // The headline group must be one the model records.
  std::vector<std::string> known_groups{"all"};
  if (scenario.community) {
    known_groups.insert(known_groups.end(), {"vulnerable", "language_barrier"});
    for (const CommunityGroup& g : scenario.community->communities)
      known_groups.push_back("community:" + g.name);
    for (auto type : community::kParentTypeNames)
      known_groups.push_back(fmt::format("type:{}", type));
  } else {
    known_groups.insert(known_groups.end(), scenario.network.block_names.begin(),
                        scenario.network.block_names.end());
  }
  if (std::find(known_groups.begin(), known_groups.end(), set.headline_group) ==
      known_groups.end()) {
    throw InputError(
        set.compare_location,
        fmt::format("compare.group \"{}\" is not a group the model records", set.headline_group),
        did_you_mean(set.headline_group, known_groups));
  }

  // Files the world reads (a network, attributes, seeds) are checked before any output.
  const WorldFactory make_world = make_world_factory(scenario);
  const OutputFormat format = parse_output_format(options.output.format);
  const SeriesFilter record =
      record_filter(options.output.record, options.output.record_groups, scenario, make_world);
  const std::vector<std::string> files =
      output_file_names(compare_tables(), format, {"report.html", "manifest.json"});
  const fs::path out =
      !options.out.empty() ? fs::path(options.out)
      : what_if != nullptr
          ? fs::path("runs") / (scenario.path.stem().string() + "_what_if_" + what_if->name)
          : fs::path("runs") / scenario.path.stem();
  create_output_folder(out);
  remove_stale_temporaries(out, files);
  const std::atomic<bool>& stop = install_interrupt_handlers();

  const std::size_t strategies = chosen.size();
  const std::size_t replicates = scenario.plan.replicates;
  std::vector<ParamValues> values;
  std::vector<StrategyRuns> results(strategies);
  std::vector<NetworkPicture> pictures(strategies);
  for (std::size_t s = 0; s < strategies; ++s) {
    values.push_back(strategy_model_values(scenario.model_values, *chosen[s]));
    results[s].name = chosen[s]->name;
    results[s].budget_euros = budget_of(values[s]);
    results[s].runs.resize(replicates);
    results[s].group_sizes.resize(replicates);
  }
  PictureOptions picture_options;
  if (scenario.model_values.has("reach_threshold"))
    picture_options.reach_threshold = scenario.model_values.real("reach_threshold");

  const auto start = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const ModelInfo& model = *scenario.model;
  Progress progress(strategies * replicates, "runs",
                    !options.quiet && ::isatty(STDERR_FILENO) != 0);
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::atomic<std::int64_t> finished{0};
  // Task k: replicate k / strategies of strategy k % strategies, so that the replicates
  // finished early hold every strategy. Each task is run_one, a pure function of
  // (seed, run id): the results do not depend on the thread count or the schedule.
  const auto tasks = static_cast<std::int64_t>(strategies * replicates);
#pragma omp parallel for schedule(dynamic, 1) if (tasks > 1 && thread_count() > 1)
  for (std::int64_t k = 0; k < tasks; ++k) {
    if (stop.load(std::memory_order_relaxed)) continue;
    try {
      const std::size_t s = static_cast<std::size_t>(k) % strategies;
      const std::size_t r = static_cast<std::size_t>(k) / strategies;
      std::map<std::string, double>* sizes = &results[s].group_sizes[r];
      const WorldFactory world = [&, sizes](const RandomStream& rng) {
        World built = make_world(rng);
        if (scenario.community) *sizes = group_sizes(built, *scenario.community);
        return built;
      };
      const ParamValues& mine = values[s];
      NetworkPicture* picture = &pictures[s];
      const std::uint32_t last = scenario.plan.steps;
      const ModelFactory make_model = [&, r, picture, last]() -> std::unique_ptr<Model> {
        if (r == 0 && scenario.community)
          return std::make_unique<PictureTaker>(model.make(mine), last, picture_options, picture);
        return model.make(mine);
      };
      results[s].runs[r] =
          run_one(static_cast<std::uint32_t>(r), scenario.plan, world, make_model, &stop);
      progress.done_one();
      ++finished;
    } catch (const RunStopped&) {
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  if (stop.load()) {
    return report_nothing_written(fmt::format("{} of {} runs ({} strategies x {} replicates)",
                                              finished.load(), tasks, strategies, replicates),
                                  out);
  }
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();
  const auto end = std::chrono::system_clock::now();

  // Costs: the spending each run recorded, by intervention.
  std::vector<CostBreakdown> mean_costs(strategies);
  for (std::size_t s = 0; s < strategies; ++s) {
    for (const RunRecord& run : results[s].runs)
      results[s].costs.push_back(run_cost(run.rows));
    mean_costs[s] = mean_cost(results[s].costs);
  }

  ComparisonOptions compare_options;
  compare_options.baseline = baseline;
  compare_options.outcomes = set.outcomes;
  compare_options.groups = default_groups(results.front().runs);
  if (std::find(compare_options.groups.begin(), compare_options.groups.end(), set.headline_group) ==
      compare_options.groups.end())
    compare_options.groups.push_back(set.headline_group);
  const Comparison comparison = compare_strategies(results, compare_options);
  const std::string headline_outcome = set.outcomes.front();
  std::vector<std::string> warn_groups{"all", set.headline_group};
  const std::vector<std::string> warnings = separation_warnings(comparison, warn_groups);

  // The network picture: replicate 0 of the best strategy by the headline.
  const std::vector<std::string> ranking = comparison.ranking(headline_outcome, set.headline_group);
  std::string network_svg;
  std::string network_caption;
  if (!ranking.empty()) {
    std::size_t best = 0;
    for (std::size_t s = 0; s < strategies; ++s)
      if (results[s].name == ranking.front()) best = s;
    NetworkPicture& picture = pictures[best];
    if (!picture.nodes.empty()) {
      layout_network_picture(picture, static_cast<std::uint32_t>(scenario.plan.seed));
      std::size_t parents = 0;
      for (const PictureNode& node : picture.nodes)
        parents += node.kind == PictureNode::Kind::parent;
      network_svg = network_picture_svg(
          picture, fmt::format("One replicate's network under {}", results[best].name));
      network_caption = fmt::format(
          "Replicate 0 under {} (ranked first) at week {}: {} parents of neighbourhood {} "
          "with their family and friend ties (grey), the professionals (squares) and key "
          "figures (diamonds) they are tied to. Parents are coloured by their highest trust "
          "in a professional (red low, green high; reached at {}); lines to professionals "
          "are coloured by the trust on the tie. Laid out with Boost.Graph's "
          "Fruchterman-Reingold force-directed layout.",
          results[best].name, scenario.plan.steps, parents, picture.neighbourhood,
          picture.reach_threshold);
    }
  }

  ReportInput report;
  report.scenario_name = scenario.path.filename().string();
  report.scenario_summary = scenario_summary(scenario, chosen[baseline]->name, strategies);
  if (what_if != nullptr)
    report.scenario_summary.insert(report.scenario_summary.begin(), what_if_sentence(*what_if));
  for (std::size_t s = 0; s < strategies; ++s) {
    report.strategies.push_back({chosen[s]->name, chosen[s]->description,
                                 describe_overrides(*chosen[s]), budget_of(values[s]),
                                 mean_costs[s],
                                 outcome_over_time(results[s].runs, headline_outcome,
                                                   set.headline_group, comparison.level)});
  }
  report.comparison = comparison;
  report.headline_outcome = headline_outcome;
  report.headline_group = set.headline_group;
  report.outcomes = set.outcomes;
  report.groups = compare_options.groups;
  report.replicates = replicates;
  report.weeks = scenario.plan.steps;
  report.seed = scenario.plan.seed;
  report.version = kVersion;
  report.git_revision = kGitRevision;
  report.warnings = warnings;
  // Meetings that could not take place, once per strategy (on the terminal and in the report).
  std::vector<std::string> skip_warnings;
  for (const StrategyRuns& strategy : results)
    if (const auto warning = skipped_meetings_warning(strategy.runs, strategy.name))
      skip_warnings.push_back(*warning);
  report.warnings.insert(report.warnings.begin(), skip_warnings.begin(), skip_warnings.end());
  report.network_svg = network_svg;
  report.network_caption = network_caption;
  if (!scenario.community) {  // a classic model: agents, steps, seeding, no prices
    report.agents = "agents";
    report.step = "step";
    report.settings_table = "model";
    report.priced = false;
  }
  // A link relative to the report, so that it works wherever the checkout is opened.
  report.odd_link = "docs/ODD.md";
  {
    const fs::path odd = fs::path(VILLAGE_SOURCE_DIR) / "docs" / "ODD.md";
    std::error_code ignored;
    if (fs::is_regular_file(odd, ignored)) {
      const fs::path relative = fs::relative(odd, fs::absolute(out), ignored);
      if (!ignored && !relative.empty()) report.odd_link = relative.generic_string();
    }
  }

  nlohmann::ordered_json manifest;
  manifest["village_version"] = kVersion;
  manifest["git_revision"] = kGitRevision;
  manifest["command"] = "compare";
  manifest["scenario_file"] = fs::absolute(scenario.path).string();
  manifest["scenario"] = scenario.to_json();
  manifest["scenario_text"] = scenario.text;
  manifest["random"] = {{"generator", "Philox4x64-10 (Random123)"},
                        {"master_seed", scenario.plan.seed},
                        {"stream_key", "(master_seed, run)"},
                        {"common_random_numbers", "strategy s, replicate r uses run id r"}};
  nlohmann::ordered_json compared = nlohmann::ordered_json::array();
  for (const Strategy* s : chosen)
    compared.push_back(s->name);
  manifest["strategies"] = compared;
  manifest["baseline"] = chosen[baseline]->name;
  if (what_if != nullptr)
    manifest["what_if"] = {{"name", what_if->name},
                           {"description", what_if->description},
                           {"world", describe_overrides(*what_if)}};
  manifest["replicates"] = replicates;
  manifest["threads"] = threads;
  manifest["host"] = host_name();
  manifest["start_time"] = iso_time(start);
  manifest["end_time"] = iso_time(end);
  manifest["wall_seconds"] = wall;
  manifest["files"] = files;

  std::vector<OutputTable> tables = compare_tables();
  tables[0].csv = comparison_csv(comparison);
  tables[1].csv = timeseries_with_strategy(results, record);
  write_outputs(
      out, format, std::move(tables),
      {{out / "report.html", render_report(report)}, {out / "manifest.json", json_text(manifest)}},
      manifest);

  for (const std::string& w : skip_warnings)
    fmt::print(stderr, "warning: {}\n", w);
  // On the terminal: the headline outcome's warnings; the rest are in comparison.csv.
  std::size_t others = 0;
  for (const std::string& w : warnings) {
    if (w.rfind(headline_outcome + " (", 0) == 0)
      fmt::print(stderr, "warning: {}\n", w);
    else
      ++others;
  }
  if (others > 0)
    fmt::print(stderr,
               "warning: {} more differences in other outcomes are not separated by {} "
               "replicates (comparison.csv: diff_separated = no, replicates_needed)\n",
               others, replicates);
  if (!options.quiet) {
    fmt::print("village {}: {} ({} strategies x {} replicates x {} {}s, {} threads, {:.2f} s)\n\n",
               kVersion, scenario.path.filename().string(), strategies, replicates,
               scenario.plan.steps, report.step, threads, wall);
    if (what_if != nullptr) fmt::print("{}\n\n", what_if_sentence(*what_if));
    fmt::print("Ranking by {} ({}) at the last {}, {:.0f}% intervals, baseline {}:\n",
               headline_outcome, set.headline_group, report.step, comparison.level * 100,
               chosen[baseline]->name);
    std::size_t width = 8;
    for (const std::string& name : ranking)
      width = std::max(width, name.size());
    fmt::print("  {:<{}}  {:>24}  {:>28}  {:>12}\n", "strategy", width, "mean",
               "difference with baseline", report.priced ? "cost per run" : "");
    for (const std::string& name : ranking) {
      const ComparisonRow* row = comparison.find(name, headline_outcome, set.headline_group);
      fmt::print(
          "  {:<{}}  {:>24}  {:>28}  {:>12}{}\n", name, width,
          fmt::format("{:.4g} [{:.4g}, {:.4g}]", row->value.mean, row->value.low, row->value.high),
          row->is_baseline ? std::string("baseline")
                           : fmt::format("{:+.4g} [{:+.4g}, {:+.4g}]", row->difference.mean,
                                         row->difference.low, row->difference.high),
          report.priced ? format_euros(row->cost.mean) : std::string(),
          row->over_budget ? "  OVER BUDGET" : "");
    }
    fmt::print("\n");
    for (const std::string& sentence : headline_sentences(
             comparison, headline_outcome, set.headline_group, report.agents, report.priced))
      fmt::print("- {}\n", sentence);
    for (const ReportStrategy& strategy : report.strategies) {
      const std::string stops = budget_stops(strategy, replicates);
      if (!stops.empty()) fmt::print("- {}\n", stops);
    }
    fmt::print(
        "\nWrote {0}/{1}\n"
        "Open the report: {0}/report.html\n",
        out.string(), fmt::join(files, ", "));
  }
  return 0;
}

}  // namespace village
