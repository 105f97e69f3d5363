#include "models/seeding.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace village {

const std::vector<std::string>& seeding_rules() {
  static const std::vector<std::string> rules{
      "random",       "top_degree", "top_betweenness",   "top_eigenvector",
      "top_pagerank", "top_kcore",  "one_per_community", "friend_nomination",
      "celf",         "imm",        "neighbourhood",     "file"};
  return rules;
}

std::vector<ParamSpec> seeding_params(SeedingDefaults defaults) {
  const std::string seeds =
      defaults.opinion ? "seeds (committed agents)" : "seeds (agents active or infected at step 0)";
  std::vector<ParamSpec> specs{
      ParamSpec{.name = "seeding",
                .type = ParamType::text,
                .default_text = "random",
                .choices = seeding_rules(),
                .description = "rule that chooses the " + seeds +
                               " (models/seeding.hpp, docs/scenario-reference.md)",
                .source = "Kempe et al. 2003; Kim et al. 2015; Centola 2010"},
      ParamSpec{.name = "initial_fraction",
                .default_number = defaults.initial_fraction,
                .min = 0.0,
                .max = 1.0,
                .unit = "share of agents",
                .description = "share of agents that are " + seeds,
                .source = defaults.opinion
                              ? "convention (none); Centola et al. 2018 use about 0.25"
                              : "convention; Newman 2002 takes the limit of a vanishing share"},
      ParamSpec{.name = "initial_count",
                .type = ParamType::integer,
                .default_number = 0,
                .min = 0,
                .max = 4294967294.0,
                .unit = "agents",
                .description = "number of " + seeds + "; overrides initial_fraction when > 0",
                .source = "convention"},
      ParamSpec{.name = "seeding_file",
                .type = ParamType::text,
                .description = "seeding = \"file\": CSV with an `id` column (labels of an "
                               "imported network, else numbers from 0), one seed per line",
                .source = "convention"},
      ParamSpec{.name = "attributes",
                .type = ParamType::text,
                .description = "CSV of per-agent parameters: an `id` column and one column per "
                               "parameter (`village params` lists each model's); every agent "
                               "needs a row",
                .source = "convention"},
      ParamSpec{.name = "seeding_centre",
                .type = ParamType::text,
                .description = "seeding = \"neighbourhood\": the agent at the centre (label or "
                               "number); empty: one drawn uniformly from the run's stream",
                .source = "Centola 2010, Science 329:1194"},
      ParamSpec{.name = "seeding_probability",
                .default_number = 0.0,
                .min = 0.0,
                .max = 1.0,
                .unit = "probability per arc",
                .description = "celf and imm: the independent cascade's activation probability "
                               "they optimise for; 0: the model's own (its probability or "
                               "transmissibility), 0.1 for models without one",
                .source = "Kempe et al. 2003"},
      ParamSpec{.name = "seeding_epsilon",
                .default_number = 0.1,
                .min = 0.01,
                .max = 1.0,
                .unit = "share of the optimum",
                .description = "imm: approximation slack; spread >= (1 - 1/e - epsilon) x best "
                               "with probability >= 1 - 1/n",
                .source = "Tang, Shi & Xiao 2015, SIGMOD"},
      ParamSpec{.name = "seeding_samples",
                .type = ParamType::integer,
                .default_number = 200,
                .min = 1,
                .max = 1e6,
                .unit = "live-edge samples",
                .description = "celf: samples the expected spread is estimated on",
                .source = "Leskovec et al. 2007, KDD"},
  };
  // Whom to seed is what a campaign buys (a strategy of `village compare` may set it); the
  // attributes file describes the agents, which no strategy changes.
  for (ParamSpec& spec : specs)
    if (spec.name != "attributes") spec.role = ParamRole::intervention;
  if (defaults.opinion) {
    specs.push_back(ParamSpec{.name = "seed_opinion",
                              .default_number = 1.0,
                              .min = 0.0,
                              .max = 1.0,
                              .unit = "opinion",
                              .description = "opinion the seeds hold from step 0",
                              .source = "convention"});
    specs.push_back(ParamSpec{
        .name = "committed",
        .type = ParamType::boolean,
        .default_flag = true,
        .description = "seeds never change their opinion (a committed minority, Xie et al. "
                       "2011; Centola et al. 2018, Science 360:1116); false: they only start there",
        .source = "Centola et al. 2018"});
    specs[specs.size() - 2].role = specs.back().role = ParamRole::intervention;
  }
  return specs;
}

NodeId initial_agent_count(const ParamValues& params, NodeId n) {
  const auto count = params.integer("initial_count");
  if (count > 0) return static_cast<NodeId>(std::min<std::int64_t>(count, n));
  const double fraction = params.real("initial_fraction");
  if (fraction <= 0.0) return 0;
  const double rounded = std::round(fraction * n);
  return static_cast<NodeId>(std::clamp(rounded, 1.0, static_cast<double>(n)));
}

std::vector<NodeId> choose_initial_agents(NodeId n, NodeId count, const RandomStream& rng,
                                          std::uint64_t purpose_id) {
  if (count == 0) return {};
  std::vector<NodeId> order(n);
  std::iota(order.begin(), order.end(), NodeId{0});
  if (count < n) {
    std::vector<std::uint64_t> key(n);
    for (NodeId i = 0; i < n; ++i)
      key[i] = rng.block(0, i, purpose_id, 0)[0];
    // Ties have probability 2^-64 per pair; break them by id so the result is defined.
    auto by_key = [&](NodeId a, NodeId b) { return key[a] != key[b] ? key[a] < key[b] : a < b; };
    std::nth_element(order.begin(), order.begin() + count, order.end(), by_key);
    order.resize(count);
  }
  std::sort(order.begin(), order.end());
  return order;
}

std::optional<NodeId> find_agent(const std::vector<std::string>* labels, NodeId count,
                                 const std::string& id) {
  if (labels != nullptr) {
    const auto it = std::find(labels->begin(), labels->end(), id);
    if (it == labels->end()) return std::nullopt;
    return static_cast<NodeId>(it - labels->begin());
  }
  NodeId number = 0;
  const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), number);
  if (error != std::errc() || end != id.data() + id.size() || number >= count) return std::nullopt;
  return number;
}

ParamSpec susceptibility_param() {
  return ParamSpec{.name = kSusceptibility,
                   .default_number = 1.0,
                   .min = 0.0,
                   .unit = "multiple of the per-arc probability",
                   .description =
                       "scales the chance that each exposure (a newly active or "
                       "infected neighbour) activates the agent; capped at 1 per arc",
                   .source =
                       "convention; heterogeneous susceptibility as in Kempe et al. "
                       "2003's general cascade"};
}

std::vector<double> agent_column(const World& world, const char* name) {
  if (!world.population.has_real_column(name)) return {};
  return world.population.real_column(name);
}

std::vector<double> any_success_table(double p, std::uint32_t max_k) {
  std::vector<double> table(static_cast<std::size_t>(max_k) + 1);
  for (std::uint32_t k = 0; k <= max_k; ++k)
    table[k] = 1.0 - std::pow(1.0 - p, k);
  return table;
}

}  // namespace village
