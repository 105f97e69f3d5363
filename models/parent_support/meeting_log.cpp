// Every meeting held, with the parents present (M8, M11; ODD 7.16), and its projection
// onto the co-attendance network.

#include "models/parent_support/meeting_log.hpp"

#include <string>

#include "sim/memory.hpp"

namespace village::parent_support {

namespace {
// Memory per tie of the projection: two arcs (target and weight) and an EdgeRecord.
constexpr double kBytesPerTie = 28.0;
}  // namespace

void MeetingLog::add(std::uint32_t week, MeetingKind kind, std::uint32_t host,
                     std::uint32_t facilitator, std::span<const NodeId> present) {
  events_.push_back({week, kind, host, facilitator, present_.size(), present.size()});
  present_.insert(present_.end(), present.begin(), present.end());
}

std::vector<Membership> MeetingLog::memberships() const {
  std::vector<Membership> list;
  list.reserve(present_.size());
  for (std::size_t i = 0; i < events_.size(); ++i) {
    for (NodeId agent : present(i))
      list.push_back({static_cast<NodeId>(i), agent});
  }
  sort_memberships(list);
  return list;
}

CsrLayer MeetingLog::co_attendance(NodeId agents, ProjectionWeight weighting) const {
  const std::vector<Membership> list = memberships();
  const double pairs = projection_pairs(list);
  check_fits_in_memory(
      pairs * kBytesPerTie, {},
      "the co-attendance network of " + std::to_string(events_.size()) + " meetings",
      "analyse an earlier week, or fewer or smaller meetings");
  const auto edges =
      project_affiliations(agents, static_cast<NodeId>(events_.size()), list, weighting);
  return CsrLayer::from_edges(agents, edges, Direction::undirected, true);
}

}  // namespace village::parent_support
