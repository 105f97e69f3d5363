// The [outreach] table (M1-M22 interventions): the outreach window, current practice,
// every intervention's part (declared in its own file) and when a schedule is due.

#include "models/parent_support/outreach_plan.hpp"

#include <cmath>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

// The window of proactive outreach, how professionals work today, and the budget.
std::vector<ParamSpec> general_specs() {
  std::vector<ParamSpec> specs = bought(
      {integer_param("start_week", 0, 0, 1e6, "week", "M1", "seed 000 tip 1; seed 002 sec. 1",
                     "first week of proactive outreach (personal contacts and programmes)"),
       integer_param("end_week", 1e6, 0, 1e6, "week", "M1", "scenario",
                     "week in which proactive outreach stops (exclusive)")});
  // How professionals work is a property of the world, which no strategy buys.
  append(specs,
         {flag_param("personal_contacts", true, "M2, M22", "seed 002 sec. 1, 6",
                     "professionals spend the hours left after reactive work on personal "
                     "contacts with parents on their caseload"),
          plausible(share_param(
                        "inviting_share", 0.5, "share of contacts", "M3",
                        "seed 000 tip 2; assumption (current practice), swept",
                        "share of professional contacts made in an inviting, equal tone; the rest "
                        "lecture or control"),
                    0.3, 0.8,
                    "seed 000 tip 2: much contact now lectures; no measurement, so from a minority "
                    "to most contacts inviting"),
          choice_param("approach", "uniform", {"uniform", "matched"}, "M16", "seed 002 sec. 4",
                       "uniform: every parent approached as an engaged one; matched: the "
                       "approach that works for the parent's type")});
  // Training changes the tone and approach (M3, M16); whether professionals make personal
  // contacts at all is how their work is organised, which nothing bought changes.
  for (std::size_t i = 3; i < specs.size(); ++i)
    specs[i].changed_by = "training";
  return specs;
}

ParamSpec budget_spec() {
  ParamSpec budget = real_param(
      "budget_euros", 0, 0, 1e12, "euros", "", "scenario",
      "most the interventions may spend over the run; each stops when the budget left cannot "
      "cover its next week (0: no cap)");
  budget.role = ParamRole::intervention;
  return budget;
}

}  // namespace

std::vector<ParamSpec> OutreachPlan::specs() {
  std::vector<ParamSpec> specs = general_specs();
  append(specs, part_specs());
  specs.push_back(budget_spec());
  append(specs, intervention_term_specs());
  return specs;
}

OutreachPlan OutreachPlan::from(const ParamValues& values) {
  OutreachPlan plan{};
  plan.start_week = values.real(outreach_key("start_week"));
  plan.end_week = values.real(outreach_key("end_week"));
  plan.personal_contacts = values.flag(outreach_key("personal_contacts"));
  plan.inviting_share = values.real(outreach_key("inviting_share"));
  plan.approach =
      values.text(outreach_key("approach")) == "matched" ? Approach::matched : Approach::uniform;
  plan.read_parts(values);
  plan.terms = read_intervention_terms(values);
  plan.budget_euros = values.real(outreach_key("budget_euros"));
  return plan;
}

bool OutreachPlan::switched_on(Intervention i) const {
  return programme_catalogue()[static_cast<std::size_t>(i)].switched_on(*this);
}

bool OutreachPlan::scheduled(Intervention i, std::uint64_t week) const {
  const auto w = static_cast<double>(week);
  return switched_on(i) && w >= first_week(i) && w < std::min(end_week, terms_of(i).end_week);
}

bool OutreachPlan::due(Intervention i, std::uint64_t week, double interval, double offset) const {
  const double since = static_cast<double>(week) - first_week(i) - offset;
  return since >= 0 && interval > 0 && std::fmod(since, interval) == 0;
}

}  // namespace village::parent_support
