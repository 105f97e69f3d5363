#pragma once
// CSV fields for output files. Names come from scenario and network files and may hold
// anything: a field with a comma, quote or line break is quoted (RFC 4180).

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace village {

// The field as written: unchanged, or in double quotes with inner quotes doubled.
std::string csv_field(std::string_view text);
// The same, appended (what the writers of long tables use: no string per field).
void append_csv_field(fmt::memory_buffer& out, std::string_view text);

// Reads CSV text record by record (RFC 4180: quoted fields may hold commas, doubled
// quotes and line breaks; a carriage return before a line break is dropped).
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}
  // The next record's fields; false at the end of the text.
  bool next(std::vector<std::string>& fields);

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

}  // namespace village
