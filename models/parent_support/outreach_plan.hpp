#pragma once
// The [outreach] table: the window of proactive outreach, how professionals work today,
// and every intervention's part (each declared in its file in interventions/), window,
// prices and the budget (interventions.hpp). Strategies to compare build on it.

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "models/parent_support/interventions.hpp"
#include "models/parent_support/interventions/buddy_programme.hpp"
#include "models/parent_support/interventions/influencer_panel.hpp"
#include "models/parent_support/interventions/key_figure_programme.hpp"
#include "models/parent_support/interventions/newsletter.hpp"
#include "models/parent_support/interventions/parent_groups.hpp"
#include "models/parent_support/interventions/parent_network.hpp"
#include "models/parent_support/interventions/parent_support_point.hpp"
#include "models/parent_support/interventions/partnership.hpp"
#include "models/parent_support/interventions/structural_support.hpp"
#include "models/parent_support/interventions/theme_evenings.hpp"
#include "models/parent_support/interventions/training.hpp"
#include "models/parent_support/interventions/voice.hpp"
#include "models/parent_support/mechanisms/approach.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/parameters.hpp"

namespace village::parent_support {

// The parts every intervention declares in its own file (interventions/<name>.hpp);
// OutreachPlan is their union, so a mechanism reads plan.<key> whatever declared it.
template <typename... Parts>
struct PlanParts : Parts... {
  static std::vector<ParamSpec> part_specs() {
    std::vector<ParamSpec> specs;
    (append(specs, Parts::specs()), ...);
    return specs;
  }
  void read_parts(const ParamValues& values) { (Parts::read(values), ...); }
};

// One part per intervention, in catalogue order (interventions/catalogue.cpp).
using InterventionPlans =
    PlanParts<NewsletterPlan, ThemeEveningsPlan, KeyFigurePlan, PartnershipPlan, InfluencerPlan,
              ParentGroupsPlan, BuddyPlan, TrainingPlan, SupportPointPlan, ParentNetworkPlan,
              StructuralSupportPlan, VoicePlan>;

struct OutreachPlan : InterventionPlans {
  double start_week;  // proactive outreach runs in [start_week, end_week)
  double end_week;
  // How professionals work today (world parameters; issue "Credible strategies").
  bool personal_contacts;
  double inviting_share;  // M3
  Approach approach;      // M16
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
