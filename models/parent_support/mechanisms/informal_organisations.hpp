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
// roles, equality; each condition c_i in [0, 1] in [outreach]):
//   Q = prod_i (1 - condition_weight * (1 - c_i))
// so a partnership missing one condition works at (1 - condition_weight) of its strength.

#include <array>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct OrganisationParams {
  double attendance;
  double participation_gain;
  double participation_decay;
  double condition_weight;

  static std::vector<ParamSpec> specs();
  static OrganisationParams from(const ParamValues& values);
};

// Q above.
double partnership_quality(const std::array<double, 4>& conditions, double condition_weight);

}  // namespace village::parent_support
