#pragma once
// DeGroot averaging (DeGroot 1974, JASA 69:118, doi:10.1080/01621459.1974.10480137):
// x(t+1) = T x(t) with T = a I + (1 - a) W, W the row-normalised adjacency of the layer
// (edge weights when use_weights; for a directed layer, arc v->u means v listens to
// u) and a the self weight. Agents without neighbours keep their opinion. On a strongly
// connected, aperiodic network every opinion converges to s x(0), s the left unit
// eigenvector of T (for an undirected unweighted layer, s_v proportional to deg(v)).
// T is an Eigen row-major sparse matrix built once; a step is one sparse product,
// O(n + m), each row summed in a fixed order (bit-identical for any thread count).
// Seeds, committed agents and stubbornness: models/opinion_start.hpp.

#include <Eigen/SparseCore>
#include <cstdint>
#include <vector>

#include "models/model_registry.hpp"
#include "models/opinion_start.hpp"

namespace village {

struct DeGrootParams {
  double self_weight = 0.5;
  bool use_weights = false;
  std::string layer = "network";
};

class DeGrootModel : public Model {
 public:
  using Matrix = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t>;

  explicit DeGrootModel(DeGrootParams params,
                        ParamValues seeding = ParamValues(opinion_seeding_params()))
      : params_(std::move(params)), seeding_(std::move(seeding)) {}
  void initialize(World& world, const RandomStream& rng) override;
  void step(World& world, const StepContext& context) override;
  void observe(const World& world, Observation& observation) const override;

  void set_initial_opinions(std::vector<double> opinions) { fixed_initial_ = std::move(opinions); }
  const Eigen::VectorXd& opinions() const { return opinion_; }
  const Matrix& trust_matrix() const { return matrix_; }

  // T for a layer, as used by the model (exposed for tests and analysis).
  static Matrix build_matrix(const CsrLayer& layer, double self_weight, bool use_weights);

 private:
  DeGrootParams params_;
  ParamValues seeding_;
  std::vector<double> fixed_initial_;
  std::vector<double> openness_;  // 1 - stubbornness (opinion_start.hpp); empty: all 1
  Matrix matrix_;
  Eigen::VectorXd opinion_;
  Eigen::VectorXd next_;
};

}  // namespace village
