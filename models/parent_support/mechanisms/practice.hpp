#pragma once
// M3, M16, M22 (seed 002 secs. 2-5; seed 004): how each professional works. Four
// properties per professional, each in [0, 1]:
//   inviting        the share of contacts made in an inviting, equal tone (M3)
//   matching        the chance a contact with a non-engaged parent uses the approach
//                   matched to the parent's type (M16)
//   responsiveness  cultural responsiveness, which lowers the language barrier (M22)
//   competence      collaboration competence, the quality of every contact (M22)
// They start at current practice, a property of the world: [outreach] inviting_share and
// approach (matching 1 if "matched", else 0) for every professional, the community's
// cultural responsiveness and competence per professional. Only training changes them
// (interventions/training.cpp): a session moves each property x of a trainee toward its
// trained level x* = max(x0, level) by
//   x <- x + training_learning_rate * (x* - x)
// (a learning curve: n sessions close 1 - (1 - rate)^n of the gap), and in every week
// what was learnt fades toward the professional's own start x0 by
//   x <- x - training_fade * (x - x0)
// so that without refreshers the gain has a half-life of ln 2 / training_fade weeks.
// Untrained professionals stay exactly at x0.

#include <array>

#include "models/parent_support/mechanism.hpp"

namespace village::parent_support {

enum class Practice : std::uint8_t { inviting, matching, responsiveness, competence };
inline constexpr std::size_t kPracticeCount = 4;

// Professional k's start (current practice) and trained level, by property.
std::array<double, kPracticeCount> practice_start(const Week& week, NodeId k);
std::array<double, kPracticeCount> practice_trained(const Week& week, NodeId k);

// One training session for professional k (writes the four practice columns).
void learn_in_session(Week& week, NodeId k);

}  // namespace village::parent_support
