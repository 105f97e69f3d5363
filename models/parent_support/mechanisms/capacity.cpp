// M22 (seed 002 secs. 2-3; seed 004): professionals' weekly hours and what each use
// costs, and the step that gives reactive work its hours first.

#include "models/parent_support/mechanisms/capacity.hpp"

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> CapacityParams::specs() {
  const std::string seed = "seed 004; seed 002 sec. 3; magnitude: assumption, swept";
  return {
      plausible(real_param("incident_hours", 1.5, 0, 40, "hours", "M22", seed,
                           "professional hours for the conversation after an incident"),
                0.75, 3,
                "judgement: half to double the default; a talk with preparation and follow-up"),
      plausible(real_param("question_hours", 0.5, 0, 40, "hours", "M22", seed,
                           "professional hours for answering a parent's question"),
                0.25, 1, "judgement: half to double the default; a short talk or call"),
      plausible(real_param("conversation_hours", 2, 0, 40, "hours per conversation", "M22", seed,
                           "professional hours to join one conversation in an organisation"),
                1, 4, "judgement: half to double the default; an evening meeting with travel"),
      plausible(real_param("introduction_hours", 1, 0, 40, "hours", "M22", seed,
                           "professional hours for a key figure's introduction of a parent"),
                0.5, 2, "judgement: half to double the default; a first meeting with the parent"),
      plausible(real_param("personal_contact_hours", 0.5, 0.05, 40, "hours", "M22", seed,
                           "professional hours for one proactive personal contact, a short talk "
                           "or call with its preparation (uniform approach)"),
                0.25, 1, "judgement: half to double the default; a short talk or call prepared"),
  };
}

CapacityParams CapacityParams::from(const ParamValues& values) {
  return {values.real("incident_hours"), values.real("question_hours"),
          values.real("conversation_hours"), values.real("introduction_hours"),
          values.real("personal_contact_hours")};
}

// The step (M22): professionals' hours go first to the week's incidents and questions;
// what they cannot cover is overload.

namespace {

void take_reactive_hours(Week& week) {
  const CommunityView& view = week.view;
  const CapacityParams& params = week.params.capacity;
  const auto& handler = week.state.read<Column::handler>();
  const auto& had_incident = week.state.read<Column::had_incident>();
  const auto& brought = week.state.read<Column::brought_question>();
  const auto& referral = week.state.read<Column::point_referral>();
  auto& left = week.state.write<Column::hours_left>();
  WeekHours& hours = week.state.write<Column::hours>();
  for (NodeId k = 0; k < view.professionals.size(); ++k) {
    left[k] = view.hours[k];
    hours.capacity += view.hours[k];
  }
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    // A question the support point passed on takes its professional's time (seed 004).
    if (referral[p] != kNoAgent) {
      left[referral[p] - view.professionals.begin] -= params.question_hours;
      hours.questions += params.question_hours;
    }
    if (handler[p] == kNoAgent) continue;
    const NodeId k = handler[p] - view.professionals.begin;
    if (had_incident[p]) {
      left[k] -= params.incident_hours;
      hours.incidents += params.incident_hours;
    }
    if (brought[p]) {
      left[k] -= params.question_hours;
      hours.questions += params.question_hours;
    }
  }
  for (double& l : left) {
    if (l < 0) {
      hours.overload -= l;
      l = 0;
    }
  }
}

}  // namespace

StepInfo capacity_step() {
  return {"reactive_hours",
          StepKind::mechanism,
          "M22",
          "seed 002 secs. 2-3; seed 004",
          "professionals' weekly hours go first to incidents and questions",
          {columns({Column::handler, Column::had_incident, Column::brought_question,
                    Column::point_referral}),
           columns({Column::hours_left, Column::hours}),
           {}},
          nullptr,
          take_reactive_hours};
}

namespace {

// The week's hours by use (M22), recorded for "all".
void record_hours(const State& st, const ModelParams&, Observation& observation) {
  const WeekHours& h = st.hours;
  const double professional = h.incidents + h.questions + h.conversations + h.introductions +
                              h.personal + h.groups + h.partnership_investment;
  const double programme = h.newsletter + h.key_figure_programme + h.influencer_panel +
                           h.theme_evenings + h.network_support + h.support_point + h.training +
                           h.buddies + h.voice;
  for (const auto& [name, value] : {std::pair{"hours_capacity", h.capacity},
                                    {"hours_incidents", h.incidents},
                                    {"hours_questions", h.questions},
                                    {"hours_conversations", h.conversations},
                                    {"hours_introductions", h.introductions},
                                    {"hours_personal", h.personal},
                                    {"hours_groups", h.groups},
                                    {"hours_overload", h.overload},
                                    {"hours_professional", professional},
                                    {"hours_newsletter", h.newsletter},
                                    {"hours_key_figure_programme", h.key_figure_programme},
                                    {"hours_influencer_panel", h.influencer_panel},
                                    {"hours_theme_evenings", h.theme_evenings},
                                    {"hours_network_support", h.network_support},
                                    {"hours_support_point", h.support_point},
                                    {"hours_training", h.training},
                                    {"hours_buddies", h.buddies},
                                    {"hours_voice", h.voice},
                                    {"hours_partnership_investment", h.partnership_investment},
                                    {"hours_total", professional + programme}})
    observation.record(name, "all", value);
}

}  // namespace

OutcomeBlock capacity_outcomes() {
  OutcomeBlock block{"capacity", {}};
  block.record_week = record_hours;
  return block;
}

}  // namespace village::parent_support
