#include "models/hegselmann_krause.hpp"

#include <algorithm>
#include <numeric>

#include "models/opinion_metrics.hpp"
#include "sim/parallel.hpp"

namespace village {

namespace {
constexpr std::uint64_t kInitial = purpose("hk.initial");
constexpr std::uint64_t kSeed = purpose("hk.seed");
}  // namespace

void HegselmannKrauseModel::initialize(World& world, const RandomStream& rng) {
  OpinionStart start =
      opinion_start(world, world.layer(params_.layer), seeding_, rng, kInitial, kSeed);
  opinion_ = std::move(start.opinion);
  openness_ = std::move(start.openness);
  next_.resize(opinion_.size());
}

void HegselmannKrauseModel::step(World& world, const StepContext&) {
  if (params_.mean_field) {
    step_mean_field();
  } else {
    step_on_layer(world.layer(params_.layer));
  }
  if (!openness_.empty()) {
    for (std::size_t v = 0; v < opinion_.size(); ++v)
      next_[v] = opinion_[v] + openness_[v] * (next_[v] - opinion_[v]);
  }
  opinion_.swap(next_);
}

void HegselmannKrauseModel::step_on_layer(const CsrLayer& layer) {
  const double epsilon = params_.confidence;
  for_each_index_balanced(0, layer.node_count(), [&](std::int64_t i) {
    const auto v = static_cast<NodeId>(i);
    const double own = opinion_[v];
    double sum = own;
    std::uint32_t count = 1;
    for (NodeId u : layer.neighbours(v)) {
      if (std::abs(opinion_[u] - own) <= epsilon) {
        sum += opinion_[u];
        ++count;
      }
    }
    next_[v] = sum / count;
  });
}

void HegselmannKrauseModel::step_mean_field() {
  const std::size_t n = opinion_.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return opinion_[a] != opinion_[b] ? opinion_[a] < opinion_[b] : a < b;
  });
  std::vector<double> sorted(n);
  std::vector<double> prefix(n + 1, 0.0);
  for (std::size_t k = 0; k < n; ++k) {
    sorted[k] = opinion_[order[k]];
    prefix[k + 1] = prefix[k] + sorted[k];
  }
  const double epsilon = params_.confidence;
  std::size_t low = 0;
  std::size_t high = 0;  // window [low, high) of opinions within epsilon of sorted[k]
  for (std::size_t k = 0; k < n; ++k) {
    while (sorted[k] - sorted[low] > epsilon)
      ++low;
    if (high < k + 1) high = k + 1;
    while (high < n && sorted[high] - sorted[k] <= epsilon)
      ++high;
    next_[order[k]] = (prefix[high] - prefix[low]) / static_cast<double>(high - low);
  }
}

void HegselmannKrauseModel::observe(const World&, Observation& observation) const {
  record_opinion_metrics(observation, opinion_, params_.confidence, params_.major_cluster_share);
}

ModelInfo hegselmann_krause_model_info() {
  ModelInfo info;
  info.kind = "hegselmann_krause";
  info.summary = "Hegselmann-Krause: everyone moves to the mean of the opinions within reach";
  info.reference = "Hegselmann & Krause 2002, JASSS 5(3):2";
  info.params = bounded_confidence_params(0.2, "Hegselmann & Krause 2002; Fortunato 2005");
  info.params.push_back(
      ParamSpec{.name = "mean_field",
                .type = ParamType::boolean,
                .description = "every agent sees every other (complete graph) in O(n log n)",
                .source = "Hegselmann & Krause 2002"});
  for (auto& spec : opinion_seeding_params())
    info.params.push_back(std::move(spec));
  info.agent_params = opinion_agent_params();
  info.outcomes = {"mean_opinion", "opinion_spread", "major_clusters", "clusters"};
  info.bytes_per_node = 3 * sizeof(double) + sizeof(std::size_t) + 2 * sizeof(double);
  info.make = [](const ParamValues& values) {
    return std::make_unique<HegselmannKrauseModel>(
        HegselmannKrauseParams{values.real("confidence"), values.flag("mean_field"),
                               values.real("major_cluster_share"), values.text("layer")},
        values);
  };
  return info;
}

}  // namespace village
