#include "models/parent_support/volunteers.hpp"

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> VolunteerParams::specs() {
  const std::string seed = "seed 001; seed 004; magnitude: assumption, swept";
  return {
      real_param("volunteer_min_meetings", 6, 0, 1000, "meetings", "M19", seed,
                 "meetings attended before a parent may become a volunteer"),
      share_param("volunteer_min_competence", 0.6, "competence", "M19", seed,
                  "competence a parent needs to become a volunteer"),
      share_param("volunteer_rate", 0.02, "probability per week", "M19", seed,
                  "chance per week that an eligible parent becomes a volunteer"),
      real_param("networks_per_1000", 0.5, 0, 1000, "per 1000 households", "M20", seed,
                 "parent networks per 1000 households (at least one when switched on)"),
      share_param("driver_leave_rate", 0.3, "probability per year", "M20",
                  "seed 004 (the child leaves school, burnout); assumption, swept",
                  "yearly chance that a network's driving parent withdraws"),
      share_param("support_recruit_rate", 0.15, "probability per week", "M20", seed,
                  "with structural support, chance per week of finding a new driver"),
      share_param("member_loss_rate", 0.1, "share per week", "M20", seed,
                  "without a driver and without structural support, share of members who "
                  "leave a week"),
      real_param("network_min_members", 3, 0, 1e6, "members", "M20", seed,
                 "members a network needs to live without a driver"),
      share_param("network_join_rate", 0.05, "probability per year", "M20", seed,
                  "yearly chance that a parent of the network's neighbourhood joins it"),
      real_param("support_point_pull", 2, 1, 100, "multiple of the join rate", "M6, M20, M21",
                 "seed 004 (parent support point); assumption, swept",
                 "multiple of the join rate with a parent support point"),
      share_param("buddy_strength", 0.6, "strength", "M19", "seed 004 (parent buddies); assumption",
                  "strength (and baseline) of the tie between a buddy and the parent it "
                  "supports"),
  };
}

VolunteerParams VolunteerParams::from(const ParamValues& values) {
  return {values.real("volunteer_min_meetings"), values.real("volunteer_min_competence"),
          values.real("volunteer_rate"),         values.real("networks_per_1000"),
          values.real("driver_leave_rate"),      values.real("support_recruit_rate"),
          values.real("member_loss_rate"),       values.real("network_min_members"),
          values.real("network_join_rate"),      values.real("support_point_pull"),
          values.real("buddy_strength")};
}

}  // namespace village::parent_support
