#include "analysis/compare/costs.hpp"

namespace village {

CostBreakdown run_cost(const std::vector<MetricRow>& rows, const CostRates& rates,
                       const CostDrivers& drivers) {
  CostBreakdown cost;
  double total_hours = 0;
  double newsletter_hours = 0;
  double newsletter_weeks = 0;
  double key_figure_hours = 0;
  double conversation_hours = 0;
  double all_professional = 0;
  double strategy_professional = 0;
  for (const MetricRow& row : rows) {
    if (row.group != "all") continue;
    if (row.metric == "hours_professional") {
      all_professional += row.value;
    } else if (row.metric == "hours_introductions" || row.metric == "hours_groups" ||
               row.metric == "hours_overload") {
      strategy_professional += row.value;
    } else if (row.metric == "hours_total") {
      total_hours += row.value;
    } else if (row.metric == "hours_newsletter") {
      newsletter_hours += row.value;
      newsletter_weeks += row.value > 0 ? 1 : 0;
    } else if (row.metric == "hours_key_figure_programme") {
      key_figure_hours += row.value;
    } else if (row.metric == "hours_conversations") {
      conversation_hours += row.value;
      strategy_professional += row.value;
    }
  }
  cost.programme_hours = total_hours - all_professional;
  cost.professional_hours = rates.charge_regular_hours ? all_professional : strategy_professional;
  cost.regular_hours = all_professional - cost.professional_hours;
  cost.newsletter_issues = drivers.newsletter_hours_per_issue > 0
                               ? newsletter_hours / drivers.newsletter_hours_per_issue
                               : newsletter_weeks;
  cost.key_figure_weeks = drivers.key_figure_coordination_hours > 0
                              ? key_figure_hours / drivers.key_figure_coordination_hours
                              : 0;
  cost.conversations =
      drivers.conversation_hours > 0 ? conversation_hours / drivers.conversation_hours : 0;
  cost.interventions = drivers.interventions;
  cost.professional_euros = cost.professional_hours * rates.professional_hour;
  cost.programme_euros = cost.programme_hours * rates.programme_hour;
  cost.newsletter_euros = cost.newsletter_issues * rates.newsletter_issue;
  cost.key_figure_euros = cost.key_figure_weeks * rates.key_figure_week;
  cost.conversation_euros = cost.conversations * rates.conversation;
  cost.fixed_euros = cost.interventions * rates.intervention_fixed;
  cost.total_euros = cost.professional_euros + cost.programme_euros + cost.newsletter_euros +
                     cost.key_figure_euros + cost.conversation_euros + cost.fixed_euros;
  return cost;
}

}  // namespace village
