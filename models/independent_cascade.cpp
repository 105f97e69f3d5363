#include "models/independent_cascade.hpp"

#include <algorithm>

#include "models/edge_weights.hpp"
#include "models/frontier.hpp"
#include "models/seeding.hpp"
#include "sim/parallel.hpp"

namespace village {

namespace {
constexpr std::uint64_t kActivate = purpose("ic.activate");
constexpr std::uint64_t kSeed = purpose("ic.seed");
}  // namespace

void IndependentCascadeModel::initialize(World& world, const RandomStream& rng) {
  const CsrLayer& layer = world.layer(params_.layer);
  if (params_.use_weights) require_edge_weights(layer, params_.layer);
  const NodeId n = world.population.size();
  state_.assign(n, inactive);
  next_.assign(n, inactive);
  newly_active_ = chosen_.empty()
                      ? choose_seeds(world, layer, seeding_, rng, kSeed, params_.probability)
                      : chosen_;
  susceptibility_ = agent_column(world, kSusceptibility);
  std::sort(newly_active_.begin(), newly_active_.end());
  newly_active_.erase(std::unique(newly_active_.begin(), newly_active_.end()), newly_active_.end());
  for (NodeId v : newly_active_)
    state_[v] = newly_active;
  mark_.assign(n, 0);
  std::uint32_t largest = 0;
  for (NodeId v = 0; v < n; ++v)
    largest = std::max(largest, layer.degree(v));
  any_success_ = any_success_table(params_.probability, largest);
}

void IndependentCascadeModel::step(World& world, const StepContext& context) {
  const CsrLayer& layer = world.layer(params_.layer);
  const std::span<const float> weights =
      params_.use_weights ? layer.attribute("weight") : std::span<const float>{};
  const auto& targets = layer.targets();
  const double p = params_.probability;
  // The state of v at t+1 from the states at t (reads state_ only).
  const auto rule = [&](NodeId v) -> std::uint8_t {
    if (state_[v] != inactive) return spent;
    double chance = 0.0;
    if (weights.empty() && susceptibility_.empty()) {
      std::uint32_t fresh = 0;
      for (NodeId u : layer.neighbours(v))
        fresh += state_[u] == newly_active;
      chance = any_success_[fresh];
    } else {
      const double pv = susceptibility_.empty() ? p : p * susceptibility_[v];
      double escape = 1.0;
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
        if (state_[targets[a]] == newly_active)
          escape *= 1.0 - std::min(1.0, weights.empty() ? pv : pv * weights[a]);
      }
      chance = 1.0 - escape;
    }
    return chance > 0.0 && context.rng.uniform(context.step, v, kActivate) < chance ? newly_active
                                                                                    : inactive;
  };
  newly_active_ = contagion_step(layer, state_, next_, mark_, newly_active_, newly_active, rule,
                                 [&](NodeId w) { return state_[w] == inactive; });
}

void IndependentCascadeModel::observe(const World& world, Observation& observation) const {
  const NodeId n = world.population.size();
  observation.record_mean("active", 0, n,
                          [&](NodeId v) { return state_[v] != inactive ? 1.0 : 0.0; });
  observation.record_mean("newly_active", 0, n,
                          [&](NodeId v) { return state_[v] == newly_active ? 1.0 : 0.0; });
}

ModelInfo independent_cascade_model_info() {
  ModelInfo info;
  info.kind = "independent_cascade";
  info.summary = "independent cascade: each new adopter gets one chance per neighbour";
  info.reference = "Kempe, Kleinberg & Tardos 2003, KDD, doi:10.1145/956750.956769";
  info.params = {
      ParamSpec{.name = "probability",
                .default_number = 0.1,
                .min = 0.0,
                .max = 1.0,
                .unit = "probability per arc",
                .description = "chance that a newly active agent activates an inactive neighbour",
                .source = "Kempe et al. 2003"},
      ParamSpec{.name = "use_weights",
                .type = ParamType::boolean,
                .description = "scale each arc's probability by its 'weight' attribute",
                .source = "convention"},
      ParamSpec{.name = "layer",
                .type = ParamType::text,
                .default_text = "network",
                .description = "network layer the cascade spreads on",
                .source = "convention"},
  };
  for (auto& spec : seeding_params())
    info.params.push_back(std::move(spec));
  info.agent_params = {susceptibility_param()};
  info.outcomes = {"active"};
  info.bytes_per_node = 2;
  info.make = [](const ParamValues& values) {
    IndependentCascadeParams params{values.real("probability"), values.flag("use_weights"),
                                    values.text("layer")};
    return std::make_unique<IndependentCascadeModel>(std::move(params), values);
  };
  return info;
}

}  // namespace village
