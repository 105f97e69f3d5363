#pragma once
// Deffuant bounded confidence (Deffuant, Neau, Amblard & Weisbuch 2000, Adv. Complex
// Syst. 3:87, doi:10.1142/S0219525900000078). A random agent i and a random neighbour j
// meet; if |x_i - x_j| < epsilon both move a share mu of the way toward each other.
// Uniform initial opinions give about floor(1/(2 epsilon)) major clusters; consensus for
// epsilon > 0.5 on any connected network (Fortunato 2004, IJMPC 15:1301; Lanchier 2012).
//
// The model is defined by random sequential pair updates, so it is not double-buffered:
// one step is n meetings, applied in order, serially. Meeting k of step t draws its
// agent, neighbour from (t, k, "deffuant.meet"), so runs are reproducible; replicates
// run in parallel. O(n) per step. Seeds, committed agents and stubbornness (each agent
// moves (1 - s) mu of the distance): models/opinion_start.hpp.

#include <vector>

#include "models/model_registry.hpp"
#include "models/opinion_start.hpp"

namespace village {

struct DeffuantParams {
  double confidence = 0.3;   // epsilon
  double convergence = 0.5;  // mu
  double meetings_per_agent = 1.0;
  double major_cluster_share = 0.01;
  std::string layer = "network";
};

class DeffuantModel : public Model {
 public:
  explicit DeffuantModel(DeffuantParams params,
                         ParamValues seeding = ParamValues(opinion_seeding_params()))
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;
  const std::vector<double>& opinions() const { return opinion_; }

 private:
  DeffuantParams params_;
  ParamValues seeding_;
  std::vector<double> opinion_;
  std::vector<double> openness_;  // 1 - stubbornness (opinion_start.hpp); empty: all 1
};

}  // namespace village
