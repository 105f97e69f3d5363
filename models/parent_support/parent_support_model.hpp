#pragma once
// The parent-support model (mechanisms M1-M22 of the seeds digest) on a synthesised
// community (models/community_schema.hpp): it owns the state (state.hpp) and runs the
// week's steps in the order of schedule.cpp, each through the columns it declared.
// docs/ODD.md describes it in full.

#include <cstdint>
#include <string>
#include <vector>

#include "models/model_registry.hpp"
#include "models/parent_support/community_view.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/model_params.hpp"
#include "models/parent_support/state.hpp"

namespace village::parent_support {

// The columns one step has read and written so far.
struct ColumnUse {
  ColumnSet reads;
  ColumnSet writes;
};

class ParentSupportModel : public Model {
 public:
  // values: [model] and "outreach.<key>" values, as default_values() returns them.
  explicit ParentSupportModel(const ParamValues& values)
      : params_(ModelParams::from(values)), values_(values) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;
  // "co_attendance": who met whom at the meetings held so far (meeting_log.hpp).
  void add_history_layers(World& world) const override;

  const State& state() const { return state_; }
  const CommunityView& view() const { return view_; }
  const ModelParams& params() const { return params_; }
  // Shorthands for tests (indexed by parent, from 0).
  const std::vector<double>& institutional_trust() const { return state_.institutional_trust; }
  const std::vector<double>& willingness() const { return state_.willingness; }
  const std::vector<double>& participation() const { return state_.participation; }
  const WeekHours& last_week_hours() const { return state_.hours; }
  const Spending& spending() const { return state_.spending; }
  const std::vector<std::uint8_t>& enrolled() const { return state_.enrolled; }

  // Per schedule step (schedule.hpp): the columns used so far, and, while profiling is on,
  // the seconds spent in it.
  const std::vector<ColumnUse>& column_use() const { return use_; }
  void set_profiling(bool on) { profiling_ = on; }
  const std::vector<double>& step_seconds() const { return seconds_; }

 private:
  void bind_layers(World& world);
  void initialize_steps(World& world, const RandomStream& rng);

  ModelParams params_;
  ParamValues values_;
  CommunityView view_;
  State state_;
  std::vector<ColumnUse> use_;
  std::vector<double> seconds_;
  bool profiling_ = false;
};

ModelInfo parent_support_model_info();

// The outcomes recorded per parent group that strategies can be ranked on: the means
// over parents, and the shares incident_cooperation and retention (metrics.cpp).
const std::vector<std::string>& outcome_names();

}  // namespace village::parent_support
