#pragma once
// M5: key figures as bridges (seed 002 sec. 2; seed 000 tip 4: Urk's church elders who
// visit families). In a key-figure programme each key figure visits
// key_figure_visits_per_week of the parents it knows ([outreach]), least recently
// visited first. A visit is accepted with probability key_figure_acceptance * k, k the
// parent's trust in the key figure, and raises k as a contact of quality 1 (M2). After an
// accepted visit the key figure introduces the parent to its partner professional with
// probability introduction_rate * k, if the professional has the hours (M22). The
// introduction moves the parent's trust in that professional toward k:
//   t <- t + trust_transfer * max(0, k - t)
// and is itself a contact with the professional (tone M3, quality = competence).
// Initial trust in a key figure: key_figure_trust_own for one of the parent's own
// community, key_figure_trust_other otherwise; ties decay toward it (M2).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct KeyFigureParams {
  double trust_own;
  double trust_other;
  double acceptance;
  double introduction_rate;
  double trust_transfer;

  static std::vector<ParamSpec> specs();
  static KeyFigureParams from(const ParamValues& values);
};

}  // namespace village::parent_support
