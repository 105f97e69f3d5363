// `village calibrate SCENARIO --targets TARGETS.toml`: fits the world parameters the
// targets file names to its observed statistics by ABC-SMC (analysis/calibration/), and
// says per parameter how much the data pinned it down. Each simulation (a particle's
// parameters, R replicates with streams of their own) is recorded in OUT/tasks.journal as
// it finishes; the proposals are a pure function of the seed and the results, so a
// killed calibration replays the recorded simulations and goes on, ending with the bytes
// of an uninterrupted one, whatever the thread count.

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "analysis/calibration/abc_smc.hpp"
#include "analysis/calibration/history_matching.hpp"
#include "analysis/report/calibration_report.hpp"
#include "app/calibrate_shards.hpp"
#include "app/clock.hpp"
#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/interrupt.hpp"
#include "app/output_files.hpp"
#include "app/sweep_plan.hpp"
#include "scenarios/calibration_targets.hpp"
#include "scenarios/param_lookup.hpp"
#include "scenarios/suggest.hpp"
#include "scenarios/sweep_factors.hpp"
#include "sim/csv.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/parallel.hpp"
#include "sim/sweep/task_farm.hpp"
#include "sim/sweep/task_journal.hpp"
#include "village/version.hpp"

namespace village {

namespace fs = std::filesystem;
namespace c = calibration;

namespace {

constexpr const char* kJournal = "tasks.journal";
const std::vector<std::string> kFiles{"posterior.csv",  "generations.csv",  "targets.csv",
                                      "parameters.csv", "correlations.csv", "calibration.html",
                                      "manifest.json"};
// Written by history matching besides.
constexpr const char* kWaves = "waves.csv";

struct Interrupted {};
// Thrown on the other MPI ranks when rank 0 failed: rank 0 reports it.
struct WorkerDone {};

// A target's statistic in one run: at its week (or the last), as a change or a ratio.
double statistic(const RunRecord& run, const CalibrationTarget& target, std::uint32_t last) {
  const std::uint32_t week = target.week.value_or(last);
  const auto at = [&](const std::string& metric, std::uint32_t step) {
    for (const MetricRow& row : run.rows)
      if (row.step == step && row.metric == metric && row.group == target.group) return row.value;
    std::vector<std::string> names;
    for (const MetricRow& row : run.rows)
      if (names.empty() || names.back() != row.metric) names.push_back(row.metric);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    throw InputError(target.location,
                     fmt::format("the model records no '{}' for group '{}' at week {}", metric,
                                 target.group, step),
                     did_you_mean(metric, names));
  };
  double value = at(target.metric, week);
  if (target.change_from_week) value -= at(target.metric, *target.change_from_week);
  if (!target.denominator.empty()) {
    const double denominator = at(target.denominator, week);
    value = denominator != 0 ? value / denominator : 0.0;
  }
  return value;
}

c::Prior prior_of(const SweepFactor& factor, const CalibrationParameter& parameter) {
  switch (factor.scale) {
    case FactorScale::linear:
      return {PriorShape::uniform, factor.low, factor.high};
    case FactorScale::log:
      return {PriorShape::log_uniform, factor.low, factor.high};
    case FactorScale::beta:
      return {PriorShape::beta, factor.low, factor.high, factor.beta_alpha, factor.beta_beta};
    default:
      throw InputError(parameter.location,
                       fmt::format("{} is not a continuous parameter", parameter.name),
                       "calibrate real-valued world parameters");
  }
}

std::string payload(const std::vector<double>& theta, const std::vector<double>& stats) {
  nlohmann::json json = nlohmann::json::array();
  for (double v : theta)
    json.push_back(format_value(v));
  for (double v : stats)
    json.push_back(format_value(v));
  return json.dump();
}

double weighted_quantile_of(std::vector<std::pair<double, double>> values, double q) {
  std::sort(values.begin(), values.end());
  double cumulative = 0;
  for (const auto& [value, weight] : values) {
    cumulative += weight;
    if (cumulative >= q) return value;
  }
  return values.back().first;
}

std::string verdict(double ratio) {
  if (ratio >= 0.8) return "the data cannot tell";
  if (ratio >= 0.5) return "the data narrow it somewhat";
  return "the data pin it down";
}

// History matching's answer as a population: the runs inside the non-implausible region,
// equally weighted; one "generation" per wave (tolerance: the cutoff; acceptance: the
// region's share of the prior box; effective sample size: the runs in the region).
c::AbcResult as_population(const c::HistoryMatchingResult& matched) {
  c::AbcResult result;
  for (const c::SimulatedRun& run : matched.runs)
    if (c::is_non_implausible(matched, run.theta))
      result.particles.push_back(
          {run.theta, 0.0, c::distance(run.simulated, matched.targets), run.simulated});
  for (c::Particle& p : result.particles)
    p.weight = 1.0 / static_cast<double>(result.particles.size());
  for (const c::WaveReport& wave : matched.waves)
    result.generations.push_back({matched.options.cutoff, wave.simulations,
                                  wave.non_implausible_samples, wave.non_implausible_share,
                                  static_cast<double>(result.particles.size())});
  result.simulations = matched.simulations;
  result.budget_exhausted = matched.budget_exhausted;
  result.population_generation = matched.waves.empty() ? 0 : matched.waves.size() - 1;
  return result;
}

const char* stop_reason(c::HistoryMatchingStop stop) {
  switch (stop) {
    case c::HistoryMatchingStop::waves_done:
      return "waves done";
    case c::HistoryMatchingStop::budget:
      return "budget spent";
    case c::HistoryMatchingStop::empty_region:
      return "no point is non-implausible";
    default:
      return "too few runs in the region for another wave";
  }
}

// waves.csv: each wave's runs, the region's share of the prior box, the emulators' checks.
std::string waves_table(const c::HistoryMatchingResult& matched) {
  std::string table =
      "wave,simulations,training_runs,non_implausible_share,non_implausible_samples";
  for (const c::Target& t : matched.targets)
    table += fmt::format(",loo_within_3:{}", csv_field(t.name));
  table += "\n";
  for (const c::WaveReport& wave : matched.waves) {
    table += fmt::format("{},{},{},{},{}", wave.wave, wave.simulations, wave.training_runs,
                         format_value(wave.non_implausible_share), wave.non_implausible_samples);
    for (double share : wave.loo_within_3)
      table += fmt::format(",{}", format_value(share));
    table += "\n";
  }
  return table;
}

}  // namespace

int calibrate_command(const CalibrateOptions& options) {
  const auto start = std::chrono::system_clock::now();
  const auto clock_start = std::chrono::steady_clock::now();
  const bool matching = options.method == "history-matching";
  if (options.method != "abc-smc" && !matching)
    throw InputError({"--method"}, fmt::format("unknown method '{}'", options.method),
                     "use --method abc-smc or --method history-matching");
  if (!options.refine.empty() && (options.refine != "abc-smc" || !matching))
    throw InputError({"--refine"},
                     matching ? fmt::format("unknown refinement '{}'", options.refine)
                              : "--refine follows history matching",
                     matching ? "use --refine abc-smc" : "add --method history-matching");
  if (matching && options.waves == 0)
    throw InputError({"--waves"}, "history matching needs at least one wave",
                     "give --waves 1 or more");
  const std::string text =
      options.scenario_text.empty() ? read_scenario_text(options.scenario) : options.scenario_text;
  const toml::table root = parse_scenario_text(text, options.scenario);
  const Scenario base = scenario_from_table(root, options.scenario, text);
  const CalibrationTargets targets =
      options.targets_text.empty()
          ? read_calibration_targets(options.targets)
          : read_calibration_targets_text(options.targets_text, options.targets);

  std::vector<SweepFactor> factors;
  std::vector<c::Prior> priors;
  for (const CalibrationParameter& parameter : targets.parameters) {
    try {
      const ParamSpec* spec = find_scenario_param(base, parameter.name);
      if (spec != nullptr && spec->role != ParamRole::world)
        throw InputError(
            parameter.location,
            fmt::format("{} is what a strategy buys, not a property of the world", parameter.name),
            "calibrate world parameters (village params shows each key's role)");
      SweepFactor factor =
          parameter.range.empty()
              ? plausible_factor(parameter.name, spec)
              : parse_sweep_factor(fmt::format("{}={}", parameter.name, parameter.range));
      resolve_factor_scale(factor, root);
      priors.push_back(prior_of(factor, parameter));
      factors.push_back(std::move(factor));
    } catch (const InputError& error) {
      if (error.where().file == options.targets) throw;
      throw InputError(parameter.location, error.problem(), error.hint());
    }
  }
  std::vector<c::Target> observed;
  for (const CalibrationTarget& t : targets.targets)
    observed.push_back({t.name, t.value, t.sd});

  c::AbcOptions abc;
  abc.particles = options.particles.value_or(200);
  abc.budget = options.budget.value_or(20 * abc.particles);
  abc.seed = options.seed.value_or(base.plan.seed);
  const std::uint32_t replicates = options.replicates.value_or(1);
  c::HistoryMatchingOptions hm;
  hm.waves = options.waves;
  hm.points_per_wave = options.points_per_wave;
  hm.budget = abc.budget;
  hm.seed = abc.seed;
  const std::size_t wave_runs =
      options.points_per_wave != 0
          ? options.points_per_wave
          : std::max<std::size_t>(10 * priors.size(), 2 * (priors.size() + 1));
  if (matching && wave_runs < 2 * (priors.size() + 1))
    throw InputError({"--points"},
                     fmt::format("{} runs per wave are too few for an emulator of {} parameters",
                                 wave_runs, priors.size()),
                     fmt::format("give --points {} or more", 2 * (priors.size() + 1)));
  if (matching && mpi_rank() == 0 && wave_runs < 10 * priors.size())
    fmt::print(stderr,
               "warning: {} runs per wave for {} parameters: with fewer than 10 per parameter "
               "(Loeppky et al. 2009) the emulators may rule out the truth unnoticed\n",
               wave_runs, priors.size());
  if (matching && abc.budget < wave_runs)
    throw InputError({"--budget"}, "the budget is smaller than one wave",
                     fmt::format("give --budget {} or more, or fewer --points", wave_runs));
  if (matching && !options.refine.empty()) {
    // The waves run first; ABC-SMC gets what they leave.
    hm.budget = std::min(abc.budget, hm.waves * wave_runs);
    if (abc.budget < hm.budget + abc.particles)
      throw InputError({"--budget"}, "the budget leaves no room for ABC-SMC after the waves",
                       fmt::format("give --budget {} or more, or fewer --waves or --points",
                                   hm.budget + abc.particles));
  }
  if (!matching && abc.budget < abc.particles)
    throw InputError({"--budget"}, "the budget is smaller than one population",
                     fmt::format("give --budget {} or more, or fewer --particles", abc.particles));
  set_thread_count(options.threads.value_or(base.threads));
  const int threads = thread_count();
  const fs::path out =
      !options.out.empty()
          ? fs::path(options.out)
          : fs::path("runs") / (fs::path(options.scenario).stem().string() + "_calibration");
  // Under mpirun every rank repeats the calibration; rank 0 hands the simulations out,
  // keeps the journal, shares each batch's results and writes the outputs. As shards
  // (--shard I/N) every process keeps a journal of its own and shard 1 writes the outputs.
  std::uint64_t shard_index = 0, shard_count = 1;
  if (!options.shard.empty()) parse_shard(options.shard, shard_index, shard_count);
  const bool sharded = shard_count > 1;
  if (sharded && mpi_size() > 1)
    throw InputError({"--shard"}, "--shard and mpirun together",
                     "run the shards as separate processes, or one calibration under mpirun");
  const bool leader = mpi_rank() == 0 && shard_index == 0;
  if (sharded || leader) create_output_folder(out);
  const OutputFormat format = parse_output_format(options.output.format);
  if (leader) {
    std::vector<std::string> files = kFiles;
    files.push_back(kWaves);
    files.push_back(kDatabaseFile);
    remove_stale_temporaries(out, files);
  }
  const std::string identity = fmt::format(
      "village-calibrate 1\nversion {} {}\nmethod {} waves {} points {} refine {} particles {} "
      "budget {} replicates {} seed {}\nscenario\n{}\ntargets\n{}",
      kVersion, kGitRevision, options.method, options.waves, options.points_per_wave,
      options.refine, abc.particles, abc.budget, replicates, abc.seed, text, targets.text);
  std::unique_ptr<TaskJournal> unsharded;
  std::unique_ptr<CalibrationShards> shards;
  if (sharded)
    shards = std::make_unique<CalibrationShards>(out, fnv1a_hex(identity), shard_index, shard_count,
                                                 options.shard_wait);
  else if (leader)
    unsharded = std::make_unique<TaskJournal>(out / kJournal, fnv1a_hex(identity));
  TaskJournal* journal = sharded ? &shards->journal() : unsharded.get();
  const auto journal_name = [&] {
    return journal != nullptr ? journal->path().string() : (out / kJournal).string();
  };
  const std::atomic<bool>& stop = install_interrupt_handlers();
  const std::uint32_t last = base.plan.steps;
  // The weeks the targets read: the only ones a simulation records.
  std::vector<std::uint32_t> target_weeks;
  for (const CalibrationTarget& t : targets.targets) {
    target_weeks.push_back(t.week.value_or(last));
    if (t.change_from_week) target_weeks.push_back(*t.change_from_week);
  }
  std::sort(target_weeks.begin(), target_weeks.end());
  target_weeks.erase(std::unique(target_weeks.begin(), target_weeks.end()), target_weeks.end());

  const auto simulate_one = [&](const std::vector<double>& theta, std::uint64_t id) {
    toml::table table = root;
    for (std::size_t j = 0; j < factors.size(); ++j)
      set_scenario_value(table, factors[j].name, ParamValue(theta[j]));
    Scenario scenario = scenario_from_table(table, options.scenario, text);
    scenario.plan.record_steps = target_weeks;
    std::vector<double> stats(targets.targets.size(), 0.0);
    const ModelInfo& model = *scenario.model;
    const ParamValues& values = scenario.model_values;
    for (std::uint32_t r = 0; r < replicates; ++r) {
      // Every simulation's replicates have streams of their own.
      const auto run = static_cast<std::uint32_t>(id * replicates + r);
      const RunRecord record = run_one(run, scenario.plan, make_world_factory(scenario),
                                       [&]() { return model.make(values); });
      for (std::size_t t = 0; t < stats.size(); ++t)
        stats[t] += statistic(record, targets.targets[t], last) / replicates;
    }
    return stats;
  };
  const c::BatchSimulator simulate = [&](const std::vector<std::vector<double>>& batch,
                                         std::uint64_t first) {
    const TaskWork work = [&](std::uint64_t id) {
      return payload(batch[id - first], simulate_one(batch[id - first], id));
    };
    // The batch's answer: "R" and a record per line, "I" (interrupted) or "E". Rank 0
    // simulates (through the ranks) what its journal lacks; a shard its own share, then
    // gathers the others' from their journals.
    std::string shared;
    std::exception_ptr failure;
    if (journal != nullptr) {
      std::vector<std::uint64_t> pending;
      for (std::uint64_t id = first; id < first + batch.size(); ++id)
        if ((!sharded || shards->mine(id)) && !journal->has(id)) pending.push_back(id);
      const TaskDone done = [&](std::uint64_t id, std::string result) {
        journal->append(id, result);
      };
      try {
        const TaskFarmReport report = run_distributed_task_farm(pending, threads, work, done, stop);
        std::optional<std::vector<std::string>> records;
        if (report.finished == pending.size()) {
          if (sharded) {
            journal->sync();  // the other shards read it (on NFS: flushed to the server)
            records = shards->gather(first, batch.size(), stop);
          } else {
            records.emplace();
            for (std::uint64_t id = first; id < first + batch.size(); ++id)
              records->push_back(journal->records().at(id));
          }
        }
        shared.push_back(records ? 'R' : 'I');
        for (const std::string& record : records.value_or(std::vector<std::string>{})) {
          shared.append(record);
          shared.push_back('\n');
        }
      } catch (...) {
        failure = std::current_exception();
        shared.assign(1, 'E');
      }
    } else {
      run_distributed_task_farm({}, threads, work, {}, stop);
    }
    if (!sharded) shared = mpi_broadcast(std::move(shared));
    if (failure) std::rethrow_exception(failure);
    if (shared.front() == 'E') throw WorkerDone{};
    if (shared.front() == 'I') throw Interrupted{};
    std::vector<std::vector<double>> results;
    std::size_t at = 1;
    for (std::uint64_t id = first; id < first + batch.size(); ++id) {
      const std::size_t end = shared.find('\n', at);
      const nlohmann::json json = nlohmann::json::parse(shared.substr(at, end - at));
      at = end + 1;
      std::vector<double> stats;
      for (std::size_t i = 0; i < json.size(); ++i) {
        const double v = std::stod(json[i].get<std::string>());
        if (i < factors.size()) {
          if (format_value(v) != format_value(batch[id - first][i]))
            throw InputError({journal_name()},
                             "the journal's simulations do not match this calibration's",
                             "remove the output folder's tasks.journal and run again");
        } else {
          stats.push_back(v);
        }
      }
      results.push_back(stats);
    }
    return results;
  };
  c::AbcResult result;
  c::HistoryMatchingResult matched;
  try {
    if (matching) {
      matched = c::history_matching(priors, observed, simulate, hm);
      c::AbcResult population = as_population(matched);
      if (matched.non_implausible.empty() || population.particles.empty()) {
        if (!leader) return 0;
        journal->sync();
        write_file_atomically(out / kWaves, waves_table(matched));
        fmt::print(stderr,
                   "village: history matching ruled out every point of the prior box ({} "
                   "simulations, waves.csv): the model cannot reach these targets together within "
                   "these priors; widen the priors, add model discrepancy or revisit the targets\n",
                   matched.simulations);
        return 1;
      }
      if (options.refine.empty()) {
        result = std::move(population);
      } else {
        // ABC-SMC within the region (McCulloch et al. 2022), its simulations numbered on.
        const std::uint64_t offset = matched.simulations;
        const c::BatchSimulator after = [&](const std::vector<std::vector<double>>& batch,
                                            std::uint64_t first) {
          return simulate(batch, first + offset);
        };
        c::AbcOptions rest = abc;
        rest.budget = abc.budget - matched.simulations;
        result = c::abc_smc(c::region_as_prior(matched, priors), observed, after, rest);
        result.simulations += matched.simulations;
      }
    } else {
      result = c::abc_smc(priors, observed, simulate, abc);
    }
  } catch (const Interrupted&) {
    if (journal == nullptr) return kInterrupted;
    journal->sync();
    fmt::print(stderr,
               "village: interrupted: {} simulations are recorded in {}; run the same command "
               "again to resume\n",
               journal->records().size(), journal->path().string());
    return kInterrupted;
  } catch (const WorkerDone&) {
    return 1;
  }
  if (!leader) {
    if (sharded && !options.quiet)
      fmt::print(
          stderr,
          "village: shard {}/{} finished ({} simulations in {}); shard 1/{} writes the outputs\n",
          shard_index + 1, shard_count, journal->records().size(), journal->path().string(),
          shard_count);
    return 0;
  }
  journal->sync();
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - clock_start).count();

  // posterior.csv: the particles, their weights and their simulated targets.
  std::string posterior;
  for (const SweepFactor& f : factors)
    posterior += fmt::format("{},", csv_field(f.name));
  posterior += "weight,distance";
  for (const CalibrationTarget& t : targets.targets)
    posterior += fmt::format(",sim:{}", csv_field(t.name));
  posterior += "\n";
  for (const c::Particle& p : result.particles) {
    for (double v : p.theta)
      posterior += fmt::format("{},", format_value(v));
    posterior += fmt::format("{},{}", format_value(p.weight), format_value(p.distance));
    for (double v : p.simulated)
      posterior += fmt::format(",{}", format_value(v));
    posterior += "\n";
  }
  std::string generations =
      "generation,tolerance,simulations,accepted,acceptance_rate,effective_sample_size\n";
  for (std::size_t g = 0; g < result.generations.size(); ++g) {
    const c::GenerationReport& r = result.generations[g];
    generations += fmt::format("{},{},{},{},{},{}\n", g,
                               std::isinf(r.tolerance) ? "inf" : format_value(r.tolerance),
                               r.simulations, r.accepted, format_value(r.acceptance_rate),
                               format_value(r.effective_sample_size));
  }
  CalibrationReportInput report;
  report.scenario_name = fs::path(options.scenario).filename().string();
  report.targets_name = fs::path(options.targets).filename().string();
  report.version = kVersion;
  report.git_revision = kGitRevision;
  report.seed = abc.seed;
  for (const SweepFactor& f : factors)
    report.parameters.push_back(f.name);
  report.priors = priors;
  // The posterior predictive check: observed against the particles' 90% interval.
  std::string checks =
      "target,observed,sd,predictive_low,predictive_median,predictive_high,inside,source\n";
  std::vector<std::string> summary;
  std::size_t outside = 0;
  for (std::size_t t = 0; t < targets.targets.size(); ++t) {
    std::vector<std::pair<double, double>> values;
    for (const c::Particle& p : result.particles)
      values.emplace_back(p.simulated[t], p.weight);
    const double low = weighted_quantile_of(values, 0.05);
    const double median = weighted_quantile_of(values, 0.5);
    const double high = weighted_quantile_of(values, 0.95);
    const CalibrationTarget& target = targets.targets[t];
    report.targets.push_back(
        {target.name, target.source, target.value, target.sd, low, median, high});
    const bool inside = target.value >= low && target.value <= high;
    outside += inside ? 0 : 1;
    checks +=
        fmt::format("{},{},{},{},{},{},{},{}\n", csv_field(target.name), format_value(target.value),
                    format_value(target.sd), format_value(low), format_value(median),
                    format_value(high), inside ? "yes" : "no", csv_field(target.source));
  }
  const std::vector<double> ratios = c::identifiability(result.particles, priors);
  std::string parameters =
      "parameter,prior_low,prior_high,posterior_mean,posterior_low,posterior_high,"
      "identifiability,verdict\n";
  for (std::size_t j = 0; j < factors.size(); ++j) {
    double mean = 0;
    for (const c::Particle& p : result.particles)
      mean += p.weight * p.theta[j];
    const double low = c::weighted_quantile(result.particles, j, 0.05);
    const double high = c::weighted_quantile(result.particles, j, 0.95);
    parameters += fmt::format("{},{},{},{},{},{},{},{}\n", csv_field(factors[j].name),
                              format_value(priors[j].low), format_value(priors[j].high),
                              format_value(mean), format_value(low), format_value(high),
                              format_value(ratios[j]), verdict(ratios[j]));
    summary.push_back(
        fmt::format("{}: {:.3g} (90% {:.3g} to {:.3g}; prior {:.3g} to {:.3g}): {} "
                    "(posterior width {:.0f}% of the prior's)",
                    factors[j].name, mean, low, high, priors[j].low, priors[j].high,
                    verdict(ratios[j]), 100 * ratios[j]));
  }
  report.identifiability = ratios;
  for (double ratio : ratios)
    report.verdicts.push_back(verdict(ratio));
  report.result = result;
  std::string correlations = "a,b,correlation\n";
  for (std::size_t a = 0; a < factors.size(); ++a)
    for (std::size_t b = a + 1; b < factors.size(); ++b) {
      double ma = 0, mb = 0;
      for (const c::Particle& p : result.particles) {
        ma += p.weight * p.theta[a];
        mb += p.weight * p.theta[b];
      }
      double sab = 0, saa = 0, sbb = 0;
      for (const c::Particle& p : result.particles) {
        sab += p.weight * (p.theta[a] - ma) * (p.theta[b] - mb);
        saa += p.weight * (p.theta[a] - ma) * (p.theta[a] - ma);
        sbb += p.weight * (p.theta[b] - mb) * (p.theta[b] - mb);
      }
      correlations += fmt::format(
          "{},{},{}\n", csv_field(factors[a].name), csv_field(factors[b].name),
          saa > 0 && sbb > 0 ? format_value(sab / std::sqrt(saa * sbb)) : std::string());
    }

  nlohmann::ordered_json manifest;
  manifest["village_version"] = kVersion;
  manifest["git_revision"] = kGitRevision;
  manifest["command"] = "calibrate";
  manifest["scenario_file"] = fs::absolute(options.scenario).string();
  manifest["scenario_text"] = text;
  manifest["targets_file"] = fs::absolute(options.targets).string();
  manifest["targets_text"] = targets.text;
  manifest["method"] = options.method;
  manifest["particles"] = abc.particles;
  manifest["budget"] = abc.budget;
  manifest["simulations"] = result.simulations;
  manifest["budget_exhausted"] = result.budget_exhausted;
  manifest["population_generation"] = result.population_generation;
  manifest["replicates_per_simulation"] = replicates;
  manifest["seed"] = abc.seed;
  manifest["threads"] = threads;
  manifest["mpi_ranks"] = mpi_size();
  manifest["shards"] = shard_count;
  manifest["host"] = host_name();
  manifest["start_time"] = iso_time(start);
  manifest["end_time"] = iso_time(std::chrono::system_clock::now());
  manifest["wall_seconds"] = wall;
  std::vector<OutputTable> tables{{"posterior", posterior, false},
                                  {"generations", generations, false},
                                  {"targets", checks, false},
                                  {"parameters", parameters, false},
                                  {"correlations", correlations, false}};
  if (matching) {
    manifest["history_matching"] = {
        {"waves", matched.waves.size()},
        {"points_per_wave", wave_runs},
        {"cutoff", matched.options.cutoff},
        {"stop", stop_reason(matched.stop)},
        {"simulations", matched.simulations},
        {"non_implausible_share",
         matched.waves.empty() ? 1.0 : matched.waves.back().non_implausible_share},
        {"box_low", matched.box_low},
        {"box_high", matched.box_high},
        {"refine", options.refine}};
    tables.push_back({"waves", waves_table(matched), false});
  }
  manifest["files"] = output_file_names(tables, format, {"calibration.html", "manifest.json"});
  write_outputs(out, format, std::move(tables),
                {{out / "calibration.html", render_calibration_report(report)},
                 {out / "manifest.json", json_text(manifest)}},
                manifest);
  if (result.budget_exhausted)
    fmt::print(stderr,
               "warning: the budget of {} simulations ran out; the posterior is generation "
               "{}'s, the last complete one (generations.csv)\n",
               abc.budget, result.population_generation);
  if (outside > 0)
    fmt::print(stderr,
               "warning: {} of {} targets lie outside the posterior's 90% predictive interval "
               "(targets.csv): the model, or these parameters, cannot reproduce them together\n",
               outside, targets.targets.size());
  if (!options.quiet) {
    fmt::print(
        "village {}: calibrated {} against {} targets by {} ({} simulations of {} "
        "replicate(s), {} threads, {:.2f} s)\n",
        kVersion, fs::path(options.scenario).filename().string(), targets.targets.size(),
        matching ? (options.refine.empty() ? "history matching" : "history matching, then ABC-SMC")
                 : "ABC-SMC",
        result.simulations, replicates, threads, wall);
    if (matching)
      fmt::print(
          "history matching: {} waves ({}), the non-implausible region is {:.1f}% of the "
          "prior box (waves.csv)\n",
          matched.waves.size(), stop_reason(matched.stop),
          100 * (matched.waves.empty() ? 1.0 : matched.waves.back().non_implausible_share));
    if (!matching || !options.refine.empty())
      fmt::print("ABC-SMC: {} particles, {} generations\n", abc.particles,
                 result.generations.size());
    fmt::print("\n");
    for (const std::string& line : summary)
      fmt::print("- {}\n", line);
    fmt::print(
        "\nWrote {0}/posterior.csv, generations.csv, targets.csv, parameters.csv, "
        "correlations.csv, {1}calibration.html and manifest.json\nOpen the report: "
        "{0}/calibration.html\n",
        out.string(), matching ? "waves.csv, " : "");
  }
  return 0;
}

}  // namespace village
