#include "analysis/report/uncertainty_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/report/html_escape.hpp"
#include "analysis/report/report.hpp"
#include "analysis/report/svg_charts.hpp"

namespace village {

namespace {

namespace u = uncertainty;

constexpr std::size_t kDriversShown = 10;

std::string e(const std::string& text) {
  return escape_html(text);
}

std::string probability_chart(const u::Study& study, const u::StudyAnalysis& a) {
  std::vector<EffectBar> bars;
  for (std::size_t s = 0; s < study.strategies.size(); ++s) {
    const u::Share& p = a.best_by_outcome[s];
    bars.push_back(
        {study.strategies[s], chart_colour(s), 100 * p.estimate, 100 * p.low, 100 * p.high});
  }
  return effect_bars_svg(bars, {fmt::format("How often each strategy is the best by {} ({})",
                                            study.outcome, study.group),
                                "share of the plausible worlds (%), with its 95% interval", ""});
}

std::string acceptability_chart(const u::Study& study, const u::StudyAnalysis& a) {
  std::vector<BandSeries> series;
  for (std::size_t s = 0; s < study.strategies.size(); ++s) {
    BandSeries line{study.strategies[s], chart_colour(s), {}, {}, {}, {}};
    for (std::size_t l = 0; l < a.curve.lambdas.size(); ++l) {
      const u::Share& p = a.curve.probability[l][s];
      line.x.push_back(a.curve.lambdas[l]);
      line.mean.push_back(p.estimate);
      line.low.push_back(p.low);
      line.high.push_back(p.high);
    }
    series.push_back(std::move(line));
  }
  return line_chart_svg(series, {"Acceptability: the chance each strategy is the best buy",
                                 fmt::format("willingness to pay, euros per {}", a.unit),
                                 "probability of the highest net benefit"});
}

std::string evppi_chart(const u::StudyAnalysis& a) {
  std::vector<EffectBar> bars;
  for (std::size_t j = 0; j < std::min(kDriversShown, a.drivers.size()); ++j) {
    const u::Driver& d = a.drivers[j];
    bars.push_back({d.parameter, chart_colour(0), d.evppi_euros, d.evppi_euros, d.evppi_euros});
  }
  return effect_bars_svg(bars, {"What drives the decision: the value of knowing each parameter",
                                fmt::format("EVPPI, euros per decision at {} per unit",
                                            format_euros(a.reference_lambda)),
                                ""});
}

}  // namespace

std::string render_uncertainty_report(const UncertaintyReportInput& in, const u::Study& study,
                                      const u::StudyAnalysis& a) {
  const std::size_t worlds = a.value.size();
  const std::size_t replicates =
      study.runs.empty() || study.runs.front().empty() ? 0 : study.runs.front().front().size();
  std::string h = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Strategies "
      "under uncertainty: {0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>Strategies under "
      "uncertainty: {0}</h1>\n<p class=\"meta\">village {2} ({3}); {4} strategies in {5} "
      "plausible worlds ({6} design over {7} parameters, master seed {8}); {9} replicates of {10} "
      "weeks in each world.</p>\n",
      e(in.scenario_name), report_style(), e(in.version), e(in.git_revision),
      study.strategies.size(), worlds,
      in.from_posterior      ? "posterior"
      : in.design == "sobol" ? "Sobol' sequence"
                             : "Latin hypercube",
      study.parameters.size(), in.seed, replicates, in.weeks);

  h += "<h2 id=\"how-sure\">How sure is the ranking?</h2>\n<ul class=\"headline\">\n";
  for (const std::string& s : a.summary)
    h += fmt::format("<li>{}</li>\n", e(s));
  h += "</ul>\n";
  if (!a.warnings.empty()) {
    h += "<div class=\"warning\"><p><strong>The worlds or replicates are too few for part of "
         "the answer.</strong></p><ul>\n";
    for (const std::string& w : a.warnings)
      h += fmt::format("<li>{}</li>\n", e(w));
    h += "</ul></div>\n";
  }
  h += fmt::format(
      "<p>Each world is one plausible set of values of the uncertain parameters below, drawn "
      "from their plausible ranges and priors (docs/ODD.md, section 8). Every strategy ran in "
      "every world on the same replicate seeds, so the differences between strategies within a "
      "world are not chance. The intervals are Monte Carlo intervals over the {} worlds.</p>\n",
      worlds);
  h += "<figure>" + probability_chart(study, a) + "</figure>\n";
  h += fmt::format(
      "<p>The net benefit of a strategy is what the municipality is willing to pay per {} "
      "times the units it gains, minus its cost. The curves give, for each willingness to pay, "
      "the share of worlds in which each strategy has the highest net benefit; at no "
      "willingness to pay the cheapest wins, and as it grows the one that gains most.</p>\n",
      e(a.unit));
  h += "<figure>" + acceptability_chart(study, a) + "</figure>\n";
  h += "<p>The value of knowing a parameter (expected value of partial perfect information) is "
       "what a decision maker would gain, per decision, from learning its true value before "
       "choosing: a parameter worth nothing does not change the choice, however uncertain it "
       "is. Research is best spent on the parameters at the top.</p>\n";
  h += "<figure>" + evppi_chart(a) + "</figure>\n";
  if (a.has_box) {
    h += fmt::format(
        "<h3>Where {} is the best buy</h3>\n<p>{} is the best buy where {}. That region holds "
        "{:.0f}% of the worlds in which it is the best buy (coverage), and in {:.0f}% of the "
        "worlds inside it, it is (density). Found by PRIM (Friedman &amp; Fisher 1999).</p>\n",
        e(study.strategies[a.rare_winner]), e(study.strategies[a.rare_winner]),
        e(describe_box(a.box, study.parameters)), 100 * a.box.coverage, 100 * a.box.density);
  }

  h += "<h3>The uncertain parameters</h3>\n<table class=\"outcomes\"><tr><th>parameter</th>"
       "<th>drawn from</th><th>to</th><th>EVPPI (euros)</th><th>partial rank correlation</th>"
       "</tr>\n";
  for (const u::Driver& d : a.drivers) {
    const auto j = static_cast<std::size_t>(
        std::find(study.parameters.begin(), study.parameters.end(), d.parameter) -
        study.parameters.begin());
    double low = study.parameter_values.front()[j], high = low;
    for (const auto& row : study.parameter_values) {
      low = std::min(low, row[j]);
      high = std::max(high, row[j]);
    }
    h += fmt::format("<tr><td>{}</td><td>{:.3g}</td><td>{:.3g}</td><td>{}</td><td>{}</td></tr>\n",
                     e(d.parameter), low, high, format_euros(d.evppi_euros),
                     std::isnan(d.prcc) ? std::string("-") : fmt::format("{:+.2f}", d.prcc));
  }
  h += "</table>\n";

  h += fmt::format(
      "<h2>Method</h2>\n<ul>\n<li>Worlds: a {} over the priors of the uncertain parameters; "
      "replicate r of every strategy in every world uses the random stream (seed, r).</li>\n"
      "<li>Probability best: the share of worlds in which a strategy's mean over the world's "
      "replicates is the best, with a Wilson interval.</li>\n<li>Acceptability curves "
      "(Fenwick, Claxton &amp; Sculpher 2001) and the expected value of perfect information; "
      "EVPPI by regression of the incremental net benefit on each parameter (Strong, Oakley "
      "&amp; Brennan 2014), with a cubic regression spline whose knots generalised "
      "cross-validation chooses; partial rank correlation coefficients with the leading two "
      "strategies' incremental net benefit.</li>\n<li>Replicate noise: {} of the spread "
      "between worlds of the leading two's difference is replicate noise (one-way "
      "random-effects split; above 25% the report warns).</li>\n<li>Scenario discovery: PRIM "
      "peeling 5% at a time down to 5% of the worlds, the box with the best harmonic mean of "
      "coverage and density (Bryant &amp; Lempert 2010).</li>\n<li>docs/uncertainty.md "
      "describes each step and how to choose the numbers of worlds and replicates.</li>\n</ul>\n"
      "</body>\n</html>\n",
      in.design == "sobol" ? "Sobol' sequence (its first points)" : "Latin hypercube",
      std::isnan(a.noise_share) ? std::string("an unknown share (one replicate per world)")
                                : fmt::format("{:.0f}%", 100 * a.noise_share));
  return h;
}

}  // namespace village
