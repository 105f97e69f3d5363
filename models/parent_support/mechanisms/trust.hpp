#pragma once
// M2: trust grows from recognition and repetition, with diminishing returns, and decays
// without contact (seed 002 section 4: "trust grows from recognition and repetition, not
// from control"; seed 003).
//
// Trust t in [0, 1] is an edge attribute on each parent-professional and
// parent-key-figure tie (held on the arc parent -> other), plus a parent's general trust
// in institutions g in [0, 1].
//   positive contact of quality q:  t <- t + gain * q * (1 - t)   (diminishing returns)
//   negative contact with loss l:   t <- t - l * t
//   a week without contact:         t <- b + (t - b) * (1 - decay), b the tie's baseline
// A professional tie's baseline is initial_tie_trust * g (what a tie without history
// holds). A contact that changes the trust in a professional by d changes institutional
// trust by institutional_learning * d; institutional trust relaxes toward its initial
// value.

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct TrustParams {
  double contact_gain;              // share of the gap to 1 closed by a contact of quality 1
  double decay;                     // per week without contact, share of the distance to baseline
  double initial_tie_trust;         // tie baseline as a multiple of institutional trust
  double reach_threshold;           // trust at which a tie counts as trusted
  double institutional_learning;    // share of a contact's change in t that g takes on
  double institutional_relaxation;  // per week, share of (g0 - g) that g moves back

  static std::vector<ParamSpec> specs();
  static TrustParams from(const ParamValues& values);
};

inline double after_positive_contact(double trust, double quality, double gain) {
  return trust + gain * quality * (1.0 - trust);
}

inline double after_negative_contact(double trust, double loss) {
  return trust - loss * trust;
}

inline double decayed(double trust, double baseline, double decay) {
  return baseline + (trust - baseline) * (1.0 - decay);
}

}  // namespace village::parent_support
