#pragma once
// Training of professionals (M3, M16, M22): what a scenario sets for it in [outreach],
// declared and read in training.cpp. What is bought: whether, how many professionals,
// the course's sessions and hours, the refreshers. What a session does to a professional
// is a property of the world (mechanisms/practice.hpp).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct TrainingPlan {
  bool training;
  double training_capacity;  // 0: every professional
  double training_sessions;
  double training_session_interval_weeks;
  double training_refresher_weeks;  // 0: no refreshers
  double training_hours;            // per professional for the course
  double training_group_size;       // trainees per trainer and session
  // World: what a session does (practice.hpp).
  double training_learning_rate;
  double trained_inviting_share;
  double trained_matching;
  double training_responsiveness_gain;
  double training_competence_gain;
  double training_fade;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
