#pragma once
// report.html of `village compare`: one self-contained page (inline CSS and SVG, no
// scripts, no fonts or images fetched) that a policymaker can read and print: what was
// compared, the ranking with effect sizes, intervals and cost-effectiveness, headline
// sentences, charts, a picture of one replicate's network and notes on the method.
// Every name from the scenario file is escaped (html_escape.hpp).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/compare/comparison.hpp"

namespace village {

struct ReportStrategy {
  std::string name;
  std::string description;
  std::string settings;  // its [outreach] overrides, in words
  std::optional<double> budget_euros;
  CostBreakdown mean_cost;  // mean over replicates
  TimeBand over_time;       // the headline outcome in the headline group, by week
};

struct ReportInput {
  std::string scenario_name;
  std::vector<std::string> scenario_summary;  // plain-language sentences
  std::vector<ReportStrategy> strategies;     // in the comparison's order
  Comparison comparison;
  std::string headline_outcome = "reach";
  std::string headline_group = "vulnerable";
  std::vector<std::string> outcomes;
  std::vector<std::string> groups;
  std::size_t replicates = 0;
  std::uint32_t weeks = 0;
  std::uint64_t seed = 0;
  std::string version;
  std::string git_revision;
  std::vector<std::string> warnings;
  std::string network_svg;      // inline <svg>, or empty
  std::string network_caption;  // plain text
  std::string odd_link = "docs/ODD.md";
  // The words of the model's world: the parent-support model's by default. A classic
  // model's comparison speaks of agents and steps, names its [model] settings, and has
  // no costs (priced = false: no cost columns, chart or section).
  std::string agents = "parents";
  std::string step = "week";
  std::string settings_table = "outreach";
  bool priced = true;
};

std::string render_report(const ReportInput& input);

// The reports' shared inline CSS.
std::string_view report_style();

// Plain-language sentences, one per strategy other than the baseline, about the
// headline outcome and group: the difference with its interval and the cost per
// additional unit with its interval.
// "The budget of EUR X of S ran out: the partnership stopped in week 23 on average, in 6
// of 6 replicates; ..." or empty when no budget stopped anything.
std::string budget_stops(const ReportStrategy& strategy, std::size_t replicates);

// `agents` names who the outcomes are about; priced = false leaves costs unsaid.
std::vector<std::string> headline_sentences(const Comparison& comparison,
                                            const std::string& outcome, const std::string& group,
                                            const std::string& agents = "parents",
                                            bool priced = true);

// "EUR 12,345" (rounded to euros; to 3 significant digits above 10,000).
std::string format_euros(double euros);

}  // namespace village
