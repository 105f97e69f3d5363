#pragma once
// Training of professionals (M3, M22): what a scenario sets for it in [outreach],
// declared and read in training.cpp (the gain is a world magnitude, the rest is bought).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct TrainingPlan {
  bool training;
  double training_competence_gain;
  double training_hours;
  double training_capacity;  // 0: every professional

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
