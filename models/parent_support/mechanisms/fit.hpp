#pragma once
// M21 (seed 004; seed 000 tip 4): parents' voice improves the fit of interventions to
// their needs. Each meeting of the parent panel (interventions/voice.cpp) asks for changes;
// they take effect voice_lag_weeks later, closing voice_change_per_meeting of the gap:
//   fit <- fit + voice_change_per_meeting * (1 - fit)
// and what was changed wears off at voice_fit_decay a week (programmes drift back as staff
// and parents change), so the fit outlasts the panel in proportion to what it changed.
// Groups, theme evenings and newsletters are taken up and work better by the multiplier
// 1 + voice_fit_gain * fit (mechanisms/groups.cpp, evenings.cpp, trust_contacts.hpp).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct FitParams {
  double lag_weeks;           // weeks from a panel meeting to its changes taking effect
  double change_per_meeting;  // share of the gap to full fit closed per panel meeting
  double decay;               // share of the fit lost per week
  double gain;                // relative increase of uptake and effect at full fit

  static std::vector<ParamSpec> specs();
  static FitParams from(const ParamValues& values);
};

// Uptake and effect multiplier of groups, evenings and newsletters at this fit.
double fit_multiplier(double fit, const ParamValues& values);

}  // namespace village::parent_support
