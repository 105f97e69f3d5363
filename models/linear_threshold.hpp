#pragma once
// Linear threshold (Granovetter 1978, AJS 83:1420, doi:10.1086/226707; Kempe, Kleinberg
// & Tardos 2003). Agent v becomes active at t+1 when the influence of its neighbours
// active at t reaches its threshold theta_v; active agents stay active.
//   threshold_unit = "fraction": influence = sum of w_uv over active neighbours u, with
//     w_uv = 1/deg(v), or weight_uv / sum_u weight_uv when use_weights.
//   threshold_unit = "count": influence = number of active neighbours (Granovetter's
//     "how many others must act first").
// Thresholds: "uniform" draws theta_v from (0, 1] (Kempe et al.: the expected spread
// then equals reachability in the live-edge graph where each agent keeps one incoming
// arc, u->v with probability w_uv), or "constant" gives every agent `threshold`
// (Watts 2002, PNAS 99:5766, doi:10.1073/pnas.082090499). An agent with threshold 0
// acts at step 1 without anyone acting first. An attributes file may give each agent its
// own threshold (column `threshold`, in threshold_unit), as in Granovetter's crowd.
// Seeds (models/seeding.hpp) stay active, as every active agent does: in a threshold
// model from seeds alone the active set only grows, so every seed is committed.
// Update: synchronous; O(n + m) per step.

#include <cstdint>
#include <string>
#include <vector>

#include "models/model_registry.hpp"

namespace village {

struct LinearThresholdParams {
  std::string threshold_distribution = "uniform";  // uniform | constant
  double threshold = 0.5;
  std::string threshold_unit = "fraction";  // fraction | count
  bool use_weights = false;
  std::string layer = "network";
};

class LinearThresholdModel : public Model {
 public:
  LinearThresholdModel(LinearThresholdParams params, ParamValues seeding)
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;

  // Experiments: fix the thresholds (in threshold_unit) and/or the initial agents.
  void set_thresholds(std::vector<double> thresholds) { fixed_thresholds_ = std::move(thresholds); }
  void set_initial_agents(std::vector<NodeId> agents) { chosen_ = std::move(agents); }
  const std::vector<std::uint8_t>& active() const { return active_; }

 private:
  LinearThresholdParams params_;
  ParamValues seeding_;
  std::vector<double> fixed_thresholds_;
  std::vector<NodeId> chosen_;
  std::vector<double> threshold_;
  std::vector<double> weight_total_;  // per agent: sum of incoming weights
  std::vector<std::uint8_t> active_;
  std::vector<std::uint8_t> next_;
};

}  // namespace village
