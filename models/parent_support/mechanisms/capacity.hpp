#pragma once
// M22: professionals' time budget. Each professional has weekly hours for contact with
// parents (synthesised per role, scenarios/community). Within a week the hours go, in
// this fixed order, to
//   1. incidents and questions (reactive work that cannot wait), even beyond the budget
//      (recorded as overload);
//   2. conversations in partner organisations (M6), if the hours remain;
//   3. key-figure introductions (M5), in random order, while the hours remain;
//   4. proactive personal contacts (M3, M16), least recently contacted parents first,
//      ties broken by a random key, while the hours remain.
// A contact's quality is scaled by the professional's collaboration competence (seed
// 004: curiosity, perspective taking, systemic thinking, equality).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct CapacityParams {
  double incident_hours;
  double question_hours;
  double conversation_hours;
  double introduction_hours;
  double personal_contact_hours;

  static std::vector<ParamSpec> specs();
  static CapacityParams from(const ParamValues& values);
};

}  // namespace village::parent_support
