#pragma once
// M14, M15: stress and relaxation. Vulnerable parents carry more parenting stress (seed
// 001 intro); meetings relax and recharge (seed 001 ch. 6: wellbeing of the parent comes
// before positive attention for the child); support from other parents lowers stress
// (M12). Stress s in [0, 1] relaxes each week toward the parent's baseline
//   s0 = clamp(stress_base + stress_per_factor * v, 0, 1)   (v: vulnerability factors)
// at rate stress_relaxation; attending a meeting lowers it by meeting_relief * s and
// support received by the kind's relief * s. Stress raises the threshold at which a
// parent takes up limit setting (M17), so wellbeing comes before limit setting.
// Observed as trials report it (Barlow et al. 2014's SMD): the mean of (s - s0) / stress_sd
// over the parents who came to a course, minus the same mean over the others.

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct WellbeingParams {
  double stress_base;
  double stress_per_factor;
  double stress_relaxation;
  double meeting_relief;
  double stress_sd;  // between parents, on the model's scale: the unit of an SMD

  static std::vector<ParamSpec> specs();
  static WellbeingParams from(const ParamValues& values);
  double baseline(int vulnerability) const;
};

}  // namespace village::parent_support
