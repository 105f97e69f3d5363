#include "models/parent_support/support.hpp"

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> SupportParams::specs() {
  const std::string seed = "seed 001 ch. 4; magnitude: assumption, swept";
  return {
      share_param("tie_initial_strength", 0.5, "strength", "M11", seed,
                  "strength of a tie formed at a meeting"),
      share_param("tie_refresh", 0.3, "share of the gap", "M11", seed,
                  "share of the gap to full strength closed when the two meet again or one "
                  "supports the other"),
      share_param("tie_decay", 0.01, "share per week", "M11", seed,
                  "share of a meeting-formed tie's strength lost in a week without contact "
                  "(0.01: half-life about 69 weeks)"),
      share_param("support_threshold", 0.3, "strength", "M11, M12", "assumption, swept",
                  "strength from which a tie counts as a support tie"),
      real_param("ties_per_meeting", 1, 0, 20, "new ties per attendee per meeting", "M11", seed,
                 "co-attendees each attendee gets to know at a meeting (two mothers who met "
                 "in the group now hold each other's keys)"),
      share_param("ask_rate", 0.3, "probability at full stress", "M12", seed,
                  "chance per week that a parent asks a support tie for help, times stress"),
      share_param("practical_share", 0.7, "share of requests", "M12", seed,
                  "share of requests for practical help (asked far more readily than advice)"),
      share_param("emotional_share", 0.2, "share of requests", "M12", seed,
                  "share of requests for emotional support; the rest ask for advice"),
      real_param("support_capacity", 2, 0, 50, "requests per giver per week", "M12", seed,
                 "requests a parent can grant in a week"),
      share_param("practical_relief", 0.1, "share of stress", "M12", seed,
                  "share of stress relieved by practical help"),
      share_param("emotional_relief", 0.15, "share of stress", "M12", seed,
                  "share of stress relieved by emotional support"),
      share_param("informational_relief", 0.05, "share of stress", "M12", seed,
                  "share of stress relieved by advice (which also teaches, M13)"),
  };
}

SupportParams SupportParams::from(const ParamValues& values) {
  return {values.real("tie_initial_strength"),
          values.real("tie_refresh"),
          values.real("tie_decay"),
          values.real("support_threshold"),
          values.real("ties_per_meeting"),
          values.real("ask_rate"),
          values.real("practical_share"),
          values.real("emotional_share"),
          values.real("support_capacity"),
          {values.real("practical_relief"), values.real("emotional_relief"),
           values.real("informational_relief")}};
}

}  // namespace village::parent_support
