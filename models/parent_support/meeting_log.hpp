#pragma once
// Every meeting held is an event: a hyperedge that connects the parents present (M8-M11,
// M17). A group course's or parent network's meeting is one event; a school's theme
// evening is one event per class, since parents meet those of their child's class there.
// The log keeps them all, 4 bytes per parent present; its weighted one-mode projection,
// the co-attendance network (weight: meetings shared), is the layer "co_attendance" a
// world gets for analysis (`village analyze network SCENARIO --week N --layer
// co_attendance`).

#include <cstdint>
#include <span>
#include <vector>

#include "sim/affiliation.hpp"
#include "sim/csr_layer.hpp"

namespace village::parent_support {

enum class MeetingKind : std::uint8_t { group_course = 0, parent_network, theme_evening };

struct MeetingEvent {
  std::uint32_t week = 0;
  MeetingKind kind = MeetingKind::group_course;
  std::uint32_t host = 0;         // the group or network index, or the school index
  std::uint32_t facilitator = 0;  // agent id; 0xFFFFFFFF for none (an evening)
  std::size_t first = 0;          // its parents present: present_[first, first + count)
  std::size_t count = 0;
};

class MeetingLog {
 public:
  void clear() {
    events_.clear();
    present_.clear();
  }
  // Adds an event with the agents present (at least one).
  void add(std::uint32_t week, MeetingKind kind, std::uint32_t host, std::uint32_t facilitator,
           std::span<const NodeId> present);

  std::size_t size() const { return events_.size(); }
  const MeetingEvent& event(std::size_t i) const { return events_[i]; }
  std::span<const NodeId> present(std::size_t i) const {
    return {present_.data() + events_[i].first, events_[i].count};
  }
  // (event, agent) memberships, sorted.
  std::vector<Membership> memberships() const;
  // The co-attendance network over `agents` agents: a tie between parents who were
  // present at the same event, attribute "weight" by the weighting.
  CsrLayer co_attendance(NodeId agents, ProjectionWeight weighting = ProjectionWeight::count) const;

 private:
  std::vector<MeetingEvent> events_;
  std::vector<NodeId> present_;
};

}  // namespace village::parent_support
