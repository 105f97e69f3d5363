#pragma once
// The partnership with informal organisations (M6, M7): what a scenario sets for it in
// [outreach], declared and read in partnership.cpp (its four conditions' start is world).

#include <array>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct PartnershipPlan {
  bool partnership;
  double conversation_interval_weeks;
  double investment_hours;           // per partner organisation and week, beside conversations (M7)
  std::array<double, 4> conditions;  // at the start: mutual trust, shared goals, roles, equality

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
