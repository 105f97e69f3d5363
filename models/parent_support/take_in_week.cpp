// Phase F of the parent-support week (see parent_support_model.hpp): each parent takes
// in the week's contacts, in a fixed order (incident, question, conversations, key-figure
// visits and introductions, personal contacts, newsletter, online posts), then ties
// without contact decay (M2) and willingness, institutional trust and informal
// participation relax. A parent writes only its own state and the trust on its own
// arcs, so parents update in parallel.

#include <algorithm>
#include <cmath>

#include "models/community_schema.hpp"
#include "models/parent_support/parent_support_model.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kCooperate = purpose("ps.incident.cooperate");
constexpr std::uint64_t kAttend = purpose("ps.conversation.attend");
constexpr std::uint64_t kConversationTone = purpose("ps.conversation.tone");
constexpr std::uint64_t kIntroductionTone = purpose("ps.introduction.tone");
constexpr std::uint64_t kNewsletter = purpose("ps.newsletter");
constexpr std::uint64_t kOnline = purpose("ps.online");

constexpr ArcIndex kNoArc = ~ArcIndex{0};

ArcIndex find_arc(const CsrLayer& layer, NodeId source, NodeId target) {
  const auto row = layer.neighbours(source);
  const auto it = std::lower_bound(row.begin(), row.end(), target);
  if (it == row.end() || *it != target) return kNoArc;
  return layer.first_arc(source) + static_cast<ArcIndex>(it - row.begin());
}

// The professional ties one parent touched this week.
struct TouchedTie {
  NodeId professional;
  ArcIndex arc;  // kNoArc: a new tie
  double trust;
};

struct NewTie {
  NodeId parent;
  NodeId professional;
  float trust;
};

}  // namespace

void ParentSupportModel::take_in_week(World& world, std::uint64_t week, const RandomStream& rng) {
  CsrLayer& caseload = world.layer(std::string(community::layer::caseload));
  CsrLayer& figures = world.layer(std::string(community::layer::key_figures));
  const CsrLayer& membership = world.layer(std::string(community::layer::membership));
  const CsrLayer& following = world.layer(std::string(community::layer::online));
  auto case_trust = caseload.attribute("trust");
  auto figure_trust = figures.attribute("trust");
  const TrustParams& tp = params_.trust;
  const ToneParams& tone = params_.tone;
  const OutreachPlan& plan = params_.plan;
  const bool newsletter_week = newsletter_this_week_;
  const std::uint32_t posts = posts_this_week_;
  const auto approach = static_cast<std::size_t>(plan.approach);
  const std::int64_t parents = view_.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  std::vector<std::vector<NewTie>> new_ties(static_cast<std::size_t>(chunks));

  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    std::vector<TouchedTie> touched;
    std::vector<ArcIndex> visited_figures;
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto p = static_cast<NodeId>(i);
      const NodeId agent = view_.parents.begin + p;
      auto& counts = weekly_contacts_[p];
      counts = {};
      touched.clear();
      visited_figures.clear();
      double g = trust_in_institutions_[p];
      double w = willingness_[p];
      const double tie_baseline = tp.initial_tie_trust * g;

      const auto tie = [&](NodeId professional) -> double& {
        for (TouchedTie& t : touched) {
          if (t.professional == professional) return t.trust;
        }
        const ArcIndex arc = find_arc(caseload, agent, professional);
        touched.push_back({professional, arc, arc == kNoArc ? tie_baseline : case_trust[arc]});
        return touched.back().trust;
      };
      const auto competence = [&](NodeId professional) {
        return view_.competence[professional - view_.professionals.begin];
      };
      // A professional contact in a given tone (M3), quality in [0, 1] (M2).
      const auto professional_contact = [&](NodeId professional, double quality, bool inviting) {
        double& t = tie(professional);
        const double before = t;
        if (inviting) {
          t = after_positive_contact(t, quality, tp.contact_gain);
          w += tone.invite_willingness_gain * (1.0 - w);
        } else {
          t = after_negative_contact(t, tone.lecture_trust_loss);
          w -= tone.lecture_willingness_loss * w;
        }
        g += tp.institutional_learning * (t - before);
      };

      // Incident (M1).
      if (had_incident_[p]) {
        ++incidents_[p];
        ++counts[incident];
        const NodeId handler = handler_[p];
        const double trust_used =
            handler != kNoAgent ? tie(handler) : params_.incidents.no_tie_trust * g;
        const bool cooperative = rng.uniform(week, agent, kCooperate) <
                                 params_.incidents.cooperation_probability(trust_used);
        cooperative_[p] += cooperative;
        if (handler != kNoAgent) {
          double& t = tie(handler);
          const double before = t;
          t = cooperative
                  ? after_positive_contact(
                        t, params_.incidents.contact_quality * competence(handler), tp.contact_gain)
                  : after_negative_contact(t, params_.incidents.trust_loss);
          g += tp.institutional_learning * (t - before);
        } else if (!cooperative) {
          g = after_negative_contact(g, params_.incidents.trust_loss);
        }
      }
      // Question brought to the most trusted professional (M6).
      if (brought_question_[p]) {
        ++counts[question];
        double& t = tie(handler_[p]);
        const double before = t;
        t = after_positive_contact(t, params_.help.contact_quality * competence(handler_[p]),
                                   tp.contact_gain);
        g += tp.institutional_learning * (t - before);
      }
      // Conversations in partner organisations (M6, M7).
      bool attended = false;
      if (partnership_quality_ > 0) {
        for (NodeId organisation : membership.neighbours(agent)) {
          if (organisation < view_.organisations.begin || organisation >= view_.organisations.end)
            continue;
          const NodeId o = organisation - view_.organisations.begin;
          if (!hosting_[o] ||
              rng.uniform(week, agent, kAttend, organisation) >= params_.organisations.attendance)
            continue;
          attended = true;
          ++counts[conversation];
          const NodeId partner = view_.organisation_partner[o];
          const bool inviting =
              rng.uniform(week, agent, kConversationTone, organisation) < plan.inviting_share;
          professional_contact(partner, partnership_quality_ * competence(partner), inviting);
        }
      }
      // Key-figure visits and introductions (M5), then personal contacts (M3, M16).
      for (std::uint32_t c = contact_offsets_[p]; c < contact_offsets_[p + 1]; ++c) {
        const Contact& contact = contacts_[contact_order_[c]];
        if (!contact.accepted) continue;
        if (contact.channel == key_figure_visit) {
          ++counts[key_figure_visit];
          const ArcIndex arc = find_arc(figures, agent, contact.source);
          visited_figures.push_back(arc);
          const double k = after_positive_contact(figure_trust[arc], 1.0, tp.contact_gain);
          figure_trust[arc] = static_cast<float>(k);
          if (contact.introduce) {
            ++counts[introduction];
            const NodeId partner =
                view_.key_figure_partner[contact.source - view_.key_figures.begin];
            double& t = tie(partner);
            t += params_.key_figures.trust_transfer * std::max(0.0, k - t);
            const bool inviting =
                rng.uniform(week, agent, kIntroductionTone, partner) < plan.inviting_share;
            professional_contact(partner, competence(partner), inviting);
          }
        } else if (contact.channel == personal) {
          ++counts[personal];
          const double quality =
              params_.approach.fit[approach][view_.parent_type[p]] * competence(contact.source);
          professional_contact(contact.source, quality, contact.inviting);
        }
      }
      // Broadcast channels (M4).
      if (newsletter_week) {
        const double read =
            params_.channels.newsletter_read * g *
            (view_.language_barrier[p] ? 1.0 - params_.channels.newsletter_language_penalty : 1.0);
        if (rng.uniform(week, agent, kNewsletter) < read) {
          ++counts[newsletter];
          g += params_.channels.newsletter_trust_gain * (1.0 - g);
        }
      }
      for (std::uint32_t post = 0; post < posts; ++post) {
        for (NodeId influencer : following.neighbours(agent)) {
          const std::uint64_t draw = std::uint64_t{influencer} * 64 + post;
          if (rng.uniform(week, agent, kOnline, draw) < params_.channels.online_view) {
            ++counts[online];
            g += params_.channels.online_trust_gain * (1.0 - g);
          }
        }
      }

      // Ties without contact decay toward their baselines (M2).
      for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a) {
        const NodeId professional = caseload.targets()[a];
        const auto it = std::find_if(touched.begin(), touched.end(), [&](const TouchedTie& t) {
          return t.professional == professional;
        });
        const double t =
            it != touched.end() ? it->trust : decayed(case_trust[a], tie_baseline, tp.decay);
        case_trust[a] = static_cast<float>(std::clamp(t, 0.0, 1.0));
      }
      for (const TouchedTie& t : touched) {
        if (t.arc == kNoArc) {
          new_ties[static_cast<std::size_t>(chunk)].push_back(
              {agent, t.professional, static_cast<float>(std::clamp(t.trust, 0.0, 1.0))});
        }
      }
      for (ArcIndex a = figures.first_arc(agent); a < figures.end_arc(agent); ++a) {
        if (std::find(visited_figures.begin(), visited_figures.end(), a) != visited_figures.end())
          continue;
        const NodeId k = figures.targets()[a] - view_.key_figures.begin;
        const double baseline = view_.key_figure_community[k] == view_.parent_community[p]
                                    ? params_.key_figures.trust_own
                                    : params_.key_figures.trust_other;
        figure_trust[a] = static_cast<float>(decayed(figure_trust[a], baseline, tp.decay));
      }

      g += tp.institutional_relaxation * (view_.institutional_trust[p] - g);
      w += tone.willingness_relaxation * (tone.baseline_willingness[view_.parent_type[p]] - w);
      trust_in_institutions_[p] = std::clamp(g, 0.0, 1.0);
      willingness_[p] = std::clamp(w, 0.0, 1.0);
      double& participation = participation_[p];
      participation = attended ? participation + params_.organisations.participation_gain *
                                                     (1.0 - participation)
                               : participation * (1.0 - params_.organisations.participation_decay);
    }
  });

  // New parent-professional ties (introductions, conversations) join the caseload layer.
  const float now = static_cast<float>(week);
  for (const auto& list : new_ties) {
    for (const NewTie& t : list) {
      const float values[2] = {t.trust, now};
      caseload.stage_edge(t.parent, t.professional, values);
    }
  }
  if (caseload.staged_count() > 0) caseload.rebuild();
}

}  // namespace village::parent_support
