#pragma once
// Random network generators. Each runs in O(n + m) time and memory (none enumerates
// the n^2 node pairs) and draws only from the given stream, at step kSetupStep, so a
// network is a pure function of (seed, run, parameters). All return undirected
// layers without self-loops or multi-edges.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/rng.hpp"

namespace village {

// The stream step reserved for building the world before step 0.
inline constexpr std::uint64_t kSetupStep = 0xFFFF'FFFF'FFFF'FFFFULL;

// G(n, p): each pair independently with probability p, by geometric skipping
// (Batagelj & Brandes 2005, Phys. Rev. E 71:036113, doi:10.1103/PhysRevE.71.036113).
CsrLayer erdos_renyi_gnp(NodeId n, double p, const RandomStream& rng);

// G(n, m): m distinct edges drawn uniformly among the n(n-1)/2 pairs.
CsrLayer erdos_renyi_gnm(NodeId n, std::uint64_t m, const RandomStream& rng);

// Watts & Strogatz 1998 (Nature 393:440, doi:10.1038/30918): ring lattice where each
// node links to its k/2 nearest neighbours on each side (k even), then each edge's far
// end is rewired with probability beta to a uniform node, avoiding self-loops and
// existing edges.
CsrLayer watts_strogatz(NodeId n, std::uint32_t k, double beta, const RandomStream& rng);

// Barabasi & Albert 1999 (Science 286:509, doi:10.1126/science.286.5439.509): start from
// a clique of m + 1 nodes; each new node attaches to m distinct existing nodes chosen
// with probability proportional to degree (the repeated-nodes list of Batagelj &
// Brandes 2005).
CsrLayer barabasi_albert(NodeId n, std::uint32_t m, const RandomStream& rng);

// Degree sequences for the configuration model.
std::vector<std::uint32_t> poisson_degrees(NodeId n, double mean, const RandomStream& rng);
// P(k) proportional to k^-exponent for k_min <= k <= k_max (inverse-CDF sampling).
std::vector<std::uint32_t> power_law_degrees(NodeId n, double exponent, std::uint32_t k_min,
                                             std::uint32_t k_max, const RandomStream& rng);

// Configuration model (Molloy & Reed 1995; Newman 2002 Phys. Rev. E 66:016128): random
// stub matching of the given degree sequence. An odd degree sum is made even by adding
// one stub to the last node. Self-loops and multi-edges are erased (the "erased
// configuration model"), which removes O(<k^2>^2 / <k>^2) edges in expectation.
CsrLayer configuration_model(std::span<const std::uint32_t> degrees, const RandomStream& rng);

// Stochastic block model (Holland, Laskey & Leinhardt 1983): nodes in consecutive blocks
// of the given sizes; a pair in blocks (r, s) is linked with probability
// probabilities[r * blocks + s] (symmetric). Geometric skipping per block pair.
CsrLayer stochastic_block_model(std::span<const NodeId> block_sizes,
                                std::span<const double> probabilities, const RandomStream& rng);

// Every pair linked: n(n-1)/2 edges (mean-field tests of opinion models).
CsrLayer complete_graph(NodeId n);

}  // namespace village
