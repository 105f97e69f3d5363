#pragma once
// The parent-support model's outcomes as each mechanism registers them (M1-M22): the
// per-parent values it contributes, recorded for every reporting group as a mean or a
// sum over the group's parents, ratios of two of its totals, and figures for the week as
// a whole. outcomes.cpp lists the blocks; metrics.cpp aggregates and records them.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "models/parent_support/community_view.hpp"
#include "models/parent_support/model_params.hpp"
#include "models/parent_support/state.hpp"
#include "sim/csr_layer.hpp"
#include "sim/observation.hpp"

namespace village::parent_support {

// What per-parent values are computed from: the state after the week and the layers.
struct OutcomeInputs {
  const State& state;
  const ModelParams& params;
  const CommunityView& view;
  const CsrLayer& caseload;
  const CsrLayer& figures;
  const CsrLayer& friends;
  std::span<const float> case_trust;
  std::span<const float> figure_trust;
  std::span<const float> strength;
  // Each parent's support ties (strength >= support_threshold; M12), counted once per
  // observation because the support and norms blocks both use them.
  std::span<const std::uint32_t> support_ties;
};

enum class Aggregate : std::uint8_t {
  mean,    // recorded as the mean over the group's parents
  sum,     // recorded as the sum over them
  hidden,  // summed for a ratio only, not recorded
};

struct ParentOutcome {
  std::string name;
  Aggregate aggregate;
};

// Recorded as numerator / denominator of the group's totals (sums over its parents,
// whatever their aggregate), when the denominator > 0. Both index the block's outcomes.
// A contrast also names a second ratio, subtracted from the first (when both
// denominators > 0): a difference between two kinds of parents in a group.
struct OutcomeRatio {
  static constexpr std::size_t kNone = ~std::size_t{0};
  std::string name;
  std::size_t numerator;
  std::size_t denominator;
  std::size_t minus_numerator = kNone;
  std::size_t minus_denominator = kNone;
};

struct OutcomeBlock {
  const char* mechanism;  // which file registers it (for messages and the ODD)
  std::vector<ParentOutcome> outcomes;
  // Writes the values of parents lo..hi-1, one per outcome in order, parent p's at
  // values + (p - lo) * stride (each_parent below makes one from a per-parent function).
  void (*fill)(const OutcomeInputs& in, NodeId lo, NodeId hi, double* values,
               std::size_t stride) = nullptr;
  std::vector<OutcomeRatio> ratios;
  // Figures for the week as a whole, recorded for group "all".
  void (*record_week)(const State& state, const ModelParams& params,
                      Observation& observation) = nullptr;
};

// A block's fill from a function that writes one parent's values (called directly, so
// the compiler inlines it into the loop over the range).
template <void (*Value)(const OutcomeInputs&, NodeId, double*)>
void each_parent(const OutcomeInputs& in, NodeId lo, NodeId hi, double* values,
                 std::size_t stride) {
  for (NodeId p = lo; p < hi; ++p, values += stride)
    Value(in, p, values);
}

// Every block, in the order their outcomes are recorded (outcomes.cpp). Per group, the
// means of all blocks come first, then the sums, then the ratios; then the week's figures.
const std::vector<OutcomeBlock>& outcome_blocks();

}  // namespace village::parent_support
