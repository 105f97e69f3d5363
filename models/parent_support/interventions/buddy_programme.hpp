#pragma once
// The buddy programme (M19): what a scenario sets for it in [outreach], declared and read in
// buddy_programme.cpp (role: intervention, what a strategy buys).

#include <string>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct BuddyPlan {
  bool buddy_programme;
  double buddies_per_volunteer;
  double buddy_coordination_hours;
  std::string buddy_targeting;  // whom volunteers buddy first (parent_targeting.hpp)

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
