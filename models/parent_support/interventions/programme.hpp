#pragma once
// What an intervention is (interventions.hpp has the window, prices and budget every one
// shares, and Spending, which runs them): its price list, the mechanisms it acts
// through, the columns it declares, and how it reserves and charges its week. Its
// delivery in the week, if any, is a step of the schedule (schedule.cpp).

#include "models/parent_support/interventions.hpp"
#include "models/parent_support/mechanism.hpp"

namespace village::parent_support {

struct ProgrammeSpec {
  Intervention id;
  InterventionInfo info;  // label, what a contact and a meeting are, default prices
  // Whether the scenario's plan switches it on.
  bool (*switched_on)(const OutreachPlan& plan) = nullptr;
  // The most it can use this week, reserved against the budget when it is scheduled.
  Use (*most_use)(Week& week) = nullptr;
  // Before the week's reservations: choices the reservation depends on (key figures).
  void (*prepare)(Week& week) = nullptr;
  // After the week's steps: what it charges for the week as a whole.
  void (*close_week)(Week& week) = nullptr;
  // Week 0: what it sets up (whom groups invite, say).
  void (*initialize)(Week& week) = nullptr;
  // The columns of prepare and most_use (run in the budget step), of close_week (in the
  // closing step) and of initialize.
  Columns reserve, close, setup;
};

// Every intervention, in catalogue (enum) order (interventions/catalogue.cpp).
const std::vector<ProgrammeSpec>& programme_catalogue();

// Whether intervention i reserved this week's budget (it runs this week).
inline bool runs(const RunningFlags& running, Intervention i) {
  return running[static_cast<std::size_t>(i)] != 0;
}

}  // namespace village::parent_support
