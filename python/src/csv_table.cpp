#include "csv_table.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include "app/files.hpp"
#include "arrays.hpp"
#include "sim/csv.hpp"
#include "sim/error.hpp"

namespace village::python {

namespace {

enum class Kind { integer, real, text };

bool parse_integer(const std::string& field, std::int64_t& value) {
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  return !field.empty() && error == std::errc() && end == field.data() + field.size();
}

bool parse_real(const std::string& field, double& value) {
  if (field.empty()) {
    value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  return error == std::errc() && end == field.data() + field.size();
}

}  // namespace

py::dict csv_columns(const std::string& text, const std::string& file) {
  std::vector<std::string> names;
  CsvReader header(text);
  header.next(names);
  const std::size_t width = names.size();
  // First pass: each column's kind and the row count.
  std::vector<Kind> kinds(width, Kind::integer);
  std::vector<std::string> fields;
  std::size_t rows = 0;
  CsvReader first(text);
  first.next(fields);
  while (first.next(fields)) {
    ++rows;
    if (fields.size() != width) {
      throw InputError({file, static_cast<int>(rows + 1)},
                       fmt::format("{} fields where the header names {}", fields.size(), width),
                       "the file is not a table village wrote");
    }
    for (std::size_t c = 0; c < width; ++c) {
      std::int64_t integer = 0;
      double real = 0;
      if (kinds[c] == Kind::integer && !parse_integer(fields[c], integer)) kinds[c] = Kind::real;
      if (kinds[c] == Kind::real && !parse_real(fields[c], real)) kinds[c] = Kind::text;
    }
  }
  // Second pass: the values.
  std::vector<std::vector<std::int64_t>> integers(width);
  std::vector<std::vector<double>> reals(width);
  std::vector<std::vector<std::int32_t>> codes(width);
  std::vector<Categories> categories(width);
  for (std::size_t c = 0; c < width; ++c) {
    if (kinds[c] == Kind::integer) integers[c].reserve(rows);
    if (kinds[c] == Kind::real) reals[c].reserve(rows);
    if (kinds[c] == Kind::text) codes[c].reserve(rows);
  }
  CsvReader second(text);
  second.next(fields);
  while (second.next(fields)) {
    for (std::size_t c = 0; c < width; ++c) {
      if (kinds[c] == Kind::integer) {
        parse_integer(fields[c], integers[c].emplace_back());
      } else if (kinds[c] == Kind::real) {
        parse_real(fields[c], reals[c].emplace_back());
      } else {
        codes[c].push_back(categories[c].code(fields[c]));
      }
    }
  }
  py::dict columns;
  py::dict category_lists;
  for (std::size_t c = 0; c < width; ++c) {
    const py::str name(names[c]);
    if (kinds[c] == Kind::integer) {
      columns[name] = to_numpy(std::move(integers[c]));
    } else if (kinds[c] == Kind::real) {
      columns[name] = to_numpy(std::move(reals[c]));
    } else {
      columns[name] = to_numpy(std::move(codes[c]));
      category_lists[name] = to_list(categories[c].names());
    }
  }
  py::dict table;
  table["names"] = to_list(names);
  table["columns"] = columns;
  table["categories"] = category_lists;
  return table;
}

std::string read_table_text(const std::filesystem::path& path) {
  const std::string hint = "the command that wrote it should have; run it again";
  if (path.extension() != ".gz") return read_whole_file(path, hint);
  gzFile in = gzopen(path.c_str(), "rb");
  if (in == nullptr) throw InputError({path.string()}, "cannot read the file", hint);
  std::string text;
  char chunk[1 << 16];
  int got = 0;
  while ((got = gzread(in, chunk, sizeof chunk)) > 0)
    text.append(chunk, static_cast<std::size_t>(got));
  const bool failed = got < 0;
  gzclose(in);
  if (failed) throw InputError({path.string()}, "the file is not valid gzip", hint);
  return text;
}

}  // namespace village::python
