// The parent-support week as a schedule of declared steps (models/parent_support/
// schedule.cpp, ODD section 3): its order is sound, every step's declared columns are
// exactly those it uses, undeclared access is refused, and the ODD's table is the code's.

#include "models/parent_support/schedule.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "models/parent_support/parent_support_model.hpp"
#include "scenarios/scenario.hpp"

using namespace village;
using namespace village::parent_support;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string names(const ColumnSet& set) {
  std::string out;
  for (std::size_t c = 0; c < kColumnCount; ++c)
    if (set[c]) out += std::string(column_info(static_cast<Column>(c)).name) + " ";
  return out;
}

// Every intervention and channel switched on, with a key figure reselection and a
// training in week 3, on the groups district.
ParamValues everything_on(const Scenario& scenario) {
  ParamValues values = scenario.model_values;
  for (const char* flag :
       {"key_figure_programme", "partnership", "influencer_panel", "parent_groups",
        "theme_evenings", "parent_network", "structural_support", "parent_support_point", "voice",
        "training", "buddy_programme", "personal_contacts", "volunteer_facilitators"})
    values.set(std::string("outreach.") + flag, true);
  values.set("outreach.newsletter_interval_weeks", 4.0);
  values.set("outreach.theme_evening_interval_weeks", 4.0);
  values.set("outreach.training_start_week", 3.0);
  values.set("outreach.key_figure_reselect_weeks", 8.0);
  values.set("outreach.training_capacity", 2.0);  // trainees by caseload
  values.set("driver_leave_rate", 0.9);           // professionals facilitate networks
  return values;
}

}  // namespace

TEST_CASE("no step reads a column a later step writes unless it declares so", "[unit]") {
  const auto& steps = week_schedule();
  REQUIRE(steps.size() > 20);
  const auto problems = schedule_order_problems(steps);
  for (const std::string& problem : problems)
    UNSCOPED_INFO(problem);
  CHECK(problems.empty());

  // The check can fail: a step that reads limit setting after norms writes it, and a
  // reads_previous without a later writer.
  std::vector<StepInfo> broken = steps;
  StepInfo reader{"reader", StepKind::mechanism, "", "", "", {}, nullptr, nullptr};
  reader.columns.reads = columns({Column::limit_setting});
  broken.insert(broken.begin(), reader);
  CHECK(schedule_order_problems(broken).size() == 1);
  StepInfo late = reader;
  late.columns.reads_previous = columns({Column::limit_setting});
  broken.front() = late;
  CHECK(schedule_order_problems(broken).empty());
  broken.push_back(late);
  CHECK(schedule_order_problems(broken).size() == 1);
}

TEST_CASE("an undeclared column is refused", "[unit]") {
  State state;
  const Columns declared{columns({Column::stress}), columns({Column::competence}), {}};
  Access access(state, declared, "test");
  CHECK_NOTHROW(access.read<Column::stress>());
  CHECK_NOTHROW(access.write<Column::competence>());
  CHECK_NOTHROW(access.read<Column::competence>());
  CHECK_THROWS_AS(access.write<Column::stress>(), std::logic_error);
  CHECK_THROWS_AS(access.read<Column::willingness>(), std::logic_error);
  CHECK(access.used_reads() == columns({Column::stress, Column::competence}));
  CHECK(access.used_writes() == columns({Column::competence}));
}

TEST_CASE("every step declares exactly the columns it uses", "[unit]") {
  const Scenario scenario =
      load_scenario(std::string(VILLAGE_SOURCE_DIR) + "/tests/data/parent_support/groups.toml");
  const ParamValues values = everything_on(scenario);
  const RandomStream rng(scenario.plan.seed, 0);
  World world = make_world_factory(scenario)(rng);
  ParentSupportModel model(values);
  model.initialize(world, rng);
  model.set_profiling(true);
  for (std::uint64_t week = 0; week < 20; ++week)
    model.step(world, StepContext{rng, week});
  const auto& steps = week_schedule();
  REQUIRE(model.column_use().size() == steps.size());
  REQUIRE(model.step_seconds().size() == steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Columns& declared = steps[i].columns;
    const ColumnUse& used = model.column_use()[i];
    INFO("step " << steps[i].name);
    INFO("declared reads " << names(declared.reads & ~declared.writes) << "; used "
                           << names(used.reads & ~used.writes));
    INFO("declared writes " << names(declared.writes) << "; used " << names(used.writes));
    // The ledger steps run every intervention's budget functions under their union.
    if (steps[i].kind == StepKind::ledger) {
      CHECK((used.writes & ~declared.writes).none());
      CHECK(((used.reads | used.writes) & ~declared.all()).none());
      continue;
    }
    CHECK(used.writes == declared.writes);
    CHECK((used.reads & ~used.writes) == (declared.reads & ~declared.writes));
  }
}

TEST_CASE("docs/ODD.md's schedule table is the code's", "[unit]") {
  const std::string odd = read_text(std::string(VILLAGE_SOURCE_DIR) + "/docs/ODD.md");
  const std::string begin = "<!-- BEGIN GENERATED SCHEDULE -->\n";
  const auto from = odd.find(begin);
  const auto to = odd.find("<!-- END GENERATED SCHEDULE -->");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  CHECK(odd.substr(from + begin.size(), to - from - begin.size()) ==
        schedule_table(week_schedule()));
}
