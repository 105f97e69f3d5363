// The two ledger steps of the week (interventions.hpp, ODD 7.25): at its start the
// week's ledgers are cleared and every scheduled intervention reserves the most its
// week can cost, in catalogue order; at its end each charges what it charges for the
// week as a whole and the unspent reservations are released.

#include <fmt/format.h>

#include <array>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/outcomes.hpp"

namespace village::parent_support {

namespace {

// The union of every intervention's reserve (or close) columns.
Columns programme_columns(Columns ProgrammeSpec::*part) {
  Columns all;
  for (const ProgrammeSpec& programme : programme_catalogue()) {
    all.reads |= (programme.*part).reads;
    all.writes |= (programme.*part).writes;
  }
  return all;
}

void reserve_week(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  week.state.write<Column::hours>() = {};
  week.state.write<Column::contact_book>().contacts.clear();
  Spending& spending = week.state.write<Column::spending>();
  spending.begin_week(week.week);
  for (const ProgrammeSpec& programme : programme_catalogue()) {
    if (programme.prepare != nullptr) programme.prepare(week);
  }
  for (const ProgrammeSpec& programme : programme_catalogue()) {
    if (plan.scheduled(programme.id, week.week))
      spending.reserve(programme.id, programme.most_use(week));
  }
  auto& running = week.state.write<Column::running>();
  for (const ProgrammeSpec& programme : programme_catalogue())
    running[static_cast<std::size_t>(programme.id)] = spending.running(programme.id);
}

void close_week(Week& week) {
  for (const ProgrammeSpec& programme : programme_catalogue()) {
    if (programme.close_week != nullptr && runs(week.state.read<Column::running>(), programme.id))
      programme.close_week(week);
  }
  week.state.write<Column::spending>().end_week();
}

}  // namespace

// Reservations see the state as the week begins: the columns later steps change are
// read as before them (the order check confirms the list).
StepInfo budget_step() {
  const Columns reserve = programme_columns(&ProgrammeSpec::reserve);
  return {"budget",
          StepKind::ledger,
          "",
          "interventions.hpp",
          "the week's ledgers are cleared; every scheduled intervention reserves its week",
          {reserve.reads,
           reserve.writes |
               columns({Column::hours, Column::contact_book, Column::spending, Column::running}),
           reserve.reads & ~columns({Column::membership, Column::school_parents})},
          nullptr,
          reserve_week};
}

StepInfo ledger_close_step() {
  const Columns close = programme_columns(&ProgrammeSpec::close);
  return {
      "close_week",
      StepKind::ledger,
      "",
      "interventions.hpp",
      "interventions charge their week as a whole; unspent reservations are released",
      {close.reads | columns({Column::running}), close.writes | columns({Column::spending}), {}},
      nullptr,
      close_week};
}

namespace {

// Meetings due so far in the run, and those that could not take place, by reason:
// nothing is skipped silently (the run command warns once when any was).
void record_meetings(const Spending& spending, Observation& observation) {
  constexpr std::array<std::pair<MeetingSkip, const char*>, kMeetingSkipCount> kReasons{{
      {MeetingSkip::no_facilitator, "meetings_skipped_no_facilitator"},
      {MeetingSkip::no_hours, "meetings_skipped_no_hours"},
      {MeetingSkip::no_driver, "meetings_skipped_no_driver"},
      {MeetingSkip::no_budget, "meetings_skipped_no_budget"},
  }};
  observation.record("meetings_scheduled", "all", static_cast<double>(spending.meetings_due()));
  observation.record("meetings_skipped", "all", static_cast<double>(spending.meetings_skipped()));
  for (const auto& [why, name] : kReasons)
    observation.record(name, "all", static_cast<double>(spending.meetings_skipped(why)));
}

// The week's spending by intervention switched on, in all, and with a budget what is left
// and which it stopped (interventions.hpp).
void record_spending(const State& st, const ModelParams& params, Observation& observation) {
  for (std::size_t index = 0; index < kInterventionCount; ++index) {
    const auto i = static_cast<Intervention>(index);
    if (!params.plan.switched_on(i)) continue;
    observation.record(fmt::format("euros_{}", info(i).name), "all", st.spending.week_euros(i));
    if (st.spending.capped())
      observation.record(fmt::format("stopped_{}", info(i).name), "all",
                         st.spending.stopped(i) ? 1.0 : 0.0);
  }
  observation.record("euros_total", "all", st.spending.week_total());
  if (st.spending.capped())
    observation.record("budget_left", "all", st.spending.budget() - st.spending.spent());
  record_meetings(st.spending, observation);
}

}  // namespace

OutcomeBlock budget_outcomes() {
  OutcomeBlock block{"budget", {}};
  block.record_week = record_spending;
  return block;
}

}  // namespace village::parent_support
