// M6, M15 (seed 001 intro; seed 003): questions parents have and bring to their most
// trusted professional; parameters and the weekly step.

#include "models/parent_support/mechanisms/help_seeking.hpp"

#include <array>
#include <cmath>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> HelpSeekingParams::specs() {
  const std::string seed = "seed 001 intro; seed 003; magnitude: assumption, swept";
  return {
      share_param("question_rate", 0.5, "probability per parent per year", "M6, M15",
                  "seed 001 intro (about half of parents have concerns to discuss)",
                  "yearly chance that a parent without vulnerability factors has a parenting "
                  "question"),
      plausible(real_param("question_vulnerability", 0.3, 0, 10, "relative increase per factor",
                           "M15", "seed 001 intro; assumption, swept",
                           "relative increase of the question rate per vulnerability factor"),
                0.15, 0.6,
                "seed 001 intro: vulnerable parents have more concerns; judgement: half to double "
                "the default"),
      plausible_log(share_param("help_base", 0.05, "probability", "M6", seed,
                                "chance of taking a question to a professional regardless of "
                                "trust"),
                    0.02, 0.1,
                    "judgement: without trust few questions reach a professional; 0.4x to double "
                    "the default"),
      plausible(share_param("help_trust_weight", 0.6, "probability per unit trust", "M6", seed,
                            "increase of that chance per unit of trust in the most trusted "
                            "professional"),
                0.4, 0.8,
                "seed 003: parents bring questions to professionals they know; judgement: 0.2 "
                "either side"),
      plausible(
          share_param("help_informal_weight", 0.3, "probability per unit participation", "M6", seed,
                      "increase per unit of informal participation, times the partnership "
                      "quality (the stepping stone)"),
          0.15, 0.5,
          "seed 003: informal talks are a stepping stone to help, no size given; judgement: "
          "half to 1.7x"),
      plausible(share_param("help_language_penalty", 0.3, "probability", "M15",
                            "seed 002 sec. 2; seed 003 (own language); assumption, swept",
                            "decrease for a parent with a language barrier, softened by informal "
                            "participation"),
                0.15, 0.5,
                "seed 002 sec. 2: limited Dutch keeps parents from standard channels; judgement: "
                "half to 1.7x"),
      plausible(share_param("question_contact_quality", 0.5, "quality", "M2, M6", seed,
                            "quality of answering a question as a contact (M2)"),
                0.3, 0.7,
                "judgement: answering a question the parent brought is a middling to good "
                "contact; 0.2 either side"),
  };
}

HelpSeekingParams HelpSeekingParams::from(const ParamValues& values) {
  return {values.real("question_rate"),
          values.real("question_vulnerability"),
          values.real("help_base"),
          values.real("help_trust_weight"),
          values.real("help_informal_weight"),
          values.real("help_language_penalty"),
          values.real("question_contact_quality")};
}

double HelpSeekingParams::weekly_probability(int vulnerability) const {
  const double weekly = 1.0 - std::pow(1.0 - yearly_rate, 1.0 / 52.0);
  return std::min(1.0, weekly * (1.0 + vulnerability_factor * vulnerability));
}

// The step (M6): a parent with a question brings it to the most trusted professional.

namespace {

constexpr std::uint64_t kQuestion = purpose("ps.question");
constexpr std::uint64_t kSeek = purpose("ps.question.seek");

void seek_help(Week& week) {
  const CommunityView& view = week.view;
  const HelpSeekingParams& params = week.params.help;
  const auto& handler = week.state.read<Column::handler>();
  const auto& handler_trust = week.state.read<Column::handler_trust>();
  const auto& participation = week.state.read<Column::participation>();
  const auto& running = week.state.read<Column::running>();
  auto& had_question = week.state.write<Column::had_question>();
  auto& brought = week.state.write<Column::brought_question>();
  const double partnership = running[static_cast<std::size_t>(Intervention::partnership)]
                                 ? week.state.read<Column::partnership_quality>()
                                 : 0.0;
  std::array<double, 5> chance{};  // by number of vulnerability factors (0-4)
  for (int v = 0; v < 5; ++v)
    chance[v] = params.weekly_probability(v);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<NodeId>(i);
    const NodeId agent = view.parents.begin + p;
    brought[p] = 0;
    had_question[p] = week.rng.uniform(week.week, agent, kQuestion) < chance[view.vulnerability[p]];
    // Without a professional tie the question goes nowhere, unless a parent support
    // point takes it (mechanisms/support_point.cpp).
    if (!had_question[p] || handler[p] == kNoAgent) return;
    const double seek = params.seeking_probability(handler_trust[p], participation[p], partnership,
                                                   view.language_barrier[p] != 0);
    brought[p] = week.rng.uniform(week.week, agent, kSeek) < seek;
  });
}

}  // namespace

StepInfo help_seeking_step() {
  return {"help_seeking",
          StepKind::mechanism,
          "M6, M15",
          "seed 001 intro; seed 003",
          "parents with a question bring it to their most trusted professional",
          {columns({Column::handler, Column::handler_trust, Column::participation, Column::running,
                    Column::partnership_quality}),
           columns({Column::had_question, Column::brought_question}),
           columns({Column::participation, Column::partnership_quality})},
          nullptr,
          seek_help};
}

}  // namespace village::parent_support
