#pragma once
// Counter-based random numbers (Salmon et al. 2011, "Parallel random numbers: as easy
// as 1, 2, 3", SC'11, doi:10.1145/2063384.2063405). A stream is keyed by (seed, run);
// every draw is addressed by (step, agent, purpose, draw), so any draw can be
// reproduced in isolation and results do not depend on thread count or order.

#include <Random123/philox.h>

#include <array>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string_view>

namespace village {

// A stable 64-bit id for a named purpose ("sir.infect"): FNV-1a of the name.
constexpr std::uint64_t purpose(std::string_view name) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Maps 64 random bits to a double in [0, 1) with 53 bits of precision.
constexpr double to_unit_interval(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

class RandomStream {
 public:
  using Block = std::array<std::uint64_t, 4>;

  RandomStream(std::uint64_t seed, std::uint64_t run) : key_{{seed, run}} {}

  std::uint64_t seed() const { return key_.v[0]; }
  std::uint64_t run() const { return key_.v[1]; }

  // Four independent 64-bit words for one counter value.
  Block block(std::uint64_t step, std::uint64_t agent, std::uint64_t purpose_id,
              std::uint64_t draw) const {
    Philox::ctr_type counter{{step, agent, purpose_id, draw}};
    const auto out = Philox{}(counter, key_);
    return {out.v[0], out.v[1], out.v[2], out.v[3]};
  }

  // The draw-th 64-bit value at (step, agent, purpose): word draw % 4 of block draw / 4,
  // the same value DrawSequence yields as its draw-th, so the two never disagree.
  std::uint64_t bits(std::uint64_t step, std::uint64_t agent, std::uint64_t purpose_id,
                     std::uint64_t draw = 0) const {
    return block(step, agent, purpose_id, draw / 4)[draw % 4];
  }

  // One uniform double in [0, 1): bits() mapped to the unit interval.
  double uniform(std::uint64_t step, std::uint64_t agent, std::uint64_t purpose_id,
                 std::uint64_t draw = 0) const {
    return to_unit_interval(bits(step, agent, purpose_id, draw));
  }

 private:
  using Philox = r123::Philox4x64;
  Philox::key_type key_;
};

// A sequence of draws at one (step, agent, purpose) address, for code that needs
// an unknown number of draws (rejection sampling, Boost.Random distributions). It is
// a UniformRandomBitGenerator; its i-th value is RandomStream::bits(step, agent,
// purpose, i). It holds a copy of the stream's key, so it never dangles.
__extension__ typedef unsigned __int128 UInt128;  // GCC/Clang extension

class DrawSequence {
 public:
  using result_type = std::uint64_t;

  DrawSequence(const RandomStream& stream, std::uint64_t step, std::uint64_t agent,
               std::uint64_t purpose_id)
      : stream_(stream), step_(step), agent_(agent), purpose_(purpose_id) {}

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }

  result_type operator()() {
    if (used_ == 4) {
      buffer_ = stream_.block(step_, agent_, purpose_, next_block_++);
      used_ = 0;
    }
    return buffer_[used_++];
  }

  double uniform() { return to_unit_interval((*this)()); }

  // Uniform integer in [0, bound) by Lemire's multiply-shift with rejection, so the
  // result is exactly uniform (Lemire 2019, ACM TOMACS 29(1), doi:10.1145/3230636).
  std::uint64_t below(std::uint64_t bound) {
    if (bound == 0) throw std::invalid_argument("DrawSequence::below: empty range");
    UInt128 product = static_cast<UInt128>((*this)()) * bound;
    auto low = static_cast<std::uint64_t>(product);
    if (low < bound) {
      const std::uint64_t threshold = (0 - bound) % bound;
      while (low < threshold) {
        product = static_cast<UInt128>((*this)()) * bound;
        low = static_cast<std::uint64_t>(product);
      }
    }
    return static_cast<std::uint64_t>(product >> 64);
  }

 private:
  RandomStream stream_;
  std::uint64_t step_;
  std::uint64_t agent_;
  std::uint64_t purpose_;
  std::uint64_t next_block_ = 0;
  RandomStream::Block buffer_{};
  int used_ = 4;
};

}  // namespace village
