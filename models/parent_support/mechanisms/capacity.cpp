// M22 (seed 002 secs. 2-3; seed 004): professionals' weekly hours and what each use
// costs, and the step that gives reactive work its hours first.

#include "models/parent_support/mechanisms/capacity.hpp"

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> CapacityParams::specs() {
  const std::string seed = "seed 004; seed 002 sec. 3; magnitude: assumption, swept";
  return {
      real_param("incident_hours", 1.5, 0, 40, "hours", "M22", seed,
                 "professional hours for the conversation after an incident"),
      real_param("question_hours", 0.5, 0, 40, "hours", "M22", seed,
                 "professional hours for answering a parent's question"),
      real_param("conversation_hours", 2, 0, 40, "hours per conversation", "M22", seed,
                 "professional hours to join one conversation in an organisation"),
      real_param("introduction_hours", 1, 0, 40, "hours", "M22", seed,
                 "professional hours for a key figure's introduction of a parent"),
      real_param("personal_contact_hours", 0.5, 0.05, 40, "hours", "M22", seed,
                 "professional hours for one proactive personal contact, a short talk or call "
                 "with its preparation (uniform approach)"),
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
  auto& left = week.state.write<Column::hours_left>();
  WeekHours& hours = week.state.write<Column::hours>();
  for (NodeId k = 0; k < view.professionals.size(); ++k) {
    left[k] = view.hours[k];
    hours.capacity += view.hours[k];
  }
  for (NodeId p = 0; p < view.parents.size(); ++p) {
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
          {columns({Column::handler, Column::had_incident, Column::brought_question}),
           columns({Column::hours_left, Column::hours}),
           {}},
          nullptr,
          take_reactive_hours};
}

}  // namespace village::parent_support
