#include "analysis/uncertainty/decision.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace village::uncertainty {

namespace {

constexpr double kZ95 = 1.959963984540054;

std::size_t checked_strategies(const WorldTable& table) {
  if (table.empty() || table.front().empty())
    throw std::invalid_argument("a decision table needs at least one world and one strategy");
  const std::size_t strategies = table.front().size();
  for (const auto& row : table)
    if (row.size() != strategies)
      throw std::invalid_argument("every world needs a value for every strategy");
  return strategies;
}

std::vector<double> column_means(const WorldTable& table) {
  std::vector<double> means(checked_strategies(table), 0.0);
  for (const auto& row : table)
    for (std::size_t s = 0; s < row.size(); ++s)
      means[s] += row[s];
  for (double& m : means)
    m /= static_cast<double>(table.size());
  return means;
}

}  // namespace

Share wilson_interval(double successes, std::size_t trials) {
  if (trials == 0) return {};
  const double n = static_cast<double>(trials);
  const double p = successes / n;
  const double z2 = kZ95 * kZ95;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = kZ95 * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  // At 0 or all successes the bound is exactly 0 or 1 (no rounding residue).
  return {p, successes <= 0 ? 0.0 : std::max(0.0, centre - half),
          successes >= n ? 1.0 : std::min(1.0, centre + half)};
}

std::size_t best_of(const std::vector<double>& row) {
  return static_cast<std::size_t>(std::max_element(row.begin(), row.end()) - row.begin());
}

std::vector<Share> probability_best(const WorldTable& values) {
  std::vector<double> wins(checked_strategies(values), 0.0);
  for (const auto& row : values)
    wins[best_of(row)] += 1;
  std::vector<Share> shares;
  for (double w : wins)
    shares.push_back(wilson_interval(w, values.size()));
  return shares;
}

WorldTable net_benefit(const WorldTable& effect, const WorldTable& cost, double lambda) {
  const std::size_t strategies = checked_strategies(effect);
  if (cost.size() != effect.size() || checked_strategies(cost) != strategies)
    throw std::invalid_argument("effect and cost tables differ in shape");
  WorldTable nb(effect.size(), std::vector<double>(strategies));
  for (std::size_t w = 0; w < effect.size(); ++w)
    for (std::size_t s = 0; s < strategies; ++s)
      nb[w][s] = lambda * effect[w][s] - cost[w][s];
  return nb;
}

double evpi(const WorldTable& net_benefit) {
  const std::vector<double> means = column_means(net_benefit);
  double expected_max = 0;
  for (const auto& row : net_benefit)
    expected_max += row[best_of(row)];
  expected_max /= static_cast<double>(net_benefit.size());
  return std::max(0.0, expected_max - *std::max_element(means.begin(), means.end()));
}

Acceptability acceptability(const WorldTable& effect, const WorldTable& cost,
                            const std::vector<double>& lambdas) {
  Acceptability curve;
  curve.lambdas = lambdas;
  for (double lambda : lambdas) {
    const WorldTable nb = net_benefit(effect, cost, lambda);
    curve.probability.push_back(probability_best(nb));
    curve.frontier.push_back(best_of(column_means(nb)));
    curve.evpi.push_back(evpi(nb));
  }
  return curve;
}

std::vector<double> lambda_grid(double high, std::size_t points) {
  if (points < 2 || !(high > 0))
    throw std::invalid_argument("a lambda grid needs 2 points and high > 0");
  std::vector<double> grid{0.0};
  const double low = high / 1000;
  for (std::size_t i = 0; i + 1 < points; ++i) {
    const double t = points == 2 ? 1.0 : static_cast<double>(i) / static_cast<double>(points - 2);
    grid.push_back(low * std::pow(high / low, t));
  }
  return grid;
}

}  // namespace village::uncertainty
