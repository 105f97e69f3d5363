// B6 (Banerjee et al. 2013): who passes word of the offer on, parents who took part or
// parents only informed (word_of_mouth.hpp); parameters, the weekly step and outcomes.

#include "models/parent_support/mechanisms/word_of_mouth.hpp"

#include <algorithm>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"
#include "sim/plausible.hpp"

namespace village::parent_support {

std::vector<ParamSpec> WordOfMouthParams::specs() {
  const std::string source = "Banerjee et al. 2013 (Science 341); assumption, swept";
  // How parents talk is a property of the world, not something bought.
  return {plausible(share_param("pass_on_engaged", 0.05, "probability per support tie per week",
                                "B6", source,
                                "chance a parent who took part in a meeting or an evening tells a "
                                "support tie who has not heard of the offer, each week"),
                    0.02, 0.1,
                    "judgement: a close tie hears of it within about 10 to 50 weeks from a parent "
                    "who took part"),
          plausible(share_param("pass_on_informed", 0.007, "probability per support tie per week",
                                "B6", source,
                                "the same for a parent only informed (by a newsletter, a post, a "
                                "visit or a friend)"),
                    0.003, 0.015,
                    "Banerjee et al. 2013: participants passed information on about 7 times as "
                    "often as the merely informed; judgement: a ratio of about 3 to 17 around "
                    "pass_on_engaged's default"),
          plausible(share_param("heard_attendance_gain", 0.1, "probability", "B6, M17",
                                "assumption, swept",
                                "added to the chance of coming to a theme evening for a parent who "
                                "knows of the offer"),
                    0.0, 0.2,
                    "judgement: from no effect (attendance is trust alone) to a fifth more of the "
                    "parents who know of it")};
}

WordOfMouthParams WordOfMouthParams::from(const ParamValues& values) {
  return {values.real("pass_on_engaged"), values.real("pass_on_informed"),
          values.real("heard_attendance_gain")};
}

namespace {

constexpr std::uint64_t kPassOn = purpose("ps.word_of_mouth");

enum Via : std::uint8_t { kNotHeard = 0, kReached = 1, kFromEngaged = 2, kFromInformed = 3 };

void initialize(Week& week) {
  const std::size_t parents = week.view.parents.size();
  week.state.write<Column::heard>().assign(parents, 0);
  week.state.write<Column::heard_via>().assign(parents, kNotHeard);
  week.state.write<Column::engaged>().assign(parents, 0);
  week.state.write<Column::word_of_mouth>() = {};
}

// Who knows of the offer from this week's meetings, evenings and channels.
void mark_reached(Week& week, Flags& heard, Flags& via, Flags& engaged) {
  const auto& meetings = week.state.read<Column::meetings_this_week>();
  const auto& evening = week.state.read<Column::evening_this_week>();
  const auto& contacts = week.state.read<Column::weekly_contacts>();
  for_each_index(0, week.view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    const bool took_part = meetings[p] > 0 || evening[p] != 0;
    const bool informed =
        std::any_of(contacts[p].begin(), contacts[p].end(), [](std::uint16_t n) { return n > 0; });
    if (took_part) engaged[p] = 1;
    if ((took_part || informed) && !heard[p]) {
      heard[p] = 1;
      via[p] = kReached;
    }
  });
}

struct Tally {
  double engaged_told = 0, engaged_chances = 0, informed_told = 0, informed_chances = 0;
};

// Each parent who has not heard listens to its support ties who know (pulled, so each
// parent writes only its own entry; the draw is keyed by teller and listener).
void pass_on(Week& week) {
  const CommunityView& view = week.view;
  const WordOfMouthParams wp = WordOfMouthParams::from(week.values);
  auto& heard = week.state.write<Column::heard>();
  auto& via = week.state.write<Column::heard_via>();
  auto& engaged = week.state.write<Column::engaged>();
  mark_reached(week, heard, via, engaged);
  const CsrLayer& friends = week.state.read<Column::friend_ties>();
  const auto strength = friends.attribute(kStrength);
  const double support_threshold = week.params.support.support_threshold;
  const NodeId parents = view.parents.size();
  std::vector<std::uint8_t> told(parents, kNotHeard);
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  std::vector<Tally> tallies(static_cast<std::size_t>(std::max<std::int64_t>(chunks, 0)));
  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    Tally& tally = tallies[static_cast<std::size_t>(chunk)];
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto q = static_cast<std::size_t>(i);
      if (heard[q]) continue;
      const NodeId listener = view.parents.begin + static_cast<NodeId>(q);
      for (ArcIndex a = friends.first_arc(listener); a < friends.end_arc(listener); ++a) {
        const NodeId teller = friends.targets()[a];
        if (strength[a] < support_threshold || teller < view.parents.begin ||
            teller >= view.parents.end)
          continue;
        const std::size_t p = teller - view.parents.begin;
        if (!heard[p]) continue;
        const bool took_part = engaged[p] != 0;
        (took_part ? tally.engaged_chances : tally.informed_chances) += 1;
        const double chance = took_part ? wp.pass_on_engaged : wp.pass_on_informed;
        if (week.rng.uniform(week.week, teller, kPassOn, listener) >= chance) continue;
        (took_part ? tally.engaged_told : tally.informed_told) += 1;
        if (told[q] == kNotHeard) told[q] = took_part ? kFromEngaged : kFromInformed;
      }
    }
  });
  WordOfMouthTotals& totals = week.state.write<Column::word_of_mouth>();
  for (const Tally& tally : tallies) {  // whole counts: exact in any order
    totals.engaged_told += tally.engaged_told;
    totals.engaged_chances += tally.engaged_chances;
    totals.informed_told += tally.informed_told;
    totals.informed_chances += tally.informed_chances;
  }
  for (NodeId q = 0; q < parents; ++q) {
    if (told[q] == kNotHeard) continue;
    heard[q] = 1;
    via[q] = told[q];
  }
}

void word_of_mouth_values(const OutcomeInputs& in, NodeId p, double* values) {
  const State& st = in.state;
  values[0] = st.heard[p];
  values[1] = st.heard_via[p] == kFromEngaged;
  values[2] = st.heard_via[p] == kFromInformed;
  values[3] = values[1] + values[2];
}

void record_rates(const State& state, const ModelParams&, Observation& observation) {
  const WordOfMouthTotals& t = state.word_of_mouth;
  const auto rate = [](double told, double chances) { return chances > 0 ? told / chances : 0.0; };
  observation.record("pass_on_rate_engaged", "all", rate(t.engaged_told, t.engaged_chances));
  observation.record("pass_on_rate_informed", "all", rate(t.informed_told, t.informed_chances));
}

}  // namespace

StepInfo word_of_mouth_step() {
  StepInfo step{
      "word_of_mouth",
      StepKind::mechanism,
      "B6",
      "Banerjee et al. 2013",
      "parents who know of the offer tell their support ties, those who took part far more often",
      {columns({Column::meetings_this_week, Column::evening_this_week, Column::weekly_contacts,
                Column::friend_ties}),
       columns({Column::heard, Column::heard_via, Column::engaged, Column::word_of_mouth}),
       columns({Column::friend_ties})},
      initialize,
      pass_on};
  step.params = WordOfMouthParams::specs;
  return step;
}

// Who knows of the offer, and from whom (B6).
OutcomeBlock word_of_mouth_outcomes() {
  OutcomeBlock block{"word_of_mouth",
                     {{"heard_of_offer", Aggregate::mean},
                      {"heard_from_engaged", Aggregate::sum},
                      {"heard_from_informed", Aggregate::sum},
                      {"heard_from_parents", Aggregate::hidden}},
                     nullptr,
                     {{"heard_from_informed_share", 2, 3}},
                     record_rates};
  block.fill = each_parent<word_of_mouth_values>;
  return block;
}

}  // namespace village::parent_support
