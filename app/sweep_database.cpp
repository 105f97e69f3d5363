#include "app/sweep_database.hpp"

#include <cstdlib>

#include "app/output_files.hpp"

namespace village {

SweepDatabase::SweepDatabase(const std::filesystem::path& path, std::uint32_t replicates,
                             bool timeseries, SeriesFilter record)
    : db_(path), replicates_(replicates), timeseries_(timeseries), record_(std::move(record)) {
  // WAL: a commit per task is cheap, and a process killed mid-transaction leaves the
  // committed tasks whole (the log is replayed when the database is opened again).
  db_.execute("PRAGMA journal_mode = WAL");
  db_.execute("PRAGMA synchronous = NORMAL");
  db_.execute(
      "CREATE TABLE IF NOT EXISTS tasks (task INTEGER PRIMARY KEY, point INTEGER, "
      "replicate INTEGER)");
  db_.execute(
      "CREATE TABLE IF NOT EXISTS results (point INTEGER, replicate INTEGER, row INTEGER, "
      "metric TEXT, \"group\" TEXT, final REAL, mean REAL, PRIMARY KEY (point, replicate, row))");
  db_.execute("CREATE INDEX IF NOT EXISTS results_metric ON results (metric)");
  db_.execute("CREATE INDEX IF NOT EXISTS results_group ON results (\"group\")");
  if (timeseries_) {
    db_.execute(
        "CREATE TABLE IF NOT EXISTS timeseries (point INTEGER, replicate INTEGER, row INTEGER, "
        "step INTEGER, metric TEXT, \"group\" TEXT, value REAL, "
        "PRIMARY KEY (point, replicate, row))");
    db_.execute("CREATE INDEX IF NOT EXISTS timeseries_metric ON timeseries (metric)");
    db_.execute("CREATE INDEX IF NOT EXISTS timeseries_group ON timeseries (\"group\")");
    db_.execute("CREATE INDEX IF NOT EXISTS timeseries_step ON timeseries (step)");
  }
  find_task_ = std::make_unique<SqliteStatement>(db_, "SELECT 1 FROM tasks WHERE task = ?");
  add_task_ = std::make_unique<SqliteStatement>(db_, "INSERT INTO tasks VALUES (?, ?, ?)");
  add_result_ =
      std::make_unique<SqliteStatement>(db_, "INSERT INTO results VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (timeseries_)
    add_series_ = std::make_unique<SqliteStatement>(
        db_, "INSERT INTO timeseries VALUES (?, ?, ?, ?, ?, ?, ?)");
}

bool SweepDatabase::has(std::uint64_t task) {
  find_task_->bind(1, static_cast<std::int64_t>(task));
  const bool found = find_task_->step();
  find_task_->reset();
  return found;
}

void SweepDatabase::insert(std::uint64_t task, const std::string& record) {
  if (has(task)) return;
  db_.execute("BEGIN");
  try {
    insert_rows(task, record);
    db_.execute("COMMIT");
  } catch (...) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SweepDatabase::insert_all(const std::map<std::uint64_t, std::string>& records) {
  db_.execute("BEGIN");
  try {
    for (const auto& [task, record] : records)
      if (!has(task)) insert_rows(task, record);
    db_.execute("COMMIT");
  } catch (...) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void SweepDatabase::insert_rows(std::uint64_t task, const std::string& record) {
  const nlohmann::json json = nlohmann::json::parse(record);
  const auto point = static_cast<std::int64_t>(task / replicates_);
  const auto replicate = static_cast<std::int64_t>(task % replicates_);
  const auto stored = [](const nlohmann::json& text) {
    return stored_value(std::strtod(text.get<std::string>().c_str(), nullptr));
  };
  {
    add_task_->bind(1, static_cast<std::int64_t>(task));
    add_task_->bind(2, point);
    add_task_->bind(3, replicate);
    add_task_->step();
    std::int64_t row = 0;
    for (const auto& values : json.at("final")) {
      add_result_->bind(1, point);
      add_result_->bind(2, replicate);
      add_result_->bind(3, row++);
      add_result_->bind(4, std::string_view(values[0].get_ref<const std::string&>()));
      add_result_->bind(5, std::string_view(values[1].get_ref<const std::string&>()));
      add_result_->bind(6, stored(values[2]));
      add_result_->bind(7, stored(values[3]));
      add_result_->step();
    }
    if (timeseries_) {
      row = 0;
      for (const auto& values : json.at("series")) {
        const auto& metric = values[1].get_ref<const std::string&>();
        const auto& group = values[2].get_ref<const std::string&>();
        if (!record_.keeps(metric, group)) continue;
        add_series_->bind(1, point);
        add_series_->bind(2, replicate);
        add_series_->bind(3, row++);
        add_series_->bind(4, static_cast<std::int64_t>(values[0].get<std::uint32_t>()));
        add_series_->bind(5, std::string_view(metric));
        add_series_->bind(6, std::string_view(group));
        add_series_->bind(7, stored(values[3]));
        add_series_->step();
      }
    }
  }
}

std::size_t SweepDatabase::insert_missing(const std::map<std::uint64_t, std::string>& records) {
  std::size_t added = 0;
  for (const auto& [task, record] : records) {
    if (has(task)) continue;
    insert(task, record);
    ++added;
  }
  return added;
}

void SweepDatabase::finish(const std::string& design_csv, const nlohmann::ordered_json& manifest) {
  db_.execute("BEGIN");
  load_csv_table(db_, {"design", design_csv, {"point"}});
  load_csv_table(db_, {"manifest", manifest_csv(manifest), {}});
  db_.execute("COMMIT");
  // One file again: the log goes back into the database.
  db_.execute("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace village
