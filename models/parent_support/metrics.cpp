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

#include "models/community_schema.hpp"
#include "models/parent_support/parent_support_model.hpp"
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

void ParentSupportModel::observe(const World& world, Observation& observation) const {
  const CsrLayer& caseload = world.layer(std::string(community::layer::caseload));
  const CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
  const auto case_trust = caseload.attribute("trust");
  const auto figure_trust = figures.attribute("trust");
  const double threshold = params_.trust.reach_threshold;
  const std::size_t communities = view_.community_names.size();
  // Group slots: all, vulnerable, language_barrier, communities, parent types.
  const std::size_t first_community = 3;
  const std::size_t first_type = first_community + communities;
  const std::size_t groups = first_type + 4;
  const std::int64_t parents = view_.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  const std::size_t width = groups * kValueCount;
  std::vector<double> sums(static_cast<std::size_t>(chunks) * width, 0.0);
  std::vector<double> sizes(groups, 0.0);

  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    double* partial = sums.data() + static_cast<std::size_t>(chunk) * width;
    std::array<double, kValueCount> values{};
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto p = static_cast<NodeId>(i);
      const NodeId agent = view_.parents.begin + p;
      double best = -1.0;
      double trusted = 0;
      for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a) {
        best = std::max<double>(best, case_trust[a]);
        trusted += case_trust[a] >= threshold;
      }
      for (ArcIndex a = figures.first_arc(agent); a < figures.end_arc(agent); ++a)
        trusted += figure_trust[a] >= threshold;
      values[k_reach] = best >= threshold ? 1.0 : 0.0;
      values[k_institutional_trust] = trust_in_institutions_[p];
      values[k_trusted_ties] = trusted;
      values[k_help_seeking] =
          best < 0 ? 0.0
                   : params_.help.seeking_probability(best, participation_[p], partnership_quality_,
                                                      view_.language_barrier[p] != 0);
      values[k_willingness] = willingness_[p];
      values[k_participation] = participation_[p];
      values[k_incidents] = incidents_[p];
      values[k_cooperative] = cooperative_[p];
      const std::uint32_t support = network_.support_ties(world, agent);
      values[k_attendance] = network_.ever_attended(p);
      values[k_support_ties] = support;
      values[k_isolated] = support == 0;
      values[k_stress] = network_.stress(p);
      values[k_competence] = network_.competence(p);
      values[k_limit_setting] = network_.limit_setting(p);
      values[k_youth_risk] = network_.youth_risk(p, support);
      values[k_volunteers] = network_.volunteer(p);
      values[k_stayed] = network_.started_and_stayed(p);
      values[k_invited] = network_.invited(p);
      values[k_meetings] = network_.meetings_this_week(p);
      values[k_evenings] = network_.evenings_this_week(p);
      values[k_support] = network_.support_received(p);
      for (std::size_t c = 0; c < kChannelCount; ++c)
        values[kFirstChannel + c] = weekly_contacts_[p][c];
      const std::size_t member_of[5] = {
          0, view_.vulnerable[p] ? std::size_t{1} : groups,
          view_.language_barrier[p] ? std::size_t{2} : groups,
          first_community + static_cast<std::size_t>(view_.parent_community[p]),
          first_type + view_.parent_type[p]};
      for (std::size_t group : member_of) {
        if (group == groups) continue;
        double* row = partial + group * kValueCount;
        for (std::size_t v = 0; v < kValueCount; ++v)
          row[v] += values[v];
      }
    }
  });
  for (NodeId p = 0; p < view_.parents.size(); ++p) {
    sizes[0] += 1;
    sizes[1] += view_.vulnerable[p] ? 1 : 0;
    sizes[2] += view_.language_barrier[p] ? 1 : 0;
    sizes[first_community + static_cast<std::size_t>(view_.parent_community[p])] += 1;
    sizes[first_type + view_.parent_type[p]] += 1;
  }
  std::vector<double> totals(width, 0.0);
  for (std::int64_t c = 0; c < chunks; ++c) {
    for (std::size_t k = 0; k < width; ++k)
      totals[k] += sums[static_cast<std::size_t>(c) * width + k];
  }

  std::vector<std::string> names{"all", "vulnerable", "language_barrier"};
  for (const std::string& community : view_.community_names)
    names.push_back("community:" + community);
  for (auto type : community::kParentTypeNames)
    names.push_back(fmt::format("type:{}", type));
  for (std::size_t g = 0; g < groups; ++g) {
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

  const WeekHours& h = hours_;
  const NetworkHours& n = h.network;
  const double professional =
      h.incidents + h.questions + h.conversations + h.introductions + h.personal + n.groups;
  const double programme = h.newsletter + h.key_figure_programme + h.influencer_panel +
                           n.theme_evenings + n.network_support + n.support_point + n.training +
                           n.buddies + n.voice;
  for (const auto& [name, value] : {std::pair{"hours_capacity", h.capacity},
                                    {"hours_incidents", h.incidents},
                                    {"hours_questions", h.questions},
                                    {"hours_conversations", h.conversations},
                                    {"hours_introductions", h.introductions},
                                    {"hours_personal", h.personal},
                                    {"hours_groups", n.groups},
                                    {"hours_overload", h.overload},
                                    {"hours_professional", professional},
                                    {"hours_newsletter", h.newsletter},
                                    {"hours_key_figure_programme", h.key_figure_programme},
                                    {"hours_influencer_panel", h.influencer_panel},
                                    {"hours_theme_evenings", n.theme_evenings},
                                    {"hours_network_support", n.network_support},
                                    {"hours_support_point", n.support_point},
                                    {"hours_training", n.training},
                                    {"hours_buddies", n.buddies},
                                    {"hours_voice", n.voice},
                                    {"hours_total", professional + programme}})
    observation.record(name, "all", value);
  // Support by kind (M12): asked and granted this week.
  constexpr std::array<const char*, 3> kKinds{"practical", "emotional", "advice"};
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    observation.record(fmt::format("support_asked_{}", kKinds[k]), "all",
                       network_.support_asked()[k]);
    observation.record(fmt::format("support_granted_{}", kKinds[k]), "all",
                       network_.support_granted()[k]);
  }
  // Spending by intervention (interventions.hpp), for those switched on.
  for (std::size_t index = 0; index < kInterventionCount; ++index) {
    const auto i = static_cast<Intervention>(index);
    if (!params_.plan.switched_on(i)) continue;
    observation.record(fmt::format("euros_{}", info(i).name), "all", spending_.week_euros(i));
    if (spending_.capped())
      observation.record(fmt::format("stopped_{}", info(i).name), "all",
                         spending_.stopped(i) ? 1.0 : 0.0);
  }
  observation.record("euros_total", "all", spending_.week_total());
  if (spending_.capped())
    observation.record("budget_left", "all", spending_.budget() - spending_.spent());
  const double alive = network_.networks_alive();
  if (alive >= 0) observation.record("network_alive", "all", alive);
}

}  // namespace village::parent_support
