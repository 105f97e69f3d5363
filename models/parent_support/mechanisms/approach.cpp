// M16, M3 (seed 002 secs. 2-4): the approach matched to the parent type, and the weekly
// personal contacts professionals make with the hours left.

#include "models/parent_support/mechanisms/approach.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <span>

#include "models/community_schema.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {
constexpr std::array<const char*, 2> kApproachNames{"uniform", "matched"};
// Defaults: a uniform approach works for engaged parents and poorly for the others
// (seed 002 sec. 4); the matched approach closes much of that gap. Magnitudes are
// assumptions to sweep.
constexpr std::array<std::array<double, 4>, 2> kReach{
    {{0.9, 0.6, 0.25, 0.5}, {0.9, 0.75, 0.55, 0.7}}};
constexpr std::array<std::array<double, 4>, 2> kFit{{{1.0, 0.4, 0.6, 0.4}, {1.0, 0.9, 0.9, 0.9}}};
// Plausible ranges [low, high] per approach and type (judgement: up to 0.2 either side of
// the default, within [0, 1]).
using Ranges = std::array<std::array<std::array<double, 2>, 4>, 2>;
constexpr Ranges kReachRange{{{{{0.75, 1.0}, {0.4, 0.8}, {0.1, 0.45}, {0.3, 0.7}}},
                              {{{0.75, 1.0}, {0.55, 0.9}, {0.35, 0.75}, {0.5, 0.9}}}}};
constexpr Ranges kFitRange{{{{{0.8, 1.0}, {0.2, 0.6}, {0.4, 0.8}, {0.2, 0.6}}},
                            {{{0.8, 1.0}, {0.7, 1.0}, {0.7, 1.0}, {0.7, 1.0}}}}};
constexpr std::array<const char*, 2> kRangeWhy{
    "seed 002 sec. 4: a uniform approach works for engaged parents, poorly for the others; "
    "judgement: up to 0.2 either side of the default",
    "seed 002 sec. 4: the approach matched to the type works better than a uniform one; "
    "judgement: up to 0.2 either side of the default"};
}  // namespace

std::vector<ParamSpec> ApproachParams::specs() {
  std::vector<ParamSpec> specs;
  const std::string source = "seed 002 sec. 4; magnitude: assumption, swept";
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t t = 0; t < 4; ++t) {
      const auto type = community::kParentTypeNames[t];
      specs.push_back(plausible(
          share_param(fmt::format("{}_reach_{}", kApproachNames[a], type), kReach[a][t],
                      "probability", "M16", source,
                      fmt::format("chance that a {} parent takes up a personal contact made with "
                                  "the {} approach (times willingness)",
                                  type, kApproachNames[a])),
          kReachRange[a][t][0], kReachRange[a][t][1], kRangeWhy[a]));
    }
  }
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t t = 0; t < 4; ++t) {
      const auto type = community::kParentTypeNames[t];
      specs.push_back(plausible(
          share_param(fmt::format("{}_fit_{}", kApproachNames[a], type), kFit[a][t], "quality",
                      "M16", source,
                      fmt::format("quality of an accepted {}-approach contact with a {} parent "
                                  "(times the professional's competence)",
                                  kApproachNames[a], type)),
          kFitRange[a][t][0], kFitRange[a][t][1], kRangeWhy[a]));
    }
  }
  specs.push_back(plausible(
      real_param("matched_hours_factor", 1.3, 1, 5, "multiple of contact hours", "M16",
                 "seed 002 sec. 4 (one-to-one, persistent); assumption, swept",
                 "hours of a matched contact with a non-engaged parent, relative to a "
                 "uniform contact"),
      1.0, 2.0,
      "seed 002 sec. 4: one-to-one, persistent contact takes longer; judgement: from no extra "
      "time to double the hours"));
  return specs;
}

ApproachParams ApproachParams::from(const ParamValues& values) {
  ApproachParams params{};
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t t = 0; t < 4; ++t) {
      const auto type = community::kParentTypeNames[t];
      params.reach[a][t] = values.real(fmt::format("{}_reach_{}", kApproachNames[a], type));
      params.fit[a][t] = values.real(fmt::format("{}_fit_{}", kApproachNames[a], type));
    }
  }
  params.matched_hours_factor = values.real("matched_hours_factor");
  return params;
}

// The step (M3, M16, M22): professionals contact the parents of their caseload with the
// hours left, least recently contacted first, in the plan's approach and tone.

namespace {

constexpr std::uint64_t kContactOrder = purpose("ps.contact.order");
constexpr std::uint64_t kContactAccept = purpose("ps.contact.accept");
constexpr std::uint64_t kTone = purpose("ps.tone");
constexpr std::uint64_t kMatch = purpose("ps.contact.match");
constexpr auto kSensitive = static_cast<std::uint8_t>(community::ParentType::sensitive);

// Each professional's practice (mechanisms/practice.hpp), read by every contact.
struct PracticeOf {
  const Reals& inviting;
  const Reals& matching;
  const Reals& responsiveness;
};

// Whether a contact by professional k uses the matched approach (for an engaged parent
// both approaches are the one that works, and the matched one takes no longer): never at matching 0
// and always at 1 without a draw, so that current practice is as it was.
bool matched_contact(const Week& week, double matching, NodeId parent, NodeId professional) {
  if (matching <= 0) return false;
  if (matching >= 1) return true;
  return week.rng.uniform(week.week, parent, kMatch, professional) < matching;
}

// One professional's contacts this week, with the hours left; returns them.
std::vector<Contact> contacts_of(Week& week, NodeId k, double& left, CsrLayer& caseload,
                                 std::span<float> last_contact, const Reals& willingness,
                                 const PracticeOf& practice, const Agents& contact_person,
                                 bool fixed_contact) {
  const ModelParams& params = week.params;
  const CommunityView& view = week.view;
  const double hours_each = params.capacity.personal_contact_hours;
  const NodeId professional = view.professionals.begin + k;
  std::vector<Contact> made;
  if (left < hours_each) return made;
  std::vector<Candidate> candidates;
  for (ArcIndex a = caseload.first_arc(professional); a < caseload.end_arc(professional); ++a) {
    const NodeId parent = caseload.targets()[a];
    // A sensitive case has one fixed contact person (M16): in the matched approach the
    // others leave it to that person (mechanisms/contact_person.cpp).
    const std::size_t p = view.parent_index(parent);
    if (fixed_contact && view.parent_type[p] == kSensitive && contact_person[p] != kNoAgent &&
        contact_person[p] != professional &&
        matched_contact(week, practice.matching[k], parent, professional))
      continue;
    candidates.push_back({last_contact[a], 0, parent, a});
  }
  // At most left / hours contacts fit; order only those.
  const std::size_t take = order_first(
      candidates, static_cast<std::size_t>(left / hours_each),
      [&](NodeId parent) { return week.rng.bits(week.week, professional, kContactOrder, parent); });
  const double language =
      params.channels.language_contact_penalty * (1.0 - practice.responsiveness[k]);
  for (std::size_t c = 0; c < take; ++c) {
    const NodeId parent = candidates[c].parent;
    const std::size_t p = view.parent_index(parent);
    const std::uint8_t type = view.parent_type[p];
    // The approach that works for a sensitive case is its one contact person (M16): anyone
    // else can only approach it as any parent.
    const bool stranger =
        type == kSensitive && contact_person[p] != kNoAgent && contact_person[p] != professional;
    const bool matched =
        !stranger && matched_contact(week, practice.matching[k], parent, professional);
    const auto approach = static_cast<std::size_t>(matched ? Approach::matched : Approach::uniform);
    const double hours =
        hours_each * (matched && type != 0 ? params.approach.matched_hours_factor : 1.0);
    if (hours > left) break;
    left -= hours;
    const double reach = params.approach.reach[approach][type] * willingness[p] *
                         (view.language_barrier[p] ? 1.0 - language : 1.0);
    const bool accepted = week.rng.uniform(week.week, parent, kContactAccept, professional) < reach;
    // A matched approach is persistent (seed 002 sec. 4: absent parents need persistent
    // contact): a declined attempt keeps the parent first in line.
    if (accepted || !matched) last_contact[candidates[c].arc] = static_cast<float>(week.week);
    const bool inviting =
        week.rng.uniform(week.week, parent, kTone, professional) < practice.inviting[k];
    made.push_back({parent, professional, personal, accepted, inviting, false, matched});
  }
  return made;
}

void contact_personally(Week& week) {
  const OutreachPlan& plan = week.params.plan;
  if (!plan.personal_contacts || !plan.active(week.week)) return;
  CsrLayer& caseload = week.state.write<Column::caseload>();
  const auto& willingness = week.state.read<Column::willingness>();
  auto& left = week.state.write<Column::hours_left>();
  auto last_contact = caseload.attribute(kLastContact);
  const NodeId count = week.view.professionals.size();
  const PracticeOf practice{week.state.read<Column::professional_inviting>(),
                            week.state.read<Column::professional_matching>(),
                            week.state.read<Column::professional_responsiveness>()};
  const auto& contact_person = week.state.read<Column::contact_person>();
  const bool fixed_contact = week.values.flag("fixed_contact_person");
  std::vector<std::vector<Contact>> made(count);
  std::vector<double> spent(count, 0.0);
  for_each_index_balanced(0, count, [&](std::int64_t i) {
    const auto k = static_cast<NodeId>(i);
    double hours_left = left[k];
    made[k] = contacts_of(week, k, hours_left, caseload, last_contact, willingness, practice,
                          contact_person, fixed_contact);
    spent[k] = left[k] - hours_left;
    left[k] = hours_left;
  });
  std::vector<Contact>& contacts = week.state.write<Column::contact_book>().contacts;
  WeekHours& hours = week.state.write<Column::hours>();
  for (NodeId k = 0; k < count; ++k) {
    hours.personal += spent[k];
    contacts.insert(contacts.end(), made[k].begin(), made[k].end());
  }
}

}  // namespace

StepInfo approach_step() {
  return {
      "personal_contacts",
      StepKind::mechanism,
      "M3, M16, M22",
      "seed 002 secs. 2-4",
      "professionals contact caseload parents with the hours left, in approach and tone",
      {columns({Column::willingness, Column::professional_inviting, Column::professional_matching,
                Column::professional_responsiveness, Column::contact_person}),
       columns({Column::caseload, Column::hours_left, Column::contact_book, Column::hours}),
       columns({Column::willingness})},
      nullptr,
      contact_personally};
}

}  // namespace village::parent_support
