#pragma once
// A sweep, loaded and checked before any task runs: the scenario file, its factors, the
// design in the unit cube and each point's values, the tasks (design point x replicate)
// and the key that identifies all of it for resuming.
//
// Task t is replicate t % replicates of design point t / replicates. Replicate r of
// every point draws from the stream (seed, r) (common random numbers, as in `village
// compare`), so points are compared on the same randomness; a task's result is a pure
// function of (scenario, point, replicate, seed).

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/sensitivity/design.hpp"
#include "scenarios/scenario.hpp"
#include "scenarios/sweep_factors.hpp"

namespace village {

struct SweepRequest {
  std::filesystem::path scenario;
  std::string scenario_text;  // when not empty, the scenario itself; `scenario` names it
  std::string design = "lhs";
  std::size_t samples = 0;  // 0: the design's default
  std::size_t morris_levels = 4;
  std::uint32_t replicates = 0;  // 0: [run] replicates
  std::vector<std::string> params;
  std::uint64_t seed = 0;
  bool seed_given = false;
  int threads = 0;                // 0: [run] threads, else all cores
  std::uint64_t shard_index = 0;  // 0-based
  std::uint64_t shard_count = 1;
  bool timeseries = false;
  std::string strategy;  // "": the scenario's [outreach] as written
  // sobol: only the first `samples` points of the Sobol' sequence (the A block), a
  // quasi-random sample of the box, not the Saltelli layout the estimators need.
  bool sequence_only = false;
  // When not empty, the points' values themselves (one row per point, one value per
  // --param, in order), as a calibration posterior gives them; the design only sizes.
  std::vector<std::vector<ParamValue>> given_values;
};

struct SweepPlan {
  SweepRequest request;
  std::string text;  // the scenario file as read
  toml::table root;  // parsed
  std::vector<SweepFactor> factors;
  sensitivity::Design design;
  std::vector<std::vector<ParamValue>> values;  // per point, per factor
  std::size_t samples = 0;  // the design's sample count as used (defaults filled in)
  std::uint32_t replicates = 1;
  std::uint32_t steps = 0;
  std::uint64_t seed = 1;
  int threads = 1;
  std::uint64_t task_count = 0;      // all shards
  std::vector<std::uint64_t> tasks;  // this shard's, ascending
  std::string key;                   // hash of everything that decides the results
  std::string model_kind;

  // The scenario of one design point, validated like a file.
  Scenario point_scenario(std::size_t point) const;
};

// Largest number of tasks a sweep may have (refused before the design is built).
inline constexpr std::uint64_t kMaxSweepTasks = 100'000'000;

// Reads the scenario, parses the factors, builds the design and validates every point.
// Throws InputError.
SweepPlan plan_sweep(const SweepRequest& request);

// "I/N" (1-based I) into index and count. Throws InputError naming --shard.
void parse_shard(const std::string& text, std::uint64_t& index, std::uint64_t& count);

// FNV-1a 64 of text, as 16 hex digits.
std::string fnv1a_hex(const std::string& text);

}  // namespace village
