#pragma once
// Influence maximisation under the independent cascade (Kempe, Kleinberg & Tardos 2003,
// KDD, doi:10.1145/956750.956769): each newly active node activates each neighbour
// once with probability p. Find k seeds maximising the expected number of active nodes
// sigma(S). Undirected layers activate along both directions of a tie independently.
//
// CELF (Leskovec et al. 2007, KDD, doi:10.1145/1281192.1281239): greedy selection with
//   lazy re-evaluation of marginal gains. sigma is estimated on R live-edge samples
//   (each arc live with probability p, the same R samples for every candidate set), so
//   the estimate is itself monotone and submodular and CELF returns exactly the greedy
//   choice for it: within (1 - 1/e) of the best k-set for the estimate, which tends to
//   sigma as R grows. O(k n R (n + m)) worst case; for graphs up to some 10^4 nodes.
// IMM (Tang, Shi & Xiao 2015, SIGMOD, doi:10.1145/2723372.2723734): reverse-reachable
//   (RR) sets from random roots, the number theta of RR sets fixed by the paper's
//   martingale bounds (Algorithms 1-3, with l raised to l (1 + log 2 / log n)), then
//   greedy maximum coverage. Guarantee: with probability at least 1 - 1/n^l the seeds'
//   expected spread is at least (1 - 1/e - epsilon) times the optimum. Expected time
//   O((k + l)(n + m) log n / epsilon^2). Memory: 4 bytes per RR-set member, 8 per set;
//   RR sets grow large as p approaches the epidemic threshold.
// Both draw only from the random stream given, addressed by sample or RR-set number, so
// the seeds do not depend on the thread count.

#include <cstdint>
#include <vector>

#include "analysis/network/graph_input.hpp"
#include "sim/rng.hpp"

namespace village::network {

struct InfluenceSeeds {
  std::vector<NodeId> seeds;    // in order of selection
  double estimated_spread = 0;  // expected active nodes, seeds included
  std::uint64_t samples = 0;    // live-edge samples (CELF) or RR sets (IMM)
};

struct CelfOptions {
  std::size_t k = 10;
  double probability = 0.1;  // activation probability per arc
  std::uint32_t samples = 1000;
  std::vector<NodeId> candidates;  // the nodes seeds are chosen from (empty: all)
};

InfluenceSeeds celf(const CsrLayer& layer, const CelfOptions& options, const RandomStream& rng);

struct ImmOptions {
  std::size_t k = 10;
  double probability = 0.1;
  double epsilon = 0.1;  // approximation slack
  double ell = 1.0;      // failure probability 1 / n^ell
};

InfluenceSeeds imm(const CsrLayer& layer, const ImmOptions& options, const RandomStream& rng);

// Mean number of active nodes over R independent cascades from the seeds (a check on
// either method's seeds; independent of the samples they used).
double independent_cascade_spread(const CsrLayer& layer, const std::vector<NodeId>& seeds,
                                  double probability, std::uint32_t runs, const RandomStream& rng);

}  // namespace village::network
