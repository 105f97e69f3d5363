// M3, M16, M22: each professional's practice, its start at current practice, its
// learning in training sessions and its fading (practice.hpp).

#include "models/parent_support/mechanisms/practice.hpp"

#include <algorithm>

#include "models/parent_support/outreach_plan.hpp"

namespace village::parent_support {

namespace {

struct PracticeColumns {
  Reals& inviting;
  Reals& matching;
  Reals& responsiveness;
  Reals& competence;

  static PracticeColumns of(Week& week) {
    return {week.state.write<Column::professional_inviting>(),
            week.state.write<Column::professional_matching>(),
            week.state.write<Column::professional_responsiveness>(),
            week.state.write<Column::professional_competence>()};
  }
  std::array<double*, kPracticeCount> at(NodeId k) {
    return {&inviting[k], &matching[k], &responsiveness[k], &competence[k]};
  }
};

void start_practice(Week& week) {
  PracticeColumns practice = PracticeColumns::of(week);
  for (NodeId k = 0; k < week.view.professionals.size(); ++k) {
    const auto start = practice_start(week, k);
    const auto values = practice.at(k);
    for (std::size_t i = 0; i < kPracticeCount; ++i)
      *values[i] = start[i];
  }
}

// What was learnt fades toward each professional's start; the untrained stay there.
void fade(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  if (!plan.training || plan.training_fade <= 0) return;
  PracticeColumns practice = PracticeColumns::of(week);
  for (NodeId k = 0; k < week.view.professionals.size(); ++k) {
    const auto start = practice_start(week, k);
    const auto values = practice.at(k);
    for (std::size_t i = 0; i < kPracticeCount; ++i)
      *values[i] -= plan.training_fade * (*values[i] - start[i]);
  }
}

}  // namespace

std::array<double, kPracticeCount> practice_start(const Week& week, NodeId k) {
  const OutreachPlan& plan = week.params.plan;
  return {plan.inviting_share, plan.approach == Approach::matched ? 1.0 : 0.0,
          week.view.cultural_responsiveness[k], week.view.competence[k]};
}

std::array<double, kPracticeCount> practice_trained(const Week& week, NodeId k) {
  const OutreachPlan& plan = week.params.plan;
  const auto start = practice_start(week, k);
  const std::array<double, kPracticeCount> level{
      plan.trained_inviting_share, plan.trained_matching,
      std::min(1.0, start[2] + plan.training_responsiveness_gain),
      std::min(1.0, start[3] + plan.training_competence_gain)};
  std::array<double, kPracticeCount> trained{};
  for (std::size_t i = 0; i < kPracticeCount; ++i)
    trained[i] = std::max(start[i], level[i]);
  return trained;
}

void learn_in_session(Week& week, NodeId k) {
  const double rate = week.params.plan.training_learning_rate;
  const auto trained = practice_trained(week, k);
  PracticeColumns practice = PracticeColumns::of(week);
  const auto values = practice.at(k);
  for (std::size_t i = 0; i < kPracticeCount; ++i)
    *values[i] += rate * (trained[i] - *values[i]);
}

StepInfo practice_step() {
  const ColumnSet owned =
      columns({Column::professional_inviting, Column::professional_matching,
               Column::professional_responsiveness, Column::professional_competence});
  StepInfo step{"practice",
                StepKind::mechanism,
                "M3, M16, M22",
                "seed 002 secs. 2-5; Heaven et al. 2006",
                "what professionals learnt in training fades toward their current practice",
                {{}, owned, {}},
                start_practice,
                fade};
  return step;
}

}  // namespace village::parent_support
