#include "analysis/network/spectral.hpp"

#include <Eigen/SparseCore>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

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

namespace {

// The arcs PageRank pulls along: into each node v, the row of v's in-neighbours u with
// the weight of u -> v. An undirected layer is its own pull graph; a directed one is
// transposed once (counting sort by target, each row in source order).
struct PullGraph {
  std::span<const ArcIndex> offsets;
  std::span<const NodeId> sources;
  std::span<const float> weights;  // empty: all 1
  std::vector<ArcIndex> own_offsets;
  std::vector<NodeId> own_sources;
  std::vector<float> own_weights;

  explicit PullGraph(const CsrLayer& layer) {
    const auto layer_weights = arc_weights(layer);
    if (!layer.directed()) {
      offsets = layer.offsets();
      sources = layer.targets();
      weights = layer_weights;
      return;
    }
    const NodeId n = layer.node_count();
    own_offsets.assign(n + std::size_t{1}, 0);
    for (NodeId target : layer.targets())
      ++own_offsets[target + std::size_t{1}];
    for (NodeId v = 0; v < n; ++v)
      own_offsets[v + std::size_t{1}] += own_offsets[v];
    std::vector<ArcIndex> next(own_offsets.begin(), own_offsets.end() - 1);
    own_sources.resize(layer.arc_count());
    if (!layer_weights.empty()) own_weights.resize(layer.arc_count());
    for (NodeId u = 0; u < n; ++u)
      for (ArcIndex a = layer.first_arc(u); a < layer.end_arc(u); ++a) {
        const ArcIndex slot = next[layer.targets()[a]]++;
        own_sources[slot] = u;
        if (!layer_weights.empty()) own_weights[slot] = layer_weights[a];
      }
    offsets = own_offsets;
    sources = own_sources;
    weights = own_weights;
  }
  PullGraph(const PullGraph&) = delete;  // the spans may point into this object
  PullGraph& operator=(const PullGraph&) = delete;
};

}  // namespace

PageRank pagerank(const CsrLayer& layer, const PageRankOptions& options) {
  const NodeId n = layer.node_count();
  PageRank result;
  if (n == 0) return result;
  const PullGraph pull(layer);
  const bool weighted = !pull.weights.empty();
  const auto count = static_cast<std::int64_t>(n);
  // 1 / out-strength, 0 for a dangling node (no out-arcs, or only zero weights).
  const auto out_weights = arc_weights(layer);
  std::vector<double> inverse_strength(n);
  for_each_index(0, count, [&](std::int64_t v) {
    const auto u = static_cast<NodeId>(v);
    double sum = layer.degree(u);  // unweighted: no pass over the arcs
    if (!out_weights.empty()) {
      sum = 0;
      for (ArcIndex a = layer.first_arc(u); a < layer.end_arc(u); ++a)
        sum += out_weights[a];
    }
    inverse_strength[u] = sum > 0 ? 1.0 / sum : 0.0;
  });
  const double d = options.damping;
  const double nn = n;
  // x: the ranks; share = x / out-strength, what each node passes along each unit of
  // weight. Both double-buffered, so one fused pass per iteration (Gauss-Seidel would
  // converge in fewer sweeps, but its result would depend on the thread count).
  std::vector<double> x(n, 1.0 / nn), next(n), share(n), next_share(n);
  for_each_index(0, count, [&](std::int64_t v) { share[v] = x[v] * inverse_strength[v]; });
  double dangling = sum_over_indices(0, count, [&](std::int64_t v) {
    return inverse_strength[v] > 0 ? 0.0 : x[v];
  });
  const auto chunks = static_cast<std::size_t>((count + kReductionChunk - 1) / kReductionChunk);
  std::vector<double> chunk_change(chunks), chunk_dangling(chunks);
  for (result.iterations = 1; result.iterations <= options.iteration.max_iterations;
       ++result.iterations) {
    const double base = (d * dangling + 1.0 - d) / nn;
    // One pass: pull, the L1 change and the dangling mass, per-chunk sums added in chunk
    // order below (bit-identical for any thread count). No renormalisation: the map
    // sends a total s to d s + 1 - d, so rounding drift in the sum decays by d per
    // iteration; the result is normalised once at the end.
    for_each_chunk(0, count, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
      double change = 0;
      double dangling_mass = 0;
      for (std::int64_t v = lo; v < hi; ++v) {
        const ArcIndex first = pull.offsets[static_cast<std::size_t>(v)];
        const ArcIndex end = pull.offsets[static_cast<std::size_t>(v) + 1];
        double sum = 0;
        if (weighted) {
          for (ArcIndex a = first; a < end; ++a)
            sum += static_cast<double>(pull.weights[a]) * share[pull.sources[a]];
        } else {
          for (ArcIndex a = first; a < end; ++a)
            sum += share[pull.sources[a]];
        }
        const double rank = d * sum + base;
        change += std::abs(rank - x[v]);
        next[v] = rank;
        next_share[v] = rank * inverse_strength[v];
        if (inverse_strength[v] == 0) dangling_mass += rank;
      }
      chunk_change[static_cast<std::size_t>(chunk)] = change;
      chunk_dangling[static_cast<std::size_t>(chunk)] = dangling_mass;
    });
    double change = 0;
    dangling = 0;
    for (std::size_t c = 0; c < chunks; ++c) {
      change += chunk_change[c];
      dangling += chunk_dangling[c];
    }
    x.swap(next);
    share.swap(next_share);
    if (change < options.iteration.tolerance) break;
  }
  const double total = sum_over_indices(0, count, [&](std::int64_t v) { return x[v]; });
  for_each_index(0, count, [&](std::int64_t v) { x[v] /= total; });
  result.values = std::move(x);
  return result;
}

}  // namespace village::network
