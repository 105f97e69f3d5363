#pragma once
// How outputs are written: the file format (--format), the precision values are stored
// with, and which series go into a time series (--record).

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace village {

// csv: plain files; csv_gz: the time series gzip-compressed (pandas, R and DuckDB read it
// directly), the small tables plain; sqlite: one database, village.sqlite.
enum class OutputFormat { csv, csv_gz, sqlite };

// "csv", "csv.gz" or "sqlite"; anything else throws InputError naming --format.
OutputFormat parse_output_format(std::string_view text);
std::string_view output_format_name(OutputFormat format);

// The time series' file name in this format: timeseries.csv or timeseries.csv.gz
// (sqlite keeps it in the database; this gives timeseries.csv.gz's name for messages).
std::string timeseries_file_name(OutputFormat format);

// Significant decimal digits a stored value keeps. Outcomes are shares and means over at
// most a few million agents, averaged over replicates whose spread is far wider:
// seven digits resolve one agent in ten million for any share above one percent, and
// a simulated difference never hides in the eighth digit. Whole numbers (counts,
// weeks, hours) up to 10^15 are kept exactly.
inline constexpr int kStoredDigits = 7;

// The value rounded to kStoredDigits significant digits (whole numbers unchanged).
double stored_value(double value);
// The shortest text that reads back to stored_value(value).
void append_stored_value(fmt::memory_buffer& out, double value);
std::string stored_value_text(double value);

// Which (metric, group) series a time series keeps: all when a list is empty. An entry
// ending in '*' matches every name that starts with what precedes it ("community:*").
struct SeriesFilter {
  std::vector<std::string> metrics;
  std::vector<std::string> groups;

  bool empty() const { return metrics.empty() && groups.empty(); }
  bool keeps(std::string_view metric, std::string_view group) const;
};

// A comma-separated list ("reach,institutional_trust"), empty entries refused.
std::vector<std::string> parse_name_list(std::string_view text, std::string_view option);

// Level 3, not zlib's default 6: a quarter more bytes, but writing csv.gz then takes less
// time than writing the old 17-digit CSV did (bench/README.md, "Output size").
inline constexpr int kGzipLevel = 3;

// Gzip of `text`: one gzip member (zlib, kGzipLevel, no name and time 0 in the header) whose
// 512 KiB blocks compress in parallel, so the same text gives the same bytes at any thread
// count.
std::string gzip_text(std::string_view text);
// The time series' content as the format stores it: gzipped for csv_gz.
std::string series_content(OutputFormat format, std::string csv);

}  // namespace village
