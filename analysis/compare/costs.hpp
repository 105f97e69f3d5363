#pragma once
// The cost of one run in euros, from the weekly hours and contacts the parent-support
// model records (ODD.md section 4, Observation), summed over the run's weeks:
//   strategy professional hours x professional_hour_euros
// + programme hours (hours_total - hours_professional) x programme_hour_euros
// + newsletter issues x newsletter_issue_euros
// + key-figure programme weeks x key figures x key_figure_week_euros
// + conversations hosted x conversation_euros
// + interventions switched on x intervention_fixed_euros.
// Issues, key-figure weeks and conversations are recovered from their hours
// (hours_newsletter / newsletter_hours_per_issue, ...), so no model change is needed.
// Strategy professional hours are those a strategy adds to the professionals' regular
// work: conversations in organisations, key-figure introductions, group meetings and
// overload beyond the weekly budget (hours_conversations + hours_introductions +
// hours_groups + hours_overload). Regular hours (personal contacts, incidents and
// questions within the budget) are paid under every strategy; they are priced only
// with charge_regular_hours (then all of hours_professional is priced).
// Rows must be recorded every week (record_every = 1).

#include <vector>

#include "sim/observation.hpp"

namespace village {

struct CostRates {
  double professional_hour = 75;
  double programme_hour = 60;
  double newsletter_issue = 250;
  double key_figure_week = 25;
  double conversation = 50;
  double intervention_fixed = 2500;
  bool charge_regular_hours = false;
};

// What converts recorded hours back into counts (the strategy's model values).
struct CostDrivers {
  double newsletter_hours_per_issue = 6;
  double key_figure_coordination_hours = 1;
  double conversation_hours = 2;
  double interventions = 0;  // interventions switched on
};

struct CostBreakdown {
  double regular_hours = 0;       // professional hours every strategy pays (not priced by default)
  double professional_hours = 0;  // priced professional hours
  double programme_hours = 0;
  double newsletter_issues = 0;
  double key_figure_weeks = 0;  // key figures x programme weeks
  double conversations = 0;
  double interventions = 0;
  double professional_euros = 0;
  double programme_euros = 0;
  double newsletter_euros = 0;
  double key_figure_euros = 0;
  double conversation_euros = 0;
  double fixed_euros = 0;
  double total_euros = 0;
};

// Sums the run's weekly rows (group "all") and prices them.
CostBreakdown run_cost(const std::vector<MetricRow>& rows, const CostRates& rates,
                       const CostDrivers& drivers);

}  // namespace village
