#pragma once
// M13, M17, M18: learning, shared norms and youth risk.
// Learning (M13, seed 001 ch. 5: peers as role models, in both directions): at a meeting a
// parent's competence c moves toward the mean competence of those present, up or down,
// c <- c + peer_learning * (mean - c), plus facilitator_teaching * skill * (1 - c); advice
// received does the same toward the giver's competence (competence_decay.hpp: it fades).
// Shared norms (M17, seed 000 tips 2, 3, 6): limit setting is adopted as a complex
// contagion (Centola & Macy 2007; Centola 2010, Science 329): a parent who does not yet
// set limits takes them up with probability adoption_rate in a week in which the share
// of its support ties that set limits, pooled with what it saw at a parent evening on
// agreements (evening_weight per adopter present), reaches its threshold, and it has seen
// at least min_adopters limit-setting parents (several sources: a complex contagion)
//   theta_i + stress_threshold * s_i - competence_threshold * c_i,
// theta_i uniform in [threshold_low, threshold_high] (fixed per parent). A parent whose
// share falls below half its threshold drops limit setting with probability
// abandon_rate. Initial limit setters: a share limit_setting_initial, either in circles
// of friends (seed_friend_circles: a random parent and its family and friends, repeated;
// seed 000 tip 3) or each parent at random, more likely among competent parents.
// Youth risk (M18, the Icelandic model's pathway: Sigfusdottir et al. 2008; Kristjansson
// et al. 2016): the yearly probability that the household's youth is at risk (e.g. drunk
// in the past month) is logistic in the protective factors,
//   logit r = risk_intercept + log(or_limits) * L + log(or_monitoring) * c
//             + log(or_support) * min(1, support ties / 3),
// L limit setting, c competence as the proxy of monitoring; the odds ratios are
// parameters (the direction and rough size of such associations are in the cited
// studies; the values are assumptions to sweep).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct NormParams {
  double competence_base;
  double competence_per_factor;
  double peer_learning;
  double facilitator_teaching;
  double limit_setting_initial;
  bool seed_friend_circles;
  double threshold_low;
  double threshold_high;
  double min_adopters;
  double stress_threshold;
  double competence_threshold;
  double evening_weight;
  double adoption_rate;
  double abandon_rate;
  double risk_intercept;
  double or_limits;
  double or_monitoring;
  double or_support;
  double referent_weight;  // B9: a key figure speaking for limits, in support ties per unit trust
  // log(or_*), computed once by from().
  double log_or_limits = 0, log_or_monitoring = 0, log_or_support = 0;

  static std::vector<ParamSpec> specs();
  static NormParams from(const ParamValues& values);
  double youth_risk(bool limits, double competence, double support_ties) const;
};

}  // namespace village::parent_support
