#pragma once
// Scenario discovery: where in parameter space does a strategy win? The Patient Rule
// Induction Method (Friedman & Fisher 1999, Stat Comput 9:123) as used in exploratory
// modelling (Bryant & Lempert 2010, Technol Forecast Soc Change 77:34): starting from the
// box holding every world, peel off, one face at a time, the alpha share of the box's
// worlds on the side of one parameter that most raises the share of winners inside,
// until the box would hold fewer than min_support of the worlds or no peel raises it.
// Of the boxes along the way, the one with the highest harmonic mean of coverage and
// density is chosen.

#include <cstddef>
#include <string>
#include <vector>

namespace village::uncertainty {

struct PrimOptions {
  double alpha = 0.05;        // share of the box's worlds one peel removes
  double min_support = 0.05;  // smallest share of all worlds a box may hold
};

struct PrimBox {
  std::vector<double> low;       // per parameter; the data's minimum where not restricted
  std::vector<double> high;      // per parameter; the data's maximum where not restricted
  std::vector<bool> low_moved;   // per parameter: the box's lower face was peeled
  std::vector<bool> high_moved;  // and its upper face
  bool restricted(std::size_t parameter) const {
    return low_moved[parameter] || high_moved[parameter];
  }
  double coverage = 0;  // winners inside / all winners
  double density = 0;   // winners inside / worlds inside
  double support = 0;   // worlds inside / all worlds
};

// points[world][parameter]; wins[world]. With no winner the box is the full one with
// coverage and density 0. Throws std::invalid_argument on ragged input.
PrimBox prim_box(const std::vector<std::vector<double>>& points, const std::vector<bool>& wins,
                 const PrimOptions& options = {});

// "p < 0.49 and q >= 0.2" with each restricted bound, for reports; names per parameter.
std::string describe_box(const PrimBox& box, const std::vector<std::string>& names);

}  // namespace village::uncertainty
