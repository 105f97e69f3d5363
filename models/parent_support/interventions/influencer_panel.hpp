#pragma once
// The parent influencer panel (M4, M21): what a scenario sets for it in [outreach], declared and
// read in influencer_panel.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct InfluencerPlan {
  bool influencer_panel;
  double influencer_posts_per_week;
  double influencer_coordination_hours;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
