#pragma once
// A parent panel or survey (M21): what a scenario sets for it in [outreach], declared and read in
// voice.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct VoicePlan {
  bool voice;
  double voice_interval_weeks;
  double voice_hours_per_meeting;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
