// School theme evenings on agreements (M8, M11, M17; seed 000 tip 3): parents of a school
// holding its evening come by their trust in the school (GroupParams attendance), meet
// those of their child's class, see which of them set limits (norms.cpp reads it), and
// get to know one of them. They also talk with their child's teachers there: an informal
// moment before any problem (M2; seed 002 sec. 1), a positive contact of quality
// evening_contact_quality x the teacher's competence on each caseload tie to a teacher,
// which institutional trust learns from as from any contact. Attendance and the talk's
// quality rise with the fit the parents' voice achieved (M21, fit.hpp).

#include <algorithm>
#include <map>

#include "models/community_schema.hpp"
#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/mechanisms/fit.hpp"
#include "models/parent_support/mechanisms/trust.hpp"
#include "models/parent_support/mechanisms/word_of_mouth.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kEvening = purpose("ps.evening.attend");
constexpr std::uint64_t kEveningMeet = purpose("ps.evening.meet");

std::vector<ParamSpec> evening_specs() {
  return {plausible(
      share_param("evening_contact_quality", 0.2, "quality", "M2",
                  "seed 002 sec. 1 (informal moments before problems build trust); "
                  "magnitude: assumption, swept",
                  "quality of the informal talk a parent has with each of its child's "
                  "teachers at a theme evening (times the teacher's competence; 0: none)"),
      0.05, 0.4,
      "judgement: a short talk among many parents, well below a personal contact (up to 1); "
      "seed 002 sec. 1 gives the direction only")};
}

// Each attending parent's informal talk with its child's teachers (its caseload ties to
// teachers): a positive contact on the tie, institutional trust learning from it.
void talk_with_teachers(Week& week, const std::vector<NodeId>& present, double quality) {
  if (quality <= 0) return;
  const CommunityView& view = week.view;
  const ModelParams& params = week.params;
  CsrLayer& caseload = week.state.write<Column::caseload>();
  auto trust = caseload.attribute(kTrust);
  auto& institutional = week.state.write<Column::institutional_trust>();
  const auto& competence = week.state.read<Column::professional_competence>();
  constexpr auto kTeacher = static_cast<std::uint8_t>(community::ProfessionalRole::teacher);
  for (NodeId p : present) {
    const NodeId agent = view.parents.begin + p;
    for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a) {
      const NodeId professional = caseload.targets()[a];
      if (!view.is_professional(professional)) continue;
      const NodeId k = professional - view.professionals.begin;
      if (view.professional_role[k] != kTeacher) continue;
      const double before = trust[a];
      const double after =
          after_positive_contact(before, quality * competence[k], params.trust.contact_gain);
      trust[a] = static_cast<float>(after);
      institutional[p] = std::min(
          1.0, institutional[p] + params.trust.institutional_learning * (trust[a] - before));
    }
  }
}

// Who comes to school s's evening, by class; they are marked as attending.
std::map<std::uint32_t, std::vector<NodeId>> who_comes(Week& week, std::size_t s, double fit,
                                                       Flags& evening_this_week) {
  const CommunityView& view = week.view;
  const GroupParams& gp = week.params.groups;
  const CsrLayer& caseload = week.state.read<Column::caseload>();
  const auto& institutional_trust = week.state.read<Column::institutional_trust>();
  const auto trust = caseload.attribute(kTrust);
  // B6: a parent who knows of the offer (as of last week) comes more readily.
  const auto& heard = week.state.read<Column::heard>();
  const double heard_gain = WordOfMouthParams::from(week.values).heard_attendance_gain;
  std::map<std::uint32_t, std::vector<NodeId>> by_class;
  for (NodeId p : week.state.read<Column::school_parents>()[s]) {
    const NodeId agent = view.parents.begin + p;
    // Trust in the school: the most trusted tie, else the tie baseline.
    double school_trust = week.params.trust.initial_tie_trust * institutional_trust[p];
    for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a)
      school_trust = std::max<double>(school_trust, trust[a]);
    const double chance =
        std::clamp(gp.attend_base + gp.attend_trust * school_trust + heard_gain * heard[p], 0.0,
                   1.0) *
        fit;
    if (week.rng.uniform(week.week, agent, kEvening, s) < chance) {
      by_class[view.parent_class[p]].push_back(p);
      evening_this_week[p] = 1;
    }
  }
  return by_class;
}

// One class at the evening: what they see of limit setting, and whom they meet.
void meet_class(Week& week, std::size_t s, const std::vector<NodeId>& present) {
  const CommunityView& view = week.view;
  const auto& limits = week.state.read<Column::limit_setting>();
  auto& adopters_seen = week.state.write<Column::evening_adopters>();
  auto& seen = week.state.write<Column::evening_seen>();
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  auto& new_ties = week.state.write<Column::new_friend_ties>();
  std::vector<NodeId> agents;
  agents.reserve(present.size());
  for (NodeId p : present)
    agents.push_back(view.parents.begin + p);
  week.state.write<Column::meeting_log>().add(static_cast<std::uint32_t>(week.week),
                                              MeetingKind::theme_evening,
                                              static_cast<std::uint32_t>(s), kNoAgent, agents);
  double adopters = 0;
  for (NodeId p : present)
    adopters += limits[p];
  for (NodeId p : present) {
    adopters_seen[p] = static_cast<float>(adopters - limits[p]);
    seen[p] = static_cast<float>(present.size() - 1);
    if (present.size() < 2) continue;
    const NodeId agent = view.parents.begin + p;
    DrawSequence draws(week.rng, week.week, agent, kEveningMeet);
    const NodeId other = present[draws.below(present.size())];
    refresh_or_form(friends, week.params.support, week.week, agent, view.parents.begin + other,
                    new_ties);
  }
}

void hold_evenings(Week& week) {
  auto& evening_this_week = week.state.write<Column::evening_this_week>();
  std::fill(evening_this_week.begin(), evening_this_week.end(), 0);
  const auto& evening_school = week.state.read<Column::evening_school>();
  const double quality = week.values.real("evening_contact_quality");
  // Parents' voice (M21): an evening that fits their needs draws more and talks better.
  const double fit = fit_multiplier(week.state.read<Column::voice_fit>(), week.values);
  Spending& spending = week.state.write<Column::spending>();
  for (std::size_t s = 0; s < evening_school.size(); ++s) {
    if (!evening_school[s]) continue;
    const auto by_class = who_comes(week, s, fit, evening_this_week);
    double attending = 0;
    for (const auto& [school_class, present] : by_class)
      attending += static_cast<double>(present.size());
    spending.charge(Intervention::theme_evenings, {0, attending, 0});
    for (const auto& [school_class, present] : by_class) {
      meet_class(week, s, present);
      talk_with_teachers(week, present, std::min(1.0, quality * fit));
    }
  }
}

void initialize(Week& week) {
  const NodeId parents = week.view.parents.size();
  week.state.write<Column::evening_this_week>().assign(parents, 0);
  week.state.write<Column::evening_adopters>().assign(parents, 0);
  week.state.write<Column::evening_seen>().assign(parents, 0);
}

}  // namespace

StepInfo evenings_step() {
  StepInfo step{"evenings",
                StepKind::mechanism,
                "M2, M8, M11, M17",
                "seed 000 tip 3; seed 002 sec. 1",
                "parents come to their school's theme evening, see who sets limits, meet one, "
                "and talk with their child's teachers",
                {columns({Column::evening_school, Column::voice_fit, Column::caseload,
                          Column::institutional_trust, Column::school_parents,
                          Column::limit_setting, Column::professional_competence, Column::heard}),
                 columns({Column::evening_this_week, Column::spending, Column::evening_adopters,
                          Column::evening_seen, Column::friend_ties, Column::new_friend_ties,
                          Column::meeting_log, Column::caseload, Column::institutional_trust}),
                 columns({Column::limit_setting, Column::heard})},
                initialize,
                hold_evenings};
  step.params = evening_specs;
  return step;
}

namespace {

void evening_values(const OutcomeInputs& in, NodeId p, double* values) {
  values[0] = in.state.evening_this_week[p];
}

}  // namespace

// Parents at a theme evening this week (M17).
OutcomeBlock evenings_outcomes() {
  OutcomeBlock block{"evenings", {{"contacts_evening", Aggregate::sum}}};
  block.fill = each_parent<evening_values>;
  return block;
}

}  // namespace village::parent_support
