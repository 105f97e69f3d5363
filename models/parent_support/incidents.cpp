#include "models/parent_support/incidents.hpp"

#include <algorithm>
#include <cmath>

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> IncidentParams::specs() {
  const std::string seed = "seed 000 tip 1; seed 002 sec. 1; magnitude: assumption, swept";
  return {
      share_param("incident_rate", 0.1, "probability per household per year", "M1", seed,
                  "yearly chance of a worrying event (substance use, truancy, a fight) in a "
                  "household without vulnerability factors"),
      real_param("incident_vulnerability", 0.5, 0, 10, "relative increase per factor", "M1, M15",
                 "seed 001 intro (vulnerable parents: more stress); assumption, swept",
                 "relative increase of the incident rate per vulnerability factor"),
      integer_param("incidents_from_week", 0, 0, 1e6, "week", "M1", seed,
                    "first week in which incidents happen (to study contact invested before "
                    "them)"),
      share_param("cooperation_floor", 0.2, "probability", "M1", seed,
                  "chance of a cooperative conversation after an incident at zero trust"),
      share_param("cooperation_ceiling", 0.9, "probability", "M1", seed,
                  "chance of a cooperative conversation after an incident at full trust"),
      share_param("incident_contact_quality", 0.5, "quality", "M1", seed,
                  "quality of a cooperative conversation as a contact (M2)"),
      share_param("incident_trust_loss", 0.2, "share of trust", "M1", seed,
                  "share of the trust lost after an uncooperative conversation"),
      share_param("no_tie_trust", 0.5, "multiple of institutional trust", "M1", "assumption, swept",
                  "trust brought to an incident conversation by a parent with no professional "
                  "tie, as a multiple of institutional trust"),
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

}  // namespace village::parent_support
