#pragma once
// Geometric skipping over independent Bernoulli(p) trials (Batagelj & Brandes 2005,
// Phys. Rev. E 71:036113): the gap to the next success is Geometric(p), drawn by
// inversion, so a run of `trials` costs O(1 + successes) draws instead of O(trials).
// Shared by G(n, p) and the stochastic block model.

#include <cmath>
#include <cstdint>

#include "sim/rng.hpp"

namespace village {

class GeometricSkip {
 public:
  // Requires 0 < p <= 1.
  explicit GeometricSkip(double p) : log_q_(std::log1p(-p)) {}

  // Failures before the next success, capped at `limit`: for tiny p the real-valued
  // gap can exceed the range of std::uint64_t, and the cap keeps the cast defined.
  std::uint64_t next(DrawSequence& draws, std::uint64_t limit) const {
    const double u = 1.0 - draws.uniform();  // (0, 1], so the log is finite
    const double gap = std::floor(std::log(u) / log_q_);
    if (!(gap < static_cast<double>(limit))) return limit;
    return static_cast<std::uint64_t>(gap);
  }

 private:
  double log_q_;  // log(1 - p); -inf when p = 1, which makes every gap 0
};

// Calls link(i) for each i in [0, trials) that succeeds with probability p.
template <typename Link>
void for_each_success(std::uint64_t trials, double p, DrawSequence& draws, Link&& link) {
  if (!(p > 0.0) || trials == 0) return;
  const GeometricSkip skip(p);
  std::uint64_t i = skip.next(draws, trials);
  while (i < trials) {
    link(i);
    i += 1 + skip.next(draws, trials - i - 1);
  }
}

// Calls link(v, w) for each pair w < v < size that succeeds with probability p,
// walking the lower triangle row by row as Batagelj & Brandes do, so no pair index
// needs a square root to decode.
template <typename Link>
void for_each_lower_pair(std::uint64_t size, double p, DrawSequence& draws, Link&& link) {
  if (!(p > 0.0) || size < 2) return;
  const GeometricSkip skip(p);
  const std::uint64_t pairs = size * (size - 1) / 2;
  std::uint64_t index = 0;  // pairs passed so far, in row order
  std::uint64_t v = 1;
  std::uint64_t w = 0;
  std::uint64_t gap = skip.next(draws, pairs);
  while (gap < pairs - index) {
    index += gap;
    w += gap;
    while (w >= v) {  // O(size) row changes over the whole walk
      w -= v;
      ++v;
    }
    link(v, w);
    ++index;
    ++w;
    gap = skip.next(draws, pairs - index);
  }
}

}  // namespace village
