#include "analysis/network/influence_maximisation.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <queue>
#include <stdexcept>

#include "sim/parallel.hpp"

namespace village::network {

namespace {

constexpr std::uint64_t kLivePurpose = purpose("analysis.influence.live_arc");

void check_probability(double p) {
  if (!(p >= 0 && p <= 1)) throw std::invalid_argument("influence: probability outside [0, 1]");
}

// Is arc a live in live-edge sample r? One counter-based draw per (sample, arc).
bool live(const RandomStream& rng, std::uint64_t sample, ArcIndex arc, double p) {
  return rng.uniform(sample, arc, kLivePurpose) < p;
}

// Nodes newly reached in sample r from start, skipping already-active ones; marks them.
std::uint64_t spread_from(const CsrLayer& layer, const RandomStream& rng, std::uint64_t sample,
                          double p, NodeId start, std::vector<char>& active,
                          std::vector<NodeId>& queue, bool keep_marks) {
  if (active[start]) return 0;
  queue.assign(1, start);
  active[start] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const NodeId v = queue[head];
    for (ArcIndex a = layer.first_arc(v); a < layer.end_arc(v); ++a) {
      const NodeId w = layer.targets()[a];
      if (!active[w] && live(rng, sample, a, p)) {
        active[w] = 1;
        queue.push_back(w);
      }
    }
  }
  if (!keep_marks)
    for (NodeId v : queue)
      active[v] = 0;
  return queue.size();
}

}  // namespace

InfluenceSeeds celf(const CsrLayer& layer, const CelfOptions& options, const RandomStream& rng) {
  check_probability(options.probability);
  const NodeId n = layer.node_count();
  const std::uint32_t samples = std::max<std::uint32_t>(options.samples, 1);
  InfluenceSeeds result;
  result.samples = samples;
  // active[r] holds the nodes the chosen seeds reach in sample r.
  std::vector<std::vector<char>> active(samples, std::vector<char>(n, 0));
  // Marginal gain of v: total newly reached nodes over all samples (an integer, so the
  // sum does not depend on the order threads finish in).
  const auto gain = [&](NodeId v) {
    std::uint64_t total = 0;
#pragma omp parallel if (!omp_in_parallel() && samples > 1) reduction(+ : total)
    {
      std::vector<NodeId> queue;
#pragma omp for schedule(static)
      for (std::int64_t r = 0; r < static_cast<std::int64_t>(samples); ++r)
        total += spread_from(layer, rng, static_cast<std::uint64_t>(r), options.probability, v,
                             active[static_cast<std::size_t>(r)], queue, false);
    }
    return total;
  };
  struct Candidate {
    std::uint64_t gain;
    NodeId node;
    std::size_t round;  // the seed count when gain was computed
    bool operator<(const Candidate& other) const {
      if (gain != other.gain) return gain < other.gain;
      return node > other.node;  // the smaller id first on ties
    }
  };
  std::priority_queue<Candidate> queue;
  if (options.candidates.empty()) {
    for (NodeId v = 0; v < n; ++v)
      queue.push({gain(v), v, 0});
  } else {
    for (NodeId v : options.candidates) {
      if (v >= n) throw std::invalid_argument("celf: candidate node out of range");
      queue.push({gain(v), v, 0});
    }
  }
  std::uint64_t reached = 0;
  while (result.seeds.size() < std::min<std::size_t>(options.k, n) && !queue.empty()) {
    Candidate top = queue.top();
    queue.pop();
    if (top.round == result.seeds.size()) {
      result.seeds.push_back(top.node);
      reached += top.gain;
      std::vector<NodeId> scratch;
      for (std::uint32_t r = 0; r < samples; ++r)
        spread_from(layer, rng, r, options.probability, top.node, active[r], scratch, true);
    } else {
      top.gain = gain(top.node);
      top.round = result.seeds.size();
      queue.push(top);
    }
  }
  result.estimated_spread = static_cast<double>(reached) / samples;
  return result;
}

namespace {

// RR sets stored flat: members of set i are nodes[offsets[i] .. offsets[i + 1]).
struct RrSets {
  std::vector<std::uint64_t> offsets{0};
  std::vector<NodeId> nodes;
  std::size_t count() const { return offsets.size() - 1; }
};

// Appends RR sets number [count(), target) to sets. Set i is a function of i alone: its
// root and its live arcs come from the draw sequence at (i, purpose). For an undirected
// layer the reverse of arc v->w is w->v, whose live draw is keyed by the arc w->v index.
void grow_rr_sets(const CsrLayer& layer, double p, const RandomStream& rng, RrSets& sets,
                  std::uint64_t target) {
  const NodeId n = layer.node_count();
  const std::uint64_t first = sets.count();
  if (target <= first) return;
  const std::int64_t total = static_cast<std::int64_t>(target - first);
  const std::int64_t chunks = (total + 255) / 256;
  std::vector<RrSets> parts(static_cast<std::size_t>(chunks));
#pragma omp parallel if (!omp_in_parallel() && chunks > 1)
  {
    std::vector<char> seen(n, 0);
    std::vector<NodeId> queue;
#pragma omp for schedule(dynamic, 1)
    for (std::int64_t c = 0; c < chunks; ++c) {
      RrSets& part = parts[static_cast<std::size_t>(c)];
      const std::uint64_t lo = first + static_cast<std::uint64_t>(c) * 256;
      const std::uint64_t hi = std::min<std::uint64_t>(target, lo + 256);
      for (std::uint64_t i = lo; i < hi; ++i) {
        DrawSequence draws(rng, i, 0, purpose("analysis.influence.rr_set"));
        const auto root = static_cast<NodeId>(draws.below(n));
        queue.assign(1, root);
        seen[root] = 1;
        for (std::size_t head = 0; head < queue.size(); ++head) {
          const NodeId v = queue[head];
          for (NodeId u : layer.neighbours(v)) {
            if (seen[u]) continue;
            if (draws.uniform() < p) {
              seen[u] = 1;
              queue.push_back(u);
            }
          }
        }
        for (NodeId v : queue)
          seen[v] = 0;
        part.nodes.insert(part.nodes.end(), queue.begin(), queue.end());
        part.offsets.push_back(part.nodes.size());
      }
    }
  }
  for (const RrSets& part : parts) {
    const std::uint64_t base = sets.nodes.size();
    sets.nodes.insert(sets.nodes.end(), part.nodes.begin(), part.nodes.end());
    for (std::size_t i = 1; i < part.offsets.size(); ++i)
      sets.offsets.push_back(base + part.offsets[i]);
  }
}

// Greedy maximum coverage of the RR sets by k nodes; returns the fraction covered.
double select_nodes(const RrSets& sets, NodeId n, std::size_t k, std::vector<NodeId>& seeds) {
  std::vector<std::uint64_t> degree(n, 0);
  std::vector<std::uint64_t> index_offsets(n + std::size_t{1}, 0);
  for (NodeId v : sets.nodes)
    ++index_offsets[v + std::size_t{1}];
  for (NodeId v = 0; v < n; ++v) {
    degree[v] = index_offsets[v + std::size_t{1}];
    index_offsets[v + std::size_t{1}] += index_offsets[v];
  }
  std::vector<std::uint64_t> sets_of(sets.nodes.size());
  {
    std::vector<std::uint64_t> fill(index_offsets.begin(), index_offsets.end() - 1);
    for (std::size_t i = 0; i < sets.count(); ++i)
      for (std::uint64_t j = sets.offsets[i]; j < sets.offsets[i + 1]; ++j)
        sets_of[fill[sets.nodes[j]]++] = i;
  }
  std::vector<char> covered(sets.count(), 0);
  std::uint64_t covered_count = 0;
  seeds.clear();
  for (std::size_t round = 0; round < std::min<std::size_t>(k, n); ++round) {
    const auto best = static_cast<NodeId>(std::max_element(degree.begin(), degree.end()) -
                                          degree.begin());  // first maximum: smaller id
    seeds.push_back(best);
    for (std::uint64_t j = index_offsets[best]; j < index_offsets[best + std::size_t{1}]; ++j) {
      const std::uint64_t set = sets_of[j];
      if (covered[set]) continue;
      covered[set] = 1;
      ++covered_count;
      for (std::uint64_t m = sets.offsets[set]; m < sets.offsets[set + 1]; ++m)
        --degree[sets.nodes[m]];
    }
  }
  return sets.count() == 0 ? 0.0
                           : static_cast<double>(covered_count) / static_cast<double>(sets.count());
}

double log_binomial(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

}  // namespace

InfluenceSeeds imm(const CsrLayer& layer, const ImmOptions& options, const RandomStream& rng) {
  check_probability(options.probability);
  require_undirected(layer, "imm");
  if (!(options.epsilon > 0 && options.epsilon < 1))
    throw std::invalid_argument("imm: epsilon must be in (0, 1)");
  const NodeId n = layer.node_count();
  InfluenceSeeds result;
  if (n == 0 || options.k == 0) return result;
  const double nn = std::max(2.0, static_cast<double>(n));
  const double k = static_cast<double>(std::min<std::size_t>(options.k, n));
  const double ell = options.ell * (1 + std::log(2.0) / std::log(nn));
  const double log_choose = log_binomial(nn, k);
  const double e = std::exp(1.0);
  // Sampling (Algorithm 2): a lower bound LB on OPT by halving guesses x = n / 2^i.
  const double eps_prime = std::sqrt(2.0) * options.epsilon;
  const double lambda_prime = (2 + 2 * eps_prime / 3) *
                              (log_choose + ell * std::log(nn) + std::log(std::log2(nn))) * nn /
                              (eps_prime * eps_prime);
  RrSets sets;
  double lower_bound = 1;
  for (int i = 1; i < static_cast<int>(std::log2(nn)); ++i) {
    const double x = nn / std::pow(2.0, i);
    grow_rr_sets(layer, options.probability, rng, sets,
                 static_cast<std::uint64_t>(std::ceil(lambda_prime / x)));
    const double coverage = select_nodes(sets, n, options.k, result.seeds);
    if (nn * coverage >= (1 + eps_prime) * x) {
      lower_bound = nn * coverage / (1 + eps_prime);
      break;
    }
  }
  const double alpha = std::sqrt(ell * std::log(nn) + std::log(2.0));
  const double beta = std::sqrt((1 - 1 / e) * (log_choose + ell * std::log(nn) + std::log(2.0)));
  const double lambda_star =
      2 * nn * std::pow((1 - 1 / e) * alpha + beta, 2) / (options.epsilon * options.epsilon);
  grow_rr_sets(layer, options.probability, rng, sets,
               static_cast<std::uint64_t>(std::ceil(lambda_star / lower_bound)));
  const double coverage = select_nodes(sets, n, options.k, result.seeds);
  result.estimated_spread = nn * coverage;
  result.samples = sets.count();
  return result;
}

double independent_cascade_spread(const CsrLayer& layer, const std::vector<NodeId>& seeds,
                                  double probability, std::uint32_t runs, const RandomStream& rng) {
  check_probability(probability);
  const NodeId n = layer.node_count();
  if (runs == 0) return 0;
  std::uint64_t total = 0;
#pragma omp parallel if (!omp_in_parallel() && runs > 1) reduction(+ : total)
  {
    std::vector<char> active(n, 0);
    std::vector<NodeId> queue;
    std::vector<NodeId> reached;
#pragma omp for schedule(static)
    for (std::int64_t r = 0; r < static_cast<std::int64_t>(runs); ++r) {
      // Samples numbered from 2^32 keep these cascades apart from CELF's samples.
      const std::uint64_t sample = (std::uint64_t{1} << 32) + static_cast<std::uint64_t>(r);
      reached.clear();
      for (NodeId s : seeds) {
        spread_from(layer, rng, sample, probability, s, active, queue, true);
        reached.insert(reached.end(), queue.begin(), queue.end());
        queue.clear();
      }
      total += reached.size();
      for (NodeId v : reached)
        active[v] = 0;
    }
  }
  return static_cast<double>(total) / runs;
}

}  // namespace village::network
