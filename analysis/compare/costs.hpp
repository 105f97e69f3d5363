#pragma once
// The cost of one run in euros: the spending the model records each week per
// intervention (euros_<intervention>, group "all"; models/parent_support/interventions.hpp
// and ODD.md 7.25), summed over the run's weeks. Each intervention prices its own hours,
// contacts and meetings and pays its set-up cost in its first week; with a budget, the
// model stops interventions before the spending would exceed it (stopped_<intervention>
// turns 1 in the week it stops). Rows must be recorded every week (record_every = 1).

#include <string>
#include <vector>

#include "sim/observation.hpp"

namespace village {

struct CostItem {
  std::string intervention;
  double euros = 0;
  // Share of runs in which the budget stopped the intervention, and the mean week it
  // stopped in among those (for one run: 1 and the week, or 0 and -1).
  double stopped_share = 0;
  double stop_week = -1;
};

struct CostBreakdown {
  std::vector<CostItem> items;  // by intervention, in the order the rows name them
  double total_euros = 0;
  double professional_hours = 0;  // hours_professional: every professional hour worked
  double programme_hours = 0;     // hours_total - hours_professional
};

// Sums one run's weekly rows.
CostBreakdown run_cost(const std::vector<MetricRow>& rows);

// The mean over runs (items matched by name; an item missing from a run counts 0).
CostBreakdown mean_cost(const std::vector<CostBreakdown>& runs);

}  // namespace village
