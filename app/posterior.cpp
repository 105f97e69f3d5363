#include "app/posterior.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "app/files.hpp"
#include "app/output_files.hpp"
#include "scenarios/param_lookup.hpp"
#include "sim/error.hpp"
#include "sim/output.hpp"
#include "sim/sqlite_tables.hpp"

namespace village {

namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ','))
    fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

}  // namespace

PosteriorSample read_posterior(const std::filesystem::path& folder) {
  const std::filesystem::path path = folder / "posterior.csv";
  const std::string file = path.string();
  std::string content;
  if (std::filesystem::exists(path)) {
    content = read_whole_file(path, "check the file's permissions");
  } else if (std::filesystem::exists(folder / kDatabaseFile)) {
    // A calibration written with --format sqlite keeps its posterior in its database.
    SqliteDatabase db(folder / kDatabaseFile);
    content = table_as_csv(db, "posterior");
  } else {
    throw InputError({file}, "no posterior.csv here",
                     "give --posterior the folder village calibrate wrote, or a posterior.csv "
                     "with one column per parameter and one row per draw");
  }
  std::istringstream in(content);
  std::string line;
  if (!std::getline(in, line) || line.empty())
    throw InputError({file, 1, 1}, "the header is empty",
                     "name one parameter per column, such as model.trust_gain");
  if (line.back() == '\r') line.pop_back();
  PosteriorSample sample;
  std::size_t weight_column = SIZE_MAX;
  std::vector<std::size_t> skipped;
  const std::vector<std::string> header = split(line);
  std::size_t column_start = 1;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const std::string& name = header[c];
    if (name.empty())
      throw InputError({file, 1, static_cast<int>(column_start)}, "an empty column name",
                       "name every column");
    if (name == "weight") {
      weight_column = c;
    } else if (name == "distance" || name.rfind("sim:", 0) == 0) {
      skipped.push_back(c);  // village calibrate's distance and simulated targets
    } else {
      if (std::find(sample.names.begin(), sample.names.end(), name) != sample.names.end())
        throw InputError({file, 1, static_cast<int>(column_start)},
                         fmt::format("{} is named twice", name), "give each parameter one column");
      sample.names.push_back(name);
    }
    column_start += name.size() + 1;
  }
  if (sample.names.empty())
    throw InputError({file, 1, 1}, "no parameter columns", "name at least one parameter");
  int number = 1;
  double total = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::vector<std::string> fields = split(line);
    if (fields.size() != header.size())
      throw InputError(
          {file, number, 1},
          fmt::format("{} fields where the header has {}", fields.size(), header.size()),
          "give every draw a value for every column");
    std::vector<double> row;
    double weight = 1;
    std::size_t at = 1;
    for (std::size_t c = 0; c < fields.size(); ++c) {
      double value = 0;
      const char* begin = fields[c].data();
      const char* end = begin + fields[c].size();
      const auto [ptr, error] = std::from_chars(begin, end, value);
      if (error != std::errc() || ptr != end || !std::isfinite(value))
        throw InputError({file, number, static_cast<int>(at)},
                         fmt::format("'{}' is not a finite number", fields[c]),
                         "write plain decimal numbers");
      if (std::find(skipped.begin(), skipped.end(), c) != skipped.end()) {
        // not a parameter
      } else if (c == weight_column) {
        if (value < 0)
          throw InputError({file, number, static_cast<int>(at)}, "a negative weight",
                           "weights are zero or positive");
        weight = value;
      } else {
        row.push_back(value);
      }
      at += fields[c].size() + 1;
    }
    sample.rows.push_back(row);
    sample.weights.push_back(weight);
    total += weight;
  }
  if (sample.rows.empty())
    throw InputError({file, number, 1}, "the posterior has no draws", "one row per posterior draw");
  if (!(total > 0))
    throw InputError({file, 2, 1}, "every weight is zero", "give some draws a positive weight");
  for (double& w : sample.weights)
    w /= total;
  return sample;
}

std::vector<std::size_t> resample(const std::vector<double>& weights, std::size_t n,
                                  std::uint64_t seed) {
  std::mt19937_64 engine(seed);
  // 53 random bits, as the designs draw them (analysis/sensitivity/design.hpp).
  const double offset = static_cast<double>(engine() >> 11) * 0x1.0p-53;
  std::vector<std::size_t> chosen;
  double cumulative = weights.empty() ? 0 : weights[0];
  std::size_t draw = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double point = (static_cast<double>(i) + offset) / static_cast<double>(n);
    while (point > cumulative && draw + 1 < weights.size())
      cumulative += weights[++draw];
    chosen.push_back(draw);
  }
  return chosen;
}

void draw_from_posterior(SweepRequest& request, const Scenario& base, const std::string& folder) {
  const PosteriorSample posterior = read_posterior(folder);
  request.params.clear();
  request.given_values.clear();
  for (std::size_t j = 0; j < posterior.names.size(); ++j) {
    const ParamSpec* spec = find_scenario_param(base, posterior.names[j]);
    if (spec == nullptr || spec->role != ParamRole::world)
      throw InputError(
          {(std::filesystem::path(folder) / "posterior.csv").string(), 1, 1},
          fmt::format("{} is not a world parameter of this scenario", posterior.names[j]),
          "a posterior holds world parameters, as village params lists them");
    double low = posterior.rows[0][j], high = low;
    for (const auto& row : posterior.rows) {
      low = std::min(low, row[j]);
      high = std::max(high, row[j]);
    }
    if (!(high > low)) high = low + 1;  // a constant column: the range is only a label
    request.params.push_back(
        fmt::format("{}={}:{}", posterior.names[j], format_value(low), format_value(high)));
  }
  const std::uint64_t seed = request.seed_given ? request.seed : base.plan.seed;
  for (std::size_t draw : resample(posterior.weights, request.samples, seed)) {
    std::vector<ParamValue> row;
    for (double value : posterior.rows[draw])
      row.emplace_back(value);
    request.given_values.push_back(row);
  }
}

}  // namespace village
