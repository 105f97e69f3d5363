#include "app/output_files.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sim/csv.hpp"
#include "sim/output.hpp"
#include "sim/sqlite_tables.hpp"

namespace village {

std::string table_file_name(const OutputTable& table, OutputFormat format) {
  if (format == OutputFormat::sqlite) return kDatabaseFile;
  if (format == OutputFormat::csv_gz && table.series) return table.name + ".csv.gz";
  return table.name + ".csv";
}

std::vector<std::string> output_file_names(const std::vector<OutputTable>& tables,
                                           OutputFormat format,
                                           const std::vector<std::string>& other_files) {
  std::vector<std::string> names;
  for (const OutputTable& table : tables) {
    const std::string name = table_file_name(table, format);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (tables.empty() && format == OutputFormat::sqlite) names.push_back(kDatabaseFile);
  names.insert(names.end(), other_files.begin(), other_files.end());
  return names;
}

std::string manifest_csv(const nlohmann::ordered_json& manifest) {
  std::string csv = "key,value\n";
  for (const auto& [key, value] : manifest.items()) {
    csv += csv_field(key);
    csv += ',';
    csv += csv_field(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    csv += '\n';
  }
  return csv;
}

void write_outputs(const std::filesystem::path& out, OutputFormat format,
                   std::vector<OutputTable> tables,
                   std::vector<std::pair<std::filesystem::path, std::string>> other_files,
                   const nlohmann::ordered_json& manifest) {
  if (format == OutputFormat::sqlite) {
    std::vector<CsvTable> database;
    for (OutputTable& table : tables)
      database.push_back({table.name, std::move(table.csv), filter_columns()});
    database.push_back({"manifest", manifest_csv(manifest), {}});
    write_database_atomically(out / kDatabaseFile, database);
    write_files_atomically(other_files);
    return;
  }
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  for (OutputTable& table : tables) {
    std::string content =
        table.series ? series_content(format, std::move(table.csv)) : std::move(table.csv);
    files.emplace_back(out / table_file_name(table, format), std::move(content));
  }
  for (auto& file : other_files)
    files.push_back(std::move(file));
  write_files_atomically(files);
}

}  // namespace village
