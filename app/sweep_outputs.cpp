#include "app/sweep_outputs.hpp"

#include <fmt/format.h>

#include <iterator>
#include <map>

#include "analysis/compare/comparison.hpp"
#include "sim/csv.hpp"
#include "sim/output.hpp"

namespace village {

namespace {

struct Accumulated {
  double final_value = 0;
  double sum = 0;
  std::uint32_t count = 0;
};

}  // namespace

std::string encode_task_result(const RunRecord& run, bool timeseries) {
  // Rows keep the order in which the model first recorded each (metric, group).
  std::vector<std::pair<std::string, std::string>> order;
  std::map<std::pair<std::string, std::string>, Accumulated> values;
  for (const MetricRow& row : run.rows) {
    auto key = std::make_pair(row.metric, row.group);
    auto [it, inserted] = values.try_emplace(key);
    if (inserted) order.push_back(key);
    it->second.final_value = row.value;
    it->second.sum += row.value;
    ++it->second.count;
  }
  nlohmann::json json;
  nlohmann::json& final_rows = json["final"] = nlohmann::json::array();
  for (const auto& key : order) {
    const Accumulated& a = values.at(key);
    final_rows.push_back({key.first, key.second, format_value(a.final_value),
                          format_value(a.sum / static_cast<double>(a.count))});
  }
  if (timeseries) {
    nlohmann::json& series = json["series"] = nlohmann::json::array();
    for (const MetricRow& row : run.rows)
      series.push_back({row.step, row.metric, row.group, format_value(row.value)});
  }
  // dump() escapes control characters, so the record is one line.
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string design_csv(const SweepPlan& plan) {
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  fmt::format_to(it, "point");
  for (const SweepFactor& factor : plan.factors)
    fmt::format_to(it, ",{}", csv_field(factor.name));
  fmt::format_to(it, "\n");
  for (std::size_t p = 0; p < plan.values.size(); ++p) {
    fmt::format_to(it, "{}", p);
    for (const ParamValue& value : plan.values[p])
      fmt::format_to(it, ",{}", csv_field(format_param_value(value)));
    fmt::format_to(it, "\n");
  }
  return fmt::to_string(out);
}

std::vector<std::pair<std::filesystem::path, std::string>> record_files(
    const std::filesystem::path& folder, const std::map<std::uint64_t, std::string>& records,
    std::uint32_t replicates, bool timeseries) {
  fmt::memory_buffer results;
  fmt::memory_buffer series;
  auto results_out = std::back_inserter(results);
  auto series_out = std::back_inserter(series);
  fmt::format_to(results_out, "point,replicate,metric,group,final,mean\n");
  fmt::format_to(series_out, "point,replicate,step,metric,group,value\n");
  for (const auto& [task, record] : records) {
    const nlohmann::json json = nlohmann::json::parse(record);
    const std::uint64_t point = task / replicates;
    const std::uint64_t replicate = task % replicates;
    for (const auto& row : json.at("final")) {
      fmt::format_to(results_out, "{},{},{},{},{},{}\n", point, replicate,
                     csv_field(row[0].get<std::string>()), csv_field(row[1].get<std::string>()),
                     row[2].get<std::string>(), row[3].get<std::string>());
    }
    if (!timeseries) continue;
    for (const auto& row : json.at("series")) {
      fmt::format_to(series_out, "{},{},{},{},{},{}\n", point, replicate,
                     row[0].get<std::uint32_t>(), csv_field(row[1].get<std::string>()),
                     csv_field(row[2].get<std::string>()), row[3].get<std::string>());
    }
  }
  std::vector<std::pair<std::filesystem::path, std::string>> files;
  files.emplace_back(folder / "results.csv", fmt::to_string(results));
  if (timeseries) files.emplace_back(folder / "timeseries.csv", fmt::to_string(series));
  return files;
}

nlohmann::ordered_json design_json(const SweepPlan& plan) {
  nlohmann::ordered_json factors = nlohmann::ordered_json::array();
  for (const SweepFactor& factor : plan.factors) {
    factors.push_back(
        {{"name", factor.name}, {"spec", factor.spec}, {"levels", factor.level_count()}});
  }
  return {{"kind", std::string(sensitivity::design_kind_name(plan.design.kind))},
          {"samples", plan.samples},
          {"morris_levels", plan.request.morris_levels},
          {"seed", plan.seed},
          {"points", plan.design.points.size()},
          {"factors", factors}};
}

}  // namespace village
