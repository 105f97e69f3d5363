#pragma once
// What a sweep writes: each task's result as one journal record, and the files made
// from the records (design.csv, results.csv, the time series, manifest.json, or village.sqlite).
// The files depend only on the records, so a resumed, sharded-and-merged or MPI sweep writes the
// same bytes as one uninterrupted run.

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/output_files.hpp"
#include "app/sweep_plan.hpp"
#include "sim/runner.hpp"

namespace village {

// One task's record: per (metric, group) its value at the last step and its mean over
// the recorded steps; with the time series, every recorded row. Values are written as
// the shortest text that reads back to the same double.
std::string encode_task_result(const RunRecord& run, bool timeseries);

// design.csv: point, then one column per factor (the values the point ran with).
std::string design_csv(const SweepPlan& plan);

// The results table (point,replicate,metric,group,final,mean) and, with `timeseries`,
// the time series (point,replicate,step,metric,group,value; the series `record`
// keeps), from the records in task order, at the stored precision; each record is
// parsed once. Names are quoted as CSV needs.
std::vector<OutputTable> record_tables(const std::map<std::uint64_t, std::string>& records,
                                       std::uint32_t replicates, bool timeseries,
                                       const SeriesFilter& record);

// The design part of manifest.json: what `village analyze sensitivity` rebuilds the
// design from.
nlohmann::ordered_json design_json(const SweepPlan& plan);

}  // namespace village
