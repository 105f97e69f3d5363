#include "analysis/sensitivity/design.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace village::sensitivity {
namespace {

// Boost's default table holds the Joe & Kuo (2008) direction numbers for this many dimensions.
constexpr std::size_t max_sobol_dimensions = 3667;

constexpr std::size_t saturated = std::numeric_limits<std::size_t>::max();

std::size_t saturating_multiply(std::size_t a, std::size_t b) {
  if (a != 0 && b > saturated / a) return saturated;
  return a * b;
}

std::size_t grid_levels(const DesignOptions& options, std::size_t factor) {
  if (factor < options.levels.size() && options.levels[factor] > 0) return options.levels[factor];
  return options.samples;
}

void validate(const DesignOptions& options) {
  const std::string_view name = design_kind_name(options.kind);
  if (options.dimensions < 1)
    throw std::invalid_argument(fmt::format("{} design needs at least one factor", name));
  if (options.samples < 1)
    throw std::invalid_argument(fmt::format("{} design needs samples >= 1", name));
  if (options.kind == DesignKind::sobol && options.samples < 2)
    throw std::invalid_argument(
        fmt::format("sobol design needs a base sample N >= 2 (got {}): the variance needs two rows",
                    options.samples));
  if (options.kind == DesignKind::morris &&
      (options.morris_levels < 2 || options.morris_levels % 2 != 0))
    throw std::invalid_argument(fmt::format(
        "morris design needs an even number of levels p >= 2 (got {})", options.morris_levels));
  if (!options.levels.empty() && options.levels.size() != options.dimensions)
    throw std::invalid_argument(
        fmt::format("{} design has {} factors but {} level counts; give one per factor or none",
                    name, options.dimensions, options.levels.size()));
  if (options.kind == DesignKind::sobol && options.dimensions > max_sobol_dimensions / 2)
    throw std::invalid_argument(fmt::format("sobol design supports at most {} factors (got {})",
                                            max_sobol_dimensions / 2, options.dimensions));
}

void fill_grid(const DesignOptions& options, Design& design, std::size_t count) {
  const std::size_t k = options.dimensions;
  for (std::size_t index = 0; index < count; ++index) {
    std::vector<double>& row = design.points.emplace_back(k);
    std::size_t rest = index;
    for (std::size_t i = k; i-- > 0;) {
      const std::size_t levels = grid_levels(options, i);
      const std::size_t level = rest % levels;
      rest /= levels;
      const bool discrete = i < options.levels.size() && options.levels[i] > 0;
      // Discrete factors sit at stratum midpoints so that level_index recovers each level once.
      if (discrete)
        row[i] = (static_cast<double>(level) + 0.5) / static_cast<double>(levels);
      else if (levels == 1)
        row[i] = 0.5;
      else
        row[i] = static_cast<double>(level) / static_cast<double>(levels - 1);
    }
  }
}

void fill_lhs(const DesignOptions& options, Design& design, std::mt19937_64& engine) {
  const std::size_t n = options.samples;
  const std::size_t k = options.dimensions;
  design.points.assign(n, std::vector<double>(k));
  std::vector<std::size_t> strata(n);
  for (std::size_t i = 0; i < k; ++i) {
    std::iota(strata.begin(), strata.end(), std::size_t{0});
    // Fisher-Yates with our own uniform_index, so the permutation is the same on every platform.
    for (std::size_t j = n; j > 1; --j)
      std::swap(strata[j - 1], strata[uniform_index(engine, j)]);
    for (std::size_t j = 0; j < n; ++j) {
      const double u =
          (static_cast<double>(strata[j]) + uniform_unit(engine)) / static_cast<double>(n);
      // Rounding can carry (stratum + almost 1) / n onto the next stratum's edge; stay inside.
      const double upper =
          std::nextafter(static_cast<double>(strata[j] + 1) / static_cast<double>(n), 0.0);
      design.points[j][i] = std::min(u, upper);
    }
  }
}

void fill_sobol(const DesignOptions& options, Design& design) {
  const std::size_t n = options.samples;
  const std::size_t k = options.dimensions;
  design.points.assign(n * (k + 2), std::vector<double>(k));
  // Boost's engine starts at index 1 of the sequence, so the all-zero point 0 is skipped, as is
  // customary; the rows are points 1 .. N. Owen (2020, "On dropping the first Sobol' point",
  // arXiv:2008.08051) argues for keeping it; we follow the custom. Point 1 is (1/2, ..., 1/2),
  // so A and B share their first row, which adds nothing to the V_i and VT_i numerators: an
  // (N-1)/N shrinkage, negligible at the N used in practice.
  boost::random::sobol generator(2 * k);
  std::vector<boost::random::sobol::result_type> raw(2 * k);
  for (std::size_t row = 0; row < n; ++row) {
    generator.generate(raw.begin(), raw.end());
    for (std::size_t i = 0; i < k; ++i) {
      design.points[row][i] = std::ldexp(static_cast<double>(raw[i]), -64);
      design.points[n + row][i] = std::ldexp(static_cast<double>(raw[k + i]), -64);
    }
  }
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t row = 0; row < n; ++row) {
      std::vector<double>& ab = design.points[(2 + i) * n + row];
      ab = design.points[row];
      ab[i] = design.points[n + row][i];
    }
  }
}

// Morris (1991) trajectories as built in Saltelli et al. (2008, sec. 3.3): a random base point
// x* on the grid with x* + delta <= 1, a random direction per factor and a random order of the
// factors. Equivalent to B* = (J x* + delta/2 ((2B - J) D* + J)) P*. We draw trajectories
// independently; Campolongo et al.'s (2007) spread-maximising selection is not applied.
void fill_morris(const DesignOptions& options, Design& design, std::mt19937_64& engine) {
  const std::size_t r = options.samples;
  const std::size_t k = options.dimensions;
  const std::size_t p = options.morris_levels;
  const std::size_t half = p / 2;  // delta = half / (p - 1)
  const double spacing = static_cast<double>(p - 1);
  design.points.reserve(r * (k + 1));
  std::vector<double> low(k), high(k);
  std::vector<bool> upward(k);
  std::vector<std::size_t> order(k);
  for (std::size_t t = 0; t < r; ++t) {
    for (std::size_t i = 0; i < k; ++i) {
      const std::size_t base = uniform_index(engine, half);
      // Levels are computed from integers, so both ends lie exactly on the grid.
      low[i] = static_cast<double>(base) / spacing;
      high[i] = static_cast<double>(base + half) / spacing;
      upward[i] = uniform_index(engine, 2) == 1;
    }
    std::iota(order.begin(), order.end(), std::size_t{0});
    for (std::size_t j = k; j > 1; --j)
      std::swap(order[j - 1], order[uniform_index(engine, j)]);
    std::vector<double> current(k);
    for (std::size_t i = 0; i < k; ++i)
      current[i] = upward[i] ? low[i] : high[i];
    design.points.push_back(current);
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t i = order[j];
      current[i] = upward[i] ? high[i] : low[i];
      design.points.push_back(current);
    }
  }
}

}  // namespace

std::optional<DesignKind> parse_design_kind(std::string_view text) {
  for (DesignKind kind : {DesignKind::grid, DesignKind::lhs, DesignKind::sobol, DesignKind::morris})
    if (text == design_kind_name(kind)) return kind;
  return std::nullopt;
}

std::string_view design_kind_name(DesignKind kind) {
  switch (kind) {
    case DesignKind::grid:
      return "grid";
    case DesignKind::lhs:
      return "lhs";
    case DesignKind::sobol:
      return "sobol";
    case DesignKind::morris:
      return "morris";
  }
  return "unknown";
}

std::size_t design_size(const DesignOptions& options) {
  switch (options.kind) {
    case DesignKind::grid: {
      if (options.dimensions == 0) return 0;
      std::size_t count = 1;
      for (std::size_t i = 0; i < options.dimensions; ++i)
        count = saturating_multiply(count, grid_levels(options, i));
      return count;
    }
    case DesignKind::lhs:
      return options.samples;
    case DesignKind::sobol:
      if (options.dimensions > saturated - 2) return saturated;
      return saturating_multiply(options.samples, options.dimensions + 2);
    case DesignKind::morris:
      if (options.dimensions > saturated - 1) return saturated;
      return saturating_multiply(options.samples, options.dimensions + 1);
  }
  return 0;
}

Design make_design(const DesignOptions& options, std::size_t max_points) {
  validate(options);
  const std::size_t count = design_size(options);
  if (count > max_points)
    throw std::length_error(fmt::format(
        "{} design would have {} points, more than the limit of {}", design_kind_name(options.kind),
        count == saturated ? std::string("over 2^64") : fmt::format("{}", count), max_points));
  Design design;
  design.kind = options.kind;
  design.dimensions = options.dimensions;
  design.base_samples = options.kind == DesignKind::grid ? count : options.samples;
  std::mt19937_64 engine(options.seed);
  switch (options.kind) {
    case DesignKind::grid:
      design.points.reserve(count);
      fill_grid(options, design, count);
      break;
    case DesignKind::lhs:
      fill_lhs(options, design, engine);
      break;
    case DesignKind::sobol:
      fill_sobol(options, design);
      break;
    case DesignKind::morris:
      fill_morris(options, design, engine);
      break;
  }
  return design;
}

std::size_t level_index(double u, std::size_t levels) {
  if (levels == 0) throw std::invalid_argument("level_index needs at least one level");
  if (!(u >= 0.0)) return 0;
  const double scaled = std::floor(u * static_cast<double>(levels));
  if (scaled >= static_cast<double>(levels - 1)) return levels - 1;
  return static_cast<std::size_t>(scaled);
}

std::size_t uniform_index(std::mt19937_64& engine, std::size_t n) {
  if (n == 0) throw std::invalid_argument("uniform_index needs n >= 1");
  const std::uint64_t range = static_cast<std::uint64_t>(n);
  // Accept draws below the largest multiple of n that fits in 2^64.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              (std::numeric_limits<std::uint64_t>::max() % range + 1) % range;
  std::uint64_t draw = engine();
  while (draw > limit)
    draw = engine();
  return static_cast<std::size_t>(draw % range);
}

double uniform_unit(std::mt19937_64& engine) {
  return std::ldexp(static_cast<double>(engine() >> 11), -53);
}

}  // namespace village::sensitivity
