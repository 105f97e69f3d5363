// M1, M15 (seed 000 tip 1; seed 002 sec. 1): worrying incidents and how the
// conversation after one goes; parameters and the weekly step.

#include "models/parent_support/mechanisms/incidents.hpp"

#include <algorithm>
#include <cmath>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> IncidentParams::specs() {
  const std::string seed = "seed 000 tip 1; seed 002 sec. 1; magnitude: assumption, swept";
  return {
      plausible_log(
          share_param("incident_rate", 0.1, "probability per household per year", "M1", seed,
                      "yearly chance of a worrying event (substance use, truancy, a "
                      "fight) in a household without vulnerability factors"),
          0.05, 0.2, "judgement: half to double the default; known only to its order"),
      plausible(real_param("incident_vulnerability", 0.5, 0, 10, "relative increase per factor",
                           "M1, M15",
                           "seed 001 intro (vulnerable parents: more stress); assumption, swept",
                           "relative increase of the incident rate per vulnerability factor"),
                0.25, 1,
                "seed 001 intro gives the direction; judgement: half to double the default"),
      plausible(integer_param("incidents_from_week", 0, 0, 1e6, "week", "M1", seed,
                              "first week in which incidents happen (to study contact invested "
                              "before them)"),
                0, 104,
                "judgement: a study design choice; from the start to after two years of contact "
                "invested"),
      plausible(share_param("cooperation_floor", 0.2, "probability", "M1", seed,
                            "chance of a cooperative conversation after an incident at zero "
                            "trust"),
                0.1, 0.35,
                "seed 002 sec. 1: without trust parents feel ambushed; judgement: half to 1.75x "
                "the default"),
      plausible(share_param("cooperation_ceiling", 0.9, "probability", "M1", seed,
                            "chance of a cooperative conversation after an incident at full "
                            "trust"),
                0.75, 0.98,
                "seed 000 tip 1: trust built earlier carries the problem talk; judgement: most "
                "such talks go well"),
      plausible(share_param("incident_contact_quality", 0.5, "quality", "M1", seed,
                            "quality of a cooperative conversation as a contact (M2)"),
                0.3, 0.7,
                "judgement: a problem talk that goes well is a middling contact; 0.2 either side"),
      plausible(share_param("incident_trust_loss", 0.2, "share of trust", "M1", seed,
                            "share of the trust lost after an uncooperative conversation"),
                0.1, 0.35,
                "seed 002 sec. 1: parents feel ambushed or judged, no size given; judgement: half "
                "to 1.75x the default"),
      plausible(share_param("no_tie_trust", 0.5, "multiple of institutional trust", "M1",
                            "assumption, swept",
                            "trust brought to an incident conversation by a parent with no "
                            "professional tie, as a multiple of institutional trust"),
                0.3, 0.8,
                "judgement: a stranger handling a problem gets less than a tie's baseline "
                "(initial_tie_trust 0.8)"),
  };
}

IncidentParams IncidentParams::from(const ParamValues& values) {
  return {values.real("incident_rate"),       values.real("incident_vulnerability"),
          values.real("incidents_from_week"), values.real("cooperation_floor"),
          values.real("cooperation_ceiling"), values.real("incident_contact_quality"),
          values.real("incident_trust_loss"), values.real("no_tie_trust")};
}

double IncidentParams::weekly_probability(int vulnerability) const {
  const double weekly = 1.0 - std::pow(1.0 - yearly_rate, 1.0 / 52.0);
  return std::min(1.0, weekly * (1.0 + vulnerability_factor * vulnerability));
}

// The step (M1, M22): each parent's most trusted professional is the one who handles
// this week's incident or question; incidents happen.

namespace {

constexpr std::uint64_t kIncident = purpose("ps.incident");

void happen(Week& week) {
  const CommunityView& view = week.view;
  const IncidentParams& params = week.params.incidents;
  const CsrLayer& caseload = week.state.read<Column::caseload>();
  auto& handler = week.state.write<Column::handler>();
  auto& handler_trust = week.state.write<Column::handler_trust>();
  auto& had_incident = week.state.write<Column::had_incident>();
  const auto trust = caseload.attribute(kTrust);
  const bool incidents_on = static_cast<double>(week.week) >= params.from_week;
  std::array<double, 5> chance{};  // by number of vulnerability factors (0-4)
  for (int v = 0; v < 5; ++v)
    chance[v] = params.weekly_probability(v);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<NodeId>(i);
    const NodeId agent = view.parents.begin + p;
    double highest = -1.0;
    NodeId best = kNoAgent;
    for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a) {
      if (trust[a] > highest) {
        highest = trust[a];
        best = caseload.targets()[a];
      }
    }
    handler[p] = best;
    handler_trust[p] = highest;
    had_incident[p] = incidents_on &&
                      week.rng.uniform(week.week, agent, kIncident) < chance[view.vulnerability[p]];
  });
}

}  // namespace

StepInfo incidents_step() {
  return {"incidents",
          StepKind::mechanism,
          "M1, M15",
          "seed 000 tip 1; seed 002 sec. 1",
          "worrying incidents happen; the most trusted professional will handle them",
          {columns({Column::caseload}),
           columns({Column::handler, Column::handler_trust, Column::had_incident}),
           columns({Column::caseload})},
          nullptr,
          happen};
}

namespace {

void incident_values(const OutcomeInputs& in, NodeId p, double* values) {
  values[0] = in.state.incidents[p];
  values[1] = in.state.cooperative[p];
}

}  // namespace

// Incidents so far, and the share of them handled cooperatively (M1).
OutcomeBlock incidents_outcomes() {
  OutcomeBlock block{"incidents",
                     {{"incidents", Aggregate::sum}, {"incidents_cooperative", Aggregate::hidden}}};
  block.fill = each_parent<incident_values>;
  block.ratios = {{"incident_cooperation", 1, 0}};
  return block;
}

}  // namespace village::parent_support
