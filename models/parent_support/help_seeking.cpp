#include "models/parent_support/help_seeking.hpp"

#include <cmath>

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> HelpSeekingParams::specs() {
  const std::string seed = "seed 001 intro; seed 003; magnitude: assumption, swept";
  return {
      share_param("question_rate", 0.5, "probability per parent per year", "M6, M15",
                  "seed 001 intro (about half of parents have concerns to discuss)",
                  "yearly chance that a parent without vulnerability factors has a parenting "
                  "question"),
      real_param("question_vulnerability", 0.3, 0, 10, "relative increase per factor", "M15",
                 "seed 001 intro; assumption, swept",
                 "relative increase of the question rate per vulnerability factor"),
      share_param("help_base", 0.05, "probability", "M6", seed,
                  "chance of taking a question to a professional regardless of trust"),
      share_param("help_trust_weight", 0.6, "probability per unit trust", "M6", seed,
                  "increase of that chance per unit of trust in the most trusted professional"),
      share_param("help_informal_weight", 0.3, "probability per unit participation", "M6", seed,
                  "increase per unit of informal participation, times the partnership quality "
                  "(the stepping stone)"),
      share_param("help_language_penalty", 0.3, "probability", "M15",
                  "seed 002 sec. 2; seed 003 (own language); assumption, swept",
                  "decrease for a parent with a language barrier, softened by informal "
                  "participation"),
      share_param("question_contact_quality", 0.5, "quality", "M2, M6", seed,
                  "quality of answering a question as a contact (M2)"),
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

}  // namespace village::parent_support
