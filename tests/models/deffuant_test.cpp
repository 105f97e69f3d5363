// Deffuant bounded confidence against the literature (Deffuant, Neau, Amblard &
// Weisbuch 2000, Adv. Complex Syst. 3:87; Weisbuch et al. 2002, Complexity 7(3):55):
// uniform opinions on [0, 1] end in about floor(1/(2 epsilon)) major clusters on the
// complete graph, and in consensus for epsilon > 0.5 on a connected network (Fortunato
// 2004, IJMPC 15:1301; Lanchier 2012, Ann. Appl. Probab. 22:860).

#include "models/deffuant.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "model_test_support.hpp"
#include "models/opinion_metrics.hpp"

namespace {

using village::NodeId;

std::unique_ptr<village::DeffuantModel> deffuant(double epsilon) {
  auto values = village_test::defaults_of("deffuant");
  values.set("confidence", epsilon);
  auto model = village::find_model("deffuant")->make(values);
  auto* typed = dynamic_cast<village::DeffuantModel*>(model.release());
  REQUIRE(typed != nullptr);
  return std::unique_ptr<village::DeffuantModel>(typed);
}

// Widest cluster, clusters split where consecutive sorted opinions differ by more than gap.
double widest_cluster(std::vector<double> opinions, double gap) {
  std::sort(opinions.begin(), opinions.end());
  double widest = 0;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= opinions.size(); ++i) {
    if (i == opinions.size() || opinions[i] - opinions[i - 1] > gap) {
      widest = std::max(widest, opinions[i - 1] - opinions[start]);
      start = i;
    }
  }
  return widest;
}

}  // namespace

TEST_CASE("Deffuant reaches consensus for epsilon above 0.5 on connected networks",
          "[validation][statistical]") {
  // epsilon = 0.6, mu = 0.5 (the registry default): three G(500, 8/499) graphs (checked
  // connected) and the complete graph. 400 sweeps: each meeting halves a pair's distance, and
  // the measured spreads are 0 to double precision by then, far inside the 1e-3 bound.
  const auto defaults = village_test::defaults_of("deffuant");
  REQUIRE(defaults.real("convergence") == 0.5);
  std::vector<village::CsrLayer> layers;
  for (std::uint64_t seed : {1u, 2u, 3u})
    layers.push_back(village::erdos_renyi_gnp(500, 8.0 / 499, village::RandomStream(seed, 0)));
  layers.push_back(village::complete_graph(500));
  for (std::size_t g = 0; g < layers.size(); ++g) {
    INFO("network " << g);
    REQUIRE(village_test::connected(layers[g]));
    auto world = village_test::world_of(std::move(layers[g]));
    auto model = deffuant(0.6);
    const village::RandomStream rng(8, g);
    village_test::advance(*model, world, rng, 400);
    INFO("spread " << village_test::spread(model->opinions()));
    CHECK(village_test::spread(model->opinions()) < 1e-3);
    CHECK(village_test::observed(*model, world, "major_clusters") == 1.0);
  }
}

TEST_CASE("Deffuant with small epsilon ends in about floor(1/(2 epsilon)) major clusters",
          "[validation][statistical]") {
  // Complete graph of 1000 agents, mu = 0.5, 1500 sweeps, 10 replicates per epsilon.
  // Each replicate must be at rest: every cluster (split at gaps > epsilon) narrower than
  // epsilon. Then all pairs inside a cluster interact and none across, so clusters only
  // contract and the count is final. Major: at least 1% of the agents (the registry's
  // major_cluster_share), which leaves out the small clusters near 0 and 1 (Weisbuch et
  // al. 2002). Measured means (seed 21): 4.7, 3.0, 2.1, 2.0 major clusters for epsilon
  // 0.1, 0.15, 0.2, 0.25 against floor(1/(2 epsilon)) = 5, 3, 2, 2; a replicate's count
  // varies by about +-0.5, so the mean of 10 varies by about 0.16 and the +-1 band is
  // five of those beyond the largest gap seen.
  const auto complete = village::complete_graph(1000);
  for (const double epsilon : {0.1, 0.15, 0.2, 0.25}) {
    const int replicates = 10;
    double major = 0;
    for (int run = 0; run < replicates; ++run) {
      auto world = village_test::world_of(complete);
      auto model = deffuant(epsilon);
      village_test::advance(*model, world, village::RandomStream(21, run), 1500);
      INFO("epsilon " << epsilon << " run " << run);
      REQUIRE(widest_cluster(model->opinions(), epsilon) < epsilon);
      const auto clusters = village::count_clusters(model->opinions(), epsilon, 0.01);
      CHECK(village_test::observed(*model, world, "major_clusters") == clusters.major);
      major += clusters.major;
    }
    major /= replicates;
    const double expected = std::floor(1 / (2 * epsilon));
    INFO("epsilon " << epsilon << ": mean major clusters " << major << ", floor(1/(2 eps)) "
                    << expected);
    CHECK(std::abs(major - expected) <= 1.0);
  }
}

TEST_CASE("Deffuant meetings conserve the mean opinion", "[validation]") {
  // A meeting moves x_i and x_j by +-mu (x_j - x_i): their sum is unchanged, so the mean
  // opinion is invariant up to rounding (about 1e-16 per meeting). Through the runner.
  const village::RunPlan plan{.seed = 5, .replicates = 4, .steps = 200, .record_every = 50};
  const auto values = village_test::defaults_of("deffuant");
  const auto records = village::run_replicates(
      plan,
      [](const village::RandomStream& rng) {
        return village_test::world_of(village::erdos_renyi_gnp(1000, 6.0 / 999, rng));
      },
      [&] { return village::find_model("deffuant")->make(values); });
  REQUIRE(records.size() == 4);
  for (const auto& record : records) {
    const double initial = village_test::recorded(record, "mean_opinion", 0);
    INFO("run " << record.run);
    CHECK(std::abs(initial - 0.5) < 0.05);  // uniform x(0): sd of the mean is 0.009
    for (std::uint32_t t = 50; t <= plan.steps; t += 50)
      CHECK(std::abs(village_test::recorded(record, "mean_opinion", t) - initial) < 1e-12);
    // Default epsilon 0.3 < 0.5 and a sparse graph: opinions have contracted, not merged.
    CHECK(village_test::recorded(record, "opinion_spread", plan.steps) <
          village_test::recorded(record, "opinion_spread", 0));
  }
}

TEST_CASE("Deffuant parameter registry", "[unit]") {
  village_test::check_registry_entry("deffuant");
}
