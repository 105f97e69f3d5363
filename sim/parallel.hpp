#pragma once
// Named parallel loops over index ranges. Models call these, never raw OpenMP pragmas.
// Inside a parallel region (replicates already run in parallel) they run serially:
// parallelism is across runs or within a run, never both.
//
// Reductions use fixed-size chunks combined in chunk order, so a sum is bit-identical
// for any thread count.

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace village {

// Below this many items a loop is not worth a parallel region.
inline constexpr std::int64_t kParallelThreshold = 1 << 14;
// Items per chunk of a deterministic reduction (independent of the thread count).
inline constexpr std::int64_t kReductionChunk = 1 << 12;

inline bool run_in_parallel(std::int64_t count) {
  return count >= kParallelThreshold && !omp_in_parallel() && omp_get_max_threads() > 1;
}

// body(i) for i in [begin, end); static schedule for uniform work per item.
template <typename Body>
void for_each_index(std::int64_t begin, std::int64_t end, Body&& body) {
#pragma omp parallel for schedule(static) if (run_in_parallel(end - begin))
  for (std::int64_t i = begin; i < end; ++i)
    body(i);
}

// As for_each_index, with guided scheduling for skewed work (heavy-tailed degrees).
template <typename Body>
void for_each_index_balanced(std::int64_t begin, std::int64_t end, Body&& body) {
#pragma omp parallel for schedule(guided, 256) if (run_in_parallel(end - begin))
  for (std::int64_t i = begin; i < end; ++i)
    body(i);
}

// body(i) for i in [0, count) where each item is heavy (a block of a file to compress):
// handed out one by one, in parallel from two items on. body must not throw.
template <typename Body>
void for_each_heavy_item(std::int64_t count, Body&& body) {
#pragma omp parallel for schedule( \
    dynamic, 1) if (count > 1 && !omp_in_parallel() && omp_get_max_threads() > 1)
  for (std::int64_t i = 0; i < count; ++i)
    body(i);
}

// body(chunk, lo, hi) for consecutive chunks [lo, hi) of kReductionChunk indices, chunks
// handed out dynamically (skewed work). Chunk numbers let a body fill per-chunk results
// that the caller combines in chunk order, independent of the thread count.
template <typename Body>
void for_each_chunk(std::int64_t begin, std::int64_t end, Body&& body) {
  if (end <= begin) return;
  const std::int64_t chunks = (end - begin + kReductionChunk - 1) / kReductionChunk;
#pragma omp parallel for schedule(dynamic, 1) if (run_in_parallel(end - begin))
  for (std::int64_t c = 0; c < chunks; ++c) {
    const std::int64_t lo = begin + c * kReductionChunk;
    body(c, lo, std::min(end, lo + kReductionChunk));
  }
}

// Sum of term(i) over [begin, end), bit-identical for any thread count.
template <typename Term>
double sum_over_indices(std::int64_t begin, std::int64_t end, Term&& term) {
  if (end <= begin) return 0.0;
  const std::int64_t chunks = (end - begin + kReductionChunk - 1) / kReductionChunk;
  std::vector<double> partial(static_cast<std::size_t>(chunks), 0.0);
#pragma omp parallel for schedule(static) if (run_in_parallel(end - begin))
  for (std::int64_t c = 0; c < chunks; ++c) {
    const std::int64_t lo = begin + c * kReductionChunk;
    const std::int64_t hi = std::min(end, lo + kReductionChunk);
    double sum = 0.0;
    for (std::int64_t i = lo; i < hi; ++i)
      sum += term(i);
    partial[static_cast<std::size_t>(c)] = sum;
  }
  double total = 0.0;
  for (double value : partial)
    total += value;
  return total;
}

// Sets the number of threads for the loops above and for parallel replicates.
inline void set_thread_count(int threads) {
  if (threads > 0) omp_set_num_threads(threads);
}

inline int thread_count() {
  return omp_get_max_threads();
}

}  // namespace village
