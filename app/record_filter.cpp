#include "app/record_filter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "scenarios/suggest.hpp"
#include "sim/error.hpp"

namespace village {

namespace {

void check_names(const std::vector<std::string>& names, const std::vector<std::string>& known,
                 const char* option, const char* what) {
  for (const std::string& name : names) {
    SeriesFilter probe;
    probe.metrics = {name};
    const bool found = std::any_of(known.begin(), known.end(),
                                   [&](const std::string& k) { return probe.keeps(k, ""); });
    if (found) continue;
    throw InputError({option}, fmt::format("the model records no {} \"{}\"", what, name),
                     did_you_mean(name, known));
  }
}

}  // namespace

SeriesFilter record_filter(const std::string& metrics, const std::string& groups,
                           const Scenario& scenario, const WorldFactory& make_world) {
  SeriesFilter filter;
  if (!metrics.empty()) filter.metrics = parse_name_list(metrics, "--record");
  if (!groups.empty()) filter.groups = parse_name_list(groups, "--record-groups");
  if (filter.empty()) return filter;

  // What the model records, from its first replicate's world at week 0.
  const RandomStream rng(scenario.plan.seed, 0);
  World world = make_world(rng);
  std::unique_ptr<Model> model = scenario.model->make(scenario.model_values);
  model->initialize(world, rng);
  std::vector<MetricRow> rows;
  Observation observation(world.population, 0, rows);
  model->observe(world, observation);
  std::vector<std::string> known_metrics;
  std::vector<std::string> known_groups;
  for (const MetricRow& row : rows) {
    if (std::find(known_metrics.begin(), known_metrics.end(), row.metric) == known_metrics.end())
      known_metrics.push_back(row.metric);
    if (std::find(known_groups.begin(), known_groups.end(), row.group) == known_groups.end())
      known_groups.push_back(row.group);
  }
  check_names(filter.metrics, known_metrics, "--record", "metric");
  check_names(filter.groups, known_groups, "--record-groups", "group");
  return filter;
}

}  // namespace village
