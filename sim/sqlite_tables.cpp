#include "sim/sqlite_tables.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iterator>
#include <unordered_map>

#include "sim/csv.hpp"
#include "sim/error.hpp"

namespace village {

SqliteDatabase::SqliteDatabase(const std::filesystem::path& path) : path_(path) {
  const int status =
      sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (status != SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(status);
    sqlite3_close(db_);
    db_ = nullptr;
    throw InputError({path.string()}, fmt::format("cannot open the database ({})", message),
                     "check that the output directory exists and is writable");
  }
  // A busy database (another process's transaction) is waited for, not failed.
  sqlite3_busy_timeout(db_, 10000);
}

SqliteDatabase::~SqliteDatabase() {
  sqlite3_close(db_);
}

void SqliteDatabase::check(int status, std::string_view what) {
  if (status == SQLITE_OK || status == SQLITE_DONE || status == SQLITE_ROW) return;
  const bool full = status == SQLITE_FULL;
  throw InputError({path_.string()},
                   fmt::format("cannot write the database ({}: {})", what, sqlite3_errmsg(db_)),
                   full ? "free disk space and run again" : "delete the database and run again");
}

void SqliteDatabase::execute(std::string_view sql) {
  const std::string text(sql);
  check(sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr), text);
}

SqliteStatement::SqliteStatement(SqliteDatabase& db, std::string_view sql) : db_(db) {
  db_.check(sqlite3_prepare_v2(db_.handle(), sql.data(), static_cast<int>(sql.size()), &statement_,
                               nullptr),
            sql);
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(statement_);
}

void SqliteStatement::bind(int index, std::int64_t value) {
  db_.check(sqlite3_bind_int64(statement_, index, value), "bind");
}
void SqliteStatement::bind(int index, double value) {
  db_.check(sqlite3_bind_double(statement_, index, value), "bind");
}
void SqliteStatement::bind(int index, std::string_view value) {
  db_.check(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                              SQLITE_TRANSIENT),
            "bind");
}

bool SqliteStatement::step() {
  const int status = sqlite3_step(statement_);
  db_.check(status, "step");
  if (status == SQLITE_DONE) {
    reset();
    return false;
  }
  return true;
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteStatement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string SqliteStatement::text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
  return text == nullptr ? std::string() : std::string(text);
}

std::string sql_identifier(std::string_view name) {
  std::string quoted = "\"";
  for (const char c : name) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  return quoted + "\"";
}

const std::vector<std::string>& filter_columns() {
  static const std::vector<std::string> columns{"strategy", "run",   "point", "replicate",
                                                "metric",   "group", "step"};
  return columns;
}

namespace {

enum class ColumnType { integer, real, text };

bool parses_as_integer(const std::string& value) {
  std::int64_t parsed = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
  return error == std::errc() && end == value.data() + value.size() && !value.empty();
}

bool parses_as_real(const std::string& value) {
  if (value.empty()) return false;
  char* end = nullptr;
  std::strtod(value.c_str(), &end);
  return end == value.c_str() + value.size();
}

// Drops the table or view of this name, if there is one (a rerun replaces its tables).
void drop_relation(SqliteDatabase& db, const std::string& name) {
  SqliteStatement kind(db, "SELECT type FROM sqlite_master WHERE name = ?");
  kind.bind(1, std::string_view(name));
  const std::string type = kind.step() ? kind.text(0) : "";
  kind.reset();
  if (type == "view" || type == "table")
    db.execute(fmt::format("DROP {} {}", type == "view" ? "VIEW" : "TABLE", sql_identifier(name)));
}

}  // namespace

void load_csv_table(SqliteDatabase& db, const CsvTable& table) {
  CsvReader header_reader(table.csv);
  std::vector<std::string> header;
  if (!header_reader.next(header)) return;
  const std::size_t width = header.size();
  std::vector<ColumnType> types(width, ColumnType::integer);
  // Each text column's distinct values, numbered in order of appearance.
  std::vector<std::unordered_map<std::string, std::int64_t>> codes(width);
  std::vector<std::vector<std::string>> names(width);
  std::vector<bool> too_many(width, false);
  std::size_t rows = 0;
  std::vector<std::string> fields;
  {
    CsvReader reader(table.csv);
    reader.next(fields);
    while (reader.next(fields)) {
      ++rows;
      for (std::size_t c = 0; c < width && c < fields.size(); ++c) {
        if (types[c] == ColumnType::integer && !parses_as_integer(fields[c]))
          types[c] = ColumnType::real;
        if (types[c] == ColumnType::real && !parses_as_real(fields[c])) types[c] = ColumnType::text;
        // Past 4096 names a column is not worth coding (nor the memory).
        if (too_many[c] || types[c] != ColumnType::text) continue;
        if (codes[c].try_emplace(fields[c], static_cast<std::int64_t>(codes[c].size())).second)
          names[c].push_back(fields[c]);
        if (codes[c].size() > 4096) too_many[c] = true;
      }
    }
  }
  // A long table's text columns with few distinct names (strategy, metric, group) are
  // stored as numbers with a table of names each, behind a view of the table's own name
  // and columns: a third of the size, the same queries.
  std::vector<bool> encoded(width, false);
  bool any_encoded = false;
  for (std::size_t c = 0; c < width; ++c) {
    encoded[c] =
        types[c] == ColumnType::text && !too_many[c] && rows >= 256 && codes[c].size() <= rows / 4;
    any_encoded = any_encoded || encoded[c];
  }
  const std::string name = sql_identifier(table.name);
  const std::string stored = any_encoded ? sql_identifier(table.name + "_rows") : name;
  std::string columns;
  std::string placeholders;
  for (std::size_t c = 0; c < width; ++c) {
    const char* type = types[c] == ColumnType::integer || encoded[c] ? "INTEGER"
                       : types[c] == ColumnType::real                ? "REAL"
                                                                     : "TEXT";
    columns += fmt::format("{}{} {}", c == 0 ? "" : ", ", sql_identifier(header[c]), type);
    placeholders += c == 0 ? "?" : ", ?";
  }
  drop_relation(db, table.name);
  drop_relation(db, table.name + "_rows");
  db.execute(fmt::format("CREATE TABLE {} ({})", stored, columns));
  SqliteStatement insert(db, fmt::format("INSERT INTO {} VALUES ({})", stored, placeholders));
  CsvReader reader(table.csv);
  reader.next(fields);
  while (reader.next(fields)) {
    for (std::size_t c = 0; c < width; ++c) {
      const int index = static_cast<int>(c + 1);
      const std::string& value = c < fields.size() ? fields[c] : std::string();
      if (encoded[c])
        insert.bind(index, codes[c].at(value));
      else if (types[c] == ColumnType::integer)
        insert.bind(index, static_cast<std::int64_t>(std::strtoll(value.c_str(), nullptr, 10)));
      else if (types[c] == ColumnType::real)
        insert.bind(index, std::strtod(value.c_str(), nullptr));
      else
        insert.bind(index, std::string_view(value));
    }
    insert.step();
    insert.reset();
  }
  if (any_encoded) {
    std::string select;
    std::string joins;
    for (std::size_t c = 0; c < width; ++c) {
      const std::string column = sql_identifier(header[c]);
      if (!encoded[c]) {
        select += fmt::format("{}r.{}", c == 0 ? "" : ", ", column);
        continue;
      }
      const std::string lookup = sql_identifier(table.name + "_" + header[c]);
      drop_relation(db, table.name + "_" + header[c]);
      db.execute(
          fmt::format("CREATE TABLE {} (code INTEGER PRIMARY KEY, name TEXT UNIQUE)", lookup));
      SqliteStatement add(db, fmt::format("INSERT INTO {} VALUES (?, ?)", lookup));
      for (std::size_t i = 0; i < names[c].size(); ++i) {
        add.bind(1, static_cast<std::int64_t>(i));
        add.bind(2, std::string_view(names[c][i]));
        add.step();
        add.reset();
      }
      const std::string alias = fmt::format("l{}", c);
      select += fmt::format("{}{}.name AS {}", c == 0 ? "" : ", ", alias, column);
      joins += fmt::format(" JOIN {} {} ON {}.code = r.{}", lookup, alias, alias, column);
    }
    db.execute(fmt::format("CREATE VIEW {} AS SELECT {} FROM {} r{} ORDER BY r.rowid", name, select,
                           stored, joins));
  }
  // Two indexes: the names filtered by (metric, group) and the positions (strategy, run,
  // point, replicate, step), each over the columns the table has, in that order.
  const std::vector<std::vector<std::string>> index_groups{
      {"metric", "group"}, {"strategy", "point", "run", "replicate", "step"}};
  for (std::size_t g = 0; g < index_groups.size(); ++g) {
    std::string indexed;
    for (const std::string& column : index_groups[g]) {
      const bool wanted =
          std::find(table.indexes.begin(), table.indexes.end(), column) != table.indexes.end();
      if (!wanted || std::find(header.begin(), header.end(), column) == header.end()) continue;
      indexed += fmt::format("{}{}", indexed.empty() ? "" : ", ", sql_identifier(column));
    }
    if (indexed.empty()) continue;
    db.execute(fmt::format(
        "CREATE INDEX {} ON {} ({})",
        sql_identifier(fmt::format("{}_by_{}", table.name, g == 0 ? "name" : "position")), stored,
        indexed));
  }
}

std::string table_as_csv(SqliteDatabase& db, std::string_view table) {
  sqlite3_stmt* statement = nullptr;
  // A view (a table stored with codes for names) keeps the order itself.
  bool view = false;
  {
    SqliteStatement kind(db, "SELECT type FROM sqlite_master WHERE name = ?");
    kind.bind(1, table);
    view = kind.step() && kind.text(0) == "view";
    kind.reset();
  }
  const std::string sql =
      fmt::format("SELECT * FROM {}{}", sql_identifier(table), view ? "" : " ORDER BY rowid");
  if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    sqlite3_finalize(statement);
    throw InputError({db.path().string()}, fmt::format("the database has no table {}", table),
                     "name a database that village wrote");
  }
  fmt::memory_buffer out;
  const int columns = sqlite3_column_count(statement);
  for (int c = 0; c < columns; ++c)
    fmt::format_to(std::back_inserter(out), "{}{}", c == 0 ? "" : ",",
                   csv_field(sqlite3_column_name(statement, c)));
  out.push_back('\n');
  int status = SQLITE_OK;
  while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
    for (int c = 0; c < columns; ++c) {
      if (c > 0) out.push_back(',');
      switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER:
          fmt::format_to(std::back_inserter(out), "{}", sqlite3_column_int64(statement, c));
          break;
        case SQLITE_FLOAT:
          fmt::format_to(std::back_inserter(out), "{}", sqlite3_column_double(statement, c));
          break;
        case SQLITE_NULL:
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
          fmt::format_to(std::back_inserter(out), "{}", csv_field(text == nullptr ? "" : text));
        }
      }
    }
    out.push_back('\n');
  }
  sqlite3_finalize(statement);
  db.check(status, sql);
  return fmt::to_string(out);
}

void write_database_atomically(const std::filesystem::path& path,
                               const std::vector<CsvTable>& tables) {
  const std::filesystem::path temporary =
      path.parent_path() / fmt::format(".{}.tmp-{}", path.filename().string(), ::getpid());
  std::filesystem::remove(temporary);
  try {
    SqliteDatabase db(temporary);
    // A new file renamed only when whole needs no journal of its own.
    db.execute("PRAGMA journal_mode = OFF");
    db.execute("PRAGMA synchronous = OFF");
    db.execute("BEGIN");
    for (const CsvTable& table : tables)
      load_csv_table(db, table);
    db.execute("COMMIT");
  } catch (...) {
    std::filesystem::remove(temporary);
    throw;
  }
  const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced || ::rename(temporary.c_str(), path.c_str()) != 0) {
    std::filesystem::remove(temporary);
    throw InputError({path.string()}, "cannot write output (the database could not be renamed)",
                     "check that the output directory is writable");
  }
}

}  // namespace village
