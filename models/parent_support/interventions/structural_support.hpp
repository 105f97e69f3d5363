#pragma once
// Structural support for parent networks (M20): what a scenario sets for it in [outreach], declared
// and read in structural_support.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct StructuralSupportPlan {
  bool structural_support;
  double network_support_hours;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
