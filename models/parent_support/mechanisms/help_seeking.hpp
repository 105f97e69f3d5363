#pragma once
// M6, M15: help seeking. About half of the parents of children aged 1-15 have concerns
// they want to discuss outside the family (seed 001 intro); vulnerable parents have more
// and are less able to ask for the right help. Each week a parent has a question with
// the weekly probability of question_rate a year, times (1 + question_vulnerability *
// vulnerability count). The parent brings it to the most trusted professional with
// probability (the `help_seeking` outcome)
//   s = clamp(help_base + help_trust_weight * t_best
//             + help_informal_weight * Q * p
//             - help_language_penalty * language_barrier * (1 - p), 0, 1)
// t_best the highest trust in a professional, p informal participation and Q the
// partnership quality (M6, M7: informal conversations are a stepping stone, and what a
// parent learns there softens the language barrier). A question brought is a positive
// contact of quality question_contact_quality that takes the professional's hours.

#include <algorithm>
#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct HelpSeekingParams {
  double yearly_rate;
  double vulnerability_factor;
  double base;
  double trust_weight;
  double informal_weight;
  double language_penalty;
  double contact_quality;

  static std::vector<ParamSpec> specs();
  static HelpSeekingParams from(const ParamValues& values);
  double weekly_probability(int vulnerability) const;
  double seeking_probability(double best_trust, double participation, double quality,
                             bool language_barrier) const {
    const double s = base + trust_weight * best_trust + informal_weight * quality * participation -
                     (language_barrier ? language_penalty * (1.0 - participation) : 0.0);
    return std::clamp(s, 0.0, 1.0);
  }
};

}  // namespace village::parent_support
