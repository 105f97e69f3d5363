#pragma once
// Writes a command's tables in the chosen --format: CSV files (csv), the same with the
// time series gzip-compressed (csv.gz, the default), or one SQLite database,
// village.sqlite (sqlite), that holds every table and the manifest. Files that are no
// tables (report.html, manifest.json) are written as they are in every format.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "sim/output_format.hpp"

namespace village {

inline constexpr const char* kDatabaseFile = "village.sqlite";

struct OutputTable {
  std::string name;  // without extension: "timeseries", "summary"
  std::string csv;
  bool series = false;  // a time series: compressed in csv.gz
};

// The file a table goes to: "<name>.csv", "<name>.csv.gz", or the database.
std::string table_file_name(const OutputTable& table, OutputFormat format);

// The names of what write_outputs writes, in order: the tables' files (the database
// once), then `other_files` (for manifest.json's "files" and stale temporaries).
std::vector<std::string> output_file_names(const std::vector<OutputTable>& tables,
                                           OutputFormat format,
                                           const std::vector<std::string>& other_files);

// Writes everything into `out`, each file atomically; in sqlite the manifest also goes
// into the database as a table of its top-level keys (values as JSON).
void write_outputs(const std::filesystem::path& out, OutputFormat format,
                   std::vector<OutputTable> tables,
                   std::vector<std::pair<std::filesystem::path, std::string>> other_files,
                   const nlohmann::ordered_json& manifest);

// The manifest as a key,value CSV table.
std::string manifest_csv(const nlohmann::ordered_json& manifest);

}  // namespace village
