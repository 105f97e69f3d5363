#pragma once
// The key-figure programme (M5): what a scenario sets for it in [outreach], declared and read in
// key_figure_programme.cpp (role: intervention, what a strategy buys).

#include <string>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct KeyFigurePlan {
  bool key_figure_programme;
  double key_figure_visits_per_week;
  double key_figure_coordination_hours;
  std::string key_figure_targeting;  // the rule that enrols key figures (key_figure_targeting.hpp)
  double key_figure_capacity;        // 0: every key figure
  double key_figure_reselect_weeks;  // 0: chosen once

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
