// Training of professionals (M3, M22; seed 002 secs. 2-3): in its first week, the
// professionals it reaches (training_capacity of them, 0: all) gain
// training_competence_gain of collaboration competence, which every later contact of
// theirs uses (mechanisms/trust.cpp, mechanisms/groups.cpp).

#include <algorithm>
#include <numeric>

#include "models/parent_support/interventions/programme.hpp"

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

ProgrammeSpec training_programme() {
  ProgrammeSpec spec{Intervention::training,
                     {"training", "training of professionals", "professional trained", "",
                      "M3, M22", 75, 300, 0, 2500, kTrainingRates}};
  spec.most_use = most_use;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::trainees}), {}, {}};
  spec.setup = {{}, columns({Column::trainees, Column::professional_competence}), {}};
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
