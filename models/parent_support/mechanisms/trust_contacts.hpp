#pragma once
// How one parent takes in each channel of its week (M1-M7, M16), for the take-in step of
// trust.cpp: the contact's effect on trust in the professional, on institutional trust
// and on willingness. Internal to trust.cpp.

#include <algorithm>
#include <span>
#include <vector>

#include "models/parent_support/mechanism.hpp"
#include "models/parent_support/week_helpers.hpp"

namespace village::parent_support::take_in {

constexpr std::uint64_t kCooperate = purpose("ps.incident.cooperate");
constexpr std::uint64_t kAttend = purpose("ps.conversation.attend");
constexpr std::uint64_t kConversationTone = purpose("ps.conversation.tone");
constexpr std::uint64_t kIntroductionTone = purpose("ps.introduction.tone");
constexpr std::uint64_t kNewsletter = purpose("ps.newsletter");
constexpr std::uint64_t kOnline = purpose("ps.online");
constexpr ArcIndex kNoArc = ~ArcIndex{0};

struct TouchedTie {  // a professional tie one parent touched this week
  NodeId professional;
  ArcIndex arc;  // kNoArc: a new tie
  double trust;
};

struct NewTie {
  NodeId parent;
  NodeId professional;
  float trust;
};

// One parent's week while it is taken in.
struct ParentWeek {
  NodeId p = 0, agent = 0;
  double g = 0, w = 0, tie_baseline = 0;
  bool attended = false;
  ChannelCounts* counts = nullptr;
  std::vector<TouchedTie> touched;
  std::vector<ArcIndex> visited_figures;
};

ArcIndex arc_or_none(const CsrLayer& layer, NodeId source, NodeId target) {
  const ArcIndex arc = find_arc(layer, source, target);
  return arc == layer.end_arc(source) ? kNoArc : arc;
}

// The week's inputs every parent reads, and the columns it writes its own entries of.
struct TakeIn {
  Week& week;
  const ModelParams& params;
  const CommunityView& view;
  CsrLayer& caseload;
  CsrLayer& figures;
  const CsrLayer& membership;
  const CsrLayer& following;
  std::span<float> case_trust, figure_trust;
  const Flags& had_incident;
  const Flags& brought_question;
  const Agents& handler;
  const Agents& point_referral;  // professional the support point passed a question to
  double point_trust;            // parents' trust in the point's staff (seed 004)
  const Flags& hosting;
  const ContactBook& book;
  const Reals& competence_of;  // professionals
  const Reals& inviting_of;    // professionals: share of inviting contacts (M3)
  double partnership_quality;
  bool newsletter_week;
  double newsletter_fit;  // parents' voice: an issue that fits is read and trusted more (M21)
  std::uint32_t posts;

  double& tie(ParentWeek& pw, NodeId professional) const {
    for (TouchedTie& t : pw.touched) {
      if (t.professional == professional) return t.trust;
    }
    const ArcIndex arc = arc_or_none(caseload, pw.agent, professional);
    pw.touched.push_back({professional, arc, arc == kNoArc ? pw.tie_baseline : case_trust[arc]});
    return pw.touched.back().trust;
  }
  double competence(NodeId professional) const {
    return competence_of[professional - view.professionals.begin];
  }
  double inviting_share(NodeId professional) const {
    return inviting_of[professional - view.professionals.begin];
  }
  // The trust in a professional moves to t; institutional trust learns from the change.
  void learn(ParentWeek& pw, double& t, double after) const {
    const double before = t;
    t = after;
    pw.g += params.trust.institutional_learning * (t - before);
  }
  // A professional contact in a given tone (M3), quality in [0, 1] (M2).
  void professional_contact(ParentWeek& pw, NodeId professional, double quality,
                            bool inviting) const {
    const ToneParams& tone = params.tone;
    double& t = tie(pw, professional);
    if (inviting) {
      learn(pw, t, after_positive_contact(t, quality, params.trust.contact_gain));
      pw.w += tone.invite_willingness_gain * (1.0 - pw.w);
    } else {
      learn(pw, t, after_negative_contact(t, tone.lecture_trust_loss));
      pw.w -= tone.lecture_willingness_loss * pw.w;
    }
  }

  // Incident (M1): returns whether it went cooperatively.
  bool take_incident(ParentWeek& pw) const {
    const IncidentParams& ip = params.incidents;
    ++(*pw.counts)[Channel::incident];
    const NodeId h = handler[pw.p];
    const double trust_used = h != kNoAgent ? tie(pw, h) : ip.no_tie_trust * pw.g;
    const bool cooperative =
        week.rng.uniform(week.week, pw.agent, kCooperate) < ip.cooperation_probability(trust_used);
    if (h != kNoAgent) {
      double& t = tie(pw, h);
      learn(pw, t,
            cooperative ? after_positive_contact(t, ip.contact_quality * competence(h),
                                                 params.trust.contact_gain)
                        : after_negative_contact(t, ip.trust_loss));
    } else if (!cooperative) {
      pw.g = after_negative_contact(pw.g, ip.trust_loss);
    }
    return cooperative;
  }

  // Question brought to the most trusted professional (M6).
  void take_question(ParentWeek& pw) const {
    ++(*pw.counts)[Channel::question];
    const NodeId h = handler[pw.p];
    double& t = tie(pw, h);
    learn(pw, t,
          after_positive_contact(t, params.help.contact_quality * competence(h),
                                 params.trust.contact_gain));
  }

  // A question the parent support point passed on (seed 004: staff who act towards school
  // or support): its staff hand the parent over to the professional as a key figure
  // would, the tie made if there was none.
  void take_referral(ParentWeek& pw) const {
    ++(*pw.counts)[Channel::support_point];
    hand_over(pw, point_referral[pw.p], point_trust);
  }

  // Conversations in partner organisations (M6, M7).
  void conversations(ParentWeek& pw) const {
    for (NodeId organisation : membership.neighbours(pw.agent)) {
      if (organisation < view.organisations.begin || organisation >= view.organisations.end)
        continue;
      const NodeId o = organisation - view.organisations.begin;
      if (!hosting[o] || week.rng.uniform(week.week, pw.agent, kAttend, organisation) >=
                             params.organisations.attendance)
        continue;
      pw.attended = true;
      ++(*pw.counts)[Channel::conversation];
      const NodeId partner = view.organisation_partner[o];
      const bool inviting = week.rng.uniform(week.week, pw.agent, kConversationTone, organisation) <
                            inviting_share(partner);
      professional_contact(pw, partner, partnership_quality * competence(partner), inviting);
    }
  }

  // Key-figure visits and introductions (M5), then personal contacts (M3, M16).
  void proactive_contacts(ParentWeek& pw) const {
    for (std::uint32_t c = book.offsets[pw.p]; c < book.offsets[pw.p + 1]; ++c) {
      const Contact& contact = book.contacts[book.order[c]];
      if (!contact.accepted) continue;
      if (contact.channel == key_figure_visit) {
        visit(pw, contact);
      } else if (contact.channel == personal) {
        ++(*pw.counts)[personal];
        const double quality =
            params.approach.fit[contact.matched ? 1 : 0][view.parent_type[pw.p]] *
            competence(contact.source);
        professional_contact(pw, contact.source, quality, contact.inviting);
      }
    }
  }
  void visit(ParentWeek& pw, const Contact& contact) const {
    ++(*pw.counts)[key_figure_visit];
    const ArcIndex arc = find_arc(figures, pw.agent, contact.source);
    pw.visited_figures.push_back(arc);
    const double k = after_positive_contact(figure_trust[arc], 1.0, params.trust.contact_gain);
    figure_trust[arc] = static_cast<float>(k);
    if (!contact.introduce) return;
    ++(*pw.counts)[introduction];
    hand_over(pw, view.key_figure_partner[contact.source - view.key_figures.begin], k);
  }
  // Someone the parent trusts (trust k) introduces it to a professional (M5): part of
  // that trust passes to the tie, then a contact in the professional's own tone.
  void hand_over(ParentWeek& pw, NodeId professional, double k) const {
    double& t = tie(pw, professional);
    t += params.key_figures.trust_transfer * std::max(0.0, k - t);
    const bool inviting = week.rng.uniform(week.week, pw.agent, kIntroductionTone, professional) <
                          inviting_share(professional);
    professional_contact(pw, professional, competence(professional), inviting);
  }

  // Broadcast channels (M4).
  void broadcasts(ParentWeek& pw) const {
    const ChannelParams& cp = params.channels;
    if (newsletter_week) {
      const double read =
          cp.newsletter_read * newsletter_fit * pw.g *
          (view.language_barrier[pw.p] ? 1.0 - cp.newsletter_language_penalty : 1.0);
      if (week.rng.uniform(week.week, pw.agent, kNewsletter) < read) {
        ++(*pw.counts)[newsletter];
        pw.g += std::min(1.0, cp.newsletter_trust_gain * newsletter_fit) * (1.0 - pw.g);
      }
    }
    for (std::uint32_t post = 0; post < posts; ++post) {
      for (NodeId influencer : following.neighbours(pw.agent)) {
        const std::uint64_t draw = std::uint64_t{influencer} * 64 + post;
        if (week.rng.uniform(week.week, pw.agent, kOnline, draw) < cp.online_view) {
          ++(*pw.counts)[online];
          pw.g += cp.online_trust_gain * (1.0 - pw.g);
        }
      }
    }
  }

  // Ties without contact decay toward their baselines (M2); touched ties take their new
  // trust, new ones are kept for the caseload.
  void settle_ties(ParentWeek& pw, std::vector<NewTie>& new_ties) const {
    const double decay = params.trust.decay;
    for (ArcIndex a = caseload.first_arc(pw.agent); a < caseload.end_arc(pw.agent); ++a) {
      const NodeId professional = caseload.targets()[a];
      const auto it = std::find_if(pw.touched.begin(), pw.touched.end(), [&](const TouchedTie& t) {
        return t.professional == professional;
      });
      const double t =
          it != pw.touched.end() ? it->trust : decayed(case_trust[a], pw.tie_baseline, decay);
      case_trust[a] = static_cast<float>(std::clamp(t, 0.0, 1.0));
    }
    for (const TouchedTie& t : pw.touched) {
      if (t.arc == kNoArc)
        new_ties.push_back(
            {pw.agent, t.professional, static_cast<float>(std::clamp(t.trust, 0.0, 1.0))});
    }
    for (ArcIndex a = figures.first_arc(pw.agent); a < figures.end_arc(pw.agent); ++a) {
      if (std::find(pw.visited_figures.begin(), pw.visited_figures.end(), a) !=
          pw.visited_figures.end())
        continue;
      const NodeId k = figures.targets()[a] - view.key_figures.begin;
      const double baseline = view.key_figure_community[k] == view.parent_community[pw.p]
                                  ? params.key_figures.trust_own
                                  : params.key_figures.trust_other;
      figure_trust[a] = static_cast<float>(decayed(figure_trust[a], baseline, decay));
    }
  }
};

}  // namespace village::parent_support::take_in
