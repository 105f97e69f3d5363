#pragma once
// A sweep's SQLite output (--format sqlite): village.sqlite in the sweep's folder, with
// tables results, timeseries (with --timeseries), design, tasks and manifest. Each task's
// rows go in with one transaction as the task finishes, so a killed sweep leaves whole
// tasks only; the journal (tasks.journal) stays the record of what ran, and a resumed
// sweep first adds the journal's tasks that the database lacks. Rows carry their order
// within the task (`row`), so
//   SELECT ... FROM results ORDER BY point, replicate, row
// gives the rows of results.csv, in its order, whatever order the tasks finished in.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "sim/output_format.hpp"
#include "sim/sqlite_tables.hpp"

namespace village {

class SweepDatabase {
 public:
  SweepDatabase(const std::filesystem::path& path, std::uint32_t replicates, bool timeseries,
                SeriesFilter record);

  bool has(std::uint64_t task);
  // The task's rows (a record of encode_task_result), unless the task is in already.
  void insert(std::uint64_t task, const std::string& record);
  // Adds the records whose tasks the database lacks; returns how many.
  std::size_t insert_missing(const std::map<std::uint64_t, std::string>& records);
  // Every record, in one transaction (a merge's new database).
  void insert_all(const std::map<std::uint64_t, std::string>& records);
  // The design and manifest tables, when every task is in.
  void finish(const std::string& design_csv, const nlohmann::ordered_json& manifest);

 private:
  void insert_rows(std::uint64_t task, const std::string& record);

  SqliteDatabase db_;
  std::uint32_t replicates_;
  bool timeseries_;
  SeriesFilter record_;
  std::unique_ptr<SqliteStatement> find_task_;
  std::unique_ptr<SqliteStatement> add_task_;
  std::unique_ptr<SqliteStatement> add_result_;
  std::unique_ptr<SqliteStatement> add_series_;
};

}  // namespace village
