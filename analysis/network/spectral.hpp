#pragma once
// Spectral centralities by power iteration on Eigen sparse matrices whose column
// indices are the layer's own target array (mapped, not copied); only the row offsets
// (4 bytes per node) and the values (8 bytes per arc: the weights, or 1) are built.
// Eigenvector and Katz: sparse products run rows in parallel (Eigen's OpenMP kernel),
// one row per thread at a time, and norms are serial, so results do not depend on the
// thread count.
//
// eigenvector centrality (Bonacich 1972, J. Math. Sociol. 2:113,
//   doi:10.1080/0022250X.1972.9989806): the leading eigenvector x of A (weighted when
//   the layer has weights), A x = lambda x, scaled so max x = 1 (igraph's
//   eigenvector_centrality(scale=True)). Undirected layers only. Iterates on A + I
//   (same eigenvector, no oscillation on bipartite graphs), from the degrees, until the
//   max-norm change is below tolerance. On a disconnected graph the components without
//   the largest eigenvalue tend to 0, as with igraph.
// Katz centrality (Katz 1953, Psychometrika 18:39, doi:10.1007/BF02289026):
//   x = alpha A x + beta 1, which converges for alpha < 1 / lambda_max; scaled to unit
//   Euclidean norm (networkx's katz_centrality(normalized=True)). alpha = 0 picks
//   0.85 / lambda_max.
// PageRank (Brin & Page 1998, Comput. Netw. ISDN Syst. 30:107,
//   doi:10.1016/S0169-7552(98)00110-X): x = d P^T x + (1 - d) / n, P the row-normalised
//   (weighted) adjacency; a node without out-arcs links to every node (igraph's and
//   networkx's choice). Sums to 1. Power iteration until the L1 change is below
//   tolerance (igraph's PRPACK solves to 1e-10 in L1 too; networkx stops at an L1
//   change below n x 1e-6, after one iteration on large graphs). Not on Eigen: one
//   fused pull pass per iteration over the layer's own arrays (the transpose, for a
//   directed layer), its sums in fixed chunks, so also independent of the thread count.

#include <cstdint>

#include "analysis/network/graph_input.hpp"

namespace village::network {

struct IterationOptions {
  double tolerance = 1e-10;
  std::uint32_t max_iterations = 10000;
};

struct EigenvectorCentrality {
  Scores values;
  double eigenvalue = 0;  // lambda_max of A
  std::uint32_t iterations = 0;
};

EigenvectorCentrality eigenvector_centrality(const CsrLayer& layer,
                                             const IterationOptions& options = {});

struct KatzOptions {
  double alpha = 0;  // 0: 0.85 / lambda_max
  double beta = 1;
  IterationOptions iteration;
};

struct KatzCentrality {
  Scores values;
  double alpha = 0;  // the alpha used
  std::uint32_t iterations = 0;
};

// Throws std::invalid_argument when alpha >= 1 / lambda_max (the series diverges).
KatzCentrality katz_centrality(const CsrLayer& layer, const KatzOptions& options = {});

struct PageRankOptions {
  double damping = 0.85;
  IterationOptions iteration{1e-10, 1000};
};

struct PageRank {
  Scores values;
  std::uint32_t iterations = 0;
};

PageRank pagerank(const CsrLayer& layer, const PageRankOptions& options = {});

}  // namespace village::network
