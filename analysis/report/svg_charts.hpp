#pragma once
// Small inline-SVG charts for report.html, drawn by the program (no scripts, no fonts
// fetched): a line chart with confidence bands, horizontal effect bars with interval
// whiskers, and a scatter of cost against effect with interval crosses. Labels are
// escaped here; callers pass plain text.

#include <string>
#include <vector>

namespace village {

// Colour-blind-safe palette (Okabe & Ito 2008), cycled by index.
const std::string& chart_colour(std::size_t index);

struct ChartText {
  std::string title;  // shown above the plot and as the SVG's <title>
  std::string x_label;
  std::string y_label;
};

struct BandSeries {
  std::string name;
  std::string colour;
  std::vector<double> x;
  std::vector<double> mean;
  std::vector<double> low;  // band, e.g. a 95% interval of the mean
  std::vector<double> high;
};
std::string line_chart_svg(const std::vector<BandSeries>& series, const ChartText& text);

struct EffectBar {
  std::string label;
  std::string colour;
  double value = 0;
  double low = 0;
  double high = 0;
};
std::string effect_bars_svg(const std::vector<EffectBar>& bars, const ChartText& text);

struct ScatterPoint {
  std::string label;
  std::string colour;
  double x = 0, x_low = 0, x_high = 0;
  double y = 0, y_low = 0, y_high = 0;
};
std::string scatter_svg(const std::vector<ScatterPoint>& points, const ChartText& text);

// Round tick values covering [low, high], about `count` of them.
std::vector<double> nice_ticks(double low, double high, int count);

// A tick label: "0.25", "1,500", "12k".
std::string tick_label(double value);

}  // namespace village
