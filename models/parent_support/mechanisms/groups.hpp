#pragma once
// M8, M9, M10, M21: group meetings (seed 001: the "cocktail" of working factors; seed 000
// tip 5: the first meeting drew five parents).
// A parent group (outreach.parent_groups) is a course of group_sessions meetings, one
// every group_interval_weeks, in a neighbourhood, facilitated by a professional (the
// neighbourhood's youth-team worker, whose hours it takes) or by a volunteer parent
// (M19). It invites group_invited parents: from the neighbourhood (mixed), or from one
// community (like-minded, outreach.group_like_minded). At each meeting an invited parent
// who has not dropped out attends with probability
//   p = fit * clamp(attend_base + attend_trust * t + attend_need * s
//                   + attend_peers * f - attend_distance * far
//                   - attend_cost * fee * (1 + vulnerable), 0, 1)
// t the trust in the facilitator (in a professional: the caseload tie, or the tie
// baseline; in a volunteer: key_figure_trust_own or _other), s stress (need and the
// relaxation it hopes for), f the share of its support ties who attended the group's
// last meeting, far = 1 when the group meets outside its neighbourhood, fee the
// outreach.group_fee_euros a meeting costs (vulnerable parents feel it twice); a first
// attendance is scaled by first_attendance (the threshold of the first step, seed 000
// tip 5). fit = 1 + voice_fit_gain * the parents' voice fit (M21, mechanisms/fit.hpp).
// After attending, a parent drops out with probability
//   dropout_base * (1 - g) * (1 + structure_penalty * ((x - structure_optimum) / 0.5)^2)
// g the group feeling and x the programme's structure in [0, 1] (M9: both too little and
// too much structure lower retention). Group feeling grows after each meeting by
// feeling_gain * skill * likeness * (1 - g), likeness the share of those present from
// the largest community present (M10: like-minded groups hold better). Meetings relax
// (M14), teach (M13) and create ties (M11). At most group_size attend a meeting.

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct GroupParams {
  double attend_base;
  double attend_trust;
  double attend_need;
  double attend_peers;
  double attend_distance;
  double attend_cost;
  double first_attendance;
  double dropout_base;
  double structure_optimum;
  double structure_penalty;
  double feeling_gain;
  double volunteer_skill;

  static std::vector<ParamSpec> specs();
  static GroupParams from(const ParamValues& values);
  double dropout(double feeling, double structure) const;
};

}  // namespace village::parent_support
