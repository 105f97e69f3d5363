#include "analysis/uncertainty/study.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "analysis/compare/comparison.hpp"
#include "analysis/report/report.hpp"
#include "analysis/uncertainty/evppi.hpp"
#include "sim/csv.hpp"
#include "sim/output.hpp"

namespace village::uncertainty {

namespace {

constexpr double kFallbackLambda = 10'000;  // euros per unit, when no ICER is defined
constexpr double kNoiseShareLimit = 0.25;
// Below this many worlds the EVPPI regressions are rough (Strong et al. 2014 use
// thousands of samples; a few hundred already rank the drivers).
constexpr std::size_t kEvppiWorlds = 200;
constexpr std::size_t kBoxWinners = 10;  // worlds a strategy must win for a PRIM box

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 == 1 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

std::string percent(const Share& s) {
  return fmt::format("{:.0f}% ({:.0f}-{:.0f}%)", 100 * s.estimate, 100 * s.low, 100 * s.high);
}

std::string euros(double value) {
  return format_euros(value);
}

// The two strategies most often best (the first ahead).
std::pair<std::size_t, std::size_t> leading_two(const std::vector<Share>& best) {
  std::vector<std::size_t> order(best.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return best[a].estimate > best[b].estimate;
  });
  return {order[0], order.size() > 1 ? order[1] : order[0]};
}

// Worlds the leading two's intervals need to part, from their widths now (~1/sqrt(N)).
std::size_t worlds_to_separate(const Share& a, const Share& b, std::size_t worlds) {
  const double gap = a.estimate - b.estimate;
  const double half = (a.estimate - a.low) + (b.high - b.estimate);  // the facing halves
  if (gap <= 0) return 0;
  return static_cast<std::size_t>(
      std::ceil(static_cast<double>(worlds) * (half / gap) * (half / gap)));
}

}  // namespace

StudyAnalysis analyse_study(const Study& study) {
  const std::size_t worlds = study.runs.size();
  const std::size_t strategies = study.strategies.size();
  if (worlds < 20)
    throw std::invalid_argument("a study under uncertainty needs at least 20 worlds");
  if (study.parameter_values.size() != worlds)
    throw std::invalid_argument("every world needs its parameter values");
  StudyAnalysis a;
  a.unit = unit_name(study.outcome, study.group);
  const bool parents = counts_parents(study.outcome);
  const double sign = higher_is_better(study.outcome) ? 1.0 : -1.0;
  std::vector<std::vector<std::vector<double>>> units(worlds);  // [w][s][r]
  for (std::size_t w = 0; w < worlds; ++w) {
    if (study.runs[w].size() != strategies) throw std::invalid_argument("ragged study runs");
    std::vector<double> value(strategies), effect(strategies), cost(strategies);
    units[w].resize(strategies);
    for (std::size_t s = 0; s < strategies; ++s) {
      const auto& reps = study.runs[w][s];
      if (reps.empty()) throw std::invalid_argument("a strategy without runs in a world");
      for (const StudyRun& run : reps) {
        value[s] += run.value / static_cast<double>(reps.size());
        cost[s] += run.euros / static_cast<double>(reps.size());
        units[w][s].push_back(sign * run.value * (parents ? run.group_size : 100.0));
      }
      effect[s] = std::accumulate(units[w][s].begin(), units[w][s].end(), 0.0) /
                  static_cast<double>(reps.size());
    }
    a.value.push_back(value);
    a.effect.push_back(effect);
    a.cost.push_back(cost);
  }
  a.best_by_outcome = probability_best(a.effect);
  std::tie(a.leader, a.runner_up) = leading_two(a.best_by_outcome);

  // The reference willingness to pay: given, or the median over worlds of the leading
  // strategy's cost per extra unit against the baseline (where it gains; the runner-up's
  // when the baseline leads), so that the reference sits where the decision turns.
  a.reference_lambda = study.willingness_to_pay;
  if (!(a.reference_lambda > 0)) {
    const std::size_t challenger = a.leader != study.baseline ? a.leader : a.runner_up;
    std::vector<double> ratios;
    for (std::size_t w = 0; w < worlds; ++w) {
      const double gain = a.effect[w][challenger] - a.effect[w][study.baseline];
      const double extra = a.cost[w][challenger] - a.cost[w][study.baseline];
      if (gain > 0 && extra > 0) ratios.push_back(extra / gain);
    }
    a.reference_lambda = ratios.empty() ? kFallbackLambda : median(ratios);
  }
  const WorldTable nb = net_benefit(a.effect, a.cost, a.reference_lambda);
  a.best_by_net_benefit = probability_best(nb);
  a.curve = acceptability(a.effect, a.cost, lambda_grid(10 * a.reference_lambda, 25));

  // What drives it: EVPPI of each parameter, and the PRCC with the leading two's
  // incremental net benefit.
  const auto [first, second] = leading_two(a.best_by_net_benefit);
  std::vector<double> incremental;
  for (const auto& row : nb)
    incremental.push_back(row[first] - row[second]);
  const std::vector<double> prcc = partial_rank_correlations(study.parameter_values, incremental);
  for (std::size_t j = 0; j < study.parameters.size(); ++j) {
    std::vector<double> x;
    for (const auto& row : study.parameter_values)
      x.push_back(row[j]);
    a.drivers.push_back({study.parameters[j], evppi(x, nb), prcc[j]});
  }
  std::stable_sort(a.drivers.begin(), a.drivers.end(),
                   [](const Driver& l, const Driver& r) { return l.evppi_euros > r.evppi_euros; });

  // Replicate noise in the leading two's difference against the worlds' spread.
  std::vector<std::vector<double>> differences(worlds);
  for (std::size_t w = 0; w < worlds; ++w)
    for (std::size_t r = 0; r < units[w][a.leader].size(); ++r)
      differences[w].push_back(units[w][a.leader][r] - units[w][a.runner_up][r]);
  a.noise_share = split_variance(differences).noise_share;

  // Where the strategy best least often (but at least once) by net benefit wins.
  std::size_t rare = strategies;
  for (std::size_t s = 0; s < strategies; ++s) {
    const double share = a.best_by_net_benefit[s].estimate;
    if (share > 0 && share < 1 &&
        (rare == strategies || share < a.best_by_net_benefit[rare].estimate))
      rare = s;
  }
  std::size_t rare_wins = 0;
  if (rare < strategies) {
    std::vector<bool> wins;
    for (const auto& row : nb)
      wins.push_back(best_of(row) == rare);
    rare_wins = static_cast<std::size_t>(std::count(wins.begin(), wins.end(), true));
    a.rare_winner = rare;
    // A box around a handful of worlds describes those worlds, not a region.
    if (rare_wins >= kBoxWinners) {
      a.box = prim_box(study.parameter_values, wins);
      a.has_box = true;
    }
  }

  // The sentences.
  const auto& names = study.strategies;
  a.summary.push_back(
      fmt::format("{} is the best for {} by {} in {} of {} plausible worlds; {} in {}.",
                  names[a.leader], study.group, study.outcome, percent(a.best_by_outcome[a.leader]),
                  worlds, names[a.runner_up], percent(a.best_by_outcome[a.runner_up])));
  a.summary.push_back(fmt::format(
      "At {} per {}, {} is the best buy in {} of the worlds ({} in {}); deciding with perfect "
      "knowledge of the world would be worth {} per decision (EVPI).",
      euros(a.reference_lambda), a.unit, names[first], percent(a.best_by_net_benefit[first]),
      names[second], percent(a.best_by_net_benefit[second]), euros(evpi(nb))));
  if (!a.drivers.empty() && a.drivers.front().evppi_euros > 0) {
    std::string drivers;
    for (std::size_t j = 0; j < std::min<std::size_t>(3, a.drivers.size()); ++j) {
      if (a.drivers[j].evppi_euros <= 0) break;
      drivers += fmt::format("{}{} ({})", j == 0 ? "" : ", ", a.drivers[j].parameter,
                             euros(a.drivers[j].evppi_euros));
    }
    a.summary.push_back(fmt::format(
        "The choice depends most on {} (expected value of partial perfect information).", drivers));
  }
  if (a.has_box) {
    a.summary.push_back(fmt::format(
        "{} is the best buy where {} (that box holds {:.0f}% of the {} worlds where it is "
        "best, and it is best in {:.0f}% of the worlds inside).",
        names[a.rare_winner], describe_box(a.box, study.parameters), 100 * a.box.coverage,
        rare_wins, 100 * a.box.density));
  } else if (rare < strategies) {
    a.summary.push_back(fmt::format(
        "{} is the best buy in only {} of the {} worlds, too few to say where (PRIM needs at "
        "least {}).",
        names[rare], rare_wins, worlds, kBoxWinners));
  }

  // The warnings: too few worlds to tell the leading two apart, too few replicates.
  const Share& p1 = a.best_by_outcome[a.leader];
  const Share& p2 = a.best_by_outcome[a.runner_up];
  if (a.leader != a.runner_up && p1.low <= p2.high) {
    const std::size_t needed = worlds_to_separate(p1, p2, worlds);
    a.warnings.push_back(fmt::format(
        "{} worlds do not separate {} ({:.0f}%) from {} ({:.0f}%) as the most likely best{}",
        worlds, names[a.leader], 100 * p1.estimate, names[a.runner_up], 100 * p2.estimate,
        needed > 0 ? fmt::format("; about {} would if the shares are as estimated", needed)
                   : "; they are as likely"));
  }
  if (worlds < kEvppiWorlds) {
    a.warnings.push_back(fmt::format(
        "the values of knowing each parameter (EVPPI) from {} worlds are rough and biased "
        "upward; use --uncertainty {} or more to rank what drives the decision",
        worlds, kEvppiWorlds));
  }
  if (std::isnan(a.noise_share)) {
    a.warnings.push_back(
        "with 1 replicate per world, replicate noise cannot be told from the worlds' "
        "uncertainty; use --replicates 2 or more");
  } else if (a.noise_share > kNoiseShareLimit) {
    a.warnings.push_back(fmt::format(
        "{:.0f}% of the spread between worlds of {} - {} is replicate noise, not uncertainty "
        "about the world; use more replicates per world (--replicates)",
        100 * a.noise_share, names[a.leader], names[a.runner_up]));
  }
  return a;
}

std::vector<std::pair<std::string, std::string>> study_csv_files(const Study& study,
                                                                 const StudyAnalysis& a) {
  const std::size_t strategies = study.strategies.size();
  std::string worlds = "world";
  for (const std::string& p : study.parameters)
    worlds += fmt::format(",{}", csv_field(p));
  worlds += fmt::format(
      ",strategy,{},cost_euros,diff,extra_cost_euros,extra_units,euros_per_unit,best_by_outcome,"
      "best_buy\n",
      csv_field(study.outcome));
  const WorldTable nb = net_benefit(a.effect, a.cost, a.reference_lambda);
  for (std::size_t w = 0; w < a.value.size(); ++w) {
    std::string params;
    for (double v : study.parameter_values[w])
      params += fmt::format(",{}", format_value(v));
    for (std::size_t s = 0; s < strategies; ++s) {
      const double extra_units = a.effect[w][s] - a.effect[w][study.baseline];
      const double extra_cost = a.cost[w][s] - a.cost[w][study.baseline];
      worlds += fmt::format(
          "{}{},{},{},{},{},{},{},{},{},{}\n", w, params, csv_field(study.strategies[s]),
          format_value(a.value[w][s]), format_value(a.cost[w][s]),
          format_value(a.value[w][s] - a.value[w][study.baseline]), format_value(extra_cost),
          format_value(extra_units), extra_units > 0 ? format_value(extra_cost / extra_units) : "",
          best_of(a.effect[w]) == s ? "yes" : "no", best_of(nb[w]) == s ? "yes" : "no");
    }
  }
  std::string curve =
      "lambda_euros_per_unit,strategy,probability_best,ci_low,ci_high,on_frontier,evpi_euros\n";
  for (std::size_t l = 0; l < a.curve.lambdas.size(); ++l)
    for (std::size_t s = 0; s < strategies; ++s) {
      const Share& p = a.curve.probability[l][s];
      curve += fmt::format("{},{},{},{},{},{},{}\n", format_value(a.curve.lambdas[l]),
                           csv_field(study.strategies[s]), format_value(p.estimate),
                           format_value(p.low), format_value(p.high),
                           a.curve.frontier[l] == s ? "yes" : "no", format_value(a.curve.evpi[l]));
    }
  std::string drivers = "parameter,evppi_euros,prcc\n";
  for (const Driver& d : a.drivers)
    drivers += fmt::format("{},{},{}\n", csv_field(d.parameter), format_value(d.evppi_euros),
                           std::isnan(d.prcc) ? std::string() : format_value(d.prcc));
  return {{"uncertainty.csv", worlds}, {"acceptability.csv", curve}, {"drivers.csv", drivers}};
}

}  // namespace village::uncertainty
