#pragma once
// The interventions a strategy combines (seeds digest, "Interventions"), and what every
// one of them has: a window of weeks, a cost model in euros and a place in the budget.
//
// Window: intervention i runs in the weeks w with
//   max(start_week, <i>_start_week) <= w < min(end_week, <i>_end_week)
// ([outreach] start_week and end_week bound every programme); its schedule (every n
// weeks) counts from the first of those weeks.
// Cost: what i uses in a week is priced as
//   hours x <i>_euros_per_hour + contacts x <i>_euros_per_contact
//   + meetings x <i>_euros_per_meeting,
// plus <i>_fixed_euros (set-up) in its first week. Hours are the professional and
// programme hours it takes; a contact and a meeting are what the catalogue below names
// for it (a visit, an issue, a group meeting, ...).
// Budget (budget_euros > 0): at the start of each week, every intervention due to run
// reserves the most its week can cost, in catalogue order; one that cannot reserve it
// from what is left stops for the rest of the run. What it actually spends is charged
// against its reservation and the rest is released at the end of the week, so the
// spending never exceeds the budget (ODD.md 7.25).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

enum class Intervention : std::uint8_t {
  newsletter = 0,
  theme_evenings,
  key_figure_programme,
  partnership,
  influencer_panel,
  parent_groups,
  buddy_programme,
  training,
  parent_support_point,
  parent_network,
  structural_support,
  voice,
};
inline constexpr std::size_t kInterventionCount = 12;

struct InterventionInfo {
  std::string_view name;     // key prefix and metric suffix: euros_<name>
  std::string_view label;    // plain language, for reports
  std::string_view contact;  // what one contact is
  std::string_view meeting;  // what one meeting is ("" when it holds none)
  std::string_view mechanisms;
  double euros_per_hour;  // defaults
  double euros_per_contact;
  double euros_per_meeting;
  double fixed_euros;
  std::string_view cost_source;
};

// The price source most interventions share, and the training's.
inline constexpr std::string_view kStandardRates =
    "assumption, swept: 75 euros per professional hour and 60 per programme hour (Dutch "
    "municipal rates of the order of CAO Gemeenten scale 9-10 plus overhead)";
inline constexpr std::string_view kTrainingRates =
    "assumption, swept: the course hours (training_hours) of each professional at 75 euros, "
    "150 euros a participant for materials, and 600 euros a session and group for an "
    "external trainer and room; no seed gives a price";

// Every intervention's info, in enum order, from its file in interventions/.
const std::array<InterventionInfo, kInterventionCount>& intervention_catalogue();
const InterventionInfo& info(Intervention intervention);

// What an intervention uses in a week.
struct Use {
  double hours = 0;
  double contacts = 0;
  double meetings = 0;
  Use& operator+=(const Use& other) {
    hours += other.hours;
    contacts += other.contacts;
    meetings += other.meetings;
    return *this;
  }
};

struct InterventionTerms {
  double start_week = 0;
  double end_week = 1e6;
  double euros_per_hour = 0;
  double euros_per_contact = 0;
  double euros_per_meeting = 0;
  double fixed_euros = 0;

  double price(const Use& use) const {
    return use.hours * euros_per_hour + use.contacts * euros_per_contact +
           use.meetings * euros_per_meeting;
  }
};

// The [outreach] keys of every intervention's window and costs (without the prefix).
std::vector<ParamSpec> intervention_term_specs();
// Reads them from "outreach.<key>" values.
std::array<InterventionTerms, kInterventionCount> read_intervention_terms(
    const ParamValues& values);

// Why a meeting that was due did not take place. Each is counted (the outcomes
// meetings_scheduled, meetings_skipped and meetings_skipped_<why>), never silent.
enum class MeetingSkip : std::uint8_t {
  no_facilitator,  // no professional who facilitates groups works in its neighbourhood
  no_hours,        // its facilitator had no group hours left that week
  no_driver,       // a parent network without its driver and without structural support
  no_budget,       // its programme stopped for lack of budget
};
inline constexpr std::size_t kMeetingSkipCount = 4;

// The weeks' spending and the budget (see the top of this file). One per run.
class Spending {
 public:
  Spending() = default;
  Spending(const std::array<InterventionTerms, kInterventionCount>& terms, double budget_euros)
      : terms_(terms), budget_(budget_euros) {}

  // Start of a week: clears the week's figures.
  void begin_week(std::uint64_t week);
  // Reserves the most intervention i can cost this week (its fixed cost included the
  // first time). False, and i stops for good, when the budget left cannot cover it.
  bool reserve(Intervention i, const Use& most);
  // Charges what i used (at most what it reserved).
  void charge(Intervention i, const Use& used);
  // End of the week: releases what was reserved and not spent.
  void end_week();

  // Whether i reserved its week (it runs this week).
  bool running(Intervention i) const { return running_[index(i)] != 0; }
  bool stopped(Intervention i) const { return stop_week_[index(i)] >= 0; }
  // The week i stopped for lack of budget, or -1.
  std::int64_t stop_week(Intervention i) const { return stop_week_[index(i)]; }
  double week_euros(Intervention i) const { return week_euros_[index(i)]; }
  const Use& week_use(Intervention i) const { return week_use_[index(i)]; }
  double week_total() const;
  double spent() const { return spent_; }
  bool capped() const { return budget_ > 0; }
  double budget() const { return budget_; }

  // Every meeting due is held or skipped for a reason; counted over the whole run.
  void meeting_held() { ++meetings_due_; }
  void meeting_skipped(MeetingSkip why) {
    ++meetings_due_;
    ++skipped_[static_cast<std::size_t>(why)];
  }
  std::uint64_t meetings_due() const { return meetings_due_; }
  std::uint64_t meetings_skipped(MeetingSkip why) const {
    return skipped_[static_cast<std::size_t>(why)];
  }
  std::uint64_t meetings_skipped() const {
    std::uint64_t all = 0;
    for (const std::uint64_t n : skipped_)
      all += n;
    return all;
  }

 private:
  static std::size_t index(Intervention i) { return static_cast<std::size_t>(i); }

  std::array<InterventionTerms, kInterventionCount> terms_{};
  double budget_ = 0;  // 0: no cap
  double spent_ = 0;
  double reserved_ = 0;
  std::uint64_t week_ = 0;
  std::array<double, kInterventionCount> reserved_by_{};
  std::array<double, kInterventionCount> week_euros_{};
  std::array<Use, kInterventionCount> week_use_{};
  std::array<std::uint8_t, kInterventionCount> started_{};
  std::array<std::uint8_t, kInterventionCount> running_{};
  std::uint64_t meetings_due_ = 0;
  std::array<std::uint64_t, kMeetingSkipCount> skipped_{};
  std::array<std::int64_t, kInterventionCount> stop_week_ = [] {
    std::array<std::int64_t, kInterventionCount> weeks{};
    weeks.fill(-1);
    return weeks;
  }();
};

}  // namespace village::parent_support
