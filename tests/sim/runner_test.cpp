#include "sim/runner.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "sim/parallel.hpp"

namespace {

using village::NodeId;

// A toy model: each agent's value moves to its neighbours' mean plus noise, double-buffered.
class NoisyAveraging : public village::Model {
 public:
  explicit NoisyAveraging(bool fail_on_run_one = false) : fail_(fail_on_run_one) {}
  void initialize(village::World& world, const village::RandomStream& rng) override {
    const NodeId n = world.population.size();
    value_.resize(n);
    next_.resize(n);
    for (NodeId i = 0; i < n; ++i)
      value_[i] = rng.uniform(0, i, village::purpose("toy.init"));
  }
  void step(village::World& world, const village::StepContext& context) override {
    if (fail_ && context.rng.run() == 1 && context.step == 2) throw std::runtime_error("boom");
    const auto& ring = world.layer("ring");
    village::for_each_index(0, world.population.size(), [&](std::int64_t i) {
      const auto v = static_cast<NodeId>(i);
      double sum = 0;
      for (NodeId u : ring.neighbours(v))
        sum += value_[u];
      next_[v] = sum / ring.degree(v) +
                 0.01 * context.rng.uniform(context.step, v, village::purpose("toy.noise"));
    });
    value_.swap(next_);
  }
  void observe(const village::World& world, village::Observation& observation) const override {
    observation.record_mean("value", 0, world.population.size(),
                            [&](NodeId i) { return value_[i]; });
  }

 private:
  bool fail_;
  std::vector<double> value_;
  std::vector<double> next_;
};

village::World ring_world(const village::RandomStream&) {
  const NodeId n = 40000;
  village::World world;
  world.population = village::Population({{"node", n}});
  std::vector<std::uint32_t> group(n);
  for (NodeId i = 0; i < n; ++i)
    group[i] = i % 2;
  world.population.assign_groups({"even", "odd"}, std::move(group));
  std::vector<village::EdgeRecord> edges;
  for (NodeId i = 0; i < n; ++i)
    edges.push_back({i, (i + 1) % n, 1.f});
  world.layers["ring"] = village::CsrLayer::from_edges(n, edges, village::Direction::undirected);
  return world;
}

}  // namespace

TEST_CASE("replicates are bit-identical for 1 and 2 threads and differ from each other", "[unit]") {
  const village::RunPlan plan{.seed = 7, .replicates = 3, .steps = 5, .record_every = 2};
  auto make_model = [] { return std::make_unique<NoisyAveraging>(); };
  const int saved = village::thread_count();
  village::set_thread_count(1);
  const auto one = village::run_replicates(plan, ring_world, make_model);
  village::set_thread_count(2);
  const auto two = village::run_replicates(plan, ring_world, make_model);
  // A single replicate uses the threads inside the run: still the same numbers.
  const auto single = village::run_one(0, plan, ring_world, make_model);
  village::set_thread_count(saved);

  REQUIRE(one.size() == 3);
  for (std::size_t r = 0; r < 3; ++r) {
    REQUIRE(one[r].rows.size() == two[r].rows.size());
    CHECK(one[r].run == r);
    for (std::size_t k = 0; k < one[r].rows.size(); ++k)
      CHECK(one[r].rows[k].value == two[r].rows[k].value);
  }
  REQUIRE(single.rows.size() == one[0].rows.size());
  for (std::size_t k = 0; k < single.rows.size(); ++k)
    CHECK(single.rows[k].value == one[0].rows[k].value);
  CHECK(one[0].rows.back().value != one[1].rows.back().value);
  // Steps 0, 2, 4 and the last (5); three rows each (all, even, odd).
  CHECK(one[0].rows.size() == 12);
  CHECK(one[0].rows.back().step == 5);
  CHECK(one[0].rows[1].group == "even");
}

TEST_CASE("an exception in one replicate reaches the caller", "[unit]") {
  const village::RunPlan plan{.seed = 7, .replicates = 3, .steps = 4, .record_every = 1};
  auto make_model = [] { return std::make_unique<NoisyAveraging>(true); };
  CHECK_THROWS_WITH(village::run_replicates(plan, ring_world, make_model), "boom");
}

TEST_CASE("record_steps observes only those steps and the last, with the same values", "[unit]") {
  const village::RunPlan every{.seed = 7, .replicates = 1, .steps = 6, .record_every = 1};
  village::RunPlan some = every;
  some.record_steps = {2, 4};
  auto make_model = [] { return std::make_unique<NoisyAveraging>(); };
  const auto all = village::run_one(0, every, ring_world, make_model);
  const auto few = village::run_one(0, some, ring_world, make_model);
  // Steps 2, 4 and the last (6); three rows each.
  REQUIRE(few.rows.size() == 9);
  for (const village::MetricRow& row : few.rows) {
    CHECK((row.step == 2 || row.step == 4 || row.step == 6));
    bool found = false;
    for (const village::MetricRow& other : all.rows)
      if (other.step == row.step && other.group == row.group) {
        CHECK(other.value == row.value);
        found = true;
      }
    CHECK(found);
  }
}
