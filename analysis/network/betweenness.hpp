#pragma once
// Shortest-path betweenness (Freeman 1977, Sociometry 40:35, doi:10.2307/3033543):
// B(v) = sum over pairs s != v != t of sigma_st(v) / sigma_st, sigma_st the number of
// shortest s-t paths and sigma_st(v) those through v. Unweighted (hop) distances.
//
// Convention (igraph's betweenness(), networkx's with normalized=False): an undirected
// layer counts each unordered pair {s, t} once; a directed layer counts ordered pairs.
// normalized_betweenness() divides by the number of pairs not involving v,
// (n-1)(n-2)/2 undirected or (n-1)(n-2) directed (networkx's normalized=True).
//
// Exact: Brandes's algorithm (2001, J. Math. Sociol. 25:163,
// doi:10.1080/0022250X.2001.9990249), one BFS and one dependency accumulation per
// source, O(nm) time; each BFS is direction-optimising on undirected layers (Beamer,
// Asanovic & Patterson 2012). Sources run in parallel in batches; each source's
// dependencies are added to the total in source order, so the result is bit-identical
// for any thread count. Memory: 28 bytes per node per thread, plus 8 bytes per node per
// source of a batch (max(4 x threads, 2^20 / n) sources: about 8 MB).
//
// Sampled (Brandes & Pich 2007, Int. J. Bifurcation Chaos 17:2303,
// doi:10.1142/S0218127407018403): k sources drawn uniformly with replacement, the
// dependencies scaled by n/k. Error (Hoeffding's inequality plus a union bound over
// the n nodes): each source contributes delta_s(v) / (n-2) in [0, 1], so with
// probability at least 1 - failure_probability every node's estimate satisfies
//   |estimate(v) - B(v)| <= epsilon * n (n-2) / 2   (undirected; n (n-2) directed),
//   epsilon = sqrt(ln(2n / failure_probability) / (2k)),
// i.e. about epsilon on the normalized scale. samples_for_error() inverts this.

#include <cstdint>
#include <span>

#include "analysis/network/graph_input.hpp"
#include "sim/rng.hpp"

namespace village::network {

Scores betweenness(const CsrLayer& layer);

struct SampledBetweenness {
  Scores values;                   // estimates on the scale of betweenness()
  std::uint64_t samples = 0;       // sources drawn
  double failure_probability = 0;  // delta
  double epsilon = 0;              // normalized-scale error bound (see above)
  double absolute_error = 0;       // the same bound on the scale of values
};

SampledBetweenness sampled_betweenness(const CsrLayer& layer, std::uint64_t samples,
                                       const RandomStream& rng, double failure_probability = 0.05);

// Smallest k for which the bound above is epsilon at the given failure probability.
std::uint64_t samples_for_error(NodeId n, double epsilon, double failure_probability);

// Brandes's accumulation over the given sources, in their order (exposed for tests).
Scores betweenness_from_sources(const CsrLayer& layer, std::span<const NodeId> sources);

Scores normalized_betweenness(const Scores& raw, const CsrLayer& layer);

}  // namespace village::network
