// The parent-support model's weekly outcomes (outcomes.hpp): every block's per-parent
// values, aggregated for the groups "all", "vulnerable", "language_barrier",
// "community:<name>" and "type:<parent type>", then each block's figures for the week.
// Which outcomes there are, and what they mean, each mechanism registers in its file
// (docs/ODD.md section 4, Observation). Sums are taken over fixed chunks of parents combined in
// order, so every value is bit-identical for any thread count.

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "models/community_schema.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/parent_support_model.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {

// Where each block's values start in a parent's row of values, and the row's width.
struct ValueLayout {
  std::vector<std::size_t> first;
  std::size_t width = 0;
  ValueLayout() {
    for (const OutcomeBlock& block : outcome_blocks()) {
      first.push_back(width);
      width += block.outcomes.size();
    }
  }
};

const ValueLayout& value_layout() {
  static const ValueLayout layout;
  return layout;
}

constexpr std::size_t kTypes = community::kParentTypeNames.size();

// The group slots: all, vulnerable, language_barrier, communities, parent types.
struct GroupSlots {
  std::size_t first_community = 3;
  std::size_t first_type = 0;
  std::size_t count = 0;
  explicit GroupSlots(const CommunityView& view)
      : first_type(3 + view.community_names.size()), count(first_type + kTypes) {}
};

// Parents whose values are computed together, block by block, before they are added to
// their groups (a batch's rows stay in L2).
constexpr std::int64_t kValueBatch = 256;

void batch_values(const OutcomeInputs& in, NodeId lo, NodeId hi, std::vector<double>& values) {
  const auto& blocks = outcome_blocks();
  const ValueLayout& layout = value_layout();
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (blocks[b].fill != nullptr)
      blocks[b].fill(in, lo, hi, values.data() + layout.first[b], layout.width);
  }
}

// A parent's cell: its community, type, vulnerability and language barrier together.
// Every group is a union of cells, so a parent's values are added once, to its cell, and
// each cell's sums then to the (up to five) groups it belongs to.
struct Cells {
  static constexpr std::size_t kPerCommunity = kTypes * 2 * 2;
  std::size_t count;
  explicit Cells(const CommunityView& view) : count(view.community_names.size() * kPerCommunity) {}
  static std::size_t of(const CommunityView& view, NodeId p) {
    return ((static_cast<std::size_t>(view.parent_community[p]) * kTypes + view.parent_type[p]) *
                2 +
            (view.vulnerable[p] ? 1 : 0)) *
               2 +
           (view.language_barrier[p] ? 1 : 0);
  }
  // The groups of cell c, slots.count standing for none.
  static std::array<std::size_t, 5> groups(std::size_t c, const GroupSlots& slots) {
    const std::size_t language = c % 2, vulnerable = (c / 2) % 2, type = (c / 4) % kTypes,
                      community = c / kPerCommunity;
    return {0, vulnerable ? std::size_t{1} : slots.count, language ? std::size_t{2} : slots.count,
            slots.first_community + community, slots.first_type + type};
  }
};

// The sums of every value over each group's parents, over fixed chunks combined in order.
std::vector<double> group_totals(const OutcomeInputs& in, const GroupSlots& slots) {
  const CommunityView& view = in.view;
  const std::size_t value_count = value_layout().width;
  const std::int64_t parents = view.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  const std::size_t width = slots.count * value_count;
  const Cells cells(view);
  std::vector<double> sums(static_cast<std::size_t>(chunks) * width, 0.0);
  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    std::vector<double> cell_sums(cells.count * value_count, 0.0);
    std::vector<double> batch(static_cast<std::size_t>(kValueBatch) * value_count, 0.0);
    for (std::int64_t first = lo; first < hi; first += kValueBatch) {
      const std::int64_t last = std::min(hi, first + kValueBatch);
      batch_values(in, static_cast<NodeId>(first), static_cast<NodeId>(last), batch);
      for (std::int64_t i = first; i < last; ++i) {
        const double* values = batch.data() + static_cast<std::size_t>(i - first) * value_count;
        double* row = cell_sums.data() + Cells::of(view, static_cast<NodeId>(i)) * value_count;
        for (std::size_t v = 0; v < value_count; ++v)
          row[v] += values[v];
      }
    }
    double* partial = sums.data() + static_cast<std::size_t>(chunk) * width;
    for (std::size_t c = 0; c < cells.count; ++c) {
      const double* row = cell_sums.data() + c * value_count;
      for (std::size_t group : Cells::groups(c, slots)) {
        if (group == slots.count) continue;
        double* target = partial + group * value_count;
        for (std::size_t v = 0; v < value_count; ++v)
          target[v] += row[v];
      }
    }
  });
  std::vector<double> totals(width, 0.0);
  for (std::int64_t c = 0; c < chunks; ++c) {
    for (std::size_t k = 0; k < width; ++k)
      totals[k] += sums[static_cast<std::size_t>(c) * width + k];
  }
  return totals;
}

// Each parent's support ties (strength >= support_threshold; M12).
std::vector<std::uint32_t> support_tie_counts(const CommunityView& view, const CsrLayer& friends,
                                              std::span<const float> strength, double threshold) {
  std::vector<std::uint32_t> counts(view.parents.size(), 0);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const NodeId agent = view.parents.begin + static_cast<NodeId>(i);
    std::uint32_t count = 0;
    for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a)
      count += strength[a] >= threshold;
    counts[static_cast<std::size_t>(i)] = count;
  });
  return counts;
}

std::vector<std::string> group_names(const CommunityView& view) {
  std::vector<std::string> names{"all", "vulnerable", "language_barrier"};
  for (const std::string& community : view.community_names)
    names.push_back("community:" + community);
  for (auto type : community::kParentTypeNames)
    names.push_back(fmt::format("type:{}", type));
  return names;
}

// One group's row of totals: the means, the sums, then the ratios of every block.
void record_group(const std::string& group, double size, const double* row,
                  Observation& observation) {
  const auto& blocks = outcome_blocks();
  const ValueLayout& layout = value_layout();
  for (const Aggregate kind : {Aggregate::mean, Aggregate::sum}) {
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      const auto& outcomes = blocks[b].outcomes;
      for (std::size_t o = 0; o < outcomes.size(); ++o) {
        if (outcomes[o].aggregate != kind) continue;
        const double total = row[layout.first[b] + o];
        observation.record(outcomes[o].name, group, kind == Aggregate::mean ? total / size : total);
      }
    }
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const double* totals = row + layout.first[b];
    for (const OutcomeRatio& ratio : blocks[b].ratios) {
      const double denominator = totals[ratio.denominator];
      if (denominator <= 0) continue;
      double value = totals[ratio.numerator] / denominator;
      if (ratio.minus_numerator != OutcomeRatio::kNone) {
        const double other = totals[ratio.minus_denominator];
        if (other <= 0) continue;
        value -= totals[ratio.minus_numerator] / other;
      }
      observation.record(ratio.name, group, value);
    }
  }
}

void record_groups(const CommunityView& view, const GroupSlots& slots,
                   const std::vector<double>& totals, Observation& observation) {
  std::vector<double> sizes(slots.count, 0.0);
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    sizes[0] += 1;
    sizes[1] += view.vulnerable[p] ? 1 : 0;
    sizes[2] += view.language_barrier[p] ? 1 : 0;
    sizes[slots.first_community + static_cast<std::size_t>(view.parent_community[p])] += 1;
    sizes[slots.first_type + view.parent_type[p]] += 1;
  }
  const std::vector<std::string> names = group_names(view);
  const std::size_t value_count = value_layout().width;
  for (std::size_t g = 0; g < slots.count; ++g) {
    if (sizes[g] > 0)
      record_group(names[g], sizes[g], totals.data() + g * value_count, observation);
  }
}

}  // namespace

const std::vector<std::string>& outcome_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (const OutcomeBlock& block : outcome_blocks()) {
      for (const ParentOutcome& outcome : block.outcomes)
        if (outcome.aggregate == Aggregate::mean) list.push_back(outcome.name);
    }
    for (const OutcomeBlock& block : outcome_blocks()) {
      for (const OutcomeRatio& ratio : block.ratios)
        list.push_back(ratio.name);
    }
    return list;
  }();
  return names;
}

void ParentSupportModel::observe(const World& world, Observation& observation) const {
  const CsrLayer& caseload = world.layer(std::string(community::layer::caseload));
  const CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
  const CsrLayer& friends = world.layer(std::string(community::layer::family_friends));
  const std::span<const float> strength = friends.attribute(kStrength);
  const std::vector<std::uint32_t> support_ties =
      support_tie_counts(view_, friends, strength, params_.support.support_threshold);
  const OutcomeInputs in{state_,
                         params_,
                         view_,
                         caseload,
                         figures,
                         friends,
                         caseload.attribute(kTrust),
                         figures.attribute(kTrust),
                         strength,
                         support_ties};
  const GroupSlots slots(view_);
  record_groups(view_, slots, group_totals(in, slots), observation);
  for (const OutcomeBlock& block : outcome_blocks()) {
    if (block.record_week != nullptr) block.record_week(state_, params_, observation);
  }
}

}  // namespace village::parent_support
