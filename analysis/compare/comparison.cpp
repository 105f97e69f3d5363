#include "analysis/compare/comparison.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/csv.hpp"
#include "sim/output.hpp"

namespace village {

namespace {

using FinalValues = std::map<std::pair<std::string, std::string>, double>;

FinalValues final_values(const RunRecord& run) {
  FinalValues values;
  if (run.rows.empty()) return values;
  const std::uint32_t last = run.rows.back().step;
  for (const MetricRow& row : run.rows)
    if (row.step == last) values[{row.metric, row.group}] = row.value;
  return values;
}

std::optional<double> lookup(const FinalValues& values, const std::string& metric,
                             const std::string& group) {
  const auto it = values.find({metric, group});
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::string number(double value) {
  return std::isfinite(value) ? format_value(value) : std::string();
}

std::string group_words(const std::string& group) {
  if (group == "all") return "";
  if (group == "language_barrier") return "language-barrier ";
  if (group.rfind("community:", 0) == 0) return group.substr(10) + " ";
  if (group.rfind("type:", 0) == 0) return group.substr(5) + " ";
  return group + " ";
}

}  // namespace

bool higher_is_better(const std::string& outcome) {
  return outcome != "stress" && outcome != "isolated" && outcome != "youth_risk";
}

bool counts_parents(const std::string& outcome) {
  static const std::vector<std::string> shares{"reach",      "help_seeking", "invited",
                                               "attendance", "isolated",     "limit_setting",
                                               "youth_risk", "volunteers"};
  return std::find(shares.begin(), shares.end(), outcome) != shares.end();
}

std::string unit_name(const std::string& outcome, const std::string& group) {
  const std::string who = group_words(group);
  if (outcome == "reach") return fmt::format("additional {}parent reached", who);
  if (outcome == "help_seeking") return fmt::format("additional {}parent seeking help", who);
  if (counts_parents(outcome))
    return fmt::format("{} {}parent ({})", higher_is_better(outcome) ? "additional" : "fewer", who,
                       outcome);
  return fmt::format("0.01 {} {} ({})", higher_is_better(outcome) ? "more" : "less", outcome,
                     group);
}

const ComparisonRow* Comparison::find(const std::string& strategy, const std::string& outcome,
                                      const std::string& group) const {
  for (const ComparisonRow& row : rows)
    if (row.strategy == strategy && row.outcome == outcome && row.group == group) return &row;
  return nullptr;
}

std::vector<std::string> Comparison::ranking(const std::string& outcome,
                                             const std::string& group) const {
  std::vector<const ComparisonRow*> found;
  for (const std::string& strategy : strategies)
    if (const ComparisonRow* row = find(strategy, outcome, group)) found.push_back(row);
  const bool higher = higher_is_better(outcome);
  std::stable_sort(found.begin(), found.end(), [&](const auto* a, const auto* b) {
    return higher ? a->value.mean > b->value.mean : a->value.mean < b->value.mean;
  });
  std::vector<std::string> order;
  for (const ComparisonRow* row : found)
    order.push_back(row->strategy);
  return order;
}

std::vector<std::string> default_groups(const std::vector<RunRecord>& runs) {
  std::vector<std::string> groups{"all", "vulnerable", "language_barrier"};
  if (runs.empty()) return groups;
  for (const MetricRow& row : runs.front().rows) {
    if (row.step != runs.front().rows.front().step) break;
    if (row.group.rfind("community:", 0) == 0 &&
        std::find(groups.begin(), groups.end(), row.group) == groups.end())
      groups.push_back(row.group);
  }
  return groups;
}

Comparison compare_strategies(const std::vector<StrategyRuns>& strategies,
                              const ComparisonOptions& options) {
  if (strategies.empty()) throw std::invalid_argument("compare_strategies: no strategies");
  if (options.baseline >= strategies.size())
    throw std::invalid_argument("compare_strategies: no such baseline");
  const std::size_t replicates = strategies.front().runs.size();
  for (const StrategyRuns& s : strategies) {
    if (s.runs.size() != replicates || s.costs.size() != replicates)
      throw std::invalid_argument("compare_strategies: strategies differ in replicates");
  }
  Comparison comparison;
  comparison.baseline = options.baseline;
  comparison.level = options.level;
  std::vector<std::vector<FinalValues>> finals(strategies.size());
  for (std::size_t s = 0; s < strategies.size(); ++s) {
    comparison.strategies.push_back(strategies[s].name);
    for (const RunRecord& run : strategies[s].runs)
      finals[s].push_back(final_values(run));
  }
  const StrategyRuns& base = strategies[options.baseline];
  const double level = options.level;
  for (std::size_t s = 0; s < strategies.size(); ++s) {
    const StrategyRuns& strategy = strategies[s];
    std::vector<double> costs;
    std::vector<double> extra_costs_all;
    for (std::size_t r = 0; r < replicates; ++r) {
      costs.push_back(strategy.costs[r].total_euros);
      extra_costs_all.push_back(strategy.costs[r].total_euros - base.costs[r].total_euros);
    }
    const MeanInterval cost = mean_interval(costs, level);
    for (const std::string& outcome : options.outcomes) {
      const double sign = higher_is_better(outcome) ? 1.0 : -1.0;
      for (const std::string& group : options.groups) {
        ComparisonRow row;
        row.strategy = strategy.name;
        row.outcome = outcome;
        row.group = group;
        row.is_baseline = s == options.baseline;
        row.budget_euros = strategy.budget_euros;
        row.cost = cost;
        row.over_budget = strategy.budget_euros && cost.mean > *strategy.budget_euros;
        row.unit = unit_name(outcome, group);
        std::vector<double> values;
        std::vector<double> treated;
        std::vector<double> baseline;
        std::vector<double> extra_cost;
        std::vector<double> extra_units;
        for (std::size_t r = 0; r < replicates; ++r) {
          const auto mine = lookup(finals[s][r], outcome, group);
          if (!mine) continue;
          values.push_back(*mine);
          const auto theirs = lookup(finals[options.baseline][r], outcome, group);
          if (!theirs) continue;
          treated.push_back(*mine);
          baseline.push_back(*theirs);
          double scale = 100;
          if (counts_parents(outcome)) {
            const auto& sizes = r < strategy.group_sizes.size() ? strategy.group_sizes[r]
                                                                : std::map<std::string, double>{};
            const auto it = sizes.find(group);
            scale = it == sizes.end() ? 0.0 : it->second;
          }
          extra_cost.push_back(extra_costs_all[r]);
          extra_units.push_back(sign * (*mine - *theirs) * scale);
        }
        if (values.empty()) continue;
        row.value = mean_interval(values, level);
        row.difference = paired_difference(treated, baseline, level);
        row.extra_cost = mean_interval(extra_cost, level);
        row.extra_units = mean_interval(extra_units, level);
        if (!row.is_baseline) {
          row.cost_per_unit = cost_per_unit(extra_cost, extra_units, level);
          if (!row.difference.excludes_zero()) {
            row.replicates_needed =
                replicates_needed(row.difference.mean, row.difference.standard_deviation, level);
          }
        }
        comparison.rows.push_back(std::move(row));
      }
    }
  }
  return comparison;
}

std::string comparison_csv(const Comparison& comparison) {
  std::string text =
      "strategy,baseline,outcome,group,replicates,mean,sd,ci_low,ci_high,"
      "diff,diff_sd,diff_ci_low,diff_ci_high,diff_separated,replicates_needed,"
      "cost_euros,cost_ci_low,cost_ci_high,extra_cost_euros,extra_cost_ci_low,"
      "extra_cost_ci_high,extra_units,extra_units_ci_low,extra_units_ci_high,unit,"
      "euros_per_unit,euros_per_unit_ci_low,euros_per_unit_ci_high,euros_per_unit_status,"
      "budget_euros,over_budget\n";
  const std::string& baseline = comparison.strategies[comparison.baseline];
  for (const ComparisonRow& row : comparison.rows) {
    const RatioInterval& ratio = row.cost_per_unit;
    const bool has_ratio = !row.is_baseline && (ratio.status == RatioInterval::Status::estimated ||
                                                ratio.status == RatioInterval::Status::dominant);
    const bool has_bounds = has_ratio;
    text += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},"
        "{},{}\n",
        csv_field(row.strategy), csv_field(baseline), row.outcome, csv_field(row.group),
        row.value.count, number(row.value.mean), number(row.value.standard_deviation),
        number(row.value.low), number(row.value.high), number(row.difference.mean),
        number(row.difference.standard_deviation), number(row.difference.low),
        number(row.difference.high),
        row.is_baseline ? "" : (row.difference.excludes_zero() ? "yes" : "no"),
        row.replicates_needed ? fmt::format("{}", *row.replicates_needed) : "",
        number(row.cost.mean), number(row.cost.low), number(row.cost.high),
        number(row.extra_cost.mean), number(row.extra_cost.low), number(row.extra_cost.high),
        number(row.extra_units.mean), number(row.extra_units.low), number(row.extra_units.high),
        csv_field(row.unit), has_ratio ? number(ratio.ratio) : "",
        has_bounds ? number(ratio.low) : "", has_bounds ? number(ratio.high) : "",
        row.is_baseline ? "baseline" : ratio.status_name(),
        row.budget_euros ? number(*row.budget_euros) : "",
        row.budget_euros ? (row.over_budget ? "yes" : "no") : "");
  }
  return text;
}

std::vector<std::string> separation_warnings(const Comparison& comparison,
                                             const std::vector<std::string>& groups) {
  std::vector<std::string> warnings;
  const std::string& baseline = comparison.strategies[comparison.baseline];
  for (const ComparisonRow& row : comparison.rows) {
    if (row.is_baseline || row.difference.excludes_zero()) continue;
    if (std::find(groups.begin(), groups.end(), row.group) == groups.end()) continue;
    const std::size_t n = row.difference.count;
    if (row.difference.mean == 0 && row.difference.standard_deviation == 0) continue;
    std::string needed =
        row.replicates_needed
            ? fmt::format(
                  "about {} paired replicates would separate them if the difference "
                  "is as estimated",
                  *row.replicates_needed)
            : std::string(
                  "the estimated difference is too small to separate with any practical "
                  "number of replicates");
    warnings.push_back(fmt::format(
        "{} ({}): {} vs {}: the {:.0f}% interval of the difference, [{:.3g}, {:.3g}], includes 0 "
        "with {} replicates; {}",
        row.outcome, row.group, row.strategy, baseline, comparison.level * 100, row.difference.low,
        row.difference.high, n, needed));
  }
  return warnings;
}

TimeBand outcome_over_time(const std::vector<RunRecord>& runs, const std::string& metric,
                           const std::string& group, double level) {
  std::map<std::uint32_t, std::vector<double>> by_step;
  for (const RunRecord& run : runs)
    for (const MetricRow& row : run.rows)
      if (row.metric == metric && row.group == group) by_step[row.step].push_back(row.value);
  TimeBand band;
  for (const auto& [step, values] : by_step) {
    const MeanInterval interval = mean_interval(values, level);
    band.steps.push_back(step);
    band.mean.push_back(interval.mean);
    band.low.push_back(interval.low);
    band.high.push_back(interval.high);
  }
  return band;
}

}  // namespace village
