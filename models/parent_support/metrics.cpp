// The parent-support model's weekly outcomes, for the groups "all", "vulnerable",
// "language_barrier", "community:<name>" and "type:<parent type>":
//   reach                share of parents with a professional tie of trust >= threshold
//   institutional_trust  mean trust in institutions
//   trusted_ties         mean number of professional and key-figure ties >= threshold
//   help_seeking         mean chance of taking a question to a professional (M6)
//   willingness, informal_participation   means (M3, M6)
//   incidents, incident_cooperation       incidents so far, and the share cooperative (M1)
//   contacts_<channel>   contacts received in the past week, summed over the group
// and, for "all" only, the week's hours (M22): hours_<use>; the week's spending in euros
// by intervention switched on, euros_<intervention>, and in all, euros_total; with a
// budget, budget_left and stopped_<intervention> (1 once the budget stopped it).
// Sums are taken over fixed chunks of parents combined in order, so every value is
// bit-identical for any thread count.

#include <fmt/format.h>

#include <array>
#include <span>

#include "models/community_schema.hpp"
#include "models/parent_support/group_schedule.hpp"
#include "models/parent_support/parent_support_model.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {

enum Value : std::size_t {
  k_reach = 0,
  k_institutional_trust,
  k_trusted_ties,
  k_help_seeking,
  k_willingness,
  k_participation,
  k_incidents,
  k_cooperative,
  // Part 2.
  k_attendance,
  k_support_ties,
  k_isolated,
  k_stress,
  k_competence,
  k_limit_setting,
  k_youth_risk,
  k_volunteers,
  k_stayed,
  k_invited,
  k_meetings,
  k_evenings,
  k_support,
  kFirstChannel,
  kValueCount = kFirstChannel + kChannelCount
};

constexpr std::array<const char*, kFirstChannel> kValueNames{"reach",
                                                             "institutional_trust",
                                                             "trusted_ties",
                                                             "help_seeking",
                                                             "willingness",
                                                             "informal_participation",
                                                             "incidents",
                                                             "incidents_cooperative",
                                                             "attendance",
                                                             "support_ties",
                                                             "isolated",
                                                             "stress",
                                                             "competence",
                                                             "limit_setting",
                                                             "youth_risk",
                                                             "volunteers",
                                                             "stayed",
                                                             "invited",
                                                             "contacts_meeting",
                                                             "contacts_evening",
                                                             "contacts_support"};
// Values recorded as means over the group's parents.
constexpr std::array<Value, 15> kMeans{k_reach,         k_institutional_trust,
                                       k_trusted_ties,  k_help_seeking,
                                       k_willingness,   k_participation,
                                       k_invited,       k_attendance,
                                       k_support_ties,  k_isolated,
                                       k_stress,        k_competence,
                                       k_limit_setting, k_youth_risk,
                                       k_volunteers};
// Values recorded as sums over the group's parents.
constexpr std::array<Value, 4> kSums{k_incidents, k_meetings, k_evenings, k_support};
constexpr std::array<const char*, kChannelCount> kChannelNames{
    "personal",   "key_figure_visit", "introduction", "conversation",
    "newsletter", "online",           "incident",     "question"};

// Support ties (strength >= threshold) of parent agent a (M12).
std::uint32_t support_ties(const CsrLayer& friends, std::span<const float> strength,
                           double threshold, NodeId agent) {
  std::uint32_t count = 0;
  for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a)
    count += strength[a] >= threshold;
  return count;
}

// Share of parent networks alive; negative when there are none (M20).
double networks_alive(const std::vector<Group>& groups, const VolunteerParams& volunteers) {
  double networks = 0, alive = 0;
  for (const Group& group : groups) {
    if (!group.network) continue;
    ++networks;
    alive += network_alive(group, volunteers);
  }
  return networks > 0 ? alive / networks : -1.0;
}

}  // namespace

const std::vector<std::string>& outcome_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list;
    for (Value v : kMeans)
      list.emplace_back(kValueNames[v]);
    list.emplace_back("incident_cooperation");
    list.emplace_back("retention");
    return list;
  }();
  return names;
}

namespace {

// What the per-parent values are computed from.
struct MetricInputs {
  const State& state;
  const ModelParams& params;
  const CommunityView& view;
  const CsrLayer& caseload;
  const CsrLayer& figures;
  const CsrLayer& friends;
  std::span<const float> case_trust = caseload.attribute(kTrust);
  std::span<const float> figure_trust = figures.attribute(kTrust);
  std::span<const float> strength = friends.attribute(kStrength);
};

// The group slots: all, vulnerable, language_barrier, communities, parent types.
struct GroupSlots {
  std::size_t first_community = 3;
  std::size_t first_type = 0;
  std::size_t count = 0;
  explicit GroupSlots(const CommunityView& view)
      : first_type(3 + view.community_names.size()), count(first_type + 4) {}
};

void parent_values(const MetricInputs& in, NodeId p, std::array<double, kValueCount>& values) {
  const State& st = in.state;
  const ModelParams& params = in.params;
  const NodeId agent = in.view.parents.begin + p;
  const double threshold = params.trust.reach_threshold;
  const auto case_trust = in.case_trust;
  const auto figure_trust = in.figure_trust;
  double best = -1.0;
  double trusted = 0;
  for (ArcIndex a = in.caseload.first_arc(agent); a < in.caseload.end_arc(agent); ++a) {
    best = std::max<double>(best, case_trust[a]);
    trusted += case_trust[a] >= threshold;
  }
  for (ArcIndex a = in.figures.first_arc(agent); a < in.figures.end_arc(agent); ++a)
    trusted += figure_trust[a] >= threshold;
  values[k_reach] = best >= threshold ? 1.0 : 0.0;
  values[k_institutional_trust] = st.institutional_trust[p];
  values[k_trusted_ties] = trusted;
  values[k_help_seeking] =
      best < 0 ? 0.0
               : params.help.seeking_probability(best, st.participation[p], st.partnership_quality,
                                                 in.view.language_barrier[p] != 0);
  values[k_willingness] = st.willingness[p];
  values[k_participation] = st.participation[p];
  values[k_incidents] = st.incidents[p];
  values[k_cooperative] = st.cooperative[p];
  const std::uint32_t support =
      support_ties(in.friends, in.strength, params.support.support_threshold, agent);
  values[k_attendance] = st.course_attended[p];
  values[k_support_ties] = support;
  values[k_isolated] = support == 0;
  values[k_stress] = st.stress[p];
  values[k_competence] = st.competence[p];
  values[k_limit_setting] = st.limit_setting[p] != 0;
  values[k_youth_risk] =
      params.norms.youth_risk(st.limit_setting[p] != 0, st.competence[p], support);
  values[k_volunteers] = st.volunteer[p] != 0;
  values[k_stayed] = st.course_attended[p] && !st.dropped[p];
  values[k_invited] = st.group_of[p] >= 0;
  values[k_meetings] = st.meetings_this_week[p];
  values[k_evenings] = st.evening_this_week[p];
  values[k_support] = st.support_received[p];
  for (std::size_t c = 0; c < kChannelCount; ++c)
    values[kFirstChannel + c] = st.weekly_contacts[p][c];
}

// The sums of every value over each group's parents, over fixed chunks combined in order.
std::vector<double> group_totals(const MetricInputs& in, const GroupSlots& slots) {
  const CommunityView& view = in.view;
  const std::int64_t parents = view.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  const std::size_t width = slots.count * kValueCount;
  std::vector<double> sums(static_cast<std::size_t>(chunks) * width, 0.0);
  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    double* partial = sums.data() + static_cast<std::size_t>(chunk) * width;
    std::array<double, kValueCount> values{};
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto p = static_cast<NodeId>(i);
      parent_values(in, p, values);
      const std::size_t member_of[5] = {
          0, view.vulnerable[p] ? std::size_t{1} : slots.count,
          view.language_barrier[p] ? std::size_t{2} : slots.count,
          slots.first_community + static_cast<std::size_t>(view.parent_community[p]),
          slots.first_type + view.parent_type[p]};
      for (std::size_t group : member_of) {
        if (group == slots.count) continue;
        double* row = partial + group * kValueCount;
        for (std::size_t v = 0; v < kValueCount; ++v)
          row[v] += values[v];
      }
    }
  });
  std::vector<double> totals(width, 0.0);
  for (std::int64_t c = 0; c < chunks; ++c) {
    for (std::size_t k = 0; k < width; ++k)
      totals[k] += sums[static_cast<std::size_t>(c) * width + k];
  }
  return totals;
}

void record_groups(const CommunityView& view, const GroupSlots& slots,
                   const std::vector<double>& totals, Observation& observation) {
  std::vector<double> sizes(slots.count, 0.0);
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    sizes[0] += 1;
    sizes[1] += view.vulnerable[p] ? 1 : 0;
    sizes[2] += view.language_barrier[p] ? 1 : 0;
    sizes[slots.first_community + static_cast<std::size_t>(view.parent_community[p])] += 1;
    sizes[slots.first_type + view.parent_type[p]] += 1;
  }
  std::vector<std::string> names{"all", "vulnerable", "language_barrier"};
  for (const std::string& community : view.community_names)
    names.push_back("community:" + community);
  for (auto type : community::kParentTypeNames)
    names.push_back(fmt::format("type:{}", type));
  for (std::size_t g = 0; g < slots.count; ++g) {
    if (sizes[g] == 0) continue;
    const double* row = totals.data() + g * kValueCount;
    for (Value v : kMeans)
      observation.record(kValueNames[v], names[g], row[v] / sizes[g]);
    for (Value v : kSums)
      observation.record(kValueNames[v], names[g], row[v]);
    if (row[k_incidents] > 0)
      observation.record("incident_cooperation", names[g], row[k_cooperative] / row[k_incidents]);
    // Retention: the share of parents who started a group and have not dropped out.
    if (row[k_attendance] > 0)
      observation.record("retention", names[g], row[k_stayed] / row[k_attendance]);
    for (std::size_t c = 0; c < kChannelCount; ++c)
      observation.record(fmt::format("contacts_{}", kChannelNames[c]), names[g],
                         row[kFirstChannel + c]);
  }
}

void record_hours(const WeekHours& h, Observation& observation) {
  const double professional =
      h.incidents + h.questions + h.conversations + h.introductions + h.personal + h.groups;
  const double programme = h.newsletter + h.key_figure_programme + h.influencer_panel +
                           h.theme_evenings + h.network_support + h.support_point + h.training +
                           h.buddies + h.voice;
  for (const auto& [name, value] : {std::pair{"hours_capacity", h.capacity},
                                    {"hours_incidents", h.incidents},
                                    {"hours_questions", h.questions},
                                    {"hours_conversations", h.conversations},
                                    {"hours_introductions", h.introductions},
                                    {"hours_personal", h.personal},
                                    {"hours_groups", h.groups},
                                    {"hours_overload", h.overload},
                                    {"hours_professional", professional},
                                    {"hours_newsletter", h.newsletter},
                                    {"hours_key_figure_programme", h.key_figure_programme},
                                    {"hours_influencer_panel", h.influencer_panel},
                                    {"hours_theme_evenings", h.theme_evenings},
                                    {"hours_network_support", h.network_support},
                                    {"hours_support_point", h.support_point},
                                    {"hours_training", h.training},
                                    {"hours_buddies", h.buddies},
                                    {"hours_voice", h.voice},
                                    {"hours_total", professional + programme}})
    observation.record(name, "all", value);
}

void record_week(const State& st, const ModelParams& params, Observation& observation) {
  record_hours(st.hours, observation);
  // Support by kind (M12): asked and granted this week.
  constexpr std::array<const char*, 3> kKinds{"practical", "emotional", "advice"};
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    observation.record(fmt::format("support_asked_{}", kKinds[k]), "all", st.support_asked[k]);
    observation.record(fmt::format("support_granted_{}", kKinds[k]), "all", st.support_granted[k]);
  }
  // Spending by intervention (interventions.hpp), for those switched on.
  for (std::size_t index = 0; index < kInterventionCount; ++index) {
    const auto i = static_cast<Intervention>(index);
    if (!params.plan.switched_on(i)) continue;
    observation.record(fmt::format("euros_{}", info(i).name), "all", st.spending.week_euros(i));
    if (st.spending.capped())
      observation.record(fmt::format("stopped_{}", info(i).name), "all",
                         st.spending.stopped(i) ? 1.0 : 0.0);
  }
  observation.record("euros_total", "all", st.spending.week_total());
  if (st.spending.capped())
    observation.record("budget_left", "all", st.spending.budget() - st.spending.spent());
  const double alive = networks_alive(st.groups, params.volunteers);
  if (alive >= 0) observation.record("network_alive", "all", alive);
}

}  // namespace

void ParentSupportModel::observe(const World& world, Observation& observation) const {
  const MetricInputs in{state_,
                        params_,
                        view_,
                        world.layer(std::string(community::layer::caseload)),
                        world.layer(std::string(community::layer::key_figures)),
                        world.layer(std::string(community::layer::family_friends))};
  const GroupSlots slots(view_);
  record_groups(view_, slots, group_totals(in, slots), observation);
  record_week(state_, params_, observation);
}

}  // namespace village::parent_support
