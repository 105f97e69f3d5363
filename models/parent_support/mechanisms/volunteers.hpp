#pragma once
// M19, M20: volunteers and fragile parent networks (seed 001: parents who grew become
// volunteers, experts by experience; seed 004: regional parent networks collapse when a
// driving parent withdraws unless they have structural professional support).
// A parent who has attended at least volunteer_min_meetings meetings and whose
// competence is at least volunteer_min_competence becomes a volunteer with probability
// volunteer_rate a week; volunteers can facilitate groups and drive parent networks.
// A parent network (outreach.parent_network, one per networks_per_1000 households, at
// least one) has a driving parent, who leaves with the weekly probability of
// driver_leave_rate a year (the child leaves school, burnout). Members meet every
// network_interval_weeks (a meeting as in groups.hpp, facilitated by the driver). With
// structural support (outreach.structural_support) a professional finds a new driver
// among the members with probability support_recruit_rate a week; without, members
// leave at member_loss_rate a week while there is no driver, and no new member joins. A
// network lives while it has a driver or at least network_min_members members.
// Members join from the parents of its neighbourhood with network_join_rate a year
// (times support_point_pull for a parent who has visited the parent support point).
// In a buddy programme (outreach.buddy_programme) each volunteer is matched, one a week,
// with vulnerable parents of its neighbourhood up to buddies_per_volunteer, in the order
// of outreach.buddy_targeting (parent_targeting.hpp); a buddy tie
// has strength and baseline buddy_strength, so it lasts while the programme runs.

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct VolunteerParams {
  double min_meetings;
  double min_competence;
  double volunteer_rate;
  double networks_per_1000;
  double driver_leave_rate;
  double support_recruit_rate;
  double member_loss_rate;
  double min_members;
  double join_rate;
  double support_point_pull;
  double buddy_strength;

  static std::vector<ParamSpec> specs();
  static VolunteerParams from(const ParamValues& values);
};

}  // namespace village::parent_support
