#pragma once
// Brokerage after Burt (1992, Structural Holes, Harvard UP, ch. 2), on an undirected
// layer, weighted when the layer has weights. With p_ij = w_ij / sum_k w_ik (the share
// of i's ties that go to j) and N(i) the neighbours of i:
//
// constraint c_i = sum over j in N(i) of (p_ij + sum over q in N(i), q != j, of
//   p_iq p_qj)^2; low constraint marks a broker whose contacts are not tied to each
//   other. As igraph's constraint() and networkx's constraint(); NaN for isolated nodes.
// effective size e_i = sum over j in N(i) of (1 - sum over q in N(i), q != j, of
//   p_iq m_jq), m_jq = w_jq / max_k w_jk (Burt 1992, p. 55); unweighted it is
//   d - 2 t / d, t the ties among i's contacts (Borgatti 1997, Connections 20:35).
//   As networkx's effective_size(); NaN for isolated nodes.
// Method: for each node i, walk each contact q's row and accumulate the indirect terms
// for the contacts j it shares with i; O(sum of squared degrees), parallel over nodes.

#include "analysis/network/graph_input.hpp"

namespace village::network {

struct Brokerage {
  Scores constraint;
  Scores effective_size;
};

Brokerage brokerage(const CsrLayer& layer);

}  // namespace village::network
