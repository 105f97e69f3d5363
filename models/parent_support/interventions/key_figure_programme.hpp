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
  // The programme asks its key figures to speak for clear limits (B9, M17), for
  // key_figure_norm_hours more support a week each.
  bool key_figure_speaks_for_limits;
  double key_figure_norm_hours;

  // Support hours a week for each enrolled key figure.
  double hours_per_figure() const {
    return key_figure_coordination_hours +
           (key_figure_speaks_for_limits ? key_figure_norm_hours : 0.0);
  }

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
