#pragma once
// Reads a delimited text file line by line into fields that remember their column,
// so that importers can report file:line:column. '#' starts a comment; blank lines
// are skipped; CRLF line endings are accepted.

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "sim/error.hpp"

namespace village {

struct Field {
  std::string_view text;
  int column = 0;  // 1-based
};

class LineReader {
 public:
  // delimiter ',' splits at commas (fields trimmed of spaces); 0 splits at runs of
  // spaces and tabs. Throws InputError when the file cannot be opened.
  LineReader(const std::filesystem::path& path, char delimiter);

  // The next line with at least one field; false at the end of the file.
  bool next(std::vector<Field>& fields);

  int line() const { return line_number_; }
  SourceLocation at(int column) const { return {path_.string(), line_number_, column}; }
  SourceLocation at(const Field& field) const { return at(field.column); }

 private:
  std::filesystem::path path_;
  char delimiter_;
  std::ifstream in_;
  std::string line_;
  int line_number_ = 0;
};

// Parses a finite, non-negative number (an edge weight); throws at the field.
float parse_weight(const LineReader& reader, const Field& field);

}  // namespace village
