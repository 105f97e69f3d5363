#pragma once
// M16: the approach to a parent at school contact. Seed 002 section 4 names three types
// beside engaged parents, each with what works: denying (calm, acknowledgement, facts,
// one-to-one talks), absent (low-threshold, personal, persistent, several channels),
// sensitive case (care-oriented, one fixed contact person). A uniform approach treats
// every parent like an engaged one.
//
// A personal contact to a parent of type k under approach a:
//   accepted with probability reach[a][k] * willingness * language factor (M15)
//   if accepted, its quality is fit[a][k] * the professional's competence (M22)
// A matched contact to a non-engaged parent takes matched_hours_factor times the hours
// of a uniform one (one-to-one contact costs time), and the matched approach is
// persistent: a parent who declines stays first in line for the next week's contacts,
// where the uniform approach moves on to the others (seed 002 sec. 4: low-threshold,
// personal, persistent).

#include <array>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

enum class Approach : std::uint8_t { uniform = 0, matched = 1 };

struct ApproachParams {
  std::array<std::array<double, 4>, 2> reach;  // [approach][ParentType]
  std::array<std::array<double, 4>, 2> fit;
  double matched_hours_factor;

  static std::vector<ParamSpec> specs();
  static ApproachParams from(const ParamValues& values);
};

}  // namespace village::parent_support
