// Interventions as first-class parts of a strategy (ODD.md 7.25, 7.26): the budget
// ledger, windows of weeks, prices, the cap that is never exceeded, and the choice of
// key figures by a network rule.

#include "models/parent_support/interventions.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "models/community_schema.hpp"
#include "models/parent_support/key_figure_targeting.hpp"
#include "models/parent_support/parent_support_model.hpp"
#include "pattern_harness.hpp"
#include "scenarios/scenario.hpp"
#include "sim/parallel.hpp"

using namespace village;
using namespace village::parent_support;

namespace {

std::array<InterventionTerms, kInterventionCount> terms_with(Intervention i,
                                                             const InterventionTerms& t) {
  std::array<InterventionTerms, kInterventionCount> terms{};
  terms[static_cast<std::size_t>(i)] = t;
  return terms;
}

Scenario district() {
  return load_scenario(std::string(VILLAGE_SOURCE_DIR) +
                       "/tests/data/parent_support/district.toml");
}

RunRecord run_with(const Scenario& scenario, ParamValues values, std::uint32_t run = 0) {
  const WorldFactory world = make_world_factory(scenario);
  return run_one(run, scenario.plan, world, [&] { return scenario.model->make(values); });
}

// The weekly value of metric (group "all") by step; NaN where not recorded.
std::vector<double> series(const RunRecord& record, const std::string& metric,
                           std::uint32_t steps) {
  std::vector<double> values(steps + 1, std::nan(""));
  for (const MetricRow& row : record.rows)
    if (row.metric == metric && row.group == "all") values[row.step] = row.value;
  return values;
}

}  // namespace

TEST_CASE("the spending ledger reserves, charges, and stops an intervention for good", "[unit]") {
  InterventionTerms t;
  t.euros_per_hour = 10;
  t.euros_per_contact = 1;
  t.euros_per_meeting = 100;
  t.fixed_euros = 500;
  CHECK(t.price({2, 3, 1}) == Approx(20 + 3 + 100));

  SECTION("without a budget everything is reserved and charged") {
    Spending spending(terms_with(Intervention::partnership, t), 0);
    spending.begin_week(0);
    CHECK(spending.reserve(Intervention::partnership, {1e6, 0, 0}));
    CHECK(spending.running(Intervention::partnership));
    CHECK_FALSE(spending.running(Intervention::newsletter));
    spending.charge(Intervention::partnership, {2, 3, 1});
    CHECK(spending.week_euros(Intervention::partnership) == Approx(500 + 123));  // fixed once
    spending.end_week();
    spending.begin_week(1);
    CHECK(spending.reserve(Intervention::partnership, {}));
    spending.charge(Intervention::partnership, {2, 3, 1});
    CHECK(spending.week_euros(Intervention::partnership) == Approx(123));
    CHECK(spending.spent() == Approx(746));
    CHECK_FALSE(spending.capped());
  }
  SECTION("with a budget, a week that might not fit stops it, and it stays stopped") {
    Spending spending(terms_with(Intervention::partnership, t), 1000);
    spending.begin_week(0);
    REQUIRE(spending.reserve(Intervention::partnership, {2, 3, 1}));  // 500 + 123
    spending.charge(Intervention::partnership, {1, 0, 1});            // spends 110
    spending.end_week();
    CHECK(spending.spent() == Approx(610));
    spending.begin_week(1);
    // 610 spent: 390 left; the week's most (4 meetings: 400) does not fit.
    CHECK_FALSE(spending.reserve(Intervention::partnership, {0, 0, 4}));
    CHECK(spending.stopped(Intervention::partnership));
    CHECK(spending.stop_week(Intervention::partnership) == 1);
    CHECK_FALSE(spending.running(Intervention::partnership));
    spending.end_week();
    spending.begin_week(2);
    CHECK_FALSE(spending.reserve(Intervention::partnership, {}));  // even a free week
    CHECK(spending.spent() <= spending.budget());
  }
  SECTION("reservations in the same week count against each other") {
    auto terms = terms_with(Intervention::newsletter, t);
    terms[static_cast<std::size_t>(Intervention::training)] = t;
    Spending spending(terms, 1350);
    spending.begin_week(0);
    CHECK(spending.reserve(Intervention::newsletter, {0, 0, 1}));  // 500 + 100
    CHECK(spending.reserve(Intervention::training, {0, 0, 1}));    // 1200 in all
    spending.charge(Intervention::newsletter, {0, 0, 1});
    spending.charge(Intervention::training, {0, 0, 1});
    spending.end_week();
    CHECK(spending.spent() == Approx(1200));
    spending.begin_week(1);
    CHECK(spending.reserve(Intervention::newsletter, {0, 0, 1}));      // 1200 + 100 reserved
    CHECK_FALSE(spending.reserve(Intervention::training, {0, 0, 1}));  // 1400 > 1350
    CHECK(spending.stopped(Intervention::training));
    CHECK_FALSE(spending.stopped(Intervention::newsletter));
  }
}

TEST_CASE("every intervention has a window, prices and a fixed cost in [outreach]", "[unit]") {
  const ParamValues values = default_values();
  for (const InterventionInfo& i : intervention_catalogue()) {
    const std::string prefix = "outreach." + std::string(i.name) + "_";
    CHECK(values.has(prefix + "start_week"));
    CHECK(values.has(prefix + "end_week"));
    CHECK(values.has(prefix + "euros_per_hour"));
    CHECK(values.has(prefix + "fixed_euros"));
    CHECK(values.has(prefix + "euros_per_contact") == !i.contact.empty());
    CHECK(values.has(prefix + "euros_per_meeting") == !i.meeting.empty());
  }
  CHECK(values.real("outreach.budget_euros") == 0);
}

TEST_CASE("each intervention's own part switches it on, and only it", "[unit]") {
  const auto plan_with = [](std::initializer_list<std::pair<const char*, ParamValue>> set) {
    ParamValues values = default_values();
    for (const auto& [key, value] : set)
      values.set(std::string("outreach.") + key, value);
    return OutreachPlan::from(values);
  };
  const OutreachPlan none = plan_with({});
  for (std::size_t n = 0; n < kInterventionCount; ++n)
    CHECK_FALSE(none.switched_on(static_cast<Intervention>(n)));
  for (const InterventionInfo& i : intervention_catalogue()) {
    INFO(i.name);
    const std::string name(i.name);
    OutreachPlan plan = name == "newsletter" ? plan_with({{"newsletter_interval_weeks", 4.0}})
                        : name == "structural_support"
                            ? plan_with({{"structural_support", true}, {"parent_network", true}})
                            : plan_with({{name.c_str(), true}});
    for (std::size_t n = 0; n < kInterventionCount; ++n) {
      const auto other = static_cast<Intervention>(n);
      const bool expected = info(other).name == i.name ||
                            (name == "structural_support" && info(other).name == "parent_network");
      CHECK(plan.switched_on(other) == expected);
    }
  }
  // Structural support needs the networks it supports.
  CHECK_FALSE(
      plan_with({{"structural_support", true}}).switched_on(Intervention::structural_support));
}

TEST_CASE(
    "every parameter is marked world or intervention, and only what money buys is "
    "an intervention's",
    "[unit]") {
  for (const ParamSpec& spec : model_specs()) {
    INFO(spec.name);
    CHECK(spec.role == ParamRole::world);
  }
  // How professionals work and how strongly the world responds are not bought.
  const std::set<std::string> world{"personal_contacts",
                                    "inviting_share",
                                    "approach",
                                    "training_competence_gain",
                                    "condition_mutual_trust",
                                    "condition_shared_goals",
                                    "condition_clear_roles",
                                    "condition_equality",
                                    "training_learning_rate",
                                    "trained_inviting_share",
                                    "trained_matching",
                                    "training_responsiveness_gain",
                                    "training_fade"};
  std::size_t seen_world = 0;
  for (const ParamSpec& spec : OutreachPlan::specs()) {
    INFO(spec.name);
    const bool is_world = world.count(spec.name) != 0;
    seen_world += is_world;
    CHECK(spec.role == (is_world ? ParamRole::world : ParamRole::intervention));
  }
  CHECK(seen_world == world.size());
}

TEST_CASE("an intervention runs only in its window and is priced as declared", "[unit]") {
  const Scenario scenario = district();
  const std::uint32_t steps = scenario.plan.steps;
  ParamValues values = scenario.model_values;
  values.set("outreach.newsletter_interval_weeks", 4.0);
  values.set("outreach.newsletter_start_week", 10.0);
  values.set("outreach.newsletter_end_week", 30.0);
  values.set("outreach.newsletter_euros_per_contact", 0.5);
  values.set("outreach.newsletter_fixed_euros", 1000.0);
  values.set("outreach.key_figure_programme", true);
  values.set("outreach.key_figure_programme_start_week", 5.0);
  const RunRecord run = run_with(scenario, values);
  const auto euros = series(run, "euros_newsletter", steps);
  const auto copies = series(run, "contacts_newsletter", steps);
  const auto hours = series(run, "hours_newsletter", steps);
  const double parents = 2000;
  const double issue_hours = values.real("outreach.newsletter_hours_per_issue");
  // The row of step t holds week t - 1.
  for (std::uint32_t week = 0; week < steps; ++week) {
    INFO("week " << week);
    const bool issue = week >= 10 && week < 30 && (week - 10) % 4 == 0;
    CHECK((copies[week + 1] > 0) == issue);
    const double expected =
        issue ? issue_hours * 60 + parents * 0.5 + 250 + (week == 10 ? 1000 : 0) : 0;
    CHECK(euros[week + 1] == Approx(expected));
    CHECK(hours[week + 1] == (issue ? issue_hours : 0));
  }
  // The key-figure programme starts in week 5: no visits before.
  const auto visits = series(run, "contacts_key_figure_visit", steps);
  const auto kf_euros = series(run, "euros_key_figure_programme", steps);
  for (std::uint32_t week = 0; week < 5; ++week) {
    CHECK(visits[week + 1] == 0);
    CHECK(kf_euros[week + 1] == 0);
  }
  CHECK(kf_euros[6] >= 2500);  // set-up cost in its first week
  double later = 0;
  for (std::uint32_t week = 5; week < steps; ++week)
    later += visits[week + 1];
  CHECK(later > 0);
}

TEST_CASE("a budget caps the spending in every week of every replicate", "[unit]") {
  const Scenario scenario = district();
  const std::uint32_t steps = scenario.plan.steps;
  ParamValues values = scenario.model_values;
  for (const char* flag : {"key_figure_programme", "partnership", "parent_groups", "theme_evenings",
                           "buddy_programme", "influencer_panel", "parent_support_point"})
    values.set(std::string("outreach.") + flag, true);
  values.set("outreach.newsletter_interval_weeks", 2.0);
  ParamValues uncapped = values;
  const double budget = 40000;
  values.set("outreach.budget_euros", budget);
  for (std::uint32_t r = 0; r < 4; ++r) {
    const RunRecord capped = run_with(scenario, values, r);
    const RunRecord free = run_with(scenario, uncapped, r);
    const auto spent = series(capped, "euros_total", steps);
    const auto left = series(capped, "budget_left", steps);
    double total = 0, total_free = 0;
    for (std::uint32_t t = 1; t <= steps; ++t) {
      total += spent[t];
      CHECK(total <= budget + 1e-6);
      CHECK(left[t] == Approx(budget - total).margin(1e-6));
    }
    for (double e : series(free, "euros_total", steps))
      if (!std::isnan(e)) total_free += e;
    INFO("replicate " << r << ": capped " << total << ", uncapped " << total_free);
    CHECK(total_free > budget);   // the cap binds
    CHECK(total > 0.8 * budget);  // and most of the budget is used
    // Every intervention that stopped spends nothing from the week after it stopped.
    bool some_stopped = false;
    for (const InterventionInfo& i : intervention_catalogue()) {
      const auto stopped = series(capped, "stopped_" + std::string(i.name), steps);
      const auto euros = series(capped, "euros_" + std::string(i.name), steps);
      if (std::isnan(stopped[steps])) continue;
      for (std::uint32_t t = 1; t <= steps; ++t) {
        if (stopped[t] == 1) {
          some_stopped = true;
          CHECK(euros[t] == 0);
          if (t < steps) CHECK(stopped[t + 1] == 1);
        }
      }
    }
    CHECK(some_stopped);
  }
}

TEST_CASE("key figures are chosen by a network rule, the same for any thread count", "[unit]") {
  const Scenario scenario = district();
  const WorldFactory make_world = make_world_factory(scenario);
  const RandomStream rng(scenario.plan.seed, 0);
  World world = make_world(rng);
  const CommunityView view = CommunityView::of(world);
  const std::size_t count = view.key_figures.size();
  REQUIRE(count >= 4);
  const std::size_t k = count / 2;
  const CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
  const auto vulnerable_known = [&](NodeId figure) {
    double known = 0;
    for (NodeId p : figures.neighbours(view.key_figures.begin + figure))
      known += view.vulnerable[p - view.parents.begin];
    return known;
  };
  for (const std::string& rule : key_figure_rules()) {
    INFO("rule " << rule);
    set_thread_count(1);
    const auto one = choose_key_figures(world, view, rule, k, rng, 3);
    set_thread_count(2);
    const auto two = choose_key_figures(world, view, rule, k, rng, 3);
    CHECK(one == two);
    const std::set<NodeId> distinct(one.begin(), one.end());
    CHECK(distinct.size() == one.size());
    for (NodeId f : one)
      CHECK(f < count);
    if (rule == "all") {
      CHECK(one.size() == count);
    } else if (rule != "friend_nomination") {
      CHECK(one.size() == k);
    } else {
      CHECK(one.size() <= k);
      CHECK_FALSE(one.empty());
    }
  }
  set_thread_count(0);
  // vulnerable_first and degree: no key figure left out outranks one chosen.
  const auto chosen = choose_key_figures(world, view, "vulnerable_first", k, rng, 0);
  const std::set<NodeId> in(chosen.begin(), chosen.end());
  double lowest_in = 1e18, highest_out = -1;
  for (NodeId f = 0; f < count; ++f) {
    const double known = vulnerable_known(f);
    if (in.count(f))
      lowest_in = std::min(lowest_in, known);
    else
      highest_out = std::max(highest_out, known);
  }
  CHECK(lowest_in >= highest_out);
  // referents: before the model has given ties trust, each tie counts 1, as degree.
  CHECK(choose_key_figures(world, view, "referents", k, rng, 0) ==
        choose_key_figures(world, view, "degree", k, rng, 0));
  // Random choices differ between weeks (re-selection draws anew), deterministically.
  const auto week1 = choose_key_figures(world, view, "random", k, rng, 1);
  CHECK(week1 == choose_key_figures(world, view, "random", k, rng, 1));
  bool differs = false;
  for (std::uint64_t week = 2; week < 12 && !differs; ++week)
    differs = choose_key_figures(world, view, "random", k, rng, week) != week1;
  CHECK(differs);
}

TEST_CASE("a programme enrols key_figure_capacity key figures and re-selects them", "[unit]") {
  const Scenario scenario = district();
  ParamValues values = scenario.model_values;
  values.set("outreach.key_figure_programme", true);
  values.set("outreach.key_figure_targeting", std::string("random"));
  values.set("outreach.key_figure_capacity", 2.0);
  values.set("outreach.key_figure_reselect_weeks", 4.0);
  const WorldFactory make_world = make_world_factory(scenario);
  const RandomStream rng(scenario.plan.seed, 0);
  World world = make_world(rng);
  ParentSupportModel model(values);
  model.initialize(world, rng);
  std::set<std::string> sets;  // the enrolled flags as text
  double coordination_hours = -1;
  for (std::uint64_t week = 0; week < 20; ++week) {
    model.step(world, StepContext{rng, week});
    std::size_t enrolled = 0;
    for (auto e : model.enrolled())
      enrolled += e;
    CHECK(enrolled == 2);
    std::string flags;
    for (auto e : model.enrolled())
      flags += e ? '1' : '0';
    sets.insert(flags);
    const double hours = model.last_week_hours().key_figure_programme;
    if (coordination_hours < 0) coordination_hours = hours;
    CHECK(hours == Approx(2 * 1.0));  // key_figure_coordination_hours per enrolled figure
  }
  CHECK(sets.size() > 1);  // chosen again every 4 weeks
}
