#pragma once
// The parent support point (M6, M20, M21): what a scenario sets for it in [outreach], declared and
// read in parent_support_point.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct SupportPointPlan {
  bool parent_support_point;
  double support_point_hours;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
