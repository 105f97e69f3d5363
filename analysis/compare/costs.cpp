#include "analysis/compare/costs.hpp"

#include <algorithm>
#include <string_view>

namespace village {

namespace {

constexpr std::string_view kEuros = "euros_";
constexpr std::string_view kStopped = "stopped_";

CostItem& item(CostBreakdown& cost, std::string_view name) {
  for (CostItem& i : cost.items)
    if (i.intervention == name) return i;
  cost.items.push_back({std::string(name)});
  return cost.items.back();
}

}  // namespace

CostBreakdown run_cost(const std::vector<MetricRow>& rows) {
  CostBreakdown cost;
  double total_hours = 0;
  for (const MetricRow& row : rows) {
    if (row.group != "all") continue;
    const std::string_view metric = row.metric;
    if (metric == "euros_total") {
      cost.total_euros += row.value;
    } else if (metric.starts_with(kEuros)) {
      item(cost, metric.substr(kEuros.size())).euros += row.value;
    } else if (metric.starts_with(kStopped)) {
      CostItem& i = item(cost, metric.substr(kStopped.size()));
      if (row.value > 0 && i.stopped_share == 0) {
        i.stopped_share = 1;
        i.stop_week = row.step;
      }
    } else if (metric == "hours_professional") {
      cost.professional_hours += row.value;
    } else if (metric == "hours_total") {
      total_hours += row.value;
    }
  }
  cost.programme_hours = total_hours - cost.professional_hours;
  return cost;
}

CostBreakdown mean_cost(const std::vector<CostBreakdown>& runs) {
  CostBreakdown mean;
  if (runs.empty()) return mean;
  const auto n = static_cast<double>(runs.size());
  std::vector<double> stop_weeks;
  for (const CostBreakdown& run : runs) {
    mean.total_euros += run.total_euros / n;
    mean.professional_hours += run.professional_hours / n;
    mean.programme_hours += run.programme_hours / n;
    for (const CostItem& i : run.items) {
      CostItem& m = item(mean, i.intervention);
      m.euros += i.euros / n;
      m.stopped_share += i.stopped_share / n;
    }
  }
  for (CostItem& m : mean.items) {
    double weeks = 0, stopped = 0;
    for (const CostBreakdown& run : runs) {
      for (const CostItem& i : run.items) {
        if (i.intervention == m.intervention && i.stopped_share > 0) {
          weeks += i.stop_week;
          ++stopped;
        }
      }
    }
    m.stop_week = stopped > 0 ? weeks / stopped : -1;
  }
  return mean;
}

}  // namespace village
