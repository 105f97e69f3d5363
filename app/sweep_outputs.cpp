#include "app/sweep_outputs.hpp"

#include <fmt/format.h>

#include <cstdlib>
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

namespace {
// A recorded value (exact) at the stored precision.
void append_recorded(fmt::memory_buffer& out, const std::string& recorded) {
  append_stored_value(out, std::strtod(recorded.c_str(), nullptr));
}
}  // namespace

std::vector<OutputTable> record_tables(const std::map<std::uint64_t, std::string>& records,
                                       std::uint32_t replicates, bool timeseries,
                                       const SeriesFilter& record) {
  fmt::memory_buffer results;
  fmt::memory_buffer series;
  auto results_out = std::back_inserter(results);
  auto series_out = std::back_inserter(series);
  fmt::format_to(results_out, "point,replicate,metric,group,final,mean\n");
  fmt::format_to(series_out, "point,replicate,step,metric,group,value\n");
  for (const auto& [task, text] : records) {
    const nlohmann::json json = nlohmann::json::parse(text);
    const std::uint64_t point = task / replicates;
    const std::uint64_t replicate = task % replicates;
    for (const auto& row : json.at("final")) {
      fmt::format_to(results_out, "{},{},{},{},", point, replicate,
                     csv_field(row[0].get<std::string>()), csv_field(row[1].get<std::string>()));
      append_recorded(results, row[2].get<std::string>());
      results.push_back(',');
      append_recorded(results, row[3].get<std::string>());
      results.push_back('\n');
    }
    if (!timeseries) continue;
    for (const auto& row : json.at("series")) {
      const std::string metric = row[1].get<std::string>();
      const std::string group = row[2].get<std::string>();
      if (!record.keeps(metric, group)) continue;
      fmt::format_to(series_out, "{},{},{},{},{},", point, replicate, row[0].get<std::uint32_t>(),
                     csv_field(metric), csv_field(group));
      append_recorded(series, row[3].get<std::string>());
      series.push_back('\n');
    }
  }
  std::vector<OutputTable> tables;
  tables.push_back({"results", fmt::to_string(results), false});
  if (timeseries) tables.push_back({"timeseries", fmt::to_string(series), true});
  return tables;
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
