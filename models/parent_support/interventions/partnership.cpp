// The partnership with informal organisations (M6, M7; seed 003): every partner
// organisation hosts a conversation with its partner professional every
// conversation_interval_weeks (staggered), if the professional has the hours; members
// join when they take in their week (mechanisms/trust.cpp). The conditions of the
// partnership set the quality of what is said and develop with the hours the partner
// professionals invest, which are priced (mechanisms/informal_organisations.hpp).

#include "models/parent_support/interventions/partnership.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/outcomes.hpp"
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
  week.state.write<Column::partnership_conditions>() = params.plan.conditions;
  week.state.write<Column::partnership_quality>() =
      params.plan.partnership
          ? partnership_quality(params.plan.conditions, params.organisations.condition_weight)
          : 0.0;
  week.state.write<Column::hosting>().assign(week.view.organisations.size(), 0);
}

// The conditions develop with the hours invested per partner organisation (M7).
void develop(Week& week, double invested, double partners) {
  const ModelParams& params = week.params;
  const OrganisationParams& op = params.organisations;
  auto& conditions = week.state.write<Column::partnership_conditions>();
  const double per_organisation = partners > 0 ? invested / partners : 0.0;
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    double& c = conditions[i];
    c += op.condition_growth * per_organisation * (1.0 - c) -
         op.condition_fade * (c - params.plan.conditions[i]);
    c = std::clamp(c, 0.0, 1.0);
  }
  week.state.write<Column::partnership_quality>() =
      partnership_quality(conditions, op.condition_weight);
}

Use most_use(Week& week) {
  const CsrLayer& membership = week.state.read<Column::membership>();
  const double hours = week.params.capacity.conversation_hours;
  Use most;
  for (NodeId o = 0; o < week.view.organisations.size(); ++o) {
    if (week.view.organisation_partner[o] != kNoAgent)
      most += {week.params.plan.investment_hours, 0, 0};
    if (!conversation_due(week, o)) continue;
    most += {hours, static_cast<double>(membership.degree(week.view.organisations.begin + o)), 1};
  }
  return most;
}

void host_conversations(Week& week) {
  auto& hosting = week.state.write<Column::hosting>();
  std::fill(hosting.begin(), hosting.end(), 0);
  Spending& spending = week.state.write<Column::spending>();
  if (!runs(week.state.read<Column::running>(), Intervention::partnership)) {
    if (!week.params.plan.partnership) return;
    // Off its window or stopped by the budget (only that is a skip): nothing is
    // invested, and what was built fades.
    if (spending.stopped(Intervention::partnership))
      for (NodeId o = 0; o < week.view.organisations.size(); ++o)
        if (week.view.organisation_partner[o] != kNoAgent && conversation_due(week, o))
          spending.meeting_skipped(MeetingSkip::no_budget);
    develop(week, 0, 0);
    return;
  }
  auto& left = week.state.write<Column::hours_left>();
  WeekHours& hours = week.state.write<Column::hours>();
  const double cost = week.params.capacity.conversation_hours;
  const double investment = week.params.plan.investment_hours;
  double invested = 0, partners = 0;
  const auto hours_of = [&](NodeId o) -> double& {
    return left[week.view.organisation_partner[o] - week.view.professionals.begin];
  };
  // The conversations due first (a professional may partner several organisations),
  for (NodeId o = 0; o < week.view.organisations.size(); ++o) {
    if (week.view.organisation_partner[o] == kNoAgent || !conversation_due(week, o)) continue;
    double& hours_left = hours_of(o);
    if (hours_left < cost) {
      spending.meeting_skipped(MeetingSkip::no_hours);
      continue;
    }
    hours_left -= cost;
    hours.conversations += cost;
    invested += cost;
    spending.charge(Intervention::partnership, {cost, 0, 1});
    hosting[o] = 1;
    spending.meeting_held();
  }
  // then joint planning and consultation with what is left.
  for (NodeId o = 0; o < week.view.organisations.size(); ++o) {
    if (week.view.organisation_partner[o] == kNoAgent) continue;
    ++partners;
    double& hours_left = hours_of(o);
    const double given = std::min(investment, hours_left);
    hours_left -= given;
    hours.partnership_investment += given;
    invested += given;
    spending.charge(Intervention::partnership, {given, 0, 0});
  }
  develop(week, invested, partners);
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
              real_param("partnership_investment_hours", 1, 0, 40,
                         "hours per partner organisation per week", "M7, M22",
                         "seed 003 (building the conditions takes time); scenario",
                         "hours a partner professional invests in the partnership each week "
                         "beside the conversations (joint planning, consultation), as far as "
                         "it has them"),
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
    ParamSpec spec = plausible(
        share_param(kConditionNames[i], 0.5, "degree", "M7",
                    "seed 003 (this takes time); start: assumption, swept",
                    std::string("degree to which the partnership has ") + what[i] +
                        " when it starts (0: absent, 1: fully); it develops with the hours "
                        "invested"),
        0.2, 0.8,
        "seed 003: the conditions are rarely all there at the start; judgement: from little to "
        "most of each");
    spec.changed_by = "the partnership's invested hours (outreach.partnership_investment_hours)";
    specs.push_back(spec);
  }
  return specs;
}

void PartnershipPlan::read(const ParamValues& values) {
  partnership = values.flag(outreach_key("partnership"));
  conversation_interval_weeks = values.real(outreach_key("conversation_interval_weeks"));
  investment_hours = values.real(outreach_key("partnership_investment_hours"));
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
  spec.setup = {
      {},
      columns({Column::partnership_quality, Column::partnership_conditions, Column::hosting}),
      {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.partnership; };
  return spec;
}

StepInfo partnership_step() {
  return {"conversations",
          StepKind::intervention,
          "M6, M7",
          "seed 003",
          "partner professionals invest their hours and join conversations; the conditions develop",
          {columns({Column::running}),
           columns({Column::hosting, Column::hours_left, Column::hours, Column::spending,
                    Column::partnership_conditions, Column::partnership_quality}),
           {}},
          nullptr,
          host_conversations};
}

namespace {

void record_partnership(const State& state, const ModelParams& params, Observation& observation) {
  if (!params.plan.partnership) return;
  observation.record("partnership_quality", "all", state.partnership_quality);
  for (std::size_t i = 0; i < 4; ++i)
    observation.record(fmt::format("partnership_{}", kConditionNames[i]), "all",
                       state.partnership_conditions[i]);
}

}  // namespace

// The partnership's quality and its four conditions this week (M7).
OutcomeBlock partnership_outcomes() {
  OutcomeBlock block{"partnership", {}};
  block.record_week = record_partnership;
  return block;
}

}  // namespace village::parent_support
