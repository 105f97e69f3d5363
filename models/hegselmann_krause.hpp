#pragma once
// Hegselmann-Krause bounded confidence (Hegselmann & Krause 2002, JASSS 5(3):2).
// Synchronously, every agent moves to the mean opinion of itself and those of its
// neighbours within epsilon:
//   x_i(t+1) = mean { x_j : j in N(i) + {i}, |x_j(t) - x_i(t)| <= epsilon }.
// With mean_field every agent sees every other (the complete graph), computed from the
// sorted opinions and prefix sums in O(n log n) per step instead of O(n^2); otherwise
// O(n + m) per step on the layer. Seeds, committed agents and stubbornness:
// models/opinion_start.hpp. Consensus threshold: epsilon about 0.2 on the complete
// graph, about 0.5 for finite mean degree (Fortunato 2005, IJMPC 16:259).

#include <vector>

#include "models/model_registry.hpp"
#include "models/opinion_start.hpp"

namespace village {

struct HegselmannKrauseParams {
  double confidence = 0.2;
  bool mean_field = false;
  double major_cluster_share = 0.01;
  std::string layer = "network";
};

class HegselmannKrauseModel : public Model {
 public:
  explicit HegselmannKrauseModel(HegselmannKrauseParams params,
                                 ParamValues seeding = ParamValues(opinion_seeding_params()))
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;
  const std::vector<double>& opinions() const { return opinion_; }

 private:
  void step_mean_field();
  void step_on_layer(const CsrLayer& layer);

  HegselmannKrauseParams params_;
  ParamValues seeding_;
  std::vector<double> opinion_;
  std::vector<double> openness_;  // 1 - stubbornness (opinion_start.hpp); empty: all 1
  std::vector<double> next_;
};

}  // namespace village
