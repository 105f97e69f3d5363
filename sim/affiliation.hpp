#pragma once
// Bipartite affiliations (person-event, person-organisation: hyperedges) and their
// weighted one-mode projection on persons: two persons are tied when they share an
// affiliation, with weight the number of shared affiliations (count) or Newman's (2001,
// PRE 64:016132) sum over them of 1 / (members - 1).

#include <compare>
#include <vector>

#include "sim/csr_layer.hpp"

namespace village {

enum class ProjectionWeight {
  count,   // number of shared affiliations
  newman,  // sum over shared affiliations of 1 / (members - 1)
};

struct Membership {
  NodeId affiliation;
  NodeId person;
  auto operator<=>(const Membership&) const = default;
};

// Sorts by affiliation, then person, and drops repeated memberships.
void sort_memberships(std::vector<Membership>& memberships);

// The most ties the projection can hold: the sum over affiliations of m(m-1)/2.
double projection_pairs(const std::vector<Membership>& sorted);

// The projection's ties {p, q} (p < q) with their weight, from memberships sorted by
// sort_memberships; persons and affiliations are ids below the counts given. Person by
// person, so memory holds the ties, not every pair occurrence: O(sum of members^2) time,
// O(persons + memberships + ties) memory.
std::vector<EdgeRecord> project_affiliations(NodeId persons, NodeId affiliations,
                                             const std::vector<Membership>& sorted,
                                             ProjectionWeight weighting);

}  // namespace village
