#pragma once
// SQLite outputs (--format sqlite): one database per command, village.sqlite, with one
// table (or view) per output file. Rows keep the order the CSV file has them: `SELECT *
// FROM t` on a view, `SELECT * FROM t ORDER BY rowid` on a table, is the canonical query.

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace village {

// An open database; every failure throws InputError naming the file.
class SqliteDatabase {
 public:
  explicit SqliteDatabase(const std::filesystem::path& path);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  void execute(std::string_view sql);
  sqlite3* handle() { return db_; }
  const std::filesystem::path& path() const { return path_; }
  // Throws InputError with SQLite's message when `status` is not one of the success codes.
  void check(int status, std::string_view what);

 private:
  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
};

// A prepared statement, finalised when it goes out of scope.
class SqliteStatement {
 public:
  SqliteStatement(SqliteDatabase& db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void bind(int index, std::int64_t value);
  void bind(int index, double value);
  void bind(int index, std::string_view value);
  // Steps once; true while a row is available. Resets after the last row.
  bool step();
  void reset();
  std::int64_t integer(int column) const;
  std::string text(int column) const;

 private:
  SqliteDatabase& db_;
  sqlite3_stmt* statement_ = nullptr;
};

// A table made from CSV text (a header line, then rows as sim/csv.hpp writes them). A
// column is INTEGER when every value is a whole number, REAL when every value is a
// number, TEXT otherwise. In a long table (256 rows or more) a text column with at
// most a quarter as many distinct values as rows is stored as codes: the rows go to
// <name>_rows, each such column's names to <name>_<column> (code, name), and <name> is
// a view with the CSV's columns and order. `indexes` names the columns users filter by
// (those absent from the header are skipped); they make two indexes, one over the
// names (metric, group) and one over the positions (strategy, point, run, replicate,
// step).
struct CsvTable {
  std::string name;
  std::string csv;
  std::vector<std::string> indexes;
};

void load_csv_table(SqliteDatabase& db, const CsvTable& table);

// The columns users filter by, indexed in every table that has them.
const std::vector<std::string>& filter_columns();

// Writes a new database of these tables at a temporary name beside `path`, flushed to
// disk, then renames it, so a reader never sees half a database.
void write_database_atomically(const std::filesystem::path& path,
                               const std::vector<CsvTable>& tables);

// A table back as CSV text, rows in rowid order: whole numbers and reals as the
// shortest text that reads back, text quoted as CSV needs. Throws InputError when the
// table is missing.
std::string table_as_csv(SqliteDatabase& db, std::string_view table);

// Quoted as an SQL identifier ("group" is a keyword).
std::string sql_identifier(std::string_view name);

}  // namespace village
