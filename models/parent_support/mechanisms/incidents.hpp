#pragma once
// M1: relationship before problems (seed 000 tip 1; seed 002 sec. 1). A worrying event
// (an incident) happens in a household each week with probability
//   r = (1 - (1 - incident_rate)^(1/52)) (the weekly rate of the yearly one), times
//   (1 + incident_vulnerability * vulnerability count) (M15),
// from week incidents_from_week on. The parent's most trusted professional handles the
// conversation that follows (priority hours, M22); it is cooperative with probability
//   cooperation_floor + (cooperation_ceiling - cooperation_floor) * t
// t the trust in that professional (no professional tie: t = no_tie_trust * g). A
// cooperative conversation is a positive contact of quality incident_contact_quality; an
// uncooperative one a negative contact that loses incident_trust_loss of the trust (the
// parent felt ambushed or judged, seed 002 sec. 1).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct IncidentParams {
  double yearly_rate;
  double vulnerability_factor;
  double from_week;
  double cooperation_floor;
  double cooperation_ceiling;
  double contact_quality;
  double trust_loss;
  double no_tie_trust;

  static std::vector<ParamSpec> specs();
  static IncidentParams from(const ParamValues& values);
  // Weekly probability for a household with `vulnerability` factors.
  double weekly_probability(int vulnerability) const;
  double cooperation_probability(double trust) const {
    return cooperation_floor + (cooperation_ceiling - cooperation_floor) * trust;
  }
};

}  // namespace village::parent_support
