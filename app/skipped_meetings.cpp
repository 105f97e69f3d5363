#include "app/skipped_meetings.hpp"

#include <fmt/format.h>

#include <array>
#include <map>

namespace village {

namespace {

// The reasons in the order the warning names them, with their outcome names.
constexpr std::array<std::pair<const char*, const char*>, 4> kReasons{{
    {"meetings_skipped_no_facilitator", "had no facilitator in their neighbourhood"},
    {"meetings_skipped_no_hours", "found their facilitator out of hours"},
    {"meetings_skipped_no_driver", "were of parent networks that lost their driver"},
    {"meetings_skipped_no_budget", "fell after their programme ran out of budget"},
}};

// The mean over runs of each metric's value at its last step (group "all").
std::map<std::string, double> last_values(const std::vector<RunRecord>& runs) {
  std::map<std::string, double> sums;
  for (const RunRecord& run : runs) {
    std::map<std::string, double> last;
    for (const MetricRow& row : run.rows)
      if (row.group == "all" && row.metric.rfind("meetings_", 0) == 0) last[row.metric] = row.value;
    for (const auto& [metric, value] : last)
      sums[metric] += value;
  }
  for (auto& [metric, sum] : sums)
    sum /= static_cast<double>(runs.size());
  return sums;
}

}  // namespace

std::optional<std::string> skipped_meetings_warning(const std::vector<RunRecord>& runs,
                                                    const std::string& where) {
  if (runs.empty()) return std::nullopt;
  const std::map<std::string, double> values = last_values(runs);
  const auto skipped = values.find("meetings_skipped");
  const auto scheduled = values.find("meetings_scheduled");
  if (skipped == values.end() || scheduled == values.end() || skipped->second <= 0)
    return std::nullopt;
  std::string reasons;
  for (const auto& [metric, words] : kReasons) {
    const auto it = values.find(metric);
    if (it == values.end() || it->second <= 0) continue;
    reasons += fmt::format("{}{:.0f} {}", reasons.empty() ? "" : ", ", it->second, words);
  }
  return fmt::format(
      "{}{:.0f} of {:.0f} scheduled meetings ({:.0f}%) did not take place (mean over "
      "replicates): {}; their parents were not met. See meetings_skipped in summary.csv",
      where.empty() ? "" : where + ": ", skipped->second, scheduled->second,
      100.0 * skipped->second / scheduled->second, reasons);
}

}  // namespace village
