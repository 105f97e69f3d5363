// M11, M12 (seed 001 ch. 4): ties met at meetings, support along parent-parent ties
// and ties fading without contact; parameters and three weekly steps.

#include "models/parent_support/mechanisms/support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <span>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> SupportParams::specs() {
  const std::string seed = "seed 001 ch. 4; magnitude: assumption, swept";
  return {
      plausible(share_param("tie_initial_strength", 0.5, "strength", "M11", seed,
                            "strength of a tie formed at a meeting"),
                0.3, 0.7,
                "judgement: a tie from one meeting is middling, from just at the support "
                "threshold to fairly strong"),
      plausible(share_param("tie_refresh", 0.3, "share of the gap", "M11", seed,
                            "share of the gap to full strength closed when the two meet again or "
                            "one supports the other"),
                0.15, 0.5, "judgement: about half to 1.7x the default"),
      plausible_log(share_param("tie_decay", 0.01, "share per week", "M11", seed,
                                "share of a meeting-formed tie's strength lost in a week without "
                                "contact (0.01: half-life about 69 weeks)"),
                    0.005, 0.03,
                    "judgement: a meeting-formed tie left alone halves in about half a year to "
                    "two and a half years"),
      plausible(share_param("support_threshold", 0.3, "strength", "M11, M12", "assumption, swept",
                            "strength from which a tie counts as a support tie"),
                0.2, 0.45,
                "judgement: a modelling cut-off; a support tie is at least a weak-to-middling "
                "tie"),
      plausible(
          real_param("ties_per_meeting", 1, 0, 20, "new ties per attendee per meeting", "M11", seed,
                     "co-attendees each attendee gets to know at a meeting (two mothers "
                     "who met in the group now hold each other's keys)"),
          0.5, 2.5,
          "seed 001 ch. 4: meetings grow networks (the two mothers with each other's "
          "keys); judgement: one new tie every other meeting to two or three a meeting"),
      plausible(share_param("ask_rate", 0.3, "probability at full stress", "M12", seed,
                            "chance per week that a parent asks a support tie for help, times "
                            "stress"),
                0.1, 0.5,
                "judgement: a fully stressed parent asks a tie for help every two to ten "
                "weeks"),
      plausible(share_param("practical_share", 0.7, "share of requests", "M12", seed,
                            "share of requests for practical help (asked far more readily than "
                            "advice)"),
                0.5, 0.8,
                "seed 001 ch. 4: practical help is asked far more readily than advice; "
                "judgement: half to four fifths of requests"),
      plausible(share_param("emotional_share", 0.2, "share of requests", "M12", seed,
                            "share of requests for emotional support; the rest ask for advice"),
                0.1, 0.3,
                "judgement: half to 1.5x the default (seed 001 ch. 4 ranks only practical help "
                "above advice)"),
      plausible(real_param("support_capacity", 2, 0, 50, "requests per giver per week", "M12", seed,
                           "requests a parent can grant in a week"),
                1, 4,
                "judgement: a parent can grant one to a few requests a week (the model "
                "truncates to whole requests)"),
      plausible(share_param("practical_relief", 0.1, "share of stress", "M12", seed,
                            "share of stress relieved by practical help"),
                0.05, 0.2, "judgement: half to double the default"),
      plausible(share_param("emotional_relief", 0.15, "share of stress", "M12", seed,
                            "share of stress relieved by emotional support"),
                0.075, 0.3, "judgement: half to double the default"),
      plausible(share_param("informational_relief", 0.05, "share of stress", "M12", seed,
                            "share of stress relieved by advice (which also teaches, M13)"),
                0.02, 0.1,
                "judgement: advice relieves less stress than practical or emotional support; "
                "0.4x to double the default"),
  };
}

SupportParams SupportParams::from(const ParamValues& values) {
  return {values.real("tie_initial_strength"),
          values.real("tie_refresh"),
          values.real("tie_decay"),
          values.real("support_threshold"),
          values.real("ties_per_meeting"),
          values.real("ask_rate"),
          values.real("practical_share"),
          values.real("emotional_share"),
          values.real("support_capacity"),
          {values.real("practical_relief"), values.real("emotional_relief"),
           values.real("informational_relief")}};
}

// The steps of M11 and M12: ties met at this week's meetings are formed; support flows
// along parent-parent ties; ties without contact fade toward their baseline.

namespace {

constexpr std::uint64_t kAsk = purpose("ps.support.ask");
constexpr std::uint64_t kGrant = purpose("ps.support.grant");

// Synthesised family and friend ties are lasting (baseline 1); ties formed at meetings
// have baseline 0 and fade without contact (M11).
void initialize_ties(Week& week) {
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  friends.add_attribute(kStrength, 1.0f);
  friends.add_attribute(kBaseline, 1.0f);
  friends.add_attribute(kLastContact, kNever);
  week.state.write<Column::new_friend_ties>().clear();
}

void form_ties(Week& week) {
  auto& new_ties = week.state.write<Column::new_friend_ties>();
  if (new_ties.empty()) return;
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  const float values[3] = {static_cast<float>(week.params.support.tie_initial_strength), 0.0f,
                           static_cast<float>(week.week)};
  for (const EdgeRecord& tie : new_ties)
    friends.stage_edge(tie.source, tie.target, values);
  friends.rebuild();
  new_ties.clear();
}

struct Request {
  NodeId giver;
  std::uint64_t key;
  NodeId requester;  // parent index
  ArcIndex arc;      // requester -> giver
  SupportKind kind;
};

// Parent p asks its strongest support tie (ties broken by a random key), if stressed
// enough; false when it does not ask.
bool ask(const Week& week, const CsrLayer& friends, std::span<const float> strength,
         const Reals& stress, NodeId p, Request& request) {
  const SupportParams& sp = week.params.support;
  const NodeId agent = week.view.parents.begin + p;
  DrawSequence draws(week.rng, week.week, agent, kAsk);
  if (draws.uniform() >= sp.ask_rate * stress[p]) return false;
  ArcIndex best = friends.end_arc(agent);
  std::uint64_t best_key = 0;
  for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a) {
    if (strength[a] < sp.support_threshold) continue;
    const std::uint64_t key = draws();
    if (best == friends.end_arc(agent) || strength[a] > strength[best] ||
        (strength[a] == strength[best] && key < best_key)) {
      best = a;
      best_key = key;
    }
  }
  if (best == friends.end_arc(agent)) return false;
  const double u = draws.uniform();
  const SupportKind kind = u < sp.practical_share ? SupportKind::practical
                           : u < sp.practical_share + sp.emotional_share
                               ? SupportKind::emotional
                               : SupportKind::informational;
  request = {friends.targets()[best], week.rng.bits(week.week, agent, kGrant), p, best, kind};
  return true;
}

// This week's requests, sorted by giver (then a random key).
std::vector<Request> requests_of(Week& week, Flags& received) {
  const CsrLayer& friends = week.state.write<Column::friend_ties>();
  const auto strength = friends.attribute(kStrength);
  const auto& stress = week.state.write<Column::stress>();
  const std::int64_t parents = week.view.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  std::vector<std::vector<Request>> asked(static_cast<std::size_t>(chunks));
  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto p = static_cast<NodeId>(i);
      received[p] = 0;
      Request request{};
      if (ask(week, friends, strength, stress, p, request))
        asked[static_cast<std::size_t>(chunk)].push_back(request);
    }
  });
  std::vector<Request> requests;
  for (auto& list : asked)
    requests.insert(requests.end(), list.begin(), list.end());
  std::sort(requests.begin(), requests.end(), [](const Request& a, const Request& b) {
    return a.giver != b.giver ? a.giver < b.giver
                              : (a.key != b.key ? a.key < b.key : a.requester < b.requester);
  });
  return requests;
}

void exchange_support(Week& week) {
  const SupportParams& sp = week.params.support;
  const CommunityView& view = week.view;
  auto& received = week.state.write<Column::support_received>();
  const std::vector<Request> requests = requests_of(week, received);
  auto& asked = week.state.write<Column::support_asked>();
  auto& granted = week.state.write<Column::support_granted>();
  auto& stress = week.state.write<Column::stress>();
  auto& competence = week.state.write<Column::competence>();
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  auto strength = friends.attribute(kStrength);
  auto last_contact = friends.attribute(kLastContact);
  asked = {};
  granted = {};
  for (const Request& request : requests)
    ++asked[static_cast<std::size_t>(request.kind)];
  const Reals competence_before = competence;
  const auto capacity = static_cast<std::size_t>(sp.capacity);
  std::size_t granted_by_giver = 0;
  for (std::size_t r = 0; r < requests.size(); ++r) {
    granted_by_giver =
        r > 0 && requests[r].giver == requests[r - 1].giver ? granted_by_giver + 1 : 0;
    if (granted_by_giver >= capacity) continue;
    const Request& request = requests[r];
    const std::size_t p = request.requester;
    ++received[p];
    ++granted[static_cast<std::size_t>(request.kind)];
    stress[p] -= sp.relief[static_cast<std::size_t>(request.kind)] * stress[p];
    strength[request.arc] += static_cast<float>(sp.tie_refresh * (1.0 - strength[request.arc]));
    last_contact[request.arc] = static_cast<float>(week.week);
    if (request.kind != SupportKind::informational || request.giver < view.parents.begin ||
        request.giver >= view.parents.end)
      continue;
    const double giver_competence = competence_before[request.giver - view.parents.begin];
    // Advice teaches what the giver does, for better or worse (M13).
    competence[p] += week.params.norms.peer_learning * (giver_competence - competence_before[p]);
  }
}

void initialize_support(Week& week) {
  week.state.write<Column::support_received>().assign(week.view.parents.size(), 0);
  week.state.write<Column::support_asked>() = {};
  week.state.write<Column::support_granted>() = {};
}

// Ties without contact this week fade toward their baseline (M11).
void decay_ties(Week& week) {
  CsrLayer& friends = week.state.write<Column::friend_ties>();
  auto strength = friends.attribute(kStrength);
  const auto baseline = friends.attribute(kBaseline);
  const auto last_contact = friends.attribute(kLastContact);
  const CommunityView& view = week.view;
  const auto keep = static_cast<float>(1.0 - week.params.support.tie_decay);
  const auto now = static_cast<float>(week.week);
  // The parents' arcs are one contiguous range; a flat, branch-free loop over it vectorises.
  const ArcIndex first = friends.first_arc(view.parents.begin);
  const ArcIndex end = friends.first_arc(view.parents.end);
  for_each_chunk(static_cast<std::int64_t>(first), static_cast<std::int64_t>(end),
                 [&, keep, now](std::int64_t, std::int64_t lo, std::int64_t hi) {
                   float* __restrict s = strength.data();
                   const float* __restrict b = baseline.data();
                   const float* __restrict l = last_contact.data();
                   for (std::int64_t a = lo; a < hi; ++a) {
                     // A select by bit mask: the same floats as a branch, with no branch.
                     const float decayed = b[a] + (s[a] - b[a]) * keep;
                     const std::uint32_t take = 0u - static_cast<std::uint32_t>(l[a] < now);
                     s[a] = std::bit_cast<float>((std::bit_cast<std::uint32_t>(decayed) & take) |
                                                 (std::bit_cast<std::uint32_t>(s[a]) & ~take));
                   }
                 });
}

}  // namespace

StepInfo ties_formed_step() {
  return {"ties_formed",
          StepKind::mechanism,
          "M11",
          "seed 001 ch. 4",
          "parents who met for the first time at a meeting or evening form a tie",
          {{}, columns({Column::new_friend_ties, Column::friend_ties}), {}},
          initialize_ties,
          form_ties};
}

StepInfo support_step() {
  return {"support",
          StepKind::mechanism,
          "M12, M13, M14",
          "seed 001 ch. 4",
          "stressed parents ask their strongest tie for support; givers grant up to capacity",
          {{},
           columns({Column::support_received, Column::support_asked, Column::support_granted,
                    Column::stress, Column::competence, Column::friend_ties}),
           {}},
          initialize_support,
          exchange_support};
}

StepInfo tie_decay_step() {
  return {"tie_decay",
          StepKind::mechanism,
          "M11",
          "seed 001 ch. 4",
          "ties without contact this week fade toward their baseline",
          {{}, columns({Column::friend_ties}), {}},
          nullptr,
          decay_ties};
}

namespace {

void support_values(const OutcomeInputs& in, NodeId p, double* values) {
  const std::uint32_t ties = in.support_ties[p];
  values[0] = ties;
  values[1] = ties == 0;
  values[2] = in.state.support_received[p];
}

// Support asked and granted this week, by kind (M12).
void record_support(const State& st, const ModelParams&, Observation& observation) {
  constexpr std::array<const char*, 3> kKinds{"practical", "emotional", "advice"};
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    observation.record(fmt::format("support_asked_{}", kKinds[k]), "all", st.support_asked[k]);
    observation.record(fmt::format("support_granted_{}", kKinds[k]), "all", st.support_granted[k]);
  }
}

}  // namespace

// Support ties, isolation (no support tie) and support received this week (M12).
OutcomeBlock support_outcomes() {
  OutcomeBlock block{"support",
                     {{"support_ties", Aggregate::mean},
                      {"isolated", Aggregate::mean},
                      {"contacts_support", Aggregate::sum}}};
  block.fill = each_parent<support_values>;
  block.record_week = record_support;
  return block;
}

}  // namespace village::parent_support
