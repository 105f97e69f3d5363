// The parent-support model's run: state set up at week 0, then each week every step of
// schedule.cpp through an Access to the columns it declared.

#include "models/parent_support/parent_support_model.hpp"

#include <chrono>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/schedule.hpp"

namespace village::parent_support {

void ParentSupportModel::bind_layers(World& world) {
#define VILLAGE_PS_BIND(name, layer_name, meaning) state_.name = &world.layer(layer_name);
  VILLAGE_PS_LAYERS(VILLAGE_PS_BIND)
#undef VILLAGE_PS_BIND
}

// Every step's initialize in schedule order, then every intervention's in catalogue
// order (parent groups invite before parent networks form: the order of the groups).
void ParentSupportModel::initialize_steps(World& world, const RandomStream& rng) {
  const auto& steps = week_schedule();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (steps[i].initialize == nullptr) continue;
    const Columns& weekly = steps[i].columns;
    const Columns setup{weekly.reads, weekly.writes | steps[i].sets_up, {}};
    Access access(state_, setup, steps[i].name);
    Week week{world, view_, params_, values_, 0, rng, access};
    steps[i].initialize(week);
  }
  for (const ProgrammeSpec& programme : programme_catalogue()) {
    if (programme.initialize == nullptr) continue;
    Access access(state_, programme.setup, programme.info.name);
    Week week{world, view_, params_, values_, 0, rng, access};
    programme.initialize(week);
  }
}

void ParentSupportModel::initialize(World& world, const RandomStream& rng) {
  view_ = CommunityView::of(world);
  state_ = State{};
  size_columns(state_, view_.parents.size(), view_.professionals.size(), view_.key_figures.size(),
               view_.organisations.size(), view_.schools);
  state_.spending = Spending(params_.plan.terms, params_.plan.budget_euros);
  bind_layers(world);
  use_.assign(week_schedule().size(), {});
  seconds_.assign(week_schedule().size(), 0.0);
  initialize_steps(world, rng);
}

void ParentSupportModel::step(World& world, const StepContext& context) {
  bind_layers(world);
  const auto& steps = week_schedule();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    Access access(state_, steps[i].columns, steps[i].name);
    Week week{world, view_, params_, values_, context.step, context.rng, access};
    const auto start =
        profiling_ ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    steps[i].advance(week);
    if (profiling_)
      seconds_[i] +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    use_[i].reads |= access.used_reads();
    use_[i].writes |= access.used_writes();
  }
}

void ParentSupportModel::add_history_layers(World& world) const {
  world.layers["co_attendance"] = state_.meeting_log.co_attendance(world.population.size());
}

ModelInfo parent_support_model_info() {
  ModelInfo info;
  info.kind = "parent_support";
  info.summary =
      "trust between parents and professionals through outreach, key figures and informal "
      "organisations, on a synthesised community (M1-M7, M15, M16, M22)";
  info.reference = "docs/ODD.md; seeds 000-004";
  info.params = model_specs();
  info.extra_tables = extra_tables();
  info.needs_community = true;
  // Per parent: 3 doubles, 2 counters, 8 weekly counts, 2 flags, a handler.
  info.bytes_per_node =
      3 * sizeof(double) + 2 * sizeof(std::uint32_t) + kChannelCount + 2 + sizeof(NodeId);
  // The trust and last-contact attributes (8 bytes per arc) are counted by the memory
  // estimate of a community (scenarios/memory_estimate.cpp).
  info.bytes_per_arc = 0;
  info.make = [](const ParamValues& values) {
    return std::make_unique<ParentSupportModel>(values);
  };
  info.schedule = [] { return schedule_table(week_schedule()); };
  return info;
}

}  // namespace village::parent_support
