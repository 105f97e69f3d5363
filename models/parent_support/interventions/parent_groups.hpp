#pragma once
// Recurring parent groups (M8-M14): what a scenario sets for it in [outreach], declared and read in
// parent_groups.cpp (role: intervention, what a strategy buys).

#include <string>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct ParentGroupsPlan {
  bool parent_groups;
  double groups_per_1000;
  double group_size;
  double group_invited;
  double group_interval_weeks;
  double group_sessions;
  bool group_like_minded;
  double group_structure;
  bool volunteer_facilitators;
  double group_hours;
  double group_fee_euros;
  double maintenance_interval_weeks;  // 0: none
  std::string group_targeting;        // whom groups invite first (parent_targeting.hpp)

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
