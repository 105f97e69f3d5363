#pragma once
// The CSV tables the commands write (comparison.csv, results.csv, a time series, gzipped
// or not) read back into numpy columns, for the results of village.compare and
// village.sweep.

#include <pybind11/pybind11.h>

#include <filesystem>
#include <string>

namespace village::python {

namespace py = pybind11;

// {"names": [...], "columns": {name: array}, "categories": {name: [...]}}. A column is
// int64 when every field is a whole number, float64 when every field is a number or
// empty (NaN), else int32 codes into its categories (in order of first appearance).
// Fields are RFC 4180, as sim/csv.hpp writes them. Throws InputError on a ragged row.
py::dict csv_columns(const std::string& text, const std::string& file);

// The file's text; a name ending in .gz is gunzipped. Throws InputError naming it.
std::string read_table_text(const std::filesystem::path& path);

}  // namespace village::python
