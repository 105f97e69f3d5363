#pragma once
// Run outputs. Each file is written to a temporary name in the same directory and
// renamed when complete, so a crash never leaves a half file that looks whole.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "sim/output_format.hpp"
#include "sim/runner.hpp"

namespace village {

// Writes content to path atomically (temporary file, fsync, rename). Throws
// InputError naming the path when the directory cannot be written.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

// Writes several files so that either all appear complete or none changes: every
// file goes to a temporary name first, and the renames happen only when all are written.
void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files);

// Removes the temporary files that write_files_atomically leaves beside `names` in
// `folder` when its process is killed mid-write (".<name>.tmp-<pid>" of a process that
// no longer runs). Returns how many it removed.
std::size_t remove_stale_temporaries(const std::filesystem::path& folder,
                                     const std::vector<std::string>& names);

// "metric,group," of a row, as CSV fields (the long tables' middle columns).
void append_metric_group(fmt::memory_buffer& out, const MetricRow& row);

// Long format: run,step,metric,group,value; rows in run order, then step order; only
// the series `record` keeps. Values at the stored precision (output_format.hpp).
std::string timeseries_csv(const std::vector<RunRecord>& runs, const SeriesFilter& record = {});

// Final values: run,metric,group,value from each run's last observed step, at the
// stored precision.
std::string summary_csv(const std::vector<RunRecord>& runs);

// A double as the shortest text that reads back to the same value (journals, which
// must restore what they recorded exactly).
std::string format_value(double value);

}  // namespace village
