#pragma once
// The [outreach] table: which outreach a scenario switches on, how much of it, and in
// what tone and approach. Part 1 of the model runs one plan per scenario; strategies
// to compare build on it. Every intervention has its own window of weeks and cost model,
// and a budget can cap the spending (interventions.hpp).

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "models/parent_support/interventions.hpp"
#include "models/parent_support/mechanisms/approach.hpp"
#include "sim/parameters.hpp"

namespace village::parent_support {

struct OutreachPlan {
  double start_week;  // proactive outreach runs in [start_week, end_week)
  double end_week;
  bool personal_contacts;
  double inviting_share;             // M3
  Approach approach;                 // M16
  double newsletter_interval_weeks;  // 0: no newsletter (M4)
  double newsletter_hours_per_issue;
  bool key_figure_programme;  // M5
  double key_figure_visits_per_week;
  double key_figure_coordination_hours;
  bool partnership;  // M6, M7
  double conversation_interval_weeks;
  std::array<double, 4> conditions;  // mutual trust, shared goals, clear roles, equality
  bool influencer_panel;             // M4
  double influencer_posts_per_week;
  double influencer_coordination_hours;
  // Part 2.
  bool parent_groups;  // M8-M11, M13, M14
  double groups_per_1000;
  double group_size;
  double group_invited;
  double group_interval_weeks;
  double group_sessions;
  bool group_like_minded;
  double group_structure;
  bool volunteer_facilitators;
  double group_hours;
  double group_fee_euros;
  double maintenance_interval_weeks;  // 0: none
  bool theme_evenings;                // M1, M8, M17
  double theme_evening_interval_weeks;
  double theme_evening_hours;
  bool parent_network;  // M19, M20
  bool structural_support;
  double network_support_hours;
  double network_interval_weeks;
  bool parent_support_point;  // M6, M20, M21
  double support_point_hours;
  bool voice;  // M21
  double voice_interval_weeks;
  double voice_hours_per_meeting;
  bool training;  // M3, M22
  double training_competence_gain;
  double training_hours;
  double training_capacity;  // 0: every professional
  bool buddy_programme;      // M19
  double buddies_per_volunteer;
  double buddy_coordination_hours;
  // Who a key-figure programme enrols (key_figure_targeting.hpp).
  std::string key_figure_targeting;
  double key_figure_capacity;        // 0: every key figure
  double key_figure_reselect_weeks;  // 0: chosen once
  // Whom parent groups invite and volunteers buddy first (parent_targeting.hpp).
  std::string group_targeting;
  std::string buddy_targeting;
  // Windows and costs of every intervention, and the budget (0: no cap).
  std::array<InterventionTerms, kInterventionCount> terms;
  double budget_euros;

  // Declarations of the [outreach] keys (without the "outreach." prefix).
  static std::vector<ParamSpec> specs();
  // Reads the "outreach.<key>" values.
  static OutreachPlan from(const ParamValues& values);

  bool active(std::uint64_t week) const {
    const auto w = static_cast<double>(week);
    return w >= start_week && w < end_week;
  }
  bool switched_on(Intervention i) const;
  const InterventionTerms& terms_of(Intervention i) const {
    return terms[static_cast<std::size_t>(i)];
  }
  // The first week of i's window, from which its schedule counts.
  double first_week(Intervention i) const { return std::max(start_week, terms_of(i).start_week); }
  // Whether i is switched on and week lies in its window.
  bool scheduled(Intervention i, std::uint64_t week) const;
  // Whether a schedule of one event every `interval` weeks, shifted by offset, has one in
  // week (counted from i's first week).
  bool due(Intervention i, std::uint64_t week, double interval, double offset = 0) const;
};

inline constexpr const char* kOutreachTable = "outreach";

}  // namespace village::parent_support
