#pragma once
// Theme evenings at school (M1, M8, M17): what a scenario sets for it in [outreach], declared and
// read in theme_evenings.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct ThemeEveningsPlan {
  bool theme_evenings;
  double theme_evening_interval_weeks;
  double theme_evening_hours;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
