#pragma once
// The commands behind `village ...`. The CLI (main.cpp) only parses arguments into
// these plain option structs and dispatches; each command returns the exit code.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace village {

// How a command writes its tables (app/output_files.hpp, app/record_filter.hpp).
struct OutputOptions {
  std::string format = "csv.gz";  // csv | csv.gz | sqlite
  std::string record;             // --record: metrics of the time series; empty: all
  std::string record_groups;      // --record-groups: groups of the time series; empty: all
};

struct RunOptions {
  std::string scenario;
  std::string out;  // empty: runs/<scenario name>
  OutputOptions output;
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replicates;
  std::optional<int> threads;
  bool quiet = false;
};

int run_command(const RunOptions& options);

struct CompareOptions {
  std::string scenario;
  std::vector<std::string> strategies;  // empty: all, in file order
  std::string what_if;                  // a [what_if.<name>]: compare in that world
  std::string out;                      // empty: runs/<scenario name>[_what_if_<name>]
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replicates;
  std::optional<int> threads;
  bool quiet = false;
  // --uncertainty N: compare in N worlds drawn from the priors (uncertainty_command.cpp).
  std::optional<std::size_t> uncertainty;
  std::vector<std::string> uncertain_params;  // --param; empty: every world parameter
  std::string uncertainty_design;             // lhs | sobol; empty: [uncertainty] or lhs
  double willingness_to_pay = 0;              // euros per unit; 0: [uncertainty] or the data
  std::string shard;                          // "I/N": run only that slice of the runs
  std::vector<std::string> from_shards;       // shards' folders whose runs to take in first
  std::string posterior;                      // a folder with posterior.csv: draw from it
  OutputOptions output;
  std::string scenario_text;  // when not empty, the scenario itself; `scenario` names it
};

// `village compare --uncertainty N`: uncertainty.csv, acceptability.csv, drivers.csv,
// manifest.json.
int uncertainty_command(const CompareOptions& options);

// `village compare`: every strategy on the same replicate seeds; comparison.csv,
// timeseries.csv, report.html and manifest.json.
int compare_command(const CompareOptions& options);

struct CalibrateOptions {
  std::string scenario;
  std::string targets;             // TARGETS.toml (scenarios/calibration_targets.hpp)
  std::string method = "abc-smc";  // or "history-matching"
  // history-matching: waves (at most), runs per wave (0: 10 per parameter), and whether
  // ABC-SMC then calibrates within the non-implausible region ("abc-smc") or not ("").
  std::size_t waves = 4;
  std::size_t points_per_wave = 0;
  std::string refine;
  std::string out;  // empty: runs/<scenario name>_calibration
  std::optional<std::size_t> particles;
  std::optional<std::size_t> budget;        // simulations; default 20 x particles
  std::optional<std::uint32_t> replicates;  // per simulation; default 1
  std::optional<std::uint64_t> seed;
  std::optional<int> threads;
  std::string shard;         // "I/N": one of N shards over a shared --out (calibrate_shards.hpp)
  double shard_wait = 3600;  // seconds a shard waits for another's simulations
  bool quiet = false;
  OutputOptions output;  // the format of its tables (it records no time series)
  // When not empty, the scenario and the targets themselves; `scenario` and `targets` name
  // them (what the Python module passes for a TOML string or a dict).
  std::string scenario_text;
  std::string targets_text;
};

// `village calibrate`: posterior.csv, generations.csv, targets.csv, parameters.csv,
// correlations.csv and manifest.json (docs/calibration.md).
int calibrate_command(const CalibrateOptions& options);

struct AnalyzeOptions {
  std::string input;  // a network file or a scenario (.toml)
  std::string layer;  // scenario only; empty: family_friends for a community, the world's only
                      // layer, else "network"
  std::optional<std::uint32_t> week;  // scenario only: analyse after this many steps
  std::string out;                    // empty: runs/<input name>_network
  std::string format = "auto";        // auto | edge_list | graphml | affiliation
  std::string projection = "count";   // affiliation: count | newman
  bool header = false;                // edge or affiliation list: first line names columns
  bool weighted = false;              // edge list: third column is the weight
  std::optional<std::uint64_t> seed;
  std::optional<int> threads;
  bool quiet = false;
};

// `village analyze network`: nodes.csv and graph.json for a network or a scenario's world.
int analyze_network_command(const AnalyzeOptions& options);
int validate_command(const std::string& scenario);

struct SweepOptions {
  std::string scenario;
  std::string design = "lhs";          // grid | lhs | sobol | morris
  std::optional<std::size_t> samples;  // grid: levels per factor; lhs: points;
                                       // sobol: base sample N; morris: trajectories
  std::size_t morris_levels = 4;
  std::optional<std::uint32_t> replicates;  // per design point
  std::vector<std::string> params;          // NAME=LO:HI[:log|:int] or NAME=a,b,c
  std::optional<std::uint64_t> seed;
  std::optional<int> threads;
  std::string shard;      // "I/N": only the I-th of N slices of the tasks
  std::string strategy;   // a [strategies.<name>] of the scenario to sweep as bought
  std::string posterior;  // a folder with posterior.csv: the points are draws from it
  std::string out;        // empty: runs/<scenario name>_sweep
  bool timeseries = false;
  bool quiet = false;
  OutputOptions output;
  std::string scenario_text;  // when not empty, the scenario itself; `scenario` names it
};

// `village sweep`: design.csv, results.csv, manifest.json; resumable (tasks.journal).
int sweep_command(const SweepOptions& options);

struct SweepMergeOptions {
  std::vector<std::string> folders;  // shard outputs of one sweep
  std::string out;
  bool quiet = false;
  OutputOptions output;
};

// `village sweep merge`: the shards' records combined into the files one run writes.
int sweep_merge_command(const SweepMergeOptions& options);

struct SensitivityOptions {
  std::string folder;  // a finished sobol or morris sweep
  std::string out;     // empty: the sweep's folder
  std::size_t bootstrap = 1000;
  std::string statistic = "final";  // final | mean (results.csv column)
  bool quiet = false;
};

// `village analyze sensitivity`: Sobol or Morris indices with bootstrap intervals, per
// outcome: sensitivity.csv and sensitivity.html.
int analyze_sensitivity_command(const SensitivityOptions& options);
// Parameter tables of every model and generator, as Markdown (docs/ODD.md, reference).
// schedule: the model's weekly schedule (ModelInfo::schedule) instead of its parameters.
int params_command(const std::string& only, bool schedule = false);

}  // namespace village
