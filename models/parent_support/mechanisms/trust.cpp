// M2 (seed 002 sec. 4; seed 003): trust on ties and in institutions; parameters and
// the step in which parents take in the week's contacts.

#include "models/parent_support/mechanisms/trust.hpp"

#include <algorithm>
#include <span>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/mechanisms/fit.hpp"
#include "models/parent_support/mechanisms/trust_contacts.hpp"
#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/week_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

std::vector<ParamSpec> TrustParams::specs() {
  const std::string seed = "seed 002 sec. 4; seed 003; magnitude: assumption, swept";
  return {
      plausible(share_param("trust_gain", 0.3, "share of the gap per contact", "M2", seed,
                            "share of the distance to full trust that one positive contact of "
                            "quality 1 closes; repeated contacts give diminishing returns"),
                0.15, 0.5,
                "seed 002 sec. 4: trust grows by repetition; judgement: one to four good contacts "
                "halve the gap"),
      plausible_log(share_param("trust_decay", 0.015, "share per week", "M2", seed,
                                "share of the distance to the tie's baseline lost in a week "
                                "without contact (0.015: half-life about 46 weeks)"),
                    0.0075, 0.03,
                    "judgement: half to double the default, a half-life of about 23 to 92 weeks"),
      plausible(share_param("initial_tie_trust", 0.8, "multiple of institutional trust", "M2",
                            "assumption, swept",
                            "trust on a tie without history, as a multiple of the parent's trust "
                            "in institutions; also the baseline ties decay toward"),
                0.6, 1.0,
                "judgement: a tie without history holds most to all of the parent's trust in "
                "institutions"),
      plausible(share_param("reach_threshold", 0.6, "trust", "M2", "assumption, swept",
                            "trust at or above which a tie counts as trusted (the 'reach' "
                            "outcome)"),
                0.5, 0.75,
                "judgement: an outcome cut-off; 'trusted' means from the midpoint to clearly "
                "above it"),
      plausible(share_param("institutional_learning", 0.3, "share of the change", "M2",
                            "assumption, swept",
                            "share of a contact's change in trust in the professional that "
                            "carries over to the parent's trust in institutions"),
                0.15, 0.6, "judgement: half to double the default"),
      plausible_log(
          share_param("institutional_relaxation", 0.01, "share per week", "M2", "assumption, swept",
                      "share of the distance back to the initial trust in institutions "
                      "recovered each week (slow: institutional trust is a disposition)"),
          0.005, 0.02,
          "judgement: institutional trust is a disposition; a half-life of about 35 "
          "to 139 weeks"),
  };
}

TrustParams TrustParams::from(const ParamValues& values) {
  return {values.real("trust_gain"),
          values.real("trust_decay"),
          values.real("initial_tie_trust"),
          values.real("reach_threshold"),
          values.real("institutional_learning"),
          values.real("institutional_relaxation")};
}

// The step (M2-M7, M1): each parent takes in the week's contacts in a fixed order
// (incident, question, conversations, key-figure visits and introductions, personal
// contacts, newsletter, online posts); then ties without contact decay, and willingness,
// institutional trust and informal participation relax. A parent writes only its own
// state and the trust on its own arcs, so parents update in parallel; new
// parent-professional ties join the caseload layer at the end.

namespace {

using take_in::NewTie;
using take_in::ParentWeek;
using take_in::TakeIn;

// The columns of one parent's own state, written by it alone.
struct ParentColumns {
  Reals& institutional_trust;
  Reals& willingness;
  Reals& participation;
  Counts32& incidents;
  Counts32& cooperative;
  ChannelColumn& weekly_contacts;
};

void take_in_parent(const TakeIn& in, const ParentColumns& out, ParentWeek& pw,
                    std::vector<NewTie>& new_ties) {
  const ModelParams& params = in.params;
  const NodeId p = pw.p;
  pw.counts = &out.weekly_contacts[p];
  *pw.counts = {};
  pw.touched.clear();
  pw.visited_figures.clear();
  pw.attended = false;
  pw.g = out.institutional_trust[p];
  pw.w = out.willingness[p];
  pw.tie_baseline = params.trust.initial_tie_trust * pw.g;
  if (in.had_incident[p]) {
    ++out.incidents[p];
    out.cooperative[p] += in.take_incident(pw);
  }
  if (in.brought_question[p]) in.take_question(pw);
  if (in.point_referral[p] != kNoAgent) in.take_referral(pw);
  if (in.partnership_quality > 0) in.conversations(pw);
  in.proactive_contacts(pw);
  in.broadcasts(pw);
  in.settle_ties(pw, new_ties);
  const ToneParams& tone = params.tone;
  const std::uint8_t type = in.view.parent_type[p];
  pw.g += params.trust.institutional_relaxation * (in.view.institutional_trust[p] - pw.g);
  pw.w += tone.willingness_relaxation * (tone.baseline_willingness[type] - pw.w);
  out.institutional_trust[p] = std::clamp(pw.g, 0.0, 1.0);
  out.willingness[p] = std::clamp(pw.w, 0.0, 1.0);
  const OrganisationParams& op = params.organisations;
  double& participation = out.participation[p];
  participation = pw.attended ? participation + op.participation_gain * (1.0 - participation)
                              : participation * (1.0 - op.participation_decay);
}

// This week's contacts, indexed by parent.
void index_contacts(ContactBook& book, const CommunityView& view) {
  const NodeId parents = view.parents.size();
  book.offsets.assign(parents + 1, 0);
  for (const Contact& contact : book.contacts)
    ++book.offsets[view.parent_index(contact.parent) + 1];
  for (NodeId p = 0; p < parents; ++p)
    book.offsets[p + 1] += book.offsets[p];
  book.order.assign(book.contacts.size(), 0);
  std::vector<std::uint32_t> next(book.offsets.begin(), book.offsets.end() - 1);
  for (std::uint32_t c = 0; c < book.contacts.size(); ++c)
    book.order[next[view.parent_index(book.contacts[c].parent)]++] = c;
}

TakeIn inputs(Week& week, const ContactBook& book) {
  const OutreachPlan& plan = week.params.plan;
  const auto& running = week.state.read<Column::running>();
  CsrLayer& caseload = week.state.write<Column::caseload>();
  CsrLayer& figures = week.state.write<Column::key_figure_ties>();
  const bool newsletter_week =
      runs(running, Intervention::newsletter) &&
      plan.due(Intervention::newsletter, week.week, plan.newsletter_interval_weeks);
  const std::uint32_t posts = runs(running, Intervention::influencer_panel)
                                  ? events_in_week(plan.influencer_posts_per_week, week.week)
                                  : 0;
  return {week,
          week.params,
          week.view,
          caseload,
          figures,
          week.state.read<Column::membership>(),
          week.state.read<Column::following>(),
          caseload.attribute(kTrust),
          figures.attribute(kTrust),
          week.state.read<Column::had_incident>(),
          week.state.read<Column::brought_question>(),
          week.state.read<Column::handler>(),
          week.state.read<Column::point_referral>(),
          week.values.real("support_point_trust"),
          week.state.read<Column::hosting>(),
          book,
          week.state.read<Column::professional_competence>(),
          week.state.read<Column::professional_inviting>(),
          week.state.read<Column::partnership_quality>(),
          newsletter_week,
          fit_multiplier(week.state.read<Column::voice_fit>(), week.values),
          posts};
}

void take_in_week(Week& week) {
  ContactBook& book = week.state.write<Column::contact_book>();
  index_contacts(book, week.view);
  const TakeIn in = inputs(week, book);
  const ParentColumns out{
      week.state.write<Column::institutional_trust>(), week.state.write<Column::willingness>(),
      week.state.write<Column::participation>(),       week.state.write<Column::incidents>(),
      week.state.write<Column::cooperative>(),         week.state.write<Column::weekly_contacts>()};
  const std::int64_t parents = week.view.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  std::vector<std::vector<NewTie>> new_ties(static_cast<std::size_t>(chunks));
  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    ParentWeek pw;
    for (std::int64_t i = lo; i < hi; ++i) {
      pw.p = static_cast<NodeId>(i);
      pw.agent = week.view.parents.begin + pw.p;
      take_in_parent(in, out, pw, new_ties[static_cast<std::size_t>(chunk)]);
    }
  });
  // New parent-professional ties (introductions, conversations) join the caseload layer.
  const float now = static_cast<float>(week.week);
  for (const auto& list : new_ties) {
    for (const NewTie& t : list) {
      const float values[2] = {t.trust, now};
      in.caseload.stage_edge(t.parent, t.professional, values);
    }
  }
  if (in.caseload.staged_count() > 0) in.caseload.rebuild();
}

// Week 0: trust in institutions from the community, willingness by parent type; every
// tie holds its baseline trust and has never been used.
void initialize(Week& week) {
  const CommunityView& view = week.view;
  const ModelParams& params = week.params;
  const NodeId parents = view.parents.size();
  auto& g = week.state.write<Column::institutional_trust>();
  auto& willingness = week.state.write<Column::willingness>();
  g = view.institutional_trust;
  willingness.resize(parents);
  for (NodeId p = 0; p < parents; ++p)
    willingness[p] = params.tone.baseline_willingness[view.parent_type[p]];
  week.state.write<Column::participation>().assign(parents, 0.0);
  week.state.write<Column::incidents>().assign(parents, 0);
  week.state.write<Column::cooperative>().assign(parents, 0);
  week.state.write<Column::weekly_contacts>().assign(parents, {});
  // Trust lives on the arc parent -> professional or key figure; last_contact on the arc
  // from the professional or key figure, which only it writes.
  CsrLayer& caseload = week.state.write<Column::caseload>();
  caseload.add_attribute(kTrust, 0.0f);
  caseload.add_attribute(kLastContact, kNever);
  auto case_trust = caseload.attribute(kTrust);
  CsrLayer& figures = week.state.write<Column::key_figure_ties>();
  figures.add_attribute(kTrust, 0.0f);
  figures.add_attribute(kLastContact, kNever);
  auto figure_trust = figures.attribute(kTrust);
  for (NodeId p = 0; p < parents; ++p) {
    const NodeId agent = view.parents.begin + p;
    const auto baseline = static_cast<float>(params.trust.initial_tie_trust * g[p]);
    for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a)
      case_trust[a] = baseline;
    for (ArcIndex a = figures.first_arc(agent); a < figures.end_arc(agent); ++a) {
      const NodeId k = figures.targets()[a] - view.key_figures.begin;
      const bool own = view.key_figure_community[k] == view.parent_community[p];
      figure_trust[a] =
          static_cast<float>(own ? params.key_figures.trust_own : params.key_figures.trust_other);
    }
  }
}

}  // namespace

StepInfo trust_step() {
  return {"take_in_week",
          StepKind::mechanism,
          "M1-M7, M16",
          "seed 002 secs. 1-4; seed 003; seed 000 tips 2, 4",
          "parents take in the week's contacts; trust on ties, in institutions, willingness",
          {columns({Column::running, Column::voice_fit, Column::membership, Column::following,
                    Column::had_incident, Column::brought_question, Column::handler,
                    Column::point_referral, Column::hosting, Column::professional_competence,
                    Column::professional_inviting, Column::partnership_quality}),
           columns({Column::contact_book, Column::caseload, Column::key_figure_ties,
                    Column::institutional_trust, Column::willingness, Column::participation,
                    Column::incidents, Column::cooperative, Column::weekly_contacts}),
           {}},
          initialize,
          take_in_week};
}

namespace {

// Reach (a professional tie of trust >= reach_threshold), trust in institutions, trusted
// professional and key-figure ties, and the chance of taking a question to a professional
// (M2, M5, M6).
void trust_values(const OutcomeInputs& in, NodeId p, double* values) {
  const NodeId agent = in.view.parents.begin + p;
  const double threshold = in.params.trust.reach_threshold;
  double best = -1.0;
  double trusted = 0;
  for (ArcIndex a = in.caseload.first_arc(agent); a < in.caseload.end_arc(agent); ++a) {
    best = std::max<double>(best, in.case_trust[a]);
    trusted += in.case_trust[a] >= threshold;
  }
  for (ArcIndex a = in.figures.first_arc(agent); a < in.figures.end_arc(agent); ++a)
    trusted += in.figure_trust[a] >= threshold;
  const State& st = in.state;
  values[0] = best >= threshold ? 1.0 : 0.0;
  values[1] = st.institutional_trust[p];
  values[2] = trusted;
  values[3] = best < 0 ? 0.0
                       : in.params.help.seeking_probability(best, st.participation[p],
                                                            st.partnership_quality,
                                                            in.view.language_barrier[p] != 0);
}

}  // namespace

OutcomeBlock trust_outcomes() {
  OutcomeBlock block{"trust",
                     {{"reach", Aggregate::mean},
                      {"institutional_trust", Aggregate::mean},
                      {"trusted_ties", Aggregate::mean},
                      {"help_seeking", Aggregate::mean}}};
  block.fill = each_parent<trust_values>;
  return block;
}

}  // namespace village::parent_support
