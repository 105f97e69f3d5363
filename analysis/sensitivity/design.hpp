#pragma once
// Experimental designs for global sensitivity analysis on the unit cube [0,1]^k: full
// factorial grid, Latin hypercube (McKay, Beckman & Conover 1979), the Sobol'/Saltelli
// radial-free A/B/AB_i layout (Saltelli et al. 2010) and Morris trajectories (Morris 1991;
// Saltelli et al. 2008, ch. 3). The caller maps each unit coordinate onto its parameter range;
// the estimators in sensitivity.hpp read the outputs back in the same row order.
//
// Randomness: lhs and morris draw only from a std::mt19937_64 seeded with `seed`, through
// our own integer and [0,1) conversions rather than <random>'s distributions (whose algorithms
// the standard leaves to each library), so a design depends only on its options and seed, on
// every platform. The sobol design is deterministic and ignores the seed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string_view>
#include <vector>

namespace village::sensitivity {

enum class DesignKind { grid, lhs, sobol, morris };

// Parses "grid" | "lhs" | "sobol" | "morris" (exact, lower case); std::nullopt otherwise.
std::optional<DesignKind> parse_design_kind(std::string_view text);
// The name parse_design_kind accepts for `kind`.
std::string_view design_kind_name(DesignKind kind);

struct DesignOptions {
  DesignKind kind = DesignKind::lhs;
  std::size_t dimensions = 0;  // k factors
  // grid: levels per continuous factor; lhs: points; sobol: base sample N (a power of two
  // keeps the Sobol' sequence balanced, Saltelli et al. 2010, but is not required);
  // morris: trajectories r.
  std::size_t samples = 0;
  std::size_t morris_levels = 4;  // p (even), Morris 1991 / Saltelli et al. 2008 ch. 3
  std::uint64_t seed = 1;         // lhs and morris draw from this; sobol ignores it
  // For each factor, the number of discrete levels it has (0 = continuous); empty means all
  // continuous, otherwise one entry per factor. A factor with L levels is mapped by the caller
  // from u in [0,1] as level_index(u, L). Only grid uses these counts: there a discrete factor
  // gets exactly L points, the stratum midpoints (j + 1/2) / L, so every level is visited once.
  std::vector<std::size_t> levels;
};

struct Design {
  DesignKind kind = DesignKind::lhs;
  std::size_t dimensions = 0;
  std::size_t base_samples = 0;             // N for sobol, r for morris, points for lhs/grid
  std::vector<std::vector<double>> points;  // unit-cube coordinates in [0,1], one row per point
  // sobol: blocks of N rows: A, B, then AB_1 ... AB_k, AB_i = A with column i taken from B
  //   (Saltelli 2010). Total N*(k+2).
  // morris: r trajectories of k+1 consecutive rows; row j+1 differs from row j in exactly one
  //   factor by +/- delta, delta = p / (2(p-1)), on the grid {0, 1/(p-1), ..., 1}.
  // grid: full factorial, last factor varying fastest; a continuous factor with `samples`
  //   levels uses {0, 1/(s-1), ..., 1} (s = 1: 0.5).
  // lhs: one point per stratum [j/n, (j+1)/n) per factor, uniform within the stratum, the
  //   strata of each factor in an independent random order (McKay et al. 1979).
};

// Builds the design. Throws std::invalid_argument (one message per rule) unless
// dimensions >= 1, samples >= 1 (sobol: >= 2), morris_levels is even and >= 2, levels is
// empty or has one entry per factor, and sobol has 2k <= 3667 (the dimensions of Boost's
// Sobol' table). Throws std::length_error, before allocating, when the design would have more
// than max_points points. Time and memory O(points * k).
Design make_design(const DesignOptions& options, std::size_t max_points = 10'000'000);

// Number of points make_design would produce, without validating the options; saturates at
// SIZE_MAX instead of overflowing, so an absurd sweep is still refused. O(k).
std::size_t design_size(const DesignOptions& options);

// Level of a factor with `levels` >= 1 discrete levels at unit coordinate u: floor(u * L),
// with u = 1 (reachable in grid corners and Morris steps) mapped to the top level L - 1.
std::size_t level_index(double u, std::size_t levels);

// The draws every randomised step here uses, shared so that designs and bootstraps are
// reproducible from the seed alone. uniform_index: uniform on {0, ..., n-1} for n >= 1, by
// rejection of the top partial block of 2^64 (no modulo bias). uniform_unit: uniform on
// [0,1) with 53 random bits.
std::size_t uniform_index(std::mt19937_64& engine, std::size_t n);
double uniform_unit(std::mt19937_64& engine);

}  // namespace village::sensitivity
