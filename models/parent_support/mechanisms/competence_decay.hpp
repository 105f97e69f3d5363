#pragma once
// M13: what was learnt (or unlearnt from peers) fades without practice (seed 001 ch. 5
// shows learning at meetings, not how long it lasts). In a week without a meeting, a
// parent's competence c moves back toward its own level before any programme,
// c0 = competence_base - competence_per_factor * v (norms.hpp; v the vulnerability count):
//   c <- c - competence_decay * (c - c0)
// so a gain or a loss has a half-life of ln 2 / competence_decay weeks.

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct CompetenceDecayParams {
  double rate;  // share of the distance to the own level lost per week without a meeting

  static std::vector<ParamSpec> specs();
  static CompetenceDecayParams from(const ParamValues& values);
};

}  // namespace village::parent_support
