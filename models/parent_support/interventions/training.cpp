// Training of professionals (M3, M16, M22; seed 002 secs. 2-5): a course of
// training_sessions sessions, every training_session_interval_weeks from its first week,
// for training_capacity professionals (0: all; those with the largest caseloads when the
// course starts), and after it a refresher session every training_refresher_weeks (0:
// none). Each session moves the trainees' practice toward its trained level
// (mechanisms/practice.hpp); between sessions it fades. Priced per trainee (enrolment:
// materials), per session and group of training_group_size (the trainer) and per hour.

#include "models/parent_support/interventions/training.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/mechanisms/practice.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

enum class Session : std::uint8_t { none, first, course, refresher };

Session session_in(const Week& week) {
  const OutreachPlan& plan = week.params.plan;
  const double since = static_cast<double>(week.week) - plan.first_week(Intervention::training);
  if (since < 0) return Session::none;
  const double interval = plan.training_session_interval_weeks;
  const double course_end = (plan.training_sessions - 1) * interval;
  if (since <= course_end)
    return std::fmod(since, interval) != 0 ? Session::none
           : since == 0                    ? Session::first
                                           : Session::course;
  const double refresher = plan.training_refresher_weeks;
  return refresher > 0 && std::fmod(since - course_end, refresher) == 0 ? Session::refresher
                                                                        : Session::none;
}

// How many are trained: training_capacity professionals (0: all); who, is decided in the
// first session's week (choose_trainees).
void initialize(Week& week) {
  const double capacity = week.params.plan.training_capacity;
  auto& trainees = week.state.write<Column::trainees>();
  trainees.resize(week.view.professionals.size());
  std::iota(trainees.begin(), trainees.end(), NodeId{0});
  if (capacity > 0 && capacity < static_cast<double>(trainees.size()))
    trainees.resize(static_cast<std::size_t>(capacity));
}

// A session's use: each trainee's share of the course hours (a refresher as much as one
// course session), the trainees enrolled (first session) and one session per group.
Use session_use(const OutreachPlan& plan, Session session, double trainees) {
  if (session == Session::none) return {};
  const double hours = plan.training_hours / plan.training_sessions * trainees;
  const double groups = std::ceil(trainees / plan.training_group_size);
  return {hours, session == Session::first ? trainees : 0.0, groups};
}

Use most_use(Week& week) {
  const auto trainees = static_cast<double>(week.state.read<Column::trainees>().size());
  return session_use(week.params.plan, session_in(week), trainees);
}

// The trainees: with training_capacity, the professionals with the largest caseloads in
// the first session's week (the most parents reached per professional trained; caseloads
// grow as parents are introduced), ties by id.
void choose_trainees(Week& week, Agents& trainees) {
  const CommunityView& view = week.view;
  const std::size_t count = trainees.size();
  trainees.resize(view.professionals.size());
  std::iota(trainees.begin(), trainees.end(), NodeId{0});
  if (count >= trainees.size()) return;
  const CsrLayer& caseload = week.state.read<Column::caseload>();
  std::stable_sort(trainees.begin(), trainees.end(), [&](NodeId a, NodeId b) {
    return caseload.degree(view.professionals.begin + a) >
           caseload.degree(view.professionals.begin + b);
  });
  trainees.resize(count);
}

void train(Week& week) {
  if (!runs(week.state.read<Column::running>(), Intervention::training)) return;
  const Session session = session_in(week);
  if (session == Session::none) return;
  auto& trainees = week.state.write<Column::trainees>();
  if (session == Session::first) choose_trainees(week, trainees);
  for (NodeId k : trainees)
    learn_in_session(week, k);
  const Use use = session_use(week.params.plan, session, static_cast<double>(trainees.size()));
  week.state.write<Column::hours>().training += use.hours;
  week.state.write<Column::spending>().charge(Intervention::training, use);
}

}  // namespace

std::vector<ParamSpec> TrainingPlan::specs() {
  std::vector<ParamSpec> specs = bought(
      {flag_param("training", false, "M3, M16, M22", "seed 004 (collaboration competences)",
                  "professionals are trained in tone, matched approach, cultural "
                  "responsiveness and collaboration"),
       integer_param("training_capacity", 0, 0, 1e6, "professionals", "M22", "scenario",
                     "most professionals trained, those with the largest caseloads first "
                     "(0: every professional)"),
       integer_param("training_sessions", 4, 1, 100, "sessions", "M22", "scenario",
                     "sessions of the course"),
       integer_param("training_session_interval_weeks", 2, 1, 52, "weeks", "M22", "scenario",
                     "weeks between the course's sessions"),
       integer_param("training_refresher_weeks", 0, 0, 520, "weeks", "M22",
                     "scenario; Heaven et al. 2006 (transfer needs follow-up)",
                     "after the course, a refresher session every this many weeks (0: none)"),
       plausible(real_param("training_hours", 16, 0, 400, "hours per professional", "M22",
                            "assumption, swept",
                            "hours of the course per professional, spread evenly over its "
                            "sessions; a refresher takes one session's hours"),
                 8, 24, "judgement: a one- to three-day course"),
       plausible(integer_param("training_group_size", 15, 1, 1000, "professionals", "M22",
                               "assumption, swept", "trainees per trainer and session"),
                 10, 20, "judgement: skills training works in groups of ten to twenty")});
  // What a session does to a professional is a property of the world, not of the order.
  const std::string why =
      "training_capacity, training_hours, training_sessions or "
      "training_refresher_weeks (how much training is bought)";
  std::vector<ParamSpec> world{
      plausible(share_param("training_learning_rate", 0.4, "share of the gap per session", "M22",
                            "Berkhof et al. 2011 (communication training changes observed "
                            "behaviour, most with practice over sessions); magnitude: "
                            "assumption, swept",
                            "share of the gap to the trained level one session closes "
                            "(four sessions: 87%)"),
                0.2, 0.6,
                "judgement: four sessions close 59 to 97 per cent of the gap; one-off "
                "workshops change less than courses with practice"),
      plausible(share_param("trained_inviting_share", 0.85, "share of contacts", "M3",
                            "seed 000 tip 2 (tone is a skill); assumption, swept",
                            "share of inviting contacts a fully trained professional reaches "
                            "(never below the professional's own)"),
                0.7, 0.95,
                "judgement: trained professionals still lecture or control in some contacts "
                "(safety, undermining)"),
      plausible(share_param("trained_matching", 0.8, "probability", "M16",
                            "seed 002 sec. 4 (the approach is matched to the parent's type); "
                            "assumption, swept",
                            "chance a fully trained professional matches the approach to a "
                            "non-engaged parent's type"),
                0.5, 1.0, "judgement: from half of the non-engaged parents recognised to all"),
      plausible(share_param("training_responsiveness_gain", 0.15, "responsiveness", "M22",
                            "seed 002 sec. 5 (cultural responsiveness); assumption, swept",
                            "gain in cultural responsiveness (capped at 1) of a fully trained "
                            "professional"),
                0.05, 0.3,
                "judgement: a course shifts attitudes modestly; language itself is not learnt"),
      plausible(
          share_param("training_competence_gain", 0.15, "competence", "M22", "assumption, swept",
                      "gain in collaboration competence (capped at 1) of a fully "
                      "trained professional"),
          0.05, 0.3,
          "judgement: training changes practice modestly; from a small to a moderate "
          "gain"),
      plausible_log(share_param("training_fade", 0.02, "share of the gain per week", "M22",
                                "Heaven et al. 2006 (without follow-up little transfers to the "
                                "workplace); magnitude: assumption, swept",
                                "share of what was learnt lost each week (0.02: half-life "
                                "about 35 weeks)"),
                    0.008, 0.05,
                    "judgement: a half-life from about 14 weeks to 1.7 years: effects of "
                    "communication training are seen to fade over months")};
  for (ParamSpec& spec : world)
    spec.changed_by = why;
  specs.insert(specs.begin() + 1, world.begin(), world.end());
  return specs;
}

void TrainingPlan::read(const ParamValues& values) {
  training = values.flag(outreach_key("training"));
  training_capacity = values.real(outreach_key("training_capacity"));
  training_sessions = values.real(outreach_key("training_sessions"));
  training_session_interval_weeks = values.real(outreach_key("training_session_interval_weeks"));
  training_refresher_weeks = values.real(outreach_key("training_refresher_weeks"));
  training_hours = values.real(outreach_key("training_hours"));
  training_group_size = values.real(outreach_key("training_group_size"));
  training_learning_rate = values.real(outreach_key("training_learning_rate"));
  trained_inviting_share = values.real(outreach_key("trained_inviting_share"));
  trained_matching = values.real(outreach_key("trained_matching"));
  training_responsiveness_gain = values.real(outreach_key("training_responsiveness_gain"));
  training_competence_gain = values.real(outreach_key("training_competence_gain"));
  training_fade = values.real(outreach_key("training_fade"));
}

ProgrammeSpec training_programme() {
  ProgrammeSpec spec{Intervention::training,
                     {"training", "training of professionals", "professional trained", "session",
                      "M3, M16, M22", 75, 150, 600, 2500, kTrainingRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::trainees}), {}, {}};
  spec.setup = {{}, columns({Column::trainees}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.training; };
  return spec;
}

StepInfo training_step() {
  return {"training",
          StepKind::intervention,
          "M3, M16, M22",
          "seed 002 secs. 2-5; Berkhof et al. 2011",
          "each session moves the trainees' tone, approach, responsiveness and competence "
          "toward their trained level",
          {columns({Column::running, Column::caseload}),
           columns({Column::trainees, Column::professional_inviting, Column::professional_matching,
                    Column::professional_responsiveness, Column::professional_competence,
                    Column::hours, Column::spending}),
           columns({Column::caseload})},
          nullptr,
          train};
}

}  // namespace village::parent_support
