#include "models/sir.hpp"

#include <algorithm>

#include "models/edge_weights.hpp"
#include "models/frontier.hpp"
#include "models/seeding.hpp"
#include "sim/parallel.hpp"

namespace village {

namespace {
constexpr std::uint64_t kInfect = purpose("sir.infect");
constexpr std::uint64_t kRecover = purpose("sir.recover");
constexpr std::uint64_t kSeed = purpose("sir.seed");

std::uint32_t max_degree(const CsrLayer& layer) {
  std::uint32_t largest = 0;
  for (NodeId v = 0; v < layer.node_count(); ++v)
    largest = std::max(largest, layer.degree(v));
  return largest;
}
}  // namespace

void SirModel::initialize(World& world, const RandomStream& rng) {
  const CsrLayer& layer = world.layer(params_.layer);
  if (params_.use_weights) require_edge_weights(layer, params_.layer);
  const NodeId n = world.population.size();
  state_.assign(n, susceptible);
  next_.assign(n, susceptible);
  infected_ = choose_seeds(world, layer, seeding_, rng, kSeed, params_.transmissibility);
  susceptibility_ = agent_column(world, kSusceptibility);
  for (NodeId v : infected_)
    state_[v] = infected;
  mark_.assign(n, 0);
  any_infected_ = any_success_table(params_.transmissibility, max_degree(layer));
}

void SirModel::step(World& world, const StepContext& context) {
  const CsrLayer& layer = world.layer(params_.layer);
  const std::span<const float> weights =
      params_.use_weights ? layer.attribute("weight") : std::span<const float>{};
  const double beta = params_.transmissibility;
  const double gamma = params_.recovery;
  const auto& targets = layer.targets();
  // The state of v at t+1 from the states at t (reads state_ only).
  const auto rule = [&](NodeId v) -> std::uint8_t {
    const std::uint8_t current = state_[v];
    if (current == recovered) return recovered;
    if (current == infected) {
      return context.rng.uniform(context.step, v, kRecover) < gamma ? recovered : infected;
    }
    double infection = 0.0;
    if (weights.empty() && susceptibility_.empty()) {
      std::uint32_t infected_neighbours = 0;
      for (NodeId u : layer.neighbours(v))
        infected_neighbours += state_[u] == infected;
      infection = any_infected_[infected_neighbours];
    } else {
      const double beta_v = susceptibility_.empty() ? beta : beta * susceptibility_[v];
      double escape = 1.0;
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
        if (state_[targets[a]] == infected)
          escape *= 1.0 - std::min(1.0, weights.empty() ? beta_v : beta_v * weights[a]);
      }
      infection = 1.0 - escape;
    }
    return infection > 0.0 && context.rng.uniform(context.step, v, kInfect) < infection
               ? infected
               : susceptible;
  };
  infected_ = contagion_step(layer, state_, next_, mark_, infected_, infected, rule,
                             [&](NodeId w) { return state_[w] == susceptible; });
}

void SirModel::observe(const World& world, Observation& observation) const {
  const NodeId n = world.population.size();
  observation.record_mean("susceptible", 0, n,
                          [&](NodeId v) { return state_[v] == susceptible ? 1.0 : 0.0; });
  observation.record_mean("infected", 0, n,
                          [&](NodeId v) { return state_[v] == infected ? 1.0 : 0.0; });
  observation.record_mean("recovered", 0, n,
                          [&](NodeId v) { return state_[v] == recovered ? 1.0 : 0.0; });
}

ModelInfo sir_model_info() {
  ModelInfo info;
  info.kind = "sir";
  info.summary = "discrete-time SIR epidemic with per-edge transmissibility";
  info.reference = "Kermack & McKendrick 1927; on networks: Newman 2002, Phys. Rev. E 66:016128";
  info.params = {
      ParamSpec{.name = "transmissibility",
                .default_number = 0.3,
                .min = 0.0,
                .max = 1.0,
                .unit = "probability per edge per step",
                .description =
                    "chance that an infected agent infects a susceptible neighbour in one step",
                .source = "Newman 2002, Phys. Rev. E 66:016128"},
      ParamSpec{.name = "recovery",
                .default_number = 1.0,
                .min = 0.0,
                .max = 1.0,
                .min_exclusive = true,
                .unit = "probability per step",
                .description = "chance that an infected agent recovers at the end of a step",
                .source = "Newman 2002 (1.0: one infectious step, exact bond percolation)"},
      ParamSpec{.name = "use_weights",
                .type = ParamType::boolean,
                .description = "scale the transmissibility of each edge by its 'weight' attribute",
                .source = "convention"},
      ParamSpec{.name = "layer",
                .type = ParamType::text,
                .default_text = "network",
                .description = "network layer the epidemic spreads on",
                .source = "convention"},
  };
  for (auto& spec : seeding_params())
    info.params.push_back(std::move(spec));
  info.agent_params = {susceptibility_param()};
  info.outcomes = {"recovered", "infected", "susceptible"};
  info.bytes_per_node = 2 * sizeof(std::uint8_t);
  info.make = [](const ParamValues& values) {
    SirParams params{values.real("transmissibility"), values.real("recovery"),
                     values.flag("use_weights"), values.text("layer")};
    return std::make_unique<SirModel>(std::move(params), values);
  };
  return info;
}

}  // namespace village
