// Meetings as hyperedges (ODD.md 7.16, 7.20): every meeting held is an event with the
// parents present, and the co-attendance network is its weighted projection.

#include "models/parent_support/meeting_log.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/scenario.hpp"

using namespace village;
using namespace village::parent_support;

TEST_CASE("the meeting log's projection counts the meetings each pair shared", "[unit]") {
  MeetingLog log;
  const std::vector<NodeId> a{1, 2, 3}, b{2, 3}, c{0, 4};
  log.add(0, MeetingKind::group_course, 0, 9, a);
  log.add(1, MeetingKind::group_course, 0, 9, b);
  log.add(1, MeetingKind::theme_evening, 2, 0xFFFFFFFFu, c);
  REQUIRE(log.size() == 3);
  CHECK(std::vector<NodeId>(log.present(1).begin(), log.present(1).end()) == b);
  CHECK(log.event(2).host == 2);
  const CsrLayer count = log.co_attendance(6);
  CHECK(count.edge_count() == 4);  // 1-2, 1-3, 2-3, 0-4
  const auto weight = count.attribute("weight");
  const auto tie = [&](NodeId u, NodeId v) {
    for (ArcIndex arc = count.first_arc(u); arc < count.end_arc(u); ++arc)
      if (count.targets()[arc] == v) return static_cast<double>(weight[arc]);
    return 0.0;
  };
  CHECK(tie(2, 3) == 2);
  CHECK(tie(3, 2) == 2);
  CHECK(tie(1, 2) == 1);
  CHECK(tie(0, 4) == 1);
  CHECK(tie(1, 4) == 0);
  CHECK(count.degree(5) == 0);
  // Newman: 1 / (members - 1) per shared meeting.
  const CsrLayer newman = log.co_attendance(6, ProjectionWeight::newman);
  const auto w = newman.attribute("weight");
  for (ArcIndex arc = newman.first_arc(2); arc < newman.end_arc(2); ++arc) {
    if (newman.targets()[arc] == 3) CHECK(w[arc] == Approx(0.5 + 1.0));
  }
}

TEST_CASE("every meeting held is logged with the parents present", "[unit]") {
  const Scenario scenario =
      load_scenario(std::string(VILLAGE_SOURCE_DIR) + "/tests/data/parent_support/groups.toml");
  ParamValues values = scenario.model_values;
  values.set("outreach.theme_evenings", true);
  values.set("outreach.theme_evening_interval_weeks", 4.0);
  const RandomStream rng(scenario.plan.seed, 0);
  World world = make_world_factory(scenario)(rng);
  ParentSupportModel model(values);
  model.initialize(world, rng);
  const CommunityView& view = model.view();
  const State& network = model.state();
  std::size_t logged = 0;
  std::size_t evenings = 0, courses = 0;
  for (std::uint64_t week = 0; week < 16; ++week) {
    model.step(world, StepContext{rng, week});
    // The week's events hold exactly the meetings and evenings parents attended.
    double at_meetings = 0, at_evenings = 0;
    for (NodeId p = 0; p < view.parents.size(); ++p) {
      at_meetings += network.meetings_this_week[p];
      at_evenings += network.evening_this_week[p];
    }
    double present_meetings = 0, present_evenings = 0;
    const MeetingLog& log = network.meeting_log;
    for (; logged < log.size(); ++logged) {
      const MeetingEvent& event = log.event(logged);
      CHECK(event.week == week);
      const auto present = log.present(logged);
      REQUIRE_FALSE(present.empty());
      CHECK(std::set<NodeId>(present.begin(), present.end()).size() == present.size());
      for (NodeId agent : present) {
        REQUIRE(agent >= view.parents.begin);
        REQUIRE(agent < view.parents.end);
        const std::size_t p = agent - view.parents.begin;
        if (event.kind == MeetingKind::group_course) CHECK(network.group_of[p] >= 0);
        if (event.kind == MeetingKind::theme_evening) CHECK(view.parent_school[p] == event.host);
      }
      if (event.kind == MeetingKind::theme_evening) {
        present_evenings += static_cast<double>(present.size());
        ++evenings;
        // One class per evening event.
        std::set<std::uint32_t> classes;
        for (NodeId agent : present)
          classes.insert(view.parent_class[agent - view.parents.begin]);
        CHECK(classes.size() == 1);
      } else {
        present_meetings += static_cast<double>(present.size());
        ++courses;
      }
    }
    CHECK(present_meetings == at_meetings);
    CHECK(present_evenings == at_evenings);
  }
  CHECK(courses > 10);
  CHECK(evenings > 10);
  // The projection's weights add up to the pairs met, meeting by meeting.
  model.add_history_layers(world);
  const CsrLayer& co = world.layer("co_attendance");
  double weights = 0;
  for (float w : co.attribute("weight"))
    weights += w;
  double pairs = 0;
  for (std::size_t i = 0; i < network.meeting_log.size(); ++i) {
    const auto m = static_cast<double>(network.meeting_log.present(i).size());
    pairs += m * (m - 1) / 2;
  }
  CHECK(weights / 2 == Approx(pairs));  // each tie's weight on both of its arcs
  CHECK(co.node_count() == world.population.size());
}
