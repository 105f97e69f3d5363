#include "models/deffuant.hpp"

#include <cmath>

#include "models/opinion_metrics.hpp"

namespace village {

namespace {
constexpr std::uint64_t kInitial = purpose("deffuant.initial");
constexpr std::uint64_t kMeet = purpose("deffuant.meet");
constexpr std::uint64_t kSeed = purpose("deffuant.seed");
}  // namespace

void DeffuantModel::initialize(World& world, const RandomStream& rng) {
  OpinionStart start =
      opinion_start(world, world.layer(params_.layer), seeding_, rng, kInitial, kSeed);
  opinion_ = std::move(start.opinion);
  openness_ = std::move(start.openness);
}

void DeffuantModel::step(World& world, const StepContext& context) {
  const CsrLayer& layer = world.layer(params_.layer);
  const NodeId n = layer.node_count();
  if (n == 0 || layer.arc_count() == 0) return;
  const auto meetings = static_cast<std::uint64_t>(std::llround(params_.meetings_per_agent * n));
  const double epsilon = params_.confidence;
  const double mu = params_.convergence;
  for (std::uint64_t k = 0; k < meetings; ++k) {
    DrawSequence draws(context.rng, context.step, k, kMeet);
    const auto i = static_cast<NodeId>(draws.below(n));
    const std::uint32_t degree = layer.degree(i);
    if (degree == 0) continue;
    const NodeId j = layer.neighbours(i)[draws.below(degree)];
    const double difference = opinion_[j] - opinion_[i];
    if (std::abs(difference) < epsilon) {
      if (openness_.empty()) {
        opinion_[i] += mu * difference;
        opinion_[j] -= mu * difference;
      } else {
        opinion_[i] += openness_[i] * mu * difference;
        opinion_[j] -= openness_[j] * mu * difference;
      }
    }
  }
}

void DeffuantModel::observe(const World&, Observation& observation) const {
  record_opinion_metrics(observation, opinion_, params_.confidence, params_.major_cluster_share);
}

ModelInfo deffuant_model_info() {
  ModelInfo info;
  info.kind = "deffuant";
  info.summary = "Deffuant bounded confidence: random pairs of close opinions converge";
  info.reference = "Deffuant et al. 2000, Adv. Complex Syst. 3:87";
  info.params = bounded_confidence_params(0.3, "Deffuant et al. 2000");
  info.params.push_back(ParamSpec{.name = "convergence",
                                  .default_number = 0.5,
                                  .min = 0.0,
                                  .max = 0.5,
                                  .min_exclusive = true,
                                  .unit = "share of the distance",
                                  .description = "mu: how far each agent moves toward the other",
                                  .source = "Deffuant et al. 2000"});
  info.params.push_back(
      ParamSpec{.name = "meetings_per_agent",
                .default_number = 1.0,
                .min = 0.0,
                .max = 1000.0,
                .min_exclusive = true,
                .unit = "meetings per agent per step",
                .description = "a step is round(meetings_per_agent * n) pair meetings",
                .source = "convention (one Monte Carlo sweep per step)"});
  for (auto& spec : opinion_seeding_params())
    info.params.push_back(std::move(spec));
  info.agent_params = opinion_agent_params();
  info.outcomes = {"mean_opinion", "opinion_spread", "major_clusters", "clusters"};
  info.bytes_per_node = 2 * sizeof(double);
  info.make = [](const ParamValues& values) {
    return std::make_unique<DeffuantModel>(
        DeffuantParams{values.real("confidence"), values.real("convergence"),
                       values.real("meetings_per_agent"), values.real("major_cluster_share"),
                       values.text("layer")},
        values);
  };
  return info;
}

}  // namespace village
