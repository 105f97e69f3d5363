#pragma once
// Decision analysis over uncertain worlds (probabilistic sensitivity analysis, as in
// health economics: Briggs, Claxton & Sculpher 2006, ch. 5; Fenwick, Claxton & Sculpher
// 2001 for acceptability curves). Input: for each of N worlds (parameter sets drawn from
// the priors) and each strategy, the mean over the world's replicates of the headline
// effect (in units where more is better, such as parents reached) and of the cost in
// euros. Net benefit at a willingness to pay lambda euros per unit is
// NB = lambda * effect - cost; the best strategy of a world is the one with the highest.

#include <cstddef>
#include <string>
#include <vector>

namespace village::uncertainty {

// One value per world and strategy: values[world][strategy].
using WorldTable = std::vector<std::vector<double>>;

// A share of worlds with its 95% Wilson score interval (Wilson 1927), the Monte Carlo
// interval of a probability estimated from N independent draws.
struct Share {
  double estimate = 0;
  double low = 0;
  double high = 0;
};
Share wilson_interval(double successes, std::size_t trials);

// The index of the highest value of a row; ties go to the lowest index (the first
// strategy listed), so the answer never depends on chance.
std::size_t best_of(const std::vector<double>& row);

// Per strategy, the share of worlds in which it has the highest value. Throws
// std::invalid_argument on an empty or ragged table.
std::vector<Share> probability_best(const WorldTable& values);

// values[w][s] = lambda * effect[w][s] - cost[w][s].
WorldTable net_benefit(const WorldTable& effect, const WorldTable& cost, double lambda);

// The cost-effectiveness acceptability curve of every strategy and its frontier: at each
// lambda, the probability that the strategy has the highest net benefit, the strategy
// with the highest expected net benefit (the frontier: what a decision maker who
// maximises expected net benefit picks), and the expected value of perfect information
// E[max_s NB] - max_s E[NB], in euros per decision.
struct Acceptability {
  std::vector<double> lambdas;
  std::vector<std::vector<Share>> probability;  // [lambda][strategy]
  std::vector<std::size_t> frontier;            // [lambda]: strategy of highest mean NB
  std::vector<double> evpi;                     // [lambda]
};
Acceptability acceptability(const WorldTable& effect, const WorldTable& cost,
                            const std::vector<double>& lambdas);

// The expected value of perfect information of a net-benefit table.
double evpi(const WorldTable& net_benefit);

// A grid of willingness-to-pay values from 0 to `high`: 0 and `points - 1` values
// geometrically spaced from high / 1000 to high.
std::vector<double> lambda_grid(double high, std::size_t points);

}  // namespace village::uncertainty
