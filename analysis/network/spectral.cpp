#include "analysis/network/spectral.hpp"

#include <Eigen/SparseCore>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "sim/parallel.hpp"

namespace village::network {

namespace {

using Matrix = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>;
using Vector = Eigen::VectorXd;

// The adjacency matrix over the layer's arrays: row v holds v's arcs. Eigen reads the
// target array through a pointer to int32 (the signed counterpart of NodeId, which the
// language lets alias it).
class AdjacencyMatrix {
 public:
  explicit AdjacencyMatrix(const CsrLayer& layer) {
    if (layer.arc_count() > static_cast<ArcIndex>(std::numeric_limits<std::int32_t>::max()) ||
        layer.node_count() > static_cast<NodeId>(std::numeric_limits<std::int32_t>::max()))
      throw std::invalid_argument("spectral centralities: more than 2^31 arcs or nodes");
    offsets_.resize(layer.node_count() + std::size_t{1});
    for (std::size_t v = 0; v < offsets_.size(); ++v)
      offsets_[v] = static_cast<std::int32_t>(layer.offsets()[v]);
    const auto weights = arc_weights(layer);
    values_.resize(layer.arc_count());
    for (ArcIndex a = 0; a < layer.arc_count(); ++a)
      values_[a] = weight_of(weights, a);
    const auto n = static_cast<Eigen::Index>(layer.node_count());
    const auto* inner = reinterpret_cast<const std::int32_t*>(layer.targets().data());
    map_.emplace(n, n, static_cast<Eigen::Index>(layer.arc_count()), offsets_.data(), inner,
                 values_.data());
  }
  const Eigen::Map<const Matrix>& matrix() const { return *map_; }
  const std::vector<double>& values() const { return values_; }

 private:
  std::vector<std::int32_t> offsets_;
  std::vector<double> values_;
  std::optional<Eigen::Map<const Matrix>> map_;
};

}  // namespace

EigenvectorCentrality eigenvector_centrality(const CsrLayer& layer,
                                             const IterationOptions& options) {
  require_undirected(layer, "eigenvector_centrality");
  const auto n = static_cast<Eigen::Index>(layer.node_count());
  EigenvectorCentrality result;
  if (n == 0) return result;
  if (layer.arc_count() == 0) {
    result.values.assign(layer.node_count(), 1.0);  // every node alike (igraph: all 1)
    return result;
  }
  const AdjacencyMatrix adjacency(layer);
  const auto& a = adjacency.matrix();
  Vector x(n);
  for (Eigen::Index v = 0; v < n; ++v)
    x[v] = static_cast<double>(layer.degree(static_cast<NodeId>(v)));
  x /= x.maxCoeff();
  Vector next(n);
  for (result.iterations = 1; result.iterations <= options.max_iterations; ++result.iterations) {
    next.noalias() = a * x;
    next += x;  // (A + I) x
    next /= next.maxCoeff();
    const double change = (next - x).lpNorm<Eigen::Infinity>();
    x.swap(next);
    if (change < options.tolerance) break;
  }
  next.noalias() = a * x;
  result.eigenvalue = x.dot(next) / x.squaredNorm();
  result.values.assign(x.data(), x.data() + n);
  return result;
}

KatzCentrality katz_centrality(const CsrLayer& layer, const KatzOptions& options) {
  require_undirected(layer, "katz_centrality");
  const auto n = static_cast<Eigen::Index>(layer.node_count());
  KatzCentrality result;
  if (n == 0) return result;
  const double lambda = layer.arc_count() == 0 ? 0.0 : eigenvector_centrality(layer).eigenvalue;
  result.alpha = options.alpha > 0 ? options.alpha : (lambda > 0 ? 0.85 / lambda : 0.1);
  if (result.alpha * lambda >= 1.0)
    throw std::invalid_argument("katz_centrality: alpha must be below 1 / lambda_max");
  const AdjacencyMatrix adjacency(layer);
  const auto& a = adjacency.matrix();
  Vector x = Vector::Constant(n, options.beta);
  Vector next(n);
  for (result.iterations = 1; result.iterations <= options.iteration.max_iterations;
       ++result.iterations) {
    next.noalias() = a * x;
    next *= result.alpha;
    next.array() += options.beta;
    const double change = (next - x).lpNorm<Eigen::Infinity>() / next.lpNorm<Eigen::Infinity>();
    x.swap(next);
    if (change < options.iteration.tolerance) break;
  }
  x /= x.norm();
  result.values.assign(x.data(), x.data() + n);
  return result;
}

PageRank pagerank(const CsrLayer& layer, const PageRankOptions& options) {
  const auto n = static_cast<Eigen::Index>(layer.node_count());
  PageRank result;
  if (n == 0) return result;
  const AdjacencyMatrix adjacency(layer);
  const auto& a = adjacency.matrix();
  // Out-strength of each node: the row sums.
  Vector out_strength(n);
  for (Eigen::Index v = 0; v < n; ++v) {
    double sum = 0;
    for (ArcIndex arc = layer.first_arc(static_cast<NodeId>(v));
         arc < layer.end_arc(static_cast<NodeId>(v)); ++arc)
      sum += adjacency.values()[arc];
    out_strength[v] = sum;
  }
  const bool weighted = !arc_weights(layer).empty();
  const double d = options.damping;
  const double nn = static_cast<double>(n);
  Vector x = Vector::Constant(n, 1.0 / nn);
  Vector share(n);
  Vector next(n);
  for (result.iterations = 1; result.iterations <= options.iteration.max_iterations;
       ++result.iterations) {
    for_each_index(0, n, [&](std::int64_t v) {
      share[v] = out_strength[v] > 0 ? x[v] / out_strength[v] : 0.0;
    });
    const double dangling =
        sum_over_indices(0, n, [&](std::int64_t v) { return out_strength[v] > 0 ? 0.0 : x[v]; });
    // Undirected: A is symmetric, so the pull A * share is the row-parallel product.
    if (layer.directed()) {
      next.noalias() = a.transpose() * share;
    } else if (weighted) {
      next.noalias() = a * share;
    } else {
      // Unweighted: the same product without reading the all-ones values (8 bytes per
      // arc); measured 1.6x faster than Eigen's kernel on 10^7 arcs (bench/README.md).
      for_each_index_balanced(0, n, [&](std::int64_t v) {
        double sum = 0;
        for (NodeId u : layer.neighbours(static_cast<NodeId>(v)))
          sum += share[u];
        next[v] = sum;
      });
    }
    next *= d;
    next.array() += (d * dangling + 1.0 - d) / nn;
    next /= next.sum();
    const double change = (next - x).lpNorm<1>();
    x.swap(next);
    if (change < options.iteration.tolerance) break;
  }
  result.values.assign(x.data(), x.data() + n);
  return result;
}

}  // namespace village::network
