#include "analysis/report/calibration_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/report/html_escape.hpp"
#include "analysis/report/report.hpp"
#include "analysis/report/svg_charts.hpp"

namespace village {

namespace {

constexpr double kWidth = 300, kHeight = 200, kLeft = 44, kRight = 10, kTop = 24, kBottom = 34;
constexpr std::size_t kBins = 20;
constexpr std::size_t kMostPairs = 6;

std::string e(const std::string& text) {
  return escape_html(text);
}

struct Axis {
  double low, high, from, to;
  double operator()(double v) const { return from + (v - low) / (high - low) * (to - from); }
};

std::string frame(const std::string& title, const Axis& x, const Axis& y,
                  const std::string& x_label, const std::string& y_label) {
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\"><title>{2}</title>\n<text x=\"{3}\" y=\"14\" "
      "font-size=\"11\" font-family=\"sans-serif\" font-weight=\"bold\">{2}</text>\n",
      kWidth, kHeight, e(title), kLeft);
  svg += fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#444\"/>\n", kLeft,
                     kWidth - kRight, kHeight - kBottom);
  svg += fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#444\"/>\n", kLeft,
                     kTop, kHeight - kBottom);
  for (double t : nice_ticks(x.low, x.high, 4))
    if (t >= x.low && t <= x.high)
      svg += fmt::format(
          "<text x=\"{:.1f}\" y=\"{}\" font-size=\"9\" text-anchor=\"middle\" "
          "font-family=\"sans-serif\">{}</text>\n",
          x(t), kHeight - kBottom + 12, e(tick_label(t)));
  if (!y_label.empty())
    for (double t : nice_ticks(y.low, y.high, 4))
      if (t >= y.low && t <= y.high)
        svg += fmt::format(
            "<text x=\"{}\" y=\"{:.1f}\" font-size=\"9\" text-anchor=\"end\" "
            "font-family=\"sans-serif\">{}</text>\n",
            kLeft - 3, y(t) + 3, e(tick_label(t)));
  svg += fmt::format(
      "<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" "
      "font-family=\"sans-serif\">{}</text>\n",
      (kLeft + kWidth - kRight) / 2, kHeight - 6, e(x_label));
  if (!y_label.empty())
    svg += fmt::format(
        "<text x=\"10\" y=\"{:.1f}\" font-size=\"10\" font-family=\"sans-serif\" "
        "transform=\"rotate(-90 10 {:.1f})\" text-anchor=\"middle\">{}</text>\n",
        (kTop + kHeight - kBottom) / 2, (kTop + kHeight - kBottom) / 2, e(y_label));
  return svg;
}

// The weighted histogram of one parameter over its prior range.
std::string marginal_svg(const CalibrationReportInput& in, std::size_t j) {
  const calibration::Prior& prior = in.priors[j];
  std::vector<double> bins(kBins, 0.0);
  for (const calibration::Particle& p : in.result.particles) {
    const double t = (p.theta[j] - prior.low) / (prior.high - prior.low);
    bins[std::min(kBins - 1, static_cast<std::size_t>(std::max(0.0, t) * kBins))] += p.weight;
  }
  const double top = std::max(1e-12, *std::max_element(bins.begin(), bins.end()));
  const Axis x{prior.low, prior.high, kLeft, kWidth - kRight};
  const Axis y{0, top, kHeight - kBottom, kTop};
  std::string svg = frame(in.parameters[j], x, y, "the axis spans the prior", "");
  const double width = (kWidth - kRight - kLeft) / static_cast<double>(kBins);
  for (std::size_t b = 0; b < kBins; ++b)
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>\n",
        kLeft + width * static_cast<double>(b) + 0.5, y(bins[b]), width - 1,
        kHeight - kBottom - y(bins[b]), chart_colour(0));
  return svg + "</svg>\n";
}

// The particles of two parameters, areas in proportion to their weights.
std::string pair_svg(const CalibrationReportInput& in, std::size_t a, std::size_t b) {
  const Axis x{in.priors[a].low, in.priors[a].high, kLeft, kWidth - kRight};
  const Axis y{in.priors[b].low, in.priors[b].high, kHeight - kBottom, kTop};
  std::string svg = frame("", x, y, in.parameters[a], in.parameters[b]);
  const double n = static_cast<double>(in.result.particles.size());
  for (const calibration::Particle& p : in.result.particles)
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.2f}\" fill=\"{}\" "
        "fill-opacity=\"0.5\"/>\n",
        x(p.theta[a]), y(p.theta[b]), 2.5 * std::sqrt(std::max(0.05, p.weight * n)),
        chart_colour(1));
  return svg + "</svg>\n";
}

std::string tolerance_svg(const CalibrationReportInput& in) {
  BandSeries series{"tolerance", chart_colour(2), {}, {}, {}, {}};
  for (std::size_t g = 0; g < in.result.generations.size(); ++g) {
    const double t = in.result.generations[g].tolerance;
    if (!std::isfinite(t)) continue;
    series.x.push_back(static_cast<double>(g));
    series.mean.push_back(t);
    series.low.push_back(t);
    series.high.push_back(t);
  }
  if (series.x.size() < 2) return "";
  return line_chart_svg({series}, {"The tolerance, generation by generation", "generation",
                                   "distance (in targets' standard deviations)"});
}

}  // namespace

std::string render_calibration_report(const CalibrationReportInput& in) {
  const calibration::AbcResult& r = in.result;
  std::string h = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Calibration: "
      "{0}</title>\n<style>{1}</style>\n</head>\n<body>\n<h1>Calibration: {0} against {2}</h1>\n"
      "<p class=\"meta\">village {3} ({4}); ABC-SMC, {5} particles, {6} generations, {7} "
      "simulations{8}; master seed {9}.</p>\n",
      e(in.scenario_name), report_style(), e(in.targets_name), e(in.version), e(in.git_revision),
      r.particles.size(), r.generations.size(), r.simulations,
      r.budget_exhausted ? " (the budget ran out)" : "", in.seed);
  h += "<h2>What the data can tell</h2>\n<ul class=\"headline\">\n";
  for (std::size_t j = 0; j < in.parameters.size(); ++j)
    h += fmt::format("<li>{}: {} (its posterior spans {:.0f}% of its prior's 90% width).</li>\n",
                     e(in.parameters[j]), e(in.verdicts[j]), 100 * in.identifiability[j]);
  h += "</ul>\n<figure>";
  for (std::size_t j = 0; j < in.parameters.size(); ++j)
    h += marginal_svg(in, j);
  h += "</figure>\n";
  if (in.parameters.size() > 1) {
    h += "<h3>Pairs</h3>\n<p>Particles of two parameters, their areas in proportion to their "
         "weights: a ridge says the data fix a combination of the two, not each.</p>\n<figure>";
    std::size_t shown = 0;
    for (std::size_t a = 0; a < in.parameters.size() && shown < kMostPairs; ++a)
      for (std::size_t b = a + 1; b < in.parameters.size() && shown < kMostPairs; ++b, ++shown)
        h += pair_svg(in, a, b);
    h += "</figure>\n";
  }
  h += "<h2>Does the fitted model reproduce the data?</h2>\n<table class=\"outcomes\"><tr>"
       "<th>target</th><th>observed</th><th>sd</th><th>simulated, 90% of the posterior</th>"
       "<th>inside</th><th>source</th></tr>\n";
  for (const CalibrationReportTarget& t : in.targets) {
    const bool inside = t.observed >= t.predictive_low && t.observed <= t.predictive_high;
    h += fmt::format(
        "<tr><td>{}</td><td>{:.4g}</td><td>{:.3g}</td><td>{:.4g} to {:.4g} (median "
        "{:.4g})</td><td>{}</td><td>{}</td></tr>\n",
        e(t.name), t.observed, t.sd, t.predictive_low, t.predictive_high, t.predictive_median,
        inside ? "yes" : "<strong>no</strong>", e(t.source));
  }
  h += "</table>\n";
  const std::string path = tolerance_svg(in);
  if (!path.empty()) h += "<h2>The tolerance path</h2>\n<figure>" + path + "</figure>\n";
  h += "<h2>Method</h2>\n<p>Adaptive ABC-SMC (docs/calibration.md): tolerances at the median "
       "of the last population's distances (Del Moral, Doucet &amp; Jasra 2012; Lenormand, "
       "Jabot &amp; Deffuant 2013), a normal kernel of twice the weighted covariance "
       "(Beaumont et al. 2009), and a distance that counts each target in units of its "
       "observed uncertainty (Grimm et al. 2005).</p>\n</body>\n</html>\n";
  return h;
}

}  // namespace village
