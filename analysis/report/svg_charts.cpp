#include "analysis/report/svg_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/report/html_escape.hpp"

namespace village {

namespace {

constexpr double kWidth = 680;
constexpr double kHeight = 320;
constexpr double kLeft = 70;
constexpr double kRight = 170;  // room for the legend
constexpr double kTop = 34;
constexpr double kBottom = 48;

struct Scale {
  double low = 0, high = 1;  // data range
  double from = 0, to = 1;   // pixel range
  double operator()(double v) const {
    if (high == low) return (from + to) / 2;
    return from + (v - low) / (high - low) * (to - from);
  }
};

void widen(double& low, double& high) {
  if (!std::isfinite(low) || !std::isfinite(high)) {
    low = 0;
    high = 1;
  }
  if (high <= low) {
    const double pad = low == 0 ? 1 : std::abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
}

std::string open_svg(const ChartText& text, double width = kWidth, double height = kHeight) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" class=\"chart\" font-family=\"sans-serif\" "
      "font-size=\"12\"><title>{2}</title>\n<text x=\"{3}\" y=\"20\" font-size=\"14\" "
      "font-weight=\"bold\">{2}</text>\n",
      width, height, escape_html(text.title), kLeft);
}

std::string axes(const Scale& x, const Scale& y, const ChartText& text, bool x_ticks = true) {
  std::string s;
  const double bottom = kHeight - kBottom;
  for (double t : nice_ticks(y.low, y.high, 5)) {
    const double py = y(t);
    s += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
        kLeft, kWidth - kRight, py, kLeft - 6, py + 4, tick_label(t));
  }
  if (x_ticks) {
    for (double t : nice_ticks(x.low, x.high, 6)) {
      const double px = x(t);
      s += fmt::format(
          "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#999\"/>"
          "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
          px, bottom, bottom + 5, bottom + 18, tick_label(t));
    }
  }
  s += fmt::format(
      "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#333\"/>"
      "<line x1=\"{0}\" x2=\"{0}\" y1=\"{3}\" y2=\"{2}\" stroke=\"#333\"/>\n",
      kLeft, kWidth - kRight, bottom, kTop);
  s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                   (kLeft + kWidth - kRight) / 2, kHeight - 10, escape_html(text.x_label));
  s += fmt::format(
      "<text transform=\"translate(16 {:.1f}) rotate(-90)\" text-anchor=\"middle\">{}</text>\n",
      (kTop + bottom) / 2, escape_html(text.y_label));
  return s;
}

std::string legend(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string s;
  double y = kTop + 6;
  for (const auto& [name, colour] : entries) {
    s += fmt::format(
        "<rect x=\"{0:.1f}\" y=\"{1:.1f}\" width=\"12\" height=\"12\" fill=\"{2}\"/>"
        "<text x=\"{3:.1f}\" y=\"{4:.1f}\">{5}</text>\n",
        kWidth - kRight + 14, y, escape_html(colour), kWidth - kRight + 31, y + 10,
        escape_html(shorten(name, 22)));
    y += 18;
  }
  return s;
}

}  // namespace

const std::string& chart_colour(std::size_t index) {
  static const std::vector<std::string> palette{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                                "#56B4E9", "#D55E00", "#000000", "#999933"};
  return palette[index % palette.size()];
}

std::vector<double> nice_ticks(double low, double high, int count) {
  widen(low, high);
  const double raw = (high - low) / std::max(1, count);
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  std::vector<double> ticks;
  for (double t = std::ceil(low / step) * step; t <= high + step * 1e-9; t += step)
    ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
  return ticks;
}

std::string tick_label(double value) {
  const double a = std::abs(value);
  if (a >= 1e6) return fmt::format("{:g}M", value / 1e6);
  if (a >= 1e4) return fmt::format("{:g}k", value / 1e3);
  if (a >= 100 || value == std::floor(value)) return fmt::format("{:.0f}", value);
  return fmt::format("{:g}", std::round(value * 1000) / 1000);
}

std::string line_chart_svg(const std::vector<BandSeries>& series, const ChartText& text) {
  double x_low = std::numeric_limits<double>::infinity(), x_high = -x_low;
  double y_low = x_low, y_high = -x_low;
  for (const BandSeries& s : series) {
    for (std::size_t i = 0; i < s.x.size(); ++i) {
      x_low = std::min(x_low, s.x[i]);
      x_high = std::max(x_high, s.x[i]);
      y_low = std::min({y_low, s.low[i], s.mean[i]});
      y_high = std::max({y_high, s.high[i], s.mean[i]});
    }
  }
  widen(x_low, x_high);
  widen(y_low, y_high);
  const double pad = (y_high - y_low) * 0.05;
  const Scale x{x_low, x_high, kLeft, kWidth - kRight};
  const Scale y{y_low - pad, y_high + pad, kHeight - kBottom, kTop};
  std::string svg = open_svg(text) + axes(x, y, text);
  std::vector<std::pair<std::string, std::string>> entries;
  for (const BandSeries& s : series) {
    if (s.x.empty()) continue;
    std::string band;
    for (std::size_t i = 0; i < s.x.size(); ++i)
      band += fmt::format("{:.1f},{:.1f} ", x(s.x[i]), y(s.high[i]));
    for (std::size_t i = s.x.size(); i-- > 0;)
      band += fmt::format("{:.1f},{:.1f} ", x(s.x[i]), y(s.low[i]));
    std::string line;
    for (std::size_t i = 0; i < s.x.size(); ++i)
      line += fmt::format("{:.1f},{:.1f} ", x(s.x[i]), y(s.mean[i]));
    svg += fmt::format(
        "<g class=\"series\"><title>{0}</title><polygon points=\"{1}\" fill=\"{2}\" "
        "fill-opacity=\"0.18\" stroke=\"none\"/><polyline points=\"{3}\" fill=\"none\" "
        "stroke=\"{2}\" stroke-width=\"2\"/></g>\n",
        escape_html(s.name), band, escape_html(s.colour), line);
    entries.emplace_back(s.name, s.colour);
  }
  return svg + legend(entries) + "</svg>\n";
}

std::string effect_bars_svg(const std::vector<EffectBar>& bars, const ChartText& text) {
  double low = 0, high = 0;
  for (const EffectBar& b : bars) {
    low = std::min({low, b.low, b.value});
    high = std::max({high, b.high, b.value});
  }
  widen(low, high);
  const double pad = (high - low) * 0.05;
  const double row = 30;
  const double height = std::max(160.0, kTop + kBottom + row * static_cast<double>(bars.size()));
  // Bars run horizontally: labels on the left, values along x.
  const double left = 170;
  const double right = 40;
  const Scale x{low - pad, high + pad, left, kWidth - right};
  std::string svg = open_svg(text, kWidth, height);
  const double bottom = height - kBottom;
  for (double t : nice_ticks(x.low, x.high, 6)) {
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#ddd\"/>"
        "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
        x(t), kTop, bottom, bottom + 16, tick_label(t));
  }
  svg += fmt::format(
      "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#333\"/>\n", x(0),
      kTop, bottom);
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n",
                     (left + kWidth - right) / 2, height - 10, escape_html(text.x_label));
  double y = kTop + 6;
  for (const EffectBar& b : bars) {
    const double x0 = std::min(x(0), x(b.value));
    const double w = std::abs(x(b.value) - x(0));
    svg += fmt::format(
        "<g class=\"bar\"><title>{0}: {1:.4g} [{2:.4g}, {3:.4g}]</title>"
        "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"end\">{6}</text>"
        "<rect x=\"{7:.1f}\" y=\"{8:.1f}\" width=\"{9:.1f}\" height=\"{10:.1f}\" fill=\"{11}\" "
        "fill-opacity=\"0.8\"/>"
        "<line x1=\"{12:.1f}\" x2=\"{13:.1f}\" y1=\"{14:.1f}\" y2=\"{14:.1f}\" stroke=\"#000\" "
        "stroke-width=\"1.5\"/>"
        "<line x1=\"{12:.1f}\" x2=\"{12:.1f}\" y1=\"{15:.1f}\" y2=\"{16:.1f}\" stroke=\"#000\"/>"
        "<line x1=\"{13:.1f}\" x2=\"{13:.1f}\" y1=\"{15:.1f}\" y2=\"{16:.1f}\" stroke=\"#000\"/>"
        "</g>\n",
        escape_html(b.label), b.value, b.low, b.high, left - 8, y + 14,
        escape_html(shorten(b.label, 24)), x0, y + 2, w, row - 10, escape_html(b.colour), x(b.low),
        x(b.high), y + 11, y + 5, y + 17);
    y += row;
  }
  return svg + "</svg>\n";
}

std::string scatter_svg(const std::vector<ScatterPoint>& points, const ChartText& text) {
  double x_low = std::numeric_limits<double>::infinity(), x_high = -x_low;
  double y_low = x_low, y_high = -x_low;
  for (const ScatterPoint& p : points) {
    x_low = std::min({x_low, p.x_low, p.x});
    x_high = std::max({x_high, p.x_high, p.x});
    y_low = std::min({y_low, p.y_low, p.y});
    y_high = std::max({y_high, p.y_high, p.y});
  }
  x_low = std::min(x_low, 0.0);
  y_low = std::min(y_low, 0.0);
  widen(x_low, x_high);
  widen(y_low, y_high);
  const double xpad = (x_high - x_low) * 0.05;
  const double ypad = (y_high - y_low) * 0.05;
  const Scale x{x_low - xpad, x_high + xpad, kLeft, kWidth - kRight};
  const Scale y{y_low - ypad, y_high + ypad, kHeight - kBottom, kTop};
  std::string svg = open_svg(text) + axes(x, y, text);
  std::vector<std::pair<std::string, std::string>> entries;
  for (const ScatterPoint& p : points) {
    svg += fmt::format(
        "<g class=\"point\"><title>{0}</title>"
        "<line x1=\"{1:.1f}\" x2=\"{2:.1f}\" y1=\"{3:.1f}\" y2=\"{3:.1f}\" stroke=\"{4}\"/>"
        "<line x1=\"{5:.1f}\" x2=\"{5:.1f}\" y1=\"{6:.1f}\" y2=\"{7:.1f}\" stroke=\"{4}\"/>"
        "<circle cx=\"{5:.1f}\" cy=\"{3:.1f}\" r=\"6\" fill=\"{4}\" stroke=\"#fff\"/></g>\n",
        escape_html(p.label), x(p.x_low), x(p.x_high), y(p.y), escape_html(p.colour), x(p.x),
        y(p.y_low), y(p.y_high));
    entries.emplace_back(p.label, p.colour);
  }
  return svg + legend(entries) + "</svg>\n";
}

}  // namespace village
