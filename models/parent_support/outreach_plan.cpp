// The [outreach] table (M1-M22 interventions): which programmes a scenario switches on,
// their sizes, targeting and windows, and when a schedule is due.

#include "models/parent_support/outreach_plan.hpp"

#include <cmath>

#include "models/parent_support/key_figure_targeting.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/parent_targeting.hpp"

namespace village::parent_support {

namespace {
constexpr std::array<const char*, 4> kConditionNames{"condition_mutual_trust",
                                                     "condition_shared_goals",
                                                     "condition_clear_roles", "condition_equality"};
std::string key(const char* name) {
  return std::string(kOutreachTable) + "." + name;
}
}  // namespace

namespace {

// Channels, tone, approach, key figures, partnership and influencers (M3-M7, M16).
std::vector<ParamSpec> outreach_specs() {
  std::vector<ParamSpec> specs{
      integer_param("start_week", 0, 0, 1e6, "week", "M1", "seed 000 tip 1; seed 002 sec. 1",
                    "first week of proactive outreach (personal contacts and programmes)"),
      integer_param("end_week", 1e6, 0, 1e6, "week", "M1", "scenario",
                    "week in which proactive outreach stops (exclusive)"),
      flag_param("personal_contacts", true, "M2, M22", "seed 002 sec. 1, 6",
                 "professionals spend the hours left after reactive work on personal contacts "
                 "with parents on their caseload"),
      share_param("inviting_share", 0.5, "share of contacts", "M3",
                  "seed 000 tip 2; assumption (current practice), swept",
                  "share of professional contacts made in an inviting, equal tone; the rest "
                  "lecture or control"),
      choice_param("approach", "uniform", {"uniform", "matched"}, "M16", "seed 002 sec. 4",
                   "uniform: every parent approached as an engaged one; matched: the approach "
                   "that works for the parent's type"),
      integer_param("newsletter_interval_weeks", 0, 0, 520, "weeks", "M4", "seed 002 sec. 6",
                    "weeks between newsletter issues to all parents (0: no newsletter)"),
      real_param("newsletter_hours_per_issue", 6, 0, 1000, "hours per issue", "M4",
                 "assumption, swept", "programme hours to write and send one issue"),
      flag_param("key_figure_programme", false, "M5", "seed 002 sec. 2; seed 000 tip 4",
                 "key figures visit the parents they know and introduce them to professionals"),
      real_param("key_figure_visits_per_week", 2, 0, 100, "visits per key figure per week", "M5",
                 "seed 000 tip 4 (church elders visit families); assumption, swept",
                 "visits each key figure makes in a programme week"),
      real_param("key_figure_coordination_hours", 1, 0, 40, "hours per key figure per week", "M5",
                 "assumption, swept",
                 "programme hours to recruit, train and support one key figure"),
      flag_param("partnership", false, "M6, M7", "seed 003",
                 "partner professionals join conversations in informal organisations"),
      integer_param("conversation_interval_weeks", 4, 1, 520, "weeks", "M6", "seed 003; assumption",
                    "weeks between conversations an organisation hosts"),
  };
  const std::array<const char*, 4> what{"mutual trust", "shared goals",
                                        "clear expectations and roles", "equality"};
  for (std::size_t i = 0; i < 4; ++i) {
    specs.push_back(share_param(
        kConditionNames[i], 1.0, "degree", "M7", "seed 003",
        std::string("degree to which the partnership has ") + what[i] + " (0: absent, 1: fully)"));
  }
  append(specs,
         {flag_param("influencer_panel", false, "M4, M21", "seed 000 tip 4 (Sudwest-Fryslan)",
                     "parent influencers post about parenting and prevention"),
          real_param("influencer_posts_per_week", 1, 0, 50, "posts per influencer per week", "M4",
                     "assumption, swept", "posts each influencer makes in a programme week"),
          real_param("influencer_coordination_hours", 0.5, 0, 40, "hours per influencer per week",
                     "M4", "assumption, swept",
                     "programme hours to support one influencer of the panel")});
  return specs;
}

// Part 2's programmes (M8-M14, M17, M19-M22).
std::vector<ParamSpec> programme_specs() {
  std::vector<ParamSpec> specs;
  const std::string groups = "seed 001; seed 000 tips 3, 5";
  append(specs,
         {flag_param("parent_groups", false, "M8-M14", groups,
                     "recurring parent groups with a facilitator, per neighbourhood"),
          real_param("groups_per_1000", 1, 0, 1000, "groups per 1000 households", "M8", "scenario",
                     "parent groups (at least one when switched on)"),
          integer_param("group_size", 12, 2, 1000, "parents", "M10",
                        "seed 001 ch. 3 (size matters)", "most parents at one meeting"),
          integer_param("group_invited", 40, 1, 1e6, "parents", "M8", "scenario",
                        "parents invited to each group"),
          integer_param("group_interval_weeks", 2, 1, 52, "weeks", "M8", "scenario",
                        "weeks between a group's meetings"),
          integer_param("group_sessions", 8, 1, 1000, "meetings", "M8", "scenario",
                        "meetings in a group's course"),
          flag_param("group_like_minded", false, "M10", "seed 001 ch. 3",
                     "invite each group from one community (like-minded) instead of from its "
                     "neighbourhood (mixed)"),
          share_param("group_structure", 0.5, "structure", "M9", "seed 001 ch. 2",
                      "how structured the programme is (0: open, 1: fixed programme)"),
          flag_param("volunteer_facilitators", false, "M19", "seed 001",
                     "volunteer parents facilitate groups where there are any"),
          real_param("group_hours", 3, 0, 40, "hours per meeting", "M22", "assumption, swept",
                     "professional hours to prepare and facilitate one meeting"),
          real_param("group_fee_euros", 0, 0, 1000, "euros per meeting", "M8",
                     "seed 001 (low or no fees)", "what a parent pays to attend a meeting"),
          integer_param("maintenance_interval_weeks", 0, 0, 520, "weeks", "M14",
                        "Barlow et al. 2014 (effects fade without maintenance)",
                        "after its course, a group meets every this many weeks (0: no "
                        "maintenance meetings)"),
          flag_param("theme_evenings", false, "M1, M8, M17",
                     "seed 002 sec. 1; seed 000 tip 3 (Urk, Hardenberg)",
                     "schools hold parent evenings on agreements about limits"),
          integer_param("theme_evening_interval_weeks", 13, 1, 520, "weeks", "M17", "scenario",
                        "weeks between a school's theme evenings"),
          real_param("theme_evening_hours", 4, 0, 100, "hours per evening", "M22",
                     "assumption, swept", "professional hours for one school's evening"),
          flag_param("parent_network", false, "M19, M20", "seed 004",
                     "regional parent networks driven by a parent"),
          flag_param("structural_support", false, "M20", "seed 004",
                     "professionals support the parent networks structurally"),
          real_param("network_support_hours", 2, 0, 40, "hours per network per week", "M20",
                     "assumption, swept", "professional hours of structural support"),
          integer_param("network_interval_weeks", 4, 1, 52, "weeks", "M20", "scenario",
                        "weeks between a parent network's meetings"),
          flag_param("parent_support_point", false, "M6, M20, M21", "seed 004",
                     "a parent support point: information, questions, contact with other "
                     "parents"),
          real_param("support_point_hours", 16, 0, 400, "hours per week", "M22",
                     "assumption, swept", "staff hours of the support point"),
          flag_param("voice", false, "M21", "seed 004; seed 000 tip 4",
                     "a parent panel or survey tailors meetings to parents' needs while it "
                     "runs"),
          integer_param("voice_interval_weeks", 8, 1, 52, "weeks", "M21", "assumption, swept",
                        "weeks between the panel's meetings (or survey rounds)"),
          real_param("voice_hours_per_meeting", 6, 0, 400, "hours per meeting", "M21",
                     "assumption, swept",
                     "professional hours to prepare, chair and report a panel meeting"),
          flag_param("training", false, "M3, M22", "seed 004 (collaboration competences)",
                     "professionals are trained in tone and collaboration"),
          share_param("training_competence_gain", 0.15, "competence", "M22", "assumption, swept",
                      "gain in collaboration competence (capped at 1) from the training"),
          integer_param("training_capacity", 0, 0, 1e6, "professionals", "M22", "scenario",
                        "most professionals trained, those with the largest caseloads first "
                        "(0: every professional)"),
          real_param("training_hours", 16, 0, 400, "hours per professional", "M22",
                     "assumption, swept",
                     "hours of training per professional, spent in the first outreach week"),
          flag_param("buddy_programme", false, "M19", "seed 004 (parent buddies); seed 001",
                     "volunteer parents each buddy vulnerable parents of their neighbourhood"),
          integer_param("buddies_per_volunteer", 2, 1, 100, "parents", "M19", "assumption",
                        "vulnerable parents one volunteer buddies"),
          real_param("buddy_coordination_hours", 0.5, 0, 40, "hours per volunteer per week", "M19",
                     "assumption, swept", "programme hours to match and support one buddy")});
  return specs;
}

// Whom programmes reach first, and the budget.
std::vector<ParamSpec> targeting_specs() {
  std::vector<ParamSpec> specs;
  append(specs,
         {choice_param("key_figure_targeting", "all", key_figure_rules(), "M5",
                       "Valente 2012 (network interventions); Kim et al. 2015 (friend "
                       "nomination)",
                       "rule that chooses the key figures a programme enrols "
                       "(key_figure_targeting.hpp)"),
          integer_param("key_figure_capacity", 0, 0, 1e6, "key figures", "M5, M22", "scenario",
                        "most key figures the programme enrols (0: every key figure)"),
          integer_param("key_figure_reselect_weeks", 0, 0, 520, "weeks", "M5, M11", "scenario",
                        "weeks after which the enrolled key figures are chosen again on the "
                        "network as it is then (0: chosen once)"),
          choice_param("group_targeting", "random", parent_rules(), "M8, M10",
                       "Valente 2012 (network interventions); assumption",
                       "rule that orders the parents a parent group invites from its "
                       "neighbourhood or community (parent_targeting.hpp)"),
          choice_param("buddy_targeting", "random", parent_rules(), "M12, M19",
                       "seed 004 (parent buddies); Valente 2012",
                       "rule that orders the vulnerable parents of a neighbourhood that "
                       "volunteers buddy (parent_targeting.hpp)"),
          real_param("budget_euros", 0, 0, 1e12, "euros", "", "scenario",
                     "most the interventions may spend over the run; each stops when the budget "
                     "left cannot cover its next week (0: no cap)")});
  return specs;
}

}  // namespace

std::vector<ParamSpec> OutreachPlan::specs() {
  std::vector<ParamSpec> specs = outreach_specs();
  append(specs, programme_specs());
  append(specs, targeting_specs());
  append(specs, intervention_term_specs());
  return specs;
}

OutreachPlan OutreachPlan::from(const ParamValues& values) {
  OutreachPlan plan{};
  plan.start_week = values.real(key("start_week"));
  plan.end_week = values.real(key("end_week"));
  plan.personal_contacts = values.flag(key("personal_contacts"));
  plan.inviting_share = values.real(key("inviting_share"));
  plan.approach = values.text(key("approach")) == "matched" ? Approach::matched : Approach::uniform;
  plan.newsletter_interval_weeks = values.real(key("newsletter_interval_weeks"));
  plan.newsletter_hours_per_issue = values.real(key("newsletter_hours_per_issue"));
  plan.key_figure_programme = values.flag(key("key_figure_programme"));
  plan.key_figure_visits_per_week = values.real(key("key_figure_visits_per_week"));
  plan.key_figure_coordination_hours = values.real(key("key_figure_coordination_hours"));
  plan.partnership = values.flag(key("partnership"));
  plan.conversation_interval_weeks = values.real(key("conversation_interval_weeks"));
  for (std::size_t i = 0; i < 4; ++i)
    plan.conditions[i] = values.real(key(kConditionNames[i]));
  plan.influencer_panel = values.flag(key("influencer_panel"));
  plan.influencer_posts_per_week = values.real(key("influencer_posts_per_week"));
  plan.influencer_coordination_hours = values.real(key("influencer_coordination_hours"));
  plan.parent_groups = values.flag(key("parent_groups"));
  plan.groups_per_1000 = values.real(key("groups_per_1000"));
  plan.group_size = values.real(key("group_size"));
  plan.group_invited = values.real(key("group_invited"));
  plan.group_interval_weeks = values.real(key("group_interval_weeks"));
  plan.group_sessions = values.real(key("group_sessions"));
  plan.group_like_minded = values.flag(key("group_like_minded"));
  plan.group_structure = values.real(key("group_structure"));
  plan.volunteer_facilitators = values.flag(key("volunteer_facilitators"));
  plan.group_hours = values.real(key("group_hours"));
  plan.group_fee_euros = values.real(key("group_fee_euros"));
  plan.maintenance_interval_weeks = values.real(key("maintenance_interval_weeks"));
  plan.theme_evenings = values.flag(key("theme_evenings"));
  plan.theme_evening_interval_weeks = values.real(key("theme_evening_interval_weeks"));
  plan.theme_evening_hours = values.real(key("theme_evening_hours"));
  plan.parent_network = values.flag(key("parent_network"));
  plan.structural_support = values.flag(key("structural_support"));
  plan.network_support_hours = values.real(key("network_support_hours"));
  plan.network_interval_weeks = values.real(key("network_interval_weeks"));
  plan.parent_support_point = values.flag(key("parent_support_point"));
  plan.support_point_hours = values.real(key("support_point_hours"));
  plan.voice = values.flag(key("voice"));
  plan.voice_interval_weeks = values.real(key("voice_interval_weeks"));
  plan.voice_hours_per_meeting = values.real(key("voice_hours_per_meeting"));
  plan.training = values.flag(key("training"));
  plan.training_competence_gain = values.real(key("training_competence_gain"));
  plan.training_hours = values.real(key("training_hours"));
  plan.training_capacity = values.real(key("training_capacity"));
  plan.buddy_programme = values.flag(key("buddy_programme"));
  plan.buddies_per_volunteer = values.real(key("buddies_per_volunteer"));
  plan.buddy_coordination_hours = values.real(key("buddy_coordination_hours"));
  plan.key_figure_targeting = values.text(key("key_figure_targeting"));
  plan.key_figure_capacity = values.real(key("key_figure_capacity"));
  plan.key_figure_reselect_weeks = values.real(key("key_figure_reselect_weeks"));
  plan.group_targeting = values.text(key("group_targeting"));
  plan.buddy_targeting = values.text(key("buddy_targeting"));
  plan.terms = read_intervention_terms(values);
  plan.budget_euros = values.real(key("budget_euros"));
  return plan;
}

bool OutreachPlan::switched_on(Intervention i) const {
  switch (i) {
    case Intervention::newsletter:
      return newsletter_interval_weeks > 0;
    case Intervention::theme_evenings:
      return theme_evenings;
    case Intervention::key_figure_programme:
      return key_figure_programme;
    case Intervention::partnership:
      return partnership;
    case Intervention::influencer_panel:
      return influencer_panel;
    case Intervention::parent_groups:
      return parent_groups;
    case Intervention::buddy_programme:
      return buddy_programme;
    case Intervention::training:
      return training;
    case Intervention::parent_support_point:
      return parent_support_point;
    case Intervention::parent_network:
      return parent_network;
    case Intervention::structural_support:
      return structural_support && parent_network;
    case Intervention::voice:
      return voice;
  }
  return false;
}

bool OutreachPlan::scheduled(Intervention i, std::uint64_t week) const {
  const auto w = static_cast<double>(week);
  return switched_on(i) && w >= first_week(i) && w < std::min(end_week, terms_of(i).end_week);
}

bool OutreachPlan::due(Intervention i, std::uint64_t week, double interval, double offset) const {
  const double since = static_cast<double>(week) - first_week(i) - offset;
  return since >= 0 && interval > 0 && std::fmod(since, interval) == 0;
}

}  // namespace village::parent_support
