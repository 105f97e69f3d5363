// The partnership with informal organisations (M6, M7; seed 003): every partner
// organisation hosts a conversation with its partner professional every
// conversation_interval_weeks (staggered), if the professional has the hours; members
// join when they take in their week (mechanisms/trust.cpp). The conditions of the
// partnership set the quality of what is said (mechanisms/informal_organisations.hpp).

#include "models/parent_support/interventions/partnership.hpp"

#include <algorithm>
#include <cmath>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

bool conversation_due(const Week& week, NodeId organisation) {
  // Organisations are staggered over the interval (at least 1 week, by its range).
  const OutreachPlan& plan = week.params.plan;
  const double interval = plan.conversation_interval_weeks;
  return week.view.organisation_partner[organisation] != kNoAgent &&
         plan.due(Intervention::partnership, week.week, interval,
                  std::fmod(static_cast<double>(organisation), interval));
}

void initialize(Week& week) {
  const ModelParams& params = week.params;
  week.state.write<Column::partnership_quality>() =
      params.plan.partnership
          ? partnership_quality(params.plan.conditions, params.organisations.condition_weight)
          : 0.0;
  week.state.write<Column::hosting>().assign(week.view.organisations.size(), 0);
}

Use most_use(Week& week) {
  const CsrLayer& membership = week.state.read<Column::membership>();
  const double hours = week.params.capacity.conversation_hours;
  Use most;
  for (NodeId o = 0; o < week.view.organisations.size(); ++o) {
    if (!conversation_due(week, o)) continue;
    most += {hours, static_cast<double>(membership.degree(week.view.organisations.begin + o)), 1};
  }
  return most;
}

void host_conversations(Week& week) {
  auto& hosting = week.state.write<Column::hosting>();
  std::fill(hosting.begin(), hosting.end(), 0);
  if (!runs(week.state.read<Column::running>(), Intervention::partnership)) return;
  auto& left = week.state.write<Column::hours_left>();
  WeekHours& hours = week.state.write<Column::hours>();
  Spending& spending = week.state.write<Column::spending>();
  const double cost = week.params.capacity.conversation_hours;
  for (NodeId o = 0; o < week.view.organisations.size(); ++o) {
    if (!conversation_due(week, o)) continue;
    double& hours_left = left[week.view.organisation_partner[o] - week.view.professionals.begin];
    if (hours_left < cost) continue;
    hours_left -= cost;
    hours.conversations += cost;
    spending.charge(Intervention::partnership, {cost, 0, 1});
    hosting[o] = 1;
  }
}

// Every parent who joined a conversation this week is a contact.
void close_week(Week& week) {
  double joined = 0;
  for (const auto& counts : week.state.read<Column::weekly_contacts>())
    joined += counts[conversation];
  week.state.write<Column::spending>().charge(Intervention::partnership, {0, joined, 0});
}

}  // namespace

namespace {
constexpr std::array<const char*, 4> kConditionNames{"condition_mutual_trust",
                                                     "condition_shared_goals",
                                                     "condition_clear_roles", "condition_equality"};
}  // namespace

std::vector<ParamSpec> PartnershipPlan::specs() {
  std::vector<ParamSpec> specs =
      bought({flag_param("partnership", false, "M6, M7", "seed 003",
                         "partner professionals join conversations in informal organisations"),
              plausible(integer_param("conversation_interval_weeks", 4, 1, 520, "weeks", "M6",
                                      "seed 003; assumption",
                                      "weeks between conversations an organisation hosts"),
                        2, 8,
                        "seed 003 speaks of regular conversations; judgement: fortnightly to every "
                        "two months")});
  // The conditions describe the relation between professionals and organisations (world).
  const std::array<const char*, 4> what{"mutual trust", "shared goals",
                                        "clear expectations and roles", "equality"};
  for (std::size_t i = 0; i < 4; ++i) {
    specs.push_back(share_param(
        kConditionNames[i], 1.0, "degree", "M7", "seed 003",
        std::string("degree to which the partnership has ") + what[i] + " (0: absent, 1: fully)"));
  }
  return specs;
}

void PartnershipPlan::read(const ParamValues& values) {
  partnership = values.flag(outreach_key("partnership"));
  conversation_interval_weeks = values.real(outreach_key("conversation_interval_weeks"));
  for (std::size_t i = 0; i < 4; ++i)
    conditions[i] = values.real(outreach_key(kConditionNames[i]));
}

ProgrammeSpec partnership_programme() {
  ProgrammeSpec spec{
      Intervention::partnership,
      {"partnership", "partnership with informal organisations", "parent joining a conversation",
       "conversation", "M6, M7", 75, 0, 50, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.close_week = close_week;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::membership}), {}, {}};
  spec.close = {columns({Column::weekly_contacts}), columns({Column::spending}), {}};
  spec.setup = {{}, columns({Column::partnership_quality, Column::hosting}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.partnership; };
  return spec;
}

StepInfo partnership_step() {
  return {"conversations",
          StepKind::intervention,
          "M6, M7",
          "seed 003",
          "partner organisations host conversations if their professional has the hours",
          {columns({Column::running}),
           columns({Column::hosting, Column::hours_left, Column::hours, Column::spending}),
           {}},
          nullptr,
          host_conversations};
}

}  // namespace village::parent_support
