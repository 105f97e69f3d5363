#pragma once
// M11, M12: ties between parents and the support that flows along them (seed 001 ch. 4).
// Every family_friends arc i -> j carries i's tie strength in [0, 1]: ties of the
// synthesised community start at 1 (kin and friends) and do not decay; ties formed at
// meetings (M11) start at tie_initial_strength, are refreshed (+ tie_refresh * (1 - w))
// whenever the two meet again or one supports the other, and otherwise decay by
// tie_decay a week. A tie of strength >= support_threshold is a support tie.
// Each week a parent asks for support with probability ask_rate * s (stress, M14), of
// one kind: practical (babysitting, errands), emotional, or informational (parenting
// advice), with probabilities practical_share, emotional_share and the rest: practical
// help is asked far more readily than advice (seed 001 ch. 4). The request goes to the
// strongest support tie (ties broken by a random key); a giver grants at most
// support_capacity requests a week, in random order. Granted support lowers stress by
// the kind's relief share; advice also moves the asker's competence toward the giver's
// (M13).

#include <array>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

enum class SupportKind : std::uint8_t { practical = 0, emotional = 1, informational = 2 };

struct SupportParams {
  double tie_initial_strength;
  double tie_refresh;
  double tie_decay;
  double support_threshold;
  double ties_per_meeting;
  double ask_rate;
  double practical_share;
  double emotional_share;
  double capacity;
  std::array<double, 3> relief;  // by SupportKind

  static std::vector<ParamSpec> specs();
  static SupportParams from(const ParamValues& values);
};

}  // namespace village::parent_support
