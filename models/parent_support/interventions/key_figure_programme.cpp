// The key-figure programme (M5; seed 002 sec. 2, seed 000 tip 4): the key figures it
// enrols (key_figure_targeting.hpp) visit key_figure_visits_per_week of their parents,
// least recently visited first; a visited parent who accepts may be introduced to the
// key figure's partner professional, if the partner has the hours.

#include "models/parent_support/interventions/key_figure_programme.hpp"

#include <algorithm>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/key_figure_targeting.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kVisitOrder = purpose("ps.visit.order");
constexpr std::uint64_t kVisitAccept = purpose("ps.visit.accept");
constexpr std::uint64_t kIntroduce = purpose("ps.visit.introduce");
constexpr std::uint64_t kGrantOrder = purpose("ps.introduction.order");

double enrolled_count(const Flags& enrolled) {
  return static_cast<double>(std::count(enrolled.begin(), enrolled.end(), 1));
}

void initialize(Week& week) {
  week.state.write<Column::enrolled>().assign(week.view.key_figures.size(), 0);
  week.state.write<Column::key_figures_chosen>() = false;
}

// Chooses the key figures when the programme starts, and again every reselect weeks.
void prepare(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  const Intervention self = Intervention::key_figure_programme;
  bool& chosen = week.state.write<Column::key_figures_chosen>();
  auto& enrolled = week.state.write<Column::enrolled>();
  if (!plan.scheduled(self, week.week) ||
      (chosen && !(plan.key_figure_reselect_weeks > 0 &&
                   plan.due(self, week.week, plan.key_figure_reselect_weeks))))
    return;
  std::fill(enrolled.begin(), enrolled.end(), 0);
  week.state.read<Column::key_figure_ties>();  // the targeting rules read it
  for (NodeId k :
       choose_key_figures(week.world, week.view, plan.key_figure_targeting,
                          static_cast<std::size_t>(plan.key_figure_capacity), week.rng, week.week))
    enrolled[k] = 1;
  chosen = true;
}

Use most_use(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  const double figures = enrolled_count(week.state.read<Column::enrolled>());
  const double visits = events_in_week(plan.key_figure_visits_per_week, week.week) * figures;
  return {plan.hours_per_figure() * figures + week.params.capacity.introduction_hours * visits,
          visits, 0};
}

// Each enrolled key figure's visits this week, decided in parallel.
std::vector<std::vector<Contact>> make_visits(Week& week, std::uint32_t visits) {
  CsrLayer& figures = week.state.write<Column::key_figure_ties>();
  const auto& enrolled = week.state.read<Column::enrolled>();
  const auto trust = figures.attribute(kTrust);
  auto last_contact = figures.attribute(kLastContact);
  const KeyFigureParams& kp = week.params.key_figures;
  const CommunityView& view = week.view;
  const NodeId count = view.key_figures.size();
  std::vector<std::vector<Contact>> made(count);
  for_each_index_balanced(0, count, [&](std::int64_t i) {
    if (!enrolled[static_cast<std::size_t>(i)]) return;
    const NodeId figure = view.key_figures.begin + static_cast<NodeId>(i);
    std::vector<Candidate> candidates;
    for (ArcIndex a = figures.first_arc(figure); a < figures.end_arc(figure); ++a) {
      const NodeId parent = figures.targets()[a];
      candidates.push_back({last_contact[a], 0, parent, a});
    }
    const std::size_t take = order_first(candidates, visits, [&](NodeId parent) {
      return week.rng.bits(week.week, figure, kVisitOrder, parent);
    });
    for (std::size_t c = 0; c < take; ++c) {
      const NodeId parent = candidates[c].parent;
      last_contact[candidates[c].arc] = static_cast<float>(week.week);
      const double k = trust[find_arc(figures, parent, figure)];
      const bool accepted =
          week.rng.uniform(week.week, parent, kVisitAccept, figure) < kp.acceptance * k;
      const bool introduce =
          accepted && view.key_figure_partner[i] != kNoAgent &&
          week.rng.uniform(week.week, parent, kIntroduce, figure) < kp.introduction_rate * k;
      made[i].push_back({parent, figure, key_figure_visit, accepted, false, introduce, false});
    }
  });
  return made;
}

// Adds the visits to the week's contacts; introductions take the partner's hours,
// granted in a random order. Returns the visits and the partners' hours.
Use grant_introductions(Week& week, std::vector<std::vector<Contact>> made) {
  std::vector<Contact>& contacts = week.state.write<Column::contact_book>().contacts;
  auto& left = week.state.write<Column::hours_left>();
  WeekHours& hours = week.state.write<Column::hours>();
  const CommunityView& view = week.view;
  Use used;
  std::vector<std::pair<std::uint64_t, std::size_t>> requests;
  for (auto& list : made) {
    used.contacts += static_cast<double>(list.size());
    for (Contact& contact : list) {
      if (contact.introduce)
        requests.emplace_back(week.rng.bits(week.week, contact.parent, kGrantOrder, contact.source),
                              contacts.size());
      contacts.push_back(contact);
    }
  }
  std::sort(requests.begin(), requests.end());
  const double cost = week.params.capacity.introduction_hours;
  for (const auto& [key, index] : requests) {
    Contact& contact = contacts[index];
    const NodeId partner = view.key_figure_partner[contact.source - view.key_figures.begin];
    double& hours_left = left[partner - view.professionals.begin];
    if (hours_left >= cost) {
      hours_left -= cost;
      hours.introductions += cost;
      used.hours += cost;
    } else {
      contact.introduce = false;
    }
  }
  return used;
}

void visit(Week& week) {
  const auto& running = week.state.read<Column::running>();
  if (!runs(running, Intervention::key_figure_programme)) return;
  const OutreachPlan& plan = week.params.plan;
  const double coordination =
      plan.hours_per_figure() * enrolled_count(week.state.read<Column::enrolled>());
  week.state.write<Column::hours>().key_figure_programme += coordination;
  const std::uint32_t visits = events_in_week(plan.key_figure_visits_per_week, week.week);
  Use used{coordination, 0, 0};
  if (visits > 0) used += grant_introductions(week, make_visits(week, visits));
  week.state.write<Column::spending>().charge(Intervention::key_figure_programme, used);
}

}  // namespace

std::vector<ParamSpec> KeyFigurePlan::specs() {
  return bought(
      {flag_param("key_figure_programme", false, "M5", "seed 002 sec. 2; seed 000 tip 4",
                  "key figures visit the parents they know and introduce them to professionals"),
       plausible(
           real_param("key_figure_visits_per_week", 2, 0, 100, "visits per key figure per week",
                      "M5", "seed 000 tip 4 (church elders visit families); assumption, swept",
                      "visits each key figure makes in a programme week"),
           1, 4, "judgement: volunteers with a few hours a week; no seed gives a rate"),
       plausible(real_param("key_figure_coordination_hours", 1, 0, 40,
                            "hours per key figure per week", "M5", "assumption, swept",
                            "programme hours to recruit, train and support one key figure"),
                 0.5, 2, "judgement: half to double the default hour of support a week"),
       choice_param("key_figure_targeting", "all", key_figure_rules(), "M5",
                    "Valente 2012 (network interventions); Kim et al. 2015 (friend "
                    "nomination)",
                    "rule that chooses the key figures a programme enrols "
                    "(key_figure_targeting.hpp)"),
       integer_param("key_figure_capacity", 0, 0, 1e6, "key figures", "M5, M22", "scenario",
                     "most key figures the programme enrols (0: every key figure)"),
       integer_param("key_figure_reselect_weeks", 0, 0, 520, "weeks", "M5, M11", "scenario",
                     "weeks after which the enrolled key figures are chosen again on the "
                     "network as it is then (0: chosen once)"),
       flag_param("key_figure_speaks_for_limits", false, "M5, M17",
                  "Paluck et al. 2016 (PNAS 113:566; referents who speak against conflict); seed "
                  "000 tip 3",
                  "the programme asks its key figures to speak for clear limits, so that they "
                  "weigh in the norm of the parents who trust them (referent_weight)"),
       plausible(real_param("key_figure_norm_hours", 0.5, 0, 40, "hours per key figure per week",
                            "M5, M17", "assumption, swept",
                            "extra support a week for a key figure who speaks for limits "
                            "(preparing the message, the local figures)"),
                 0.25, 1,
                 "judgement: a quarter to a full hour a week on top of the key figure's "
                 "support; no seed prices it")});
}

void KeyFigurePlan::read(const ParamValues& values) {
  key_figure_programme = values.flag(outreach_key("key_figure_programme"));
  key_figure_visits_per_week = values.real(outreach_key("key_figure_visits_per_week"));
  key_figure_coordination_hours = values.real(outreach_key("key_figure_coordination_hours"));
  key_figure_targeting = values.text(outreach_key("key_figure_targeting"));
  key_figure_capacity = values.real(outreach_key("key_figure_capacity"));
  key_figure_reselect_weeks = values.real(outreach_key("key_figure_reselect_weeks"));
  key_figure_speaks_for_limits = values.flag(outreach_key("key_figure_speaks_for_limits"));
  key_figure_norm_hours = values.real(outreach_key("key_figure_norm_hours"));
}

ProgrammeSpec key_figure_programme_programme() {
  ProgrammeSpec spec{Intervention::key_figure_programme,
                     {"key_figure_programme", "key-figure programme", "visit by a key figure", "",
                      "M5", 60, 12.5, 0, 2500, kStandardRates}};
  spec.most_use = most_use;
  spec.prepare = prepare;
  spec.initialize = initialize;
  spec.reserve = {columns({Column::key_figure_ties}),
                  columns({Column::enrolled, Column::key_figures_chosen}),
                  {}};
  spec.setup = {{}, columns({Column::enrolled, Column::key_figures_chosen}), {}};
  spec.switched_on = [](const OutreachPlan& plan) { return plan.key_figure_programme; };
  return spec;
}

StepInfo key_figure_programme_step() {
  return {"key_figure_visits",
          StepKind::intervention,
          "M5",
          "seed 002 sec. 2; seed 000 tip 4",
          "enrolled key figures visit parents and ask introductions to their partner",
          {columns({Column::running, Column::enrolled}),
           columns({Column::key_figure_ties, Column::contact_book, Column::hours_left,
                    Column::hours, Column::spending}),
           {}},
          nullptr,
          visit};
}

}  // namespace village::parent_support
