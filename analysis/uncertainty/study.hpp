#pragma once
// A comparison under uncertainty as a whole: the runs of every strategy in every drawn
// world, and what follows from them (decision.hpp, evppi.hpp, prim.hpp): the headline
// outcome per world and strategy, how likely each strategy is the best (by the outcome
// and by net benefit over a range of willingness to pay), what drives the decision, where
// the least-often-best strategy wins, how much of the spread is replicate noise, and the
// sentences and warnings that say so. docs/uncertainty.md describes the methods.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "analysis/uncertainty/decision.hpp"
#include "analysis/uncertainty/prim.hpp"

namespace village::uncertainty {

// One run: the headline outcome's final value, the run's euros, and the size of the
// headline group (parents), which turns a share into parents.
struct StudyRun {
  double value = 0;
  double euros = 0;
  double group_size = 1;
};

struct Study {
  std::vector<std::string> strategies;
  std::size_t baseline = 0;
  std::string outcome;  // the headline outcome, e.g. "reach"
  std::string group;    // the headline group, e.g. "vulnerable"
  std::vector<std::string> parameters;
  std::vector<std::vector<double>> parameter_values;     // [world][parameter]
  std::vector<std::vector<std::vector<StudyRun>>> runs;  // [world][strategy][replicate]
  double willingness_to_pay = 0;  // euros per unit; 0: chosen from the data (see .cpp)
};

struct Driver {
  std::string parameter;
  double evppi_euros = 0;  // at the reference willingness to pay, per decision
  double prcc = 0;         // with the incremental net benefit of the two leading strategies
};

struct StudyAnalysis {
  std::string unit;   // "additional vulnerable parent reached"
  WorldTable value;   // [world][strategy]: mean headline value over replicates
  WorldTable effect;  // [world][strategy]: in units, more is better
  WorldTable cost;    // [world][strategy]: mean euros
  std::vector<Share> best_by_outcome;
  double reference_lambda = 0;             // euros per unit
  std::vector<Share> best_by_net_benefit;  // at the reference lambda
  Acceptability curve;
  std::vector<Driver> drivers;            // sorted by EVPPI, largest first
  std::size_t leader = 0, runner_up = 0;  // by probability best on the outcome
  double noise_share = 0;                 // of the leader - runner-up difference (NaN: 1 replicate)
  // Where the strategy best least often by net benefit (of those best at least once) wins.
  std::size_t rare_winner = 0;
  bool has_box = false;
  PrimBox box;
  std::vector<std::string> summary;   // plain sentences, the headline first
  std::vector<std::string> warnings;  // too few worlds or replicates
};

// Throws std::invalid_argument when the study has fewer than 20 worlds or ragged runs.
StudyAnalysis analyse_study(const Study& study);

// uncertainty.csv, acceptability.csv and drivers.csv, by file name.
std::vector<std::pair<std::string, std::string>> study_csv_files(const Study& study,
                                                                 const StudyAnalysis& analysis);

}  // namespace village::uncertainty
