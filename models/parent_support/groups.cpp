#include "models/parent_support/groups.hpp"

#include <algorithm>

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> GroupParams::specs() {
  const std::string seed = "seed 001 ch. 2-3; seed 000 tip 5; magnitude: assumption, swept";
  return {
      share_param("attend_base", 0.25, "probability", "M8", seed,
                  "chance to attend a meeting before trust, need and peers"),
      share_param("attend_trust", 0.4, "probability per unit trust", "M8", seed,
                  "increase per unit of trust in the facilitator"),
      share_param("attend_need", 0.3, "probability per unit stress", "M8", seed,
                  "increase per unit of stress (need, and the relaxation hoped for)"),
      share_param("attend_peers", 0.3, "probability per share of friends", "M8", seed,
                  "increase per share of support ties who attended the last meeting"),
      share_param("attend_distance", 0.2, "probability", "M8",
                  "seed 001 (walking or cycling distance)",
                  "decrease when the group meets outside the parent's neighbourhood"),
      share_param("attend_cost", 0.05, "probability per euro", "M8",
                  "seed 001 (low or no fees); assumption, swept",
                  "decrease per euro of fee per meeting (doubled for vulnerable parents)"),
      share_param("first_attendance", 0.25, "multiple", "M8",
                  "seed 000 tip 5; Chacko et al. 2016 (at least 25% never enrol); swept",
                  "multiple of the attendance chance for a parent's first meeting"),
      share_param("dropout_base", 0.15, "probability per meeting", "M9, M10",
                  "Chacko et al. 2016 (26% of starters drop out); swept",
                  "chance of dropping out after a meeting, with no group feeling, at the "
                  "optimal structure"),
      share_param("structure_optimum", 0.5, "structure", "M9",
                  "seed 001 ch. 2 (structure plus autonomy)",
                  "structure at which dropout is lowest"),
      real_param("structure_penalty", 1, 0, 10, "relative dropout increase", "M9",
                 "seed 001 ch. 2; assumption, swept",
                 "relative increase of dropout at structure 0 or 1"),
      share_param("feeling_gain", 0.25, "share of the gap", "M10", seed,
                  "growth of group feeling per meeting, times skill and likeness"),
      share_param("voice_fit_gain", 0.2, "relative attendance increase", "M21",
                  "seed 004; seed 000 tip 4; assumption, swept",
                  "relative increase of attendance with a parent panel or survey"),
      share_param("volunteer_skill", 0.5, "skill", "M19", "seed 001; assumption, swept",
                  "facilitation skill of a volunteer parent (a professional's is its "
                  "competence)"),
  };
}

GroupParams GroupParams::from(const ParamValues& values) {
  // Designated initializers: a field added to the struct cannot shift the others.
  return {
      .attend_base = values.real("attend_base"),
      .attend_trust = values.real("attend_trust"),
      .attend_need = values.real("attend_need"),
      .attend_peers = values.real("attend_peers"),
      .attend_distance = values.real("attend_distance"),
      .attend_cost = values.real("attend_cost"),
      .first_attendance = values.real("first_attendance"),
      .dropout_base = values.real("dropout_base"),
      .structure_optimum = values.real("structure_optimum"),
      .structure_penalty = values.real("structure_penalty"),
      .feeling_gain = values.real("feeling_gain"),
      .voice_fit_gain = values.real("voice_fit_gain"),
      .volunteer_skill = values.real("volunteer_skill"),
  };
}

double GroupParams::dropout(double feeling, double structure) const {
  const double off = (structure - structure_optimum) / 0.5;
  return std::clamp(dropout_base * (1.0 - feeling) * (1.0 + structure_penalty * off * off), 0.0,
                    1.0);
}

}  // namespace village::parent_support
