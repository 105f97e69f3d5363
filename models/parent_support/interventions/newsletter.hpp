#pragma once
// The newsletter (M4): what a scenario sets for it in [outreach], declared and read in
// newsletter.cpp (role: intervention, what a strategy buys).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct NewsletterPlan {
  double newsletter_interval_weeks;  // 0: no newsletter
  double newsletter_hours_per_issue;

  static std::vector<ParamSpec> specs();
  void read(const ParamValues& values);
};

}  // namespace village::parent_support
