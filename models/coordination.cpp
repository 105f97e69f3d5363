#include "models/coordination.hpp"

#include <numeric>

#include "models/seeding.hpp"

namespace village {

namespace {
constexpr std::uint64_t kPair = purpose("coordination.pair");
constexpr std::uint64_t kTie = purpose("coordination.tie");
constexpr std::uint64_t kSeed = purpose("coordination.seed");
}  // namespace

void CoordinationModel::initialize(World& world, const RandomStream& rng) {
  const CsrLayer& layer = world.layer(params_.layer);
  const NodeId n = world.population.size();
  committed_.assign(n, 0);
  for (NodeId v : choose_seeds(world, layer, seeding_, rng, kSeed, 0.0))
    committed_[v] = 1;
  name_ = committed_;
  memory_.assign(static_cast<std::size_t>(n) * params_.memory, 0);
  head_.assign(n, 0);
  ones_.assign(n, 0);
  order_.resize(n);
  paired_.assign(n, 0);
}

std::uint8_t CoordinationModel::choose(NodeId agent, const StepContext& context) const {
  if (committed_[agent]) return 1;
  const std::uint32_t ones = ones_[agent];
  const std::uint32_t zeros = params_.memory - ones;
  if (ones != zeros) return ones > zeros ? 1 : 0;
  return context.rng.uniform(context.step, agent, kTie) < 0.5 ? 1 : 0;
}

void CoordinationModel::step(World& world, const StepContext& context) {
  const CsrLayer& layer = world.layer(params_.layer);
  const NodeId n = layer.node_count();
  const std::uint32_t memory = params_.memory;
  const auto remember = [&](NodeId agent, std::uint8_t heard) {
    std::uint8_t& slot = memory_[static_cast<std::size_t>(agent) * memory + head_[agent]];
    ones_[agent] += heard;
    ones_[agent] -= slot;
    slot = heard;
    head_[agent] = head_[agent] + 1 == memory ? 0 : head_[agent] + 1;
  };
  DrawSequence draws(context.rng, context.step, 0, kPair);
  std::iota(order_.begin(), order_.end(), NodeId{0});
  for (NodeId i = n; i > 1; --i)  // Fisher-Yates
    std::swap(order_[i - 1], order_[draws.below(i)]);
  std::fill(paired_.begin(), paired_.end(), 0);
  for (NodeId agent : order_) {
    if (paired_[agent]) continue;
    candidates_.clear();
    for (NodeId u : layer.neighbours(agent))
      if (!paired_[u] && u != agent) candidates_.push_back(u);
    if (candidates_.empty()) continue;
    const NodeId partner = candidates_[draws.below(candidates_.size())];
    paired_[agent] = paired_[partner] = 1;
    remember(agent, name_[partner]);
    remember(partner, name_[agent]);
  }
  for (NodeId v = 0; v < n; ++v)
    name_[v] = choose(v, context);
}

void CoordinationModel::observe(const World& world, Observation& observation) const {
  const NodeId n = world.population.size();
  observation.record_mean("alternative", 0, n, [&](NodeId v) { return double(name_[v]); });
  NodeId free = 0;
  NodeId converted = 0;
  for (NodeId v = 0; v < n; ++v) {
    free += committed_[v] == 0;
    converted += committed_[v] == 0 && name_[v] == 1;
  }
  observation.record_mean("alternative_uncommitted", 0, 1, [&](NodeId) {
    return free == 0 ? 0.0 : static_cast<double>(converted) / free;
  });
}

ModelInfo coordination_model_info() {
  ModelInfo info;
  info.kind = "coordination";
  info.summary = "coordination on a convention: agents name what their partners named most often";
  info.reference = "Centola, Becker, Brackbill & Baronchelli 2018, Science 360:1116";
  info.params = {
      ParamSpec{.name = "memory",
                .type = ParamType::integer,
                .default_number = 12,
                .min = 1,
                .max = 1000,
                .unit = "partners",
                .description = "how many of its partners' last names an agent remembers",
                .source = "Centola et al. 2018 (12 fits their experiment)"},
      ParamSpec{.name = "layer",
                .type = ParamType::text,
                .default_text = "network",
                .description = "network layer along which agents are paired",
                .source = "convention"},
  };
  for (auto& spec : seeding_params(SeedingDefaults{.initial_fraction = 0.0}))
    info.params.push_back(std::move(spec));
  info.outcomes = {"alternative_uncommitted", "alternative"};
  info.bytes_per_node = 12 + 2 * sizeof(std::uint32_t) + sizeof(NodeId) + 3;
  info.make = [](const ParamValues& values) {
    CoordinationParams params{static_cast<std::uint32_t>(values.integer("memory")),
                              values.text("layer")};
    return std::make_unique<CoordinationModel>(std::move(params), values);
  };
  return info;
}

}  // namespace village
