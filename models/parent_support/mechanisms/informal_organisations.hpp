#pragma once
// M6, M7: informal organisations host conversations; a formal-informal partnership makes
// them a stepping stone to professional help (seed 003).
//
// With a partnership ([outreach] partnership = true), each organisation with a partner
// professional hosts a conversation every conversation_interval_weeks (staggered by
// organisation), if the professional has the hours (M22). Each member attends with
// probability conversation_attendance: the setting is trusted and in the parents' own
// language, so neither institutional trust nor a language barrier gates it (seed 003).
// Attending
//   raises the parent's informal participation p: p <- p + participation_gain * (1 - p)
//   (p decays by participation_decay per week without attending), which raises help
//   seeking (M6, see help_seeking.hpp), scaled by the partnership quality Q;
//   and is a contact with the professional (tone M3) of quality Q * competence, which
//   creates the parent-professional tie if there was none.
// Partnership quality (M7, seed 003: mutual trust, shared goals, clear expectations and
// roles, equality; each condition c_i in [0, 1], starting at its [outreach] value c0_i):
//   Q = prod_i (1 - condition_weight * (1 - c_i))
// so a partnership missing one condition works at (1 - condition_weight) of its strength.
// The conditions develop with the hours professionals invest ("this takes time", seed
// 003): each week of the partnership, with I the hours invested per partner organisation
// (conversations held plus outreach.partnership_investment_hours),
//   c_i <- c_i + condition_growth * I * (1 - c_i) - condition_fade * (c_i - c0_i)

#include <array>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct OrganisationParams {
  double attendance;
  double participation_gain;
  double participation_decay;
  double condition_weight;
  double condition_growth;  // share of the gap closed per hour invested per organisation
  double condition_fade;    // share of what was built lost per week

  static std::vector<ParamSpec> specs();
  static OrganisationParams from(const ParamValues& values);
};

// Q above.
double partnership_quality(const std::array<double, 4>& conditions, double condition_weight);

}  // namespace village::parent_support
