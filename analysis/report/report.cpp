#include "analysis/report/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/report/html_escape.hpp"
#include "analysis/report/svg_charts.hpp"

namespace village {

namespace {

const char* kStyle = R"(
body { font-family: Georgia, 'Times New Roman', serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; margin-top: 1.8em; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.headline { font-size: 1.08em; }
.headline li { margin-bottom: 0.4em; }
.warning { background: #fff4e0; border-left: 4px solid #e69f00; padding: 0.4em 0.8em; }
.over { color: #b00020; font-weight: bold; }
.meta { color: #555; font-size: 0.9em; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 1em 0; }
figure { margin: 1em 0; page-break-inside: avoid; }
figcaption { font-size: 0.9em; color: #444; }
@media print { body { max-width: none; margin: 0; } h2 { page-break-after: avoid; }
               table, figure { page-break-inside: avoid; } }
)";

std::string e(const std::string& text) {
  return escape_html(text);
}

std::string group_phrase(const std::string& group) {
  if (group == "all") return "";
  if (group == "language_barrier") return "language-barrier ";
  if (group.rfind("community:", 0) == 0) return group.substr(10) + " ";
  if (group.rfind("type:", 0) == 0) return group.substr(5) + " ";
  return group + " ";
}

bool is_share(const std::string& outcome) {
  // The classic models' shares of agents, then the parent-support model's.
  static const std::vector<std::string> agent_shares{"active", "newly_active", "susceptible",
                                                     "infected", "recovered"};
  return counts_parents(outcome) || outcome == "incident_cooperation" || outcome == "retention" ||
         std::find(agent_shares.begin(), agent_shares.end(), outcome) != agent_shares.end();
}

// A value in the outcome's natural unit: "34.2%" for shares, "0.512" otherwise.
std::string value_text(const std::string& outcome, double value) {
  if (is_share(outcome)) return fmt::format("{:.1f}%", value * 100);
  return fmt::format("{:.3g}", value);
}

// A difference: "13.5 percentage points" for shares.
std::string difference_text(const std::string& outcome, double value) {
  if (is_share(outcome)) return fmt::format("{:.1f}", value * 100);
  return fmt::format("{:.3g}", value);
}

std::string interval_text(const std::string& outcome, const MeanInterval& m) {
  return fmt::format("{} ({} to {})", difference_text(outcome, m.mean),
                     difference_text(outcome, m.low), difference_text(outcome, m.high));
}

std::string ratio_text(const RatioInterval& ratio) {
  switch (ratio.status) {
    case RatioInterval::Status::estimated:
      return fmt::format("{} ({} to {})", format_euros(ratio.ratio), format_euros(ratio.low),
                         format_euros(ratio.high));
    case RatioInterval::Status::dominant:
      return "better at no extra cost";
    case RatioInterval::Status::unbounded:
      return fmt::format("{} (interval unbounded: gain not yet distinguishable from 0)",
                         format_euros(ratio.ratio));
    case RatioInterval::Status::no_gain:
      return "no gain";
  }
  return "";
}

std::string outcome_title(const std::string& outcome, const std::string& group) {
  return fmt::format("{} ({})", outcome, group);
}

}  // namespace

std::string format_euros(double euros) {
  if (!std::isfinite(euros)) return "EUR -";
  double rounded = std::round(euros);
  if (std::abs(rounded) >= 10000) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::abs(rounded))) - 2);
    rounded = std::round(rounded / magnitude) * magnitude;
  }
  std::string digits = fmt::format("{:.0f}", std::abs(rounded));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return fmt::format("{}EUR {}", rounded < 0 ? "-" : "", grouped);
}

namespace {

std::string words(const std::string& name) {
  std::string text = name;
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// An outcome as the noun phrase of a headline ("gives parents a higher <phrase>").
std::string outcome_phrase(const std::string& outcome) {
  static const std::map<std::string, std::string> phrases{
      {"incident_cooperation", "share of cooperative conversations after an incident"},
      {"help_seeking", "share who bring a question to a professional"},
      {"institutional_trust", "trust in institutions"},
      {"informal_participation", "participation in informal organisations"},
      {"trusted_ties", "number of trusted ties to professionals"},
      {"invited", "share invited to a parent group"},
      {"attendance", "share attending a group meeting"},
      {"retention", "share staying in their group"},
      {"support_ties", "number of support ties"},
      {"isolated", "share without a support tie"},
      {"limit_setting", "share setting limits"},
      {"youth_risk", "share of youth at risk"},
      {"volunteers", "share volunteering"},
      {"active", "share active"},
      {"newly_active", "share newly active"},
      {"infected", "share infected"},
      {"recovered", "share recovered (the epidemic's size so far)"},
      {"susceptible", "share still susceptible"}};
  const auto found = phrases.find(outcome);
  if (found != phrases.end()) return found->second;
  return (is_share(outcome) ? "share of " : "") + words(outcome);
}

}  // namespace

std::string budget_stops(const ReportStrategy& strategy, std::size_t replicates) {
  if (!strategy.budget_euros) return "";
  std::vector<std::string> parts;
  for (const CostItem& item : strategy.mean_cost.items) {
    if (item.stopped_share <= 0) continue;
    const auto runs =
        static_cast<std::size_t>(std::lround(item.stopped_share * static_cast<double>(replicates)));
    parts.push_back(fmt::format("the {} stopped in week {:.0f} on average, in {} of {} replicates",
                                words(item.intervention), item.stop_week, runs, replicates));
  }
  if (parts.empty()) return "";
  return fmt::format("The budget of {} of {} ran out: {}.", format_euros(*strategy.budget_euros),
                     strategy.name, fmt::join(parts, "; "));
}

std::vector<std::string> headline_sentences(const Comparison& comparison,
                                            const std::string& outcome, const std::string& group,
                                            const std::string& agents, bool priced) {
  std::vector<std::string> sentences;
  const std::string& baseline = comparison.strategies[comparison.baseline];
  const ComparisonRow* base = comparison.find(baseline, outcome, group);
  if (base == nullptr) return sentences;
  const std::string who = group_phrase(group);
  for (const std::string& name : comparison.ranking(outcome, group)) {
    const ComparisonRow* row = comparison.find(name, outcome, group);
    if (row == nullptr || row->is_baseline) continue;
    const MeanInterval& d = row->difference;
    const bool better = higher_is_better(outcome) ? d.mean > 0 : d.mean < 0;
    MeanInterval magnitude = d;
    if (d.mean < 0) magnitude = {d.count, -d.mean, d.standard_deviation, -d.high, -d.low};
    std::string sentence;
    if (outcome == "reach") {
      sentence = fmt::format(
          "{} reaches {} percentage points {} {}{} than {} ({} against {})", name,
          interval_text(outcome, magnitude), d.mean >= 0 ? "more" : "fewer", who, agents, baseline,
          value_text(outcome, row->value.mean), value_text(outcome, base->value.mean));
    } else {
      sentence = fmt::format(
          "{} gives {}{} a {} {}, by {}{}, than {} ({} against {})", name, who, agents,
          d.mean >= 0 ? "higher" : "lower", outcome_phrase(outcome),
          interval_text(outcome, magnitude), is_share(outcome) ? " percentage points" : "",
          baseline, value_text(outcome, row->value.mean), value_text(outcome, base->value.mean));
    }
    if (!d.excludes_zero()) {
      sentence += fmt::format(
          "; with {} replicates this difference is not yet distinguishable from zero", d.count);
    } else if (better && priced) {
      const RatioInterval& ratio = row->cost_per_unit;
      if (ratio.status == RatioInterval::Status::estimated)
        sentence += fmt::format(", at {} ({} to {}) per {}", format_euros(ratio.ratio),
                                format_euros(ratio.low), format_euros(ratio.high), row->unit);
      else if (ratio.status == RatioInterval::Status::dominant && row->extra_cost.mean > -0.5)
        sentence += ", at no extra cost";
      else if (ratio.status == RatioInterval::Status::dominant)
        sentence += fmt::format(", and costs {} less per run", format_euros(-row->extra_cost.mean));
    }
    sentence += ".";
    if (row->over_budget && row->budget_euros)
      sentence += fmt::format(" It spends {} against a budget of {}.", format_euros(row->cost.mean),
                              format_euros(*row->budget_euros));
    sentences.push_back(sentence);
  }
  return sentences;
}

std::string_view report_style() {
  return kStyle;
}

namespace {

std::string costs_section(const ReportInput& in) {
  std::string h =
      "<h2>Costs</h2>\n<p>Every intervention prices what it uses each week: its hours "
      "(professional or programme), its contacts (a visit, a copy of a newsletter, a parent "
      "attending) and its meetings (an issue, an evening, a group meeting), each at its own "
      "rate in [outreach], and pays its set-up cost in its first week. A strategy's cost is the "
      "sum over its interventions and weeks; the professionals' regular work (personal "
      "contacts, incidents and questions) is paid under every strategy and not counted. With a "
      "budget, the model stops an intervention in the first week the budget left cannot cover "
      "the most that week could cost it, so a strategy never spends more than its budget "
      "(docs/ODD.md, section 7.25). Mean euros per run:</p>\n";
  std::vector<std::string> items;
  for (const ReportStrategy& s : in.strategies)
    for (const CostItem& item : s.mean_cost.items)
      if (std::find(items.begin(), items.end(), item.intervention) == items.end())
        items.push_back(item.intervention);
  h += "<table class=\"costs\"><tr><th>strategy</th>";
  for (const std::string& item : items)
    h += fmt::format("<th>{}</th>", e(words(item)));
  h += "<th>total per run</th><th>professional hours</th><th>programme hours</th></tr>\n";
  for (const ReportStrategy& s : in.strategies) {
    h += fmt::format("<tr><td>{}</td>", e(s.name));
    for (const std::string& name : items) {
      const auto it = std::find_if(s.mean_cost.items.begin(), s.mean_cost.items.end(),
                                   [&](const CostItem& c) { return c.intervention == name; });
      h += it == s.mean_cost.items.end()
               ? std::string("<td class=\"num\">-</td>")
               : fmt::format("<td class=\"num\">{}{}</td>", format_euros(it->euros),
                             it->stopped_share > 0 ? " *" : "");
    }
    h += fmt::format(
        "<td class=\"num\">{}</td><td class=\"num\">{:.0f}</td><td class=\"num\">{:.0f}</td>"
        "</tr>\n",
        format_euros(s.mean_cost.total_euros), s.mean_cost.professional_hours,
        s.mean_cost.programme_hours);
  }
  h += "</table>\n<p class=\"meta\">-: not part of the strategy. *: stopped by the budget in "
       "some replicates (see In short).</p>\n";
  return h;
}

std::string method_section(const ReportInput& in, const std::string& level) {
  const std::string world = in.priced ? "synthetic community" : "network";
  std::string h = fmt::format(
      "<h2>Method</h2>\n<ul>\n<li>Every strategy ran the same {0} replicates: replicate r of "
      "every strategy uses the random stream (seed {1}, r), so the strategies meet the same "
      "{3} and the same chance events wherever they make the same decision "
      "(common random numbers). Differences are therefore analysed per replicate (paired), "
      "which removes the variation between replicates that all strategies share.</li>\n"
      "<li>Means and paired differences carry Student-t {2} confidence intervals across "
      "replicates. When an interval of a difference includes zero, the report says how many "
      "replicates would separate the strategies if the difference is as estimated.</li>\n",
      in.replicates, in.seed, level, world);
  if (in.priced)
    h += "<li>Cost per additional unit is the mean extra cost divided by the mean extra outcome "
         "(for shares of parents: parents, the difference times the group's size in the "
         "replicate), with a Fieller interval from the paired extra costs and gains and their "
         "covariance (Fieller 1954; Willan &amp; O'Brien 1996). It is unbounded when the gain's "
         "interval includes zero, and not given without a gain.</li>\n";
  else
    h += "<li>The model prices nothing: strategies differ only in whom they seed, and the "
         "comparison is of effects alone.</li>\n";
  if (!in.network_svg.empty())
    h += "<li>The network picture shows one replicate at the end of the run; it illustrates, it "
         "is not evidence.</li>\n";
  h += fmt::format(
      "<li>The model, its mechanisms, parameters and sources: <a "
      "href=\"{0}\">{0}</a> (the ODD description in the village repository). Its magnitudes "
      "are assumptions with documented ranges: read the results as directions and orders of "
      "magnitude, and sweep the parameters before relying on a number.</li>\n</ul>\n",
      e(in.odd_link));
  return h;
}

}  // namespace

std::string render_report(const ReportInput& in) {
  const Comparison& cmp = in.comparison;
  const std::string& baseline = cmp.strategies.at(cmp.baseline);
  const std::string level = fmt::format("{:.0f}%", cmp.level * 100);
  std::string h = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Strategy "
      "comparison: {0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>Strategy comparison: "
      "{0}</h1>\n<p class=\"meta\">village {2} ({3}); {4} strategies; {5} replicates of {6} "
      "{9}s each; master seed {7}; intervals are {8} confidence intervals.</p>\n",
      e(in.scenario_name), kStyle, e(in.version), e(in.git_revision), cmp.strategies.size(),
      in.replicates, in.weeks, in.seed, level, e(in.step));

  // Headlines.
  h += "<h2>In short</h2>\n<ul class=\"headline\">\n";
  for (const std::string& s :
       headline_sentences(cmp, in.headline_outcome, in.headline_group, in.agents, in.priced))
    h += fmt::format("<li>{}</li>\n", e(s));
  for (const ReportStrategy& s : in.strategies) {
    const std::string stops = budget_stops(s, in.replicates);
    if (!stops.empty()) h += fmt::format("<li>{}</li>\n", e(stops));
  }
  h += "</ul>\n";
  if (!in.warnings.empty()) {
    h += "<div class=\"warning\"><p><strong>Too few replicates to separate some "
         "strategies.</strong></p><ul>\n";
    for (const std::string& w : in.warnings)
      h += fmt::format("<li>{}</li>\n", e(w));
    h += "</ul></div>\n";
  }

  // What was compared.
  h += "<h2>What was compared</h2>\n";
  for (const std::string& s : in.scenario_summary)
    h += fmt::format("<p>{}</p>\n", e(s));
  h += fmt::format(
      "<table class=\"strategies\"><tr><th>strategy</th><th>what it does</th><th>settings "
      "([{}])</th>{}</tr>\n",
      e(in.settings_table), in.priced ? "<th>mean cost per run</th><th>budget (a cap)</th>" : "");
  for (const ReportStrategy& s : in.strategies) {
    const bool over = s.budget_euros && s.mean_cost.total_euros > *s.budget_euros + 0.005;
    const std::string costs =
        !in.priced ? std::string()
                   : fmt::format("<td class=\"num\">{}</td><td class=\"num{}\">{}</td>",
                                 format_euros(s.mean_cost.total_euros), over ? " over" : "",
                                 s.budget_euros ? fmt::format("{}{}", format_euros(*s.budget_euros),
                                                              over ? " (over budget)" : "")
                                                : "none set");
    h += fmt::format("<tr><td>{}{}</td><td>{}</td><td>{}</td>{}</tr>\n", e(s.name),
                     s.name == baseline ? " (baseline)" : "", e(s.description), e(s.settings),
                     costs);
  }
  h += "</table>\n";

  // Ranking.
  const std::string headline = outcome_title(in.headline_outcome, in.headline_group);
  h += fmt::format(
      "<h2>Ranking by {}</h2>\n<table class=\"ranking\" id=\"ranking\"><tr><th>rank</th>"
      "<th>strategy</th><th>{} at the end</th><th>difference with {}</th>{}</tr>\n",
      e(headline), e(in.headline_outcome), e(baseline),
      in.priced ? fmt::format("<th>cost per run</th><th>extra cost per run</th><th>cost per "
                              "{}</th><th>budget</th>",
                              e(unit_name(in.headline_outcome, in.headline_group)))
                : std::string());
  int rank = 0;
  for (const std::string& name : cmp.ranking(in.headline_outcome, in.headline_group)) {
    const ComparisonRow* row = cmp.find(name, in.headline_outcome, in.headline_group);
    const std::string costs =
        !in.priced
            ? std::string()
            : fmt::format(
                  "<td class=\"num\">{} ({} to {})</td><td class=\"num\">{}</td><td "
                  "class=\"num\">{}</td><td class=\"{}\">{}</td>",
                  format_euros(row->cost.mean), format_euros(row->cost.low),
                  format_euros(row->cost.high),
                  row->is_baseline
                      ? "-"
                      : fmt::format("{} ({} to {})", format_euros(row->extra_cost.mean),
                                    format_euros(row->extra_cost.low),
                                    format_euros(row->extra_cost.high)),
                  row->is_baseline ? "-" : e(ratio_text(row->cost_per_unit)),
                  row->over_budget ? "over" : "",
                  row->budget_euros
                      ? (row->over_budget ? "over budget (" + format_euros(*row->budget_euros) + ")"
                                          : "within " + format_euros(*row->budget_euros))
                      : "none set");
    h += fmt::format(
        "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{} ({} to {})</td><td "
        "class=\"num\">{}</td>{}</tr>\n",
        ++rank, e(name), value_text(row->outcome, row->value.mean),
        value_text(row->outcome, row->value.low), value_text(row->outcome, row->value.high),
        row->is_baseline
            ? "baseline"
            : interval_text(row->outcome, row->difference) + (is_share(row->outcome) ? " pp" : ""),
        costs);
  }
  h += "</table>\n<p class=\"meta\">pp: percentage points. Differences are paired: each "
       "strategy ran on the same replicate seeds as the baseline.</p>\n";

  // Charts.
  h += "<h2>Charts</h2>\n";
  std::vector<BandSeries> series;
  for (std::size_t i = 0; i < in.strategies.size(); ++i) {
    const ReportStrategy& s = in.strategies[i];
    series.push_back({s.name, chart_colour(i), s.over_time.steps, s.over_time.mean, s.over_time.low,
                      s.over_time.high});
  }
  h += "<figure>" +
       line_chart_svg(series,
                      {fmt::format("{} over time", headline), in.step, in.headline_outcome}) +
       fmt::format(
           "<figcaption>Mean {} of {} {} by {} for each strategy, with its {} "
           "band across replicates.</figcaption></figure>\n",
           e(in.headline_outcome), e(in.headline_group), e(in.agents), e(in.step), level);
  std::vector<EffectBar> bars;
  std::vector<ScatterPoint> points;
  const double scale = is_share(in.headline_outcome) ? 100 : 1;
  for (std::size_t i = 0; i < cmp.strategies.size(); ++i) {
    const ComparisonRow* row = cmp.find(cmp.strategies[i], in.headline_outcome, in.headline_group);
    if (row == nullptr || row->is_baseline) continue;
    bars.push_back({row->strategy, chart_colour(i), row->difference.mean * scale,
                    row->difference.low * scale, row->difference.high * scale});
    points.push_back({row->strategy, chart_colour(i), row->extra_cost.mean, row->extra_cost.low,
                      row->extra_cost.high, row->difference.mean * scale,
                      row->difference.low * scale, row->difference.high * scale});
  }
  const std::string diff_unit =
      is_share(in.headline_outcome) ? "difference (percentage points)" : "difference";
  h += "<figure>" +
       effect_bars_svg(
           bars, {fmt::format("Effect on {} against {}", headline, baseline), diff_unit, ""}) +
       fmt::format(
           "<figcaption>Paired difference with {} and its {} interval; an interval "
           "that crosses 0 does not separate the strategy from the "
           "baseline.</figcaption></figure>\n",
           e(baseline), level);
  if (in.priced)
    h += "<figure>" +
         scatter_svg(points, {fmt::format("Extra cost against effect ({})", headline),
                              "extra cost per run (EUR)", diff_unit}) +
         fmt::format(
             "<figcaption>Each strategy's extra cost per run against its effect, both "
             "against {}, with {} intervals. Up and to the left is better and "
             "cheaper.</figcaption></figure>\n",
             e(baseline), level);
  if (!in.network_svg.empty())
    h += "<figure>" + in.network_svg + "<figcaption>" + e(in.network_caption) +
         "</figcaption></figure>\n";

  // All outcomes.
  h += "<h2>All outcomes at the end of the run</h2>\n<table class=\"outcomes\"><tr><th>outcome"
       "</th><th>group</th><th>strategy</th><th>mean (" +
       level + " CI)</th><th>difference with " + e(baseline) + " (" + level + " CI)</th>" +
       (in.priced ? "<th>cost per additional unit</th>" : "") + "</tr>\n";
  for (const std::string& outcome : in.outcomes) {
    for (const std::string& group : in.groups) {
      for (const std::string& name : cmp.strategies) {
        const ComparisonRow* row = cmp.find(name, outcome, group);
        if (row == nullptr) continue;
        const std::string cost =
            !in.priced ? std::string()
                       : fmt::format("<td>{}</td>",
                                     row->is_baseline
                                         ? ""
                                         : e(ratio_text(row->cost_per_unit) + " per " + row->unit));
        h += fmt::format(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{} ({} to {})</td><td "
            "class=\"num\">{}</td>{}</tr>\n",
            e(outcome), e(group), e(name), value_text(outcome, row->value.mean),
            value_text(outcome, row->value.low), value_text(outcome, row->value.high),
            row->is_baseline
                ? "baseline"
                : interval_text(outcome, row->difference) + (is_share(outcome) ? " pp" : ""),
            cost);
      }
    }
  }
  h += "</table>\n";

  if (in.priced) h += costs_section(in);
  h += method_section(in, level);
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace village
