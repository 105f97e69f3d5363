#pragma once
// M4: outreach channels and their reach. Broadcast channels reach many weakly and the
// hard-to-reach hardly at all (seed 002 sec. 6: newsletters do not make parents feel
// personally addressed; seed 000 tip 4: parent influencers online).
//   newsletter issue: read with probability newsletter_read * g * (1 - newsletter_language
//                     _penalty * language_barrier); reading closes newsletter_trust_gain of
//                     the gap to full institutional trust g.
//   influencer post:  each follower sees it with probability online_view; seeing closes
//                     online_trust_gain of the gap.
//   personal contact: M3 (tone), M16 (approach), M22 (hours); a language barrier lowers
//                     acceptance by language_contact_penalty * (1 - the professional's
//                     cultural responsiveness) (M15, seed 002 sec. 5).
// Key figures (M5) and informal organisations (M6) are channels with their own files.

#include <vector>

#include "sim/parameters.hpp"

namespace village::parent_support {

struct ChannelParams {
  double newsletter_read;
  double newsletter_language_penalty;
  double newsletter_trust_gain;
  double online_view;
  double online_trust_gain;
  double language_contact_penalty;

  static std::vector<ParamSpec> specs();
  static ChannelParams from(const ParamValues& values);
};

}  // namespace village::parent_support
