// Training of professionals (M3, M22; seed 002 secs. 2-3): in its first week, the
// professionals it reaches (training_capacity of them, 0: all) gain
// training_competence_gain of collaboration competence, which every later contact of
// theirs uses (mechanisms/trust.cpp, mechanisms/groups.cpp).

#include "models/parent_support/interventions/training.hpp"

#include <algorithm>
#include <numeric>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

bool training_week(const Week& week) {
  return static_cast<double>(week.week) == week.params.plan.first_week(Intervention::training);
}

// How many are trained: training_capacity professionals (0: all); who, is decided in the
// training week (choose_trainees).
void initialize(Week& week) {
  const double capacity = week.params.plan.training_capacity;
  auto& trainees = week.state.write<Column::trainees>();
  trainees.resize(week.view.professionals.size());
  std::iota(trainees.begin(), trainees.end(), NodeId{0});
  if (capacity > 0 && capacity < static_cast<double>(trainees.size()))
    trainees.resize(static_cast<std::size_t>(capacity));
  week.state.write<Column::professional_competence>() = week.view.competence;
}

Use most_use(Week& week) {
  if (!training_week(week)) return {};
  const auto professionals = static_cast<double>(week.state.read<Column::trainees>().size());
  return {week.params.plan.training_hours * professionals, professionals, 0};
}

// The trainees: with training_capacity, the professionals with the largest caseloads in
// the training week (the most parents reached per professional trained; caseloads grow
// as parents are introduced), ties by id.
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
  if (!runs(week.state.read<Column::running>(), Intervention::training) || !training_week(week))
    return;
  const OutreachPlan& plan = week.params.plan;
  auto& trainees = week.state.write<Column::trainees>();
  auto& competence = week.state.write<Column::professional_competence>();
  choose_trainees(week, trainees);
  for (NodeId k : trainees)
    competence[k] = std::min(1.0, competence[k] + plan.training_competence_gain);
  const auto professionals = static_cast<double>(trainees.size());
  week.state.write<Column::hours>().training += plan.training_hours * professionals;
  week.state.write<Column::spending>().charge(
      Intervention::training, {plan.training_hours * professionals, professionals, 0});
}

}  // namespace

std::vector<ParamSpec> TrainingPlan::specs() {
  std::vector<ParamSpec> specs = bought(
      {flag_param("training", false, "M3, M22", "seed 004 (collaboration competences)",
                  "professionals are trained in tone and collaboration"),
       integer_param("training_capacity", 0, 0, 1e6, "professionals", "M22", "scenario",
                     "most professionals trained, those with the largest caseloads first "
                     "(0: every professional)"),
       plausible(real_param("training_hours", 16, 0, 400, "hours per professional", "M22",
                            "assumption, swept",
                            "hours of training per professional, spent in the first outreach week"),
                 8, 24, "judgement: a one- to three-day course")});
  // What a course changes in a professional is a property of the world, not of the order.
  specs.insert(
      specs.begin() + 1,
      plausible(
          share_param("training_competence_gain", 0.15, "competence", "M22", "assumption, swept",
                      "gain in collaboration competence (capped at 1) from the training"),
          0.05, 0.3,
          "judgement: training changes practice modestly; from a small to a moderate gain"));
  specs[1].changed_by = "training_capacity or training_hours (how much training is bought)";
  return specs;
}

void TrainingPlan::read(const ParamValues& values) {
  training = values.flag(outreach_key("training"));
  training_competence_gain = values.real(outreach_key("training_competence_gain"));
  training_hours = values.real(outreach_key("training_hours"));
  training_capacity = values.real(outreach_key("training_capacity"));
}

ProgrammeSpec training_programme() {
  ProgrammeSpec spec{Intervention::training,
                     {"training", "training of professionals", "professional trained", "",
                      "M3, M22", 75, 300, 0, 2500, kTrainingRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::trainees}), {}, {}};
  spec.setup = {{}, columns({Column::trainees, Column::professional_competence}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.training; };
  return spec;
}

StepInfo training_step() {
  return {"training",
          StepKind::intervention,
          "M3, M22",
          "seed 002 secs. 2-3",
          "in its first week, the training raises the trainees' competence",
          {columns({Column::running, Column::caseload}),
           columns({Column::trainees, Column::professional_competence, Column::hours,
                    Column::spending}),
           columns({Column::caseload})},
          nullptr,
          train};
}

}  // namespace village::parent_support
