#include "analysis/replicate_statistics.hpp"

#include <fmt/format.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <map>

namespace village {

double t_interval_half_width(double standard_deviation, std::size_t count, double level) {
  if (count < 2) return 0.0;
  const boost::math::students_t distribution(static_cast<double>(count - 1));
  const double t = boost::math::quantile(distribution, 0.5 + level / 2.0);
  return t * standard_deviation / std::sqrt(static_cast<double>(count));
}

std::vector<ReplicateStatistic> final_value_statistics(const std::vector<RunRecord>& runs,
                                                       double level) {
  std::vector<ReplicateStatistic> statistics;
  std::map<std::pair<std::string, std::string>, std::vector<double>> values;
  for (const RunRecord& run : runs) {
    if (run.rows.empty()) continue;
    const std::uint32_t last = run.rows.back().step;
    for (const MetricRow& row : run.rows) {
      if (row.step != last) continue;
      auto [it, inserted] = values.try_emplace({row.metric, row.group});
      if (inserted) statistics.push_back({row.metric, row.group});
      it->second.push_back(row.value);
    }
  }
  for (ReplicateStatistic& statistic : statistics) {
    const auto& sample = values[{statistic.metric, statistic.group}];
    statistic.count = sample.size();
    double sum = 0;
    for (double v : sample)
      sum += v;
    statistic.mean = sum / static_cast<double>(sample.size());
    double squares = 0;
    for (double v : sample)
      squares += (v - statistic.mean) * (v - statistic.mean);
    statistic.standard_deviation =
        sample.size() > 1 ? std::sqrt(squares / static_cast<double>(sample.size() - 1)) : 0.0;
    const double half = t_interval_half_width(statistic.standard_deviation, statistic.count, level);
    statistic.ci_low = statistic.mean - half;
    statistic.ci_high = statistic.mean + half;
  }
  return statistics;
}

std::string format_statistics_table(const std::vector<ReplicateStatistic>& statistics,
                                    double level) {
  std::size_t metric_width = 6;
  std::size_t group_width = 5;
  for (const auto& s : statistics) {
    metric_width = std::max(metric_width, s.metric.size());
    group_width = std::max(group_width, s.group.size());
  }
  std::string text = fmt::format("{:<{}}  {:<{}}  {:>4}  {:>10}  {:>10}  {:>23}\n", "metric",
                                 metric_width, "group", group_width, "runs", "mean", "sd",
                                 fmt::format("{:.0f}% CI of the mean", level * 100));
  for (const auto& s : statistics) {
    text += fmt::format("{:<{}}  {:<{}}  {:>4}  {:>10.4g}  {:>10.3g}  [{:>10.4g}, {:>10.4g}]\n",
                        s.metric, metric_width, s.group, group_width, s.count, s.mean,
                        s.standard_deviation, s.ci_low, s.ci_high);
  }
  return text;
}

}  // namespace village
