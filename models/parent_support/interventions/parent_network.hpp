#pragma once
// Regional parent networks (M19, M20): what a scenario sets for it in [outreach], declared and read
// in parent_network.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct ParentNetworkPlan {
  bool parent_network;
  double network_interval_weeks;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
