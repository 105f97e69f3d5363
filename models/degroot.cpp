#include "models/degroot.hpp"

#include "models/edge_weights.hpp"
#include "models/opinion_metrics.hpp"
#include "sim/parallel.hpp"

namespace village {

namespace {
constexpr std::uint64_t kInitial = purpose("degroot.initial");
constexpr std::uint64_t kSeed = purpose("degroot.seed");
}  // namespace

DeGrootModel::Matrix DeGrootModel::build_matrix(const CsrLayer& layer, double self_weight,
                                                bool use_weights) {
  const NodeId n = layer.node_count();
  const std::span<const float> weights =
      use_weights ? layer.attribute("weight") : std::span<const float>{};
  Matrix matrix(n, n);
  // Row v holds the diagonal and v's neighbours; CSR rows are sorted, so fill in order.
  Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1> sizes(n);
  for (NodeId v = 0; v < n; ++v)
    sizes[v] = layer.degree(v) + 1;
  matrix.reserve(sizes);
  for (NodeId v = 0; v < n; ++v) {
    double total = 0.0;
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
      total += weights.empty() ? 1.0 : weights[a];
    const double self = total > 0.0 ? self_weight : 1.0;
    const double scale = total > 0.0 ? (1.0 - self_weight) / total : 0.0;
    bool diagonal_done = false;
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
      const NodeId u = layer.targets()[a];
      if (!diagonal_done && u > v) {
        matrix.insert(v, v) = self;
        diagonal_done = true;
      }
      matrix.insert(v, u) = scale * (weights.empty() ? 1.0 : weights[a]);
    }
    if (!diagonal_done) matrix.insert(v, v) = self;
  }
  matrix.makeCompressed();
  return matrix;
}

void DeGrootModel::initialize(World& world, const RandomStream& rng) {
  const CsrLayer& layer = world.layer(params_.layer);
  if (params_.use_weights) require_edge_weights(layer, params_.layer);
  matrix_ = build_matrix(layer, params_.self_weight, params_.use_weights);
  OpinionStart start = opinion_start(world, layer, seeding_, rng, kInitial, kSeed);
  openness_ = std::move(start.openness);
  const std::vector<double> initial =
      fixed_initial_.empty() ? std::move(start.opinion) : fixed_initial_;
  opinion_ =
      Eigen::Map<const Eigen::VectorXd>(initial.data(), static_cast<Eigen::Index>(initial.size()));
  next_.resize(opinion_.size());
}

void DeGrootModel::step(World&, const StepContext&) {
  const auto* outer = matrix_.outerIndexPtr();
  const auto* inner = matrix_.innerIndexPtr();
  const double* value = matrix_.valuePtr();
  const double* x = opinion_.data();
  double* y = next_.data();
  for_each_index(0, matrix_.rows(), [&](std::int64_t row) {
    double sum = 0.0;
    for (auto k = outer[row]; k < outer[row + 1]; ++k)
      sum += value[k] * x[inner[k]];
    y[row] = openness_.empty() ? sum : x[row] + openness_[row] * (sum - x[row]);
  });
  opinion_.swap(next_);
}

void DeGrootModel::observe(const World&, Observation& observation) const {
  record_opinion_metrics(
      observation,
      std::span<const double>(opinion_.data(), static_cast<std::size_t>(opinion_.size())), 0.0,
      0.0);
}

ModelInfo degroot_model_info() {
  ModelInfo info;
  info.kind = "degroot";
  info.summary = "DeGroot averaging: each agent moves to a weighted mean of its neighbours";
  info.reference = "DeGroot 1974, JASA 69:118";
  info.params = {
      ParamSpec{.name = "self_weight",
                .default_number = 0.5,
                .min = 0.0,
                .max = 1.0,
                .unit = "share",
                .description = "weight an agent gives its own opinion (> 0 makes T aperiodic)",
                .source = "DeGroot 1974"},
      ParamSpec{.name = "use_weights",
                .type = ParamType::boolean,
                .description = "weigh neighbours by the 'weight' attribute instead of equally",
                .source = "DeGroot 1974"},
      ParamSpec{.name = "layer",
                .type = ParamType::text,
                .default_text = "network",
                .description = "network layer opinions flow on",
                .source = "convention"},
  };
  for (auto& spec : opinion_seeding_params())
    info.params.push_back(std::move(spec));
  info.agent_params = opinion_agent_params();
  info.outcomes = {"mean_opinion", "opinion_spread"};
  info.bytes_per_node = 4 * sizeof(double) + 2 * sizeof(std::int64_t);
  info.bytes_per_arc = sizeof(double) + sizeof(std::int64_t);
  info.make = [](const ParamValues& values) {
    return std::make_unique<DeGrootModel>(
        DeGrootParams{values.real("self_weight"), values.flag("use_weights"), values.text("layer")},
        values);
  };
  return info;
}

}  // namespace village
