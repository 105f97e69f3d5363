#include "sim/affiliation.hpp"

#include <algorithm>

namespace village {

void sort_memberships(std::vector<Membership>& memberships) {
  std::sort(memberships.begin(), memberships.end());
  memberships.erase(std::unique(memberships.begin(), memberships.end()), memberships.end());
}

double projection_pairs(const std::vector<Membership>& sorted) {
  double pairs = 0.0;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j].affiliation == sorted[i].affiliation)
      ++j;
    const auto members = static_cast<double>(j - i);
    pairs += 0.5 * members * (members - 1.0);
    i = j;
  }
  return pairs;
}

std::vector<EdgeRecord> project_affiliations(NodeId persons, NodeId affiliations,
                                             const std::vector<Membership>& sorted,
                                             ProjectionWeight weighting) {
  // Where each affiliation's members begin (they are contiguous and sorted by person).
  std::vector<std::size_t> group_begin(static_cast<std::size_t>(affiliations) + 1, 0);
  for (const Membership& m : sorted)
    ++group_begin[m.affiliation + 1];
  for (NodeId g = 0; g < affiliations; ++g)
    group_begin[g + 1] += group_begin[g];
  // The affiliations of each person, by a counting sort of the memberships.
  std::vector<std::size_t> person_begin(static_cast<std::size_t>(persons) + 1, 0);
  for (const Membership& m : sorted)
    ++person_begin[m.person + 1];
  for (NodeId p = 0; p < persons; ++p)
    person_begin[p + 1] += person_begin[p];
  std::vector<NodeId> person_groups(sorted.size());
  std::vector<std::size_t> cursor(person_begin.begin(), person_begin.end() - 1);
  for (const Membership& m : sorted)
    person_groups[cursor[m.person]++] = m.affiliation;

  std::vector<double> group_weight(affiliations);
  for (NodeId g = 0; g < affiliations; ++g) {
    const auto members = static_cast<double>(group_begin[g + 1] - group_begin[g]);
    group_weight[g] =
        weighting == ProjectionWeight::newman && members > 1 ? 1.0 / (members - 1) : 1.0;
  }

  std::vector<EdgeRecord> edges;
  std::vector<double> tie(persons, 0.0);  // weights are > 0, so 0 means "no tie yet"
  std::vector<NodeId> touched;
  for (NodeId p = 0; p < persons; ++p) {
    for (std::size_t k = person_begin[p]; k < person_begin[p + 1]; ++k) {
      const NodeId g = person_groups[k];
      const auto first = sorted.begin() + static_cast<std::ptrdiff_t>(group_begin[g]);
      const auto last = sorted.begin() + static_cast<std::ptrdiff_t>(group_begin[g + 1]);
      // Members are sorted, so the partners q > p follow p: each pair is made once.
      const auto after = std::upper_bound(first, last, Membership{g, p});
      for (auto q = after; q != last; ++q) {
        if (tie[q->person] == 0.0) touched.push_back(q->person);
        tie[q->person] += group_weight[g];
      }
    }
    for (const NodeId q : touched) {
      edges.push_back({p, q, static_cast<float>(tie[q])});
      tie[q] = 0.0;
    }
    touched.clear();
  }
  return edges;
}

}  // namespace village
