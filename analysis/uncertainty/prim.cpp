#include "analysis/uncertainty/prim.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace village::uncertainty {

namespace {

struct Peel {
  std::size_t parameter = 0;
  bool from_below = true;
  double bound = 0;
  double density = -1;
  std::vector<std::size_t> kept;
};

double density_of(const std::vector<std::size_t>& inside, const std::vector<bool>& wins) {
  if (inside.empty()) return 0;
  double winners = 0;
  for (std::size_t i : inside)
    winners += wins[i] ? 1 : 0;
  return winners / static_cast<double>(inside.size());
}

void score(PrimBox& box, const std::vector<std::size_t>& inside, const std::vector<bool>& wins,
           double all_winners) {
  double winners = 0;
  for (std::size_t i : inside)
    winners += wins[i] ? 1 : 0;
  box.coverage = all_winners > 0 ? winners / all_winners : 0;
  box.density = inside.empty() ? 0 : winners / static_cast<double>(inside.size());
  box.support = static_cast<double>(inside.size()) / static_cast<double>(wins.size());
}

double harmonic(const PrimBox& box) {
  const double sum = box.coverage + box.density;
  return sum > 0 ? 2 * box.coverage * box.density / sum : 0;
}

}  // namespace

PrimBox prim_box(const std::vector<std::vector<double>>& points, const std::vector<bool>& wins,
                 const PrimOptions& options) {
  if (points.empty() || points.size() != wins.size())
    throw std::invalid_argument("PRIM needs one outcome per point and at least one point");
  const std::size_t k = points.front().size();
  for (const auto& p : points)
    if (p.size() != k) throw std::invalid_argument("every PRIM point needs every parameter");
  const std::size_t n = points.size();
  PrimBox box;
  box.low.assign(k, 0);
  box.high.assign(k, 0);
  box.low_moved.assign(k, false);
  box.high_moved.assign(k, false);
  for (std::size_t j = 0; j < k; ++j) {
    box.low[j] = box.high[j] = points[0][j];
    for (const auto& p : points) {
      box.low[j] = std::min(box.low[j], p[j]);
      box.high[j] = std::max(box.high[j], p[j]);
    }
  }
  const double all_winners = static_cast<double>(std::count(wins.begin(), wins.end(), true));
  std::vector<std::size_t> inside(n);
  for (std::size_t i = 0; i < n; ++i)
    inside[i] = i;
  score(box, inside, wins, all_winners);
  if (all_winners == 0) return box;

  PrimBox best = box;
  const auto min_inside =
      static_cast<std::size_t>(std::ceil(options.min_support * static_cast<double>(n)));
  std::vector<double> values;
  while (true) {
    const double current = density_of(inside, wins);
    const std::size_t m = inside.size();
    const std::size_t remove =
        std::max<std::size_t>(1, static_cast<std::size_t>(options.alpha * static_cast<double>(m)));
    if (m <= remove) break;
    Peel chosen;
    for (std::size_t j = 0; j < k; ++j) {
      values.clear();
      for (std::size_t i : inside)
        values.push_back(points[i][j]);
      std::sort(values.begin(), values.end());
      for (bool from_below : {true, false}) {
        const double bound = from_below ? values[remove] : values[m - 1 - remove];
        Peel peel{j, from_below, bound, -1, {}};
        for (std::size_t i : inside)
          if (from_below ? points[i][j] >= bound : points[i][j] <= bound) peel.kept.push_back(i);
        if (peel.kept.size() == m || peel.kept.size() < min_inside) continue;  // ties, too small
        peel.density = density_of(peel.kept, wins);
        if (peel.density > chosen.density) chosen = std::move(peel);
      }
    }
    if (chosen.density <= current) break;
    inside = std::move(chosen.kept);
    (chosen.from_below ? box.low : box.high)[chosen.parameter] = chosen.bound;
    (chosen.from_below ? box.low_moved : box.high_moved)[chosen.parameter] = true;
    score(box, inside, wins, all_winners);
    if (harmonic(box) > harmonic(best)) best = box;
  }
  return best;
}

std::string describe_box(const PrimBox& box, const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t j = 0; j < box.low.size(); ++j) {
    if (!box.restricted(j)) continue;
    if (!text.empty()) text += " and ";
    if (box.low_moved[j] && box.high_moved[j])
      text += fmt::format("{:.3g} <= {} <= {:.3g}", box.low[j], names.at(j), box.high[j]);
    else if (box.low_moved[j])
      text += fmt::format("{} >= {:.3g}", names.at(j), box.low[j]);
    else
      text += fmt::format("{} <= {:.3g}", names.at(j), box.high[j]);
  }
  return text.empty() ? "anywhere in the plausible ranges" : text;
}

}  // namespace village::uncertainty
