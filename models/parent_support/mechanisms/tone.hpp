#pragma once
// M3: the tone of a contact. Inviting, equal, non-judgemental contact raises trust and
// the parent's willingness to engage; lecturing or controlling contact lowers both
// (seed 000 tips 2 and 9: moralising backfires; seed 001 ch. 2: too much control deters).
//
// Each proactive professional contact (personal contact, key-figure introduction,
// conversation in an organisation) is inviting with probability inviting_share
// ([outreach]), else lecturing:
//   inviting:  trust gains as in M2; w <- w + invite_willingness_gain * (1 - w)
//   lecturing: t <- t - lecture_trust_loss * t;  w <- w - lecture_willingness_loss * w
// Willingness w in [0, 1] scales the chance that a parent accepts a contact and relaxes
// each week toward the baseline of the parent's type (M16).

#include <array>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct ToneParams {
  double lecture_trust_loss;
  double lecture_willingness_loss;
  double invite_willingness_gain;
  double willingness_relaxation;
  std::array<double, 4> baseline_willingness;  // by ParentType

  static std::vector<ParamSpec> specs();
  static ToneParams from(const ParamValues& values);
};

}  // namespace village::parent_support
