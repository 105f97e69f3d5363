#include "models/linear_threshold.hpp"

#include "models/edge_weights.hpp"
#include "models/seeding.hpp"
#include "sim/parallel.hpp"

namespace village {

namespace {
constexpr std::uint64_t kThreshold = purpose("lt.threshold");
constexpr std::uint64_t kSeed = purpose("lt.seed");
constexpr const char* kThresholdColumn = "threshold";
}  // namespace

void LinearThresholdModel::initialize(World& world, const RandomStream& rng) {
  const CsrLayer& layer = world.layer(params_.layer);
  if (params_.use_weights) require_edge_weights(layer, params_.layer);
  const NodeId n = world.population.size();
  if (!fixed_thresholds_.empty() && fixed_thresholds_.size() != n) {
    throw std::invalid_argument("LinearThresholdModel: one threshold per agent");
  }
  const std::vector<double> given = agent_column(world, kThresholdColumn);
  threshold_.resize(n);
  for (NodeId v = 0; v < n; ++v) {
    if (!fixed_thresholds_.empty()) {
      threshold_[v] = fixed_thresholds_[v];
    } else if (!given.empty()) {
      threshold_[v] = given[v];
    } else if (params_.threshold_distribution == "uniform") {
      threshold_[v] = 1.0 - rng.uniform(0, v, kThreshold);  // (0, 1]
    } else {
      threshold_[v] = params_.threshold;
    }
  }
  weight_total_.assign(n, 0.0);
  if (params_.use_weights) {
    const auto weights = layer.attribute("weight");
    for (NodeId v = 0; v < n; ++v) {
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a)
        weight_total_[v] += weights[a];
    }
  }
  active_.assign(n, 0);
  next_.assign(n, 0);
  const std::vector<NodeId> initial =
      chosen_.empty() ? choose_seeds(world, layer, seeding_, rng, kSeed, 0.0) : chosen_;
  for (NodeId v : initial)
    active_[v] = 1;
}

void LinearThresholdModel::step(World& world, const StepContext&) {
  const CsrLayer& layer = world.layer(params_.layer);
  const bool count_unit = params_.threshold_unit == "count";
  const std::span<const float> weights =
      params_.use_weights ? layer.attribute("weight") : std::span<const float>{};
  const auto& targets = layer.targets();
  for_each_index_balanced(0, layer.node_count(), [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    if (active_[v]) {
      next_[v] = 1;
      return;
    }
    double influence = 0.0;
    if (weights.empty() || count_unit) {
      std::uint32_t active_neighbours = 0;
      for (NodeId u : layer.neighbours(v))
        active_neighbours += active_[u];
      influence = count_unit
                      ? active_neighbours
                      : (layer.degree(v) == 0 ? 0.0 : double(active_neighbours) / layer.degree(v));
    } else if (weight_total_[v] > 0.0) {
      for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
        if (active_[targets[a]]) influence += weights[a];
      }
      influence /= weight_total_[v];
    }
    next_[v] = influence >= threshold_[v] ? 1 : 0;
  });
  active_.swap(next_);
}

void LinearThresholdModel::observe(const World& world, Observation& observation) const {
  observation.record_mean("active", 0, world.population.size(),
                          [&](NodeId v) { return double(active_[v]); });
}

ModelInfo linear_threshold_model_info() {
  ModelInfo info;
  info.kind = "linear_threshold";
  info.summary = "linear threshold: act once enough neighbours act";
  info.reference = "Granovetter 1978, AJS 83:1420; Kempe, Kleinberg & Tardos 2003, KDD";
  info.params = {
      ParamSpec{
          .name = "threshold_distribution",
          .type = ParamType::text,
          .default_text = "uniform",
          .choices = {"uniform", "constant"},
          .description =
              "uniform: each agent's threshold drawn from (0, 1]; constant: all equal `threshold`",
          .source = "Kempe et al. 2003 (uniform); Watts 2002 (constant)"},
      ParamSpec{
          .name = "threshold",
          .default_number = 0.5,
          .min = 0.0,
          .unit = "share of neighbours, or neighbours when threshold_unit = \"count\"",
          .description = "threshold of every agent when threshold_distribution = \"constant\"",
          .source = "Watts 2002, PNAS 99:5766"},
      ParamSpec{.name = "threshold_unit",
                .type = ParamType::text,
                .default_text = "fraction",
                .choices = {"fraction", "count"},
                .description =
                    "fraction: weighted share of neighbours; count: number of active neighbours",
                .source = "Granovetter 1978 (count); Kempe et al. 2003 (fraction)"},
      ParamSpec{
          .name = "use_weights",
          .type = ParamType::boolean,
          .description = "influence proportional to the 'weight' attribute instead of 1/degree",
          .source = "Kempe et al. 2003"},
      ParamSpec{.name = "layer",
                .type = ParamType::text,
                .default_text = "network",
                .description = "network layer influence flows on",
                .source = "convention"},
  };
  for (auto& spec : seeding_params())
    info.params.push_back(std::move(spec));
  info.agent_params = {
      ParamSpec{.name = kThresholdColumn,
                .default_number = 0.5,
                .min = 0.0,
                .unit = "as threshold_unit",
                .description = "the agent's own threshold, instead of threshold_distribution's",
                .source = "Granovetter 1978 (thresholds 0, 1, ..., 99)"}};
  info.outcomes = {"active"};
  info.bytes_per_node = 2 + 2 * sizeof(double);
  info.make = [](const ParamValues& values) {
    LinearThresholdParams params{values.text("threshold_distribution"), values.real("threshold"),
                                 values.text("threshold_unit"), values.flag("use_weights"),
                                 values.text("layer")};
    return std::make_unique<LinearThresholdModel>(std::move(params), values);
  };
  return info;
}

}  // namespace village
