#pragma once
// Small pieces several steps of the parent-support week share: arc lookup, event counts
// of fractional weekly rates, and the order in which professionals and key figures pick
// whom to contact (M3, M5).

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "sim/csr_layer.hpp"

namespace village::parent_support {

inline constexpr float kNever = -1e9f;  // last_contact of a tie never used
inline const std::string kTrust = "trust";
inline const std::string kLastContact = "last_contact";
inline const std::string kStrength = "strength";
inline const std::string kBaseline = "baseline";

// Index of the arc source -> target, or end_arc(source) when absent (rows are sorted).
inline ArcIndex find_arc(const CsrLayer& layer, NodeId source, NodeId target) {
  const auto row = layer.neighbours(source);
  const auto it = std::lower_bound(row.begin(), row.end(), target);
  if (it == row.end() || *it != target) return layer.end_arc(source);
  return layer.first_arc(source) + static_cast<ArcIndex>(it - row.begin());
}

// How many of `per_week` events fall in `week` (fractional rates spread evenly).
inline std::uint32_t events_in_week(double per_week, std::uint64_t week) {
  const auto w = static_cast<double>(week);
  return static_cast<std::uint32_t>(std::floor((w + 1) * per_week) - std::floor(w * per_week));
}

// The weekly probability of a yearly one.
inline double weekly(double yearly) {
  return 1.0 - std::pow(1.0 - yearly, 1.0 / 52.0);
}

// Candidates ordered least recently contacted first, ties broken by a random key.
struct Candidate {
  float last_contact;
  std::uint64_t key;
  NodeId parent;
  ArcIndex arc;
  bool operator<(const Candidate& other) const {
    if (last_contact != other.last_contact) return last_contact < other.last_contact;
    if (key != other.key) return key < other.key;
    return parent < other.parent;
  }
};

// Orders the first `take` candidates (candidates[0, take) then hold them, least recently
// contacted first) and returns how many that is. Only candidates that can be among them
// (last contacted no later than the take-th) get a key from `key_of(parent)`, so a long
// caseload costs no random draws for parents who are not next in line; the order is the
// one a full sort with every key drawn gives.
template <typename KeyOf>
std::size_t order_first(std::vector<Candidate>& candidates, std::size_t take, KeyOf key_of) {
  take = std::min(take, candidates.size());
  if (take == 0) return 0;
  auto end = candidates.end();
  if (take < candidates.size()) {
    const auto by_time = [](const Candidate& a, const Candidate& b) {
      return a.last_contact < b.last_contact;
    };
    const auto nth = candidates.begin() + static_cast<std::ptrdiff_t>(take - 1);
    std::nth_element(candidates.begin(), nth, candidates.end(), by_time);
    const float latest = nth->last_contact;
    end = std::partition(nth, candidates.end(),
                         [latest](const Candidate& c) { return c.last_contact <= latest; });
  }
  for (auto it = candidates.begin(); it != end; ++it)
    it->key = key_of(it->parent);
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take),
                    end);
  return take;
}

}  // namespace village::parent_support
