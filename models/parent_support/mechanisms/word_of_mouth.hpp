#pragma once
// B6 (Banerjee et al. 2013, Science 341): informed is not engaged. A parent knows of the
// offer (groups, evenings, the support point) once a channel or a meeting has reached it,
// or a parent it is close to has told it. Each week each parent who knows tells each
// support tie (strength >= support_threshold) who does not, with probability
// pass_on_engaged if it has taken part in a meeting or an evening and pass_on_informed if
// it was only informed. Knowing of the offer raises the chance of coming to an evening by
// heard_attendance_gain (evenings.cpp).

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct WordOfMouthParams {
  double pass_on_engaged;   // per support tie and week, from a parent who took part
  double pass_on_informed;  // the same from a parent only informed
  double heard_attendance_gain;

  static std::vector<ParamSpec> specs();
  static WordOfMouthParams from(const ParamValues& values);
};

}  // namespace village::parent_support
