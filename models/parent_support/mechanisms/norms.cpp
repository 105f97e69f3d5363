// M13, M17, M18 (seed 000 tips 2, 3, 6; Centola 2010): competence, limit setting as a
// complex contagion and youth risk; parameters and the weekly step.

#include "models/parent_support/mechanisms/norms.hpp"

#include <algorithm>
#include <cmath>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> NormParams::specs() {
  const std::string norms = "seed 000 tips 2, 3, 6; Centola 2010; magnitude: assumption, swept";
  const std::string risk =
      "Sigfusdottir et al. 2008 (Subst. Abuse Treat. Prev. Policy 3:12); Kristjansson et al. "
      "2016 (Addiction 111); values: assumption, swept";
  return {
      plausible(
          share_param("competence_base", 0.6, "competence", "M13", "assumption, swept",
                      "initial parenting competence of a parent without vulnerability factors"),
          0.5, 0.7,
          "judgement: a parent without vulnerability factors is fairly competent on a 0-1 scale"),
      plausible(share_param("competence_per_factor", 0.08, "competence per factor", "M13, M15",
                            "seed 001 intro (less positive parenting); assumption, swept",
                            "lower initial competence per vulnerability factor"),
                0.04, 0.12,
                "seed 001 intro: vulnerable parents parent less positively; judgement: half to "
                "1.5x the default"),
      plausible(share_param("peer_learning", 0.1, "share of the gap", "M13",
                            "seed 001 ch. 5; assumption, swept",
                            "share of the gap to the better mean competence of the others present "
                            "closed at a meeting"),
                0.05, 0.2,
                "seed 001 ch. 5: peers act as role models; judgement: half to double the default"),
      plausible_log(
          share_param("facilitator_teaching", 0.03, "share of the gap", "M13",
                      "seed 001 ch. 2; assumption, swept",
                      "share of the gap to full competence a facilitator of skill 1 closes per "
                      "meeting"),
          0.01, 0.06,
          "Barlow et al. 2014: programmes move confidence modestly (SMD about 0.34); judgement: "
          "ten meetings close about 10-45% of the gap"),
      plausible(share_param("limit_setting_initial", 0.3, "share of parents", "M17", norms,
                            "share of parents setting clear limits at the start"),
                0.15, 0.45,
                "seed 000 tip 9: many parents do not see the harm of alcohol; judgement: a "
                "minority, 15-45%, set clear limits at the start"),
      flag_param("seed_friend_circles", true, "M17",
                 "seed 000 tip 3 (a focus group of parents draws in a wider group)",
                 "the first limit setters are circles of friends (else parents at random)"),
      plausible(share_param("threshold_low", 0.35, "share of ties", "M17", norms,
                            "lowest adoption threshold (share of support ties setting limits)"),
                0.15, 0.45,
                "Centola et al. 2018: a committed minority of about 25% (10-40%) tips a "
                "convention; judgement: the lowest thresholds lie near there"),
      plausible(share_param("threshold_high", 0.85, "share of ties", "M17", norms,
                            "highest adoption threshold"),
                0.65, 0.95,
                "judgement: the most reluctant parents need most of their support ties to set "
                "limits first"),
      real_param("min_adopters", 2, 0, 100, "parents", "M17",
                 "Centola & Macy 2007 (complex contagion needs several sources)",
                 "limit-setting parents a parent must see (ties or at an evening) before "
                 "taking it up"),
      plausible(
          share_param("stress_threshold", 0.3, "threshold per unit stress", "M14, M17",
                      "seed 001 ch. 6 (wellbeing before positive parenting); assumption, swept",
                      "rise of the threshold per unit of stress"),
          0.1, 0.5,
          "seed 001 ch. 6: wellbeing comes before positive parenting; judgement: a third to 1.7x "
          "the default"),
      plausible(
          share_param("competence_threshold", 0.2, "threshold per unit competence", "M13, M17",
                      "assumption, swept", "fall of the threshold per unit of competence"),
          0.1, 0.4, "judgement: half to double the default"),
      plausible(
          real_param("referent_weight", 2, 0, 100, "support ties per unit trust", "M5, M17",
                     "Paluck et al. 2016 (PNAS 113:566); assumption, swept",
                     "weight, in the norm of a parent who knows it, of an enrolled key figure "
                     "who speaks for limits (key_figure_speaks_for_limits), times the "
                     "parent's trust in it"),
          1, 4,
          "Paluck et al. 2016: students seeded as social referents moved their peers' norms "
          "more than other seeds did; judgement: a trusted referent weighs as one to four "
          "friends"),
      real_param("evening_weight", 1, 0, 100, "ties per adopter seen", "M17",
                 "seed 000 tip 3 (parent evenings exchanging agreements, Urk)",
                 "weight of each limit-setting parent seen at a parent evening, in support "
                 "ties"),
      plausible_log(
          share_param("adoption_rate", 0.05, "probability per week", "M17", norms,
                      "chance per week of taking up limit setting once the threshold is met"),
          0.02, 0.1,
          "Sigfusdottir et al. 2008: norms change over years; judgement: a parent past the "
          "threshold takes up limits within about 10 to 50 weeks"),
      plausible_log(
          share_param("abandon_rate", 0.005, "probability per week", "M17", norms,
                      "chance per week of dropping limit setting when support for it falls "
                      "below half the threshold"),
          0.002, 0.01,
          "judgement: a limit setter whose support has fallen away drops it within about 2 to 10 "
          "years on average"),
      plausible(real_param("risk_intercept", -0.4, -10, 10, "log odds", "M18", risk,
                           "log odds of youth risk with no protective factor (about 40% a year)"),
                -1.1, 0.4,
                "Sigfusdottir et al. 2008: 42% of Icelandic 10th graders drunk in the past 30 days "
                "(1998); judgement: 25-60% a year with no protective factor"),
      plausible(real_param("or_limits", 0.5, 0.01, 1, "odds ratio", "M18", risk,
                           "odds ratio of youth risk for a parent who sets clear limits"),
                0.3, 0.8,
                "judgement: clear limits protect, from strongly (OR 0.3) to weakly (0.8)"),
      plausible(
          real_param("or_monitoring", 0.5, 0.01, 1, "odds ratio per unit competence", "M18", risk,
                     "odds ratio per unit of competence (monitoring: knowing where the child is)"),
          0.3, 0.8,
          "judgement: monitoring protects, from strongly (OR 0.3 per unit competence) to weakly "
          "(0.8)"),
      plausible(real_param("or_support", 0.7, 0.01, 1, "odds ratio at 3+ support ties", "M18", risk,
                           "odds ratio for a parent with three or more support ties"),
                0.5, 0.95,
                "judgement: a supportive network protects less directly than the parent's own "
                "limits; OR 0.5 to near no effect"),
  };
}

NormParams NormParams::from(const ParamValues& values) {
  NormParams params{values.real("competence_base"),       values.real("competence_per_factor"),
                    values.real("peer_learning"),         values.real("facilitator_teaching"),
                    values.real("limit_setting_initial"), values.flag("seed_friend_circles"),
                    values.real("threshold_low"),         values.real("threshold_high"),
                    values.real("min_adopters"),          values.real("stress_threshold"),
                    values.real("competence_threshold"),  values.real("evening_weight"),
                    values.real("adoption_rate"),         values.real("abandon_rate"),
                    values.real("risk_intercept"),        values.real("or_limits"),
                    values.real("or_monitoring"),         values.real("or_support"),
                    values.real("referent_weight")};
  params.log_or_limits = std::log(params.or_limits);
  params.log_or_monitoring = std::log(params.or_monitoring);
  params.log_or_support = std::log(params.or_support);
  return params;
}

double NormParams::youth_risk(bool limits, double competence, double support_ties) const {
  const double logit = risk_intercept + log_or_limits * (limits ? 1.0 : 0.0) +
                       log_or_monitoring * competence +
                       log_or_support * std::min(1.0, support_ties / 3.0);
  return 1.0 / (1.0 + std::exp(-logit));
}

// The step (M13, M17): competence and the limit-setting norm at week 0; each week limit
// setting spreads as a complex contagion over support ties and the week's evenings.

namespace {

constexpr std::uint64_t kCompetence = purpose("ps.competence");
constexpr std::uint64_t kThreshold = purpose("ps.norm_threshold");
constexpr std::uint64_t kInitialLimits = purpose("ps.initial_limits");
constexpr std::uint64_t kAdopt = purpose("ps.norm.adopt");

// Limit setting starts in circles of friends (seed 000 tip 3: a focus group of parents
// draws in a wider group): a random parent and its family and friends, repeated.
void seed_circles(Week& week, Flags& limits) {
  const CommunityView& view = week.view;
  const NodeId parents = view.parents.size();
  const CsrLayer& circles = week.state.read<Column::friend_ties>();
  const auto wanted =
      static_cast<std::size_t>(std::round(week.params.norms.limit_setting_initial * parents));
  std::size_t count = 0;
  DrawSequence draws(week.rng, 0, 0, kInitialLimits);
  const auto mark = [&](NodeId q) {
    if (count < wanted && !limits[q]) {
      limits[q] = 1;
      ++count;
    }
  };
  for (std::size_t tries = 0; count < wanted && tries < 10 * static_cast<std::size_t>(parents);
       ++tries) {
    const auto p = static_cast<NodeId>(draws.below(parents));
    mark(p);
    for (NodeId other : circles.neighbours(view.parents.begin + p)) {
      if (other >= view.parents.begin && other < view.parents.end) mark(other - view.parents.begin);
    }
  }
}

void initialize(Week& week) {
  const CommunityView& view = week.view;
  const NormParams& np = week.params.norms;
  const NodeId parents = view.parents.size();
  auto& competence = week.state.write<Column::competence>();
  auto& threshold = week.state.write<Column::norm_threshold>();
  auto& limits = week.state.write<Column::limit_setting>();
  competence.resize(parents);
  threshold.resize(parents);
  limits.assign(parents, 0);
  week.state.write<Column::limit_setting_next>().assign(parents, 0);
  for (NodeId p = 0; p < parents; ++p) {
    const NodeId agent = view.parents.begin + p;
    const int v = view.vulnerability[p];
    competence[p] = std::clamp(np.competence_base - np.competence_per_factor * v +
                                   0.2 * (week.rng.uniform(0, agent, kCompetence) - 0.5),
                               0.0, 1.0);
    threshold[p] = np.threshold_low +
                   (np.threshold_high - np.threshold_low) * week.rng.uniform(0, agent, kThreshold);
    if (!np.seed_friend_circles) {
      const double chance = std::clamp(
          np.limit_setting_initial * competence[p] / std::max(np.competence_base, 1e-9), 0.0, 1.0);
      limits[p] = week.rng.uniform(0, agent, kInitialLimits) < chance;
    }
  }
  if (np.seed_friend_circles && parents > 0) seed_circles(week, limits);
}

void spread_norms(Week& week) {
  const CommunityView& view = week.view;
  const NormParams& np = week.params.norms;
  const CsrLayer& friends = week.state.read<Column::friend_ties>();
  const auto strength = friends.attribute(kStrength);
  const double threshold_strength = week.params.support.support_threshold;
  const auto& threshold = week.state.read<Column::norm_threshold>();
  const auto& stress = week.state.read<Column::stress>();
  const auto& competence = week.state.read<Column::competence>();
  auto& evening_adopters = week.state.write<Column::evening_adopters>();
  auto& evening_seen = week.state.write<Column::evening_seen>();
  auto& limits = week.state.write<Column::limit_setting>();
  auto& next = week.state.write<Column::limit_setting_next>();
  // B9: enrolled key figures who speak for limits, while the programme runs.
  const auto& running = week.state.read<Column::running>();
  const bool referents = week.params.plan.key_figure_speaks_for_limits &&
                         runs(running, Intervention::key_figure_programme);
  const auto& enrolled = week.state.read<Column::enrolled>();
  const CsrLayer& figures = week.state.read<Column::key_figure_ties>();
  const auto figure_trust = figures.attribute(kTrust);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    const NodeId agent = view.parents.begin + static_cast<NodeId>(p);
    double adopters = np.evening_weight * evening_adopters[p];
    double seen = np.evening_weight * evening_seen[p];
    if (referents) {
      for (ArcIndex a = figures.first_arc(agent); a < figures.end_arc(agent); ++a) {
        const NodeId figure = figures.targets()[a];
        if (!enrolled[figure - view.key_figures.begin]) continue;
        const double weight = np.referent_weight * figure_trust[a];
        adopters += weight;
        seen += weight;
      }
    }
    for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a) {
      if (strength[a] < threshold_strength) continue;
      const NodeId other = friends.targets()[a];
      if (other < view.parents.begin || other >= view.parents.end) continue;
      seen += 1;
      adopters += limits[other - view.parents.begin];
    }
    next[p] = limits[p];
    if (seen <= 0) return;
    const double share = adopters / seen;
    const double needed =
        threshold[p] + np.stress_threshold * stress[p] - np.competence_threshold * competence[p];
    // The draw is made only for a parent who could switch (the same draw either way).
    const bool may_adopt = !limits[p] && share >= needed && adopters >= np.min_adopters;
    const bool may_abandon = limits[p] && share < needed / 2;
    if (!may_adopt && !may_abandon) return;
    const double u = week.rng.uniform(week.week, agent, kAdopt);
    if (may_adopt && u < np.adoption_rate) next[p] = 1;
    if (may_abandon && u < np.abandon_rate) next[p] = 0;
  });
  limits.swap(next);
  std::fill(evening_adopters.begin(), evening_adopters.end(), 0.0f);
  std::fill(evening_seen.begin(), evening_seen.end(), 0.0f);
}

}  // namespace

StepInfo norms_step() {
  StepInfo step{
      "norms",
      StepKind::mechanism,
      "M13, M17",
      "seed 000 tip 3; Centola 2010",
      "limit setting spreads as a complex contagion over support ties and evenings",
      {columns({Column::friend_ties, Column::norm_threshold, Column::stress, Column::competence,
                Column::running, Column::enrolled, Column::key_figure_ties}),
       columns({Column::evening_adopters, Column::evening_seen, Column::limit_setting,
                Column::limit_setting_next}),
       columns({Column::friend_ties, Column::stress, Column::competence})},
      initialize,
      spread_norms};
  step.sets_up = columns({Column::competence, Column::norm_threshold});
  return step;
}

namespace {

void norm_values(const OutcomeInputs& in, NodeId p, double* values) {
  const State& st = in.state;
  const bool limits = st.limit_setting[p] != 0;
  values[0] = st.competence[p];
  values[1] = limits;
  values[2] = in.params.norms.youth_risk(limits, st.competence[p], in.support_ties[p]);
}

}  // namespace

// Parenting competence, limit setting and the youth's risk (M1, M13, M17).
OutcomeBlock norms_outcomes() {
  OutcomeBlock block{"norms",
                     {{"competence", Aggregate::mean},
                      {"limit_setting", Aggregate::mean},
                      {"youth_risk", Aggregate::mean}}};
  block.fill = each_parent<norm_values>;
  return block;
}

}  // namespace village::parent_support
