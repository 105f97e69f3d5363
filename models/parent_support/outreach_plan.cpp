#include "models/parent_support/outreach_plan.hpp"

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {
constexpr std::array<const char*, 4> kConditionNames{"condition_mutual_trust",
                                                     "condition_shared_goals",
                                                     "condition_clear_roles", "condition_equality"};
std::string key(const char* name) {
  return std::string(kOutreachTable) + "." + name;
}
}  // namespace

std::vector<ParamSpec> OutreachPlan::specs() {
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
  return plan;
}

}  // namespace village::parent_support
