// M4 (seed 002 sec. 6; seed 000 tip 4): newsletters and online posts, read and seen in the trust
// step (trust.cpp); their parameters.

#include "models/parent_support/mechanisms/channels.hpp"

#include <fmt/format.h>

#include <array>

#include "models/parent_support/outcomes.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> ChannelParams::specs() {
  return {
      plausible(share_param("newsletter_read", 0.5, "probability at full trust", "M4",
                            "seed 002 sec. 6; assumption, swept",
                            "chance that a parent with full institutional trust and no language "
                            "barrier reads a newsletter issue (scaled by the parent's "
                            "institutional trust)"),
                0.25, 0.75,
                "judgement: a fully trusting parent reads a quarter to three quarters of school "
                "newsletter issues"),
      plausible(share_param("newsletter_language_penalty", 0.8, "share", "M4, M15",
                            "seed 002 sec. 2, 6; assumption, swept",
                            "share of the reading chance lost by a parent with a language "
                            "barrier"),
                0.6, 0.95,
                "seed 002 sec. 2, 6: written Dutch misses these parents; judgement: most of the "
                "reading chance is lost"),
      plausible_log(share_param("newsletter_trust_gain", 0.01, "share of the gap", "M4",
                                "seed 002 sec. 6 (informing is not connecting); assumption, swept",
                                "share of the gap to full institutional trust closed by reading "
                                "one issue"),
                    0.003, 0.03,
                    "seed 002 sec. 6: informing is not connecting, so small; judgement: a third "
                    "to triple the default"),
      plausible(share_param("online_view", 0.3, "probability per post", "M4",
                            "seed 000 tip 4; assumption, swept",
                            "chance that a follower sees a parent influencer's post"),
                0.1, 0.5,
                "judgement: feeds show a follower only some posts; a tenth to half of them are "
                "seen"),
      plausible_log(share_param("online_trust_gain", 0.02, "share of the gap", "M4",
                                "seed 000 tip 4; assumption, swept",
                                "share of the gap to full institutional trust closed by one post "
                                "seen from a parent the follower chose to follow"),
                    0.005, 0.05,
                    "seed 000 tip 4 gives no size; judgement: a quarter to 2.5x the default, "
                    "known only to its order"),
      plausible(share_param("language_contact_penalty", 0.5, "share", "M15",
                            "seed 002 sec. 2, 5; assumption, swept",
                            "share of the chance to accept a personal contact lost through a "
                            "language barrier, times (1 - the professional's cultural "
                            "responsiveness)"),
                0.3, 0.7,
                "seed 002 sec. 2, 5: a language barrier keeps parents away, no size given; "
                "judgement: 0.2 either side"),
  };
}

ChannelParams ChannelParams::from(const ParamValues& values) {
  return {values.real("newsletter_read"),       values.real("newsletter_language_penalty"),
          values.real("newsletter_trust_gain"), values.real("online_view"),
          values.real("online_trust_gain"),     values.real("language_contact_penalty")};
}

namespace {

constexpr std::array<const char*, kChannelCount> kChannelNames{
    "personal", "key_figure_visit", "introduction", "conversation", "newsletter",
    "online",   "incident",         "question",     "support_point"};

void channel_values(const OutcomeInputs& in, NodeId p, double* values) {
  for (std::size_t c = 0; c < kChannelCount; ++c)
    values[c] = in.state.weekly_contacts[p][c];
}

}  // namespace

// Contacts received in the past week by channel (M2-M6), summed over the group.
OutcomeBlock channels_outcomes() {
  OutcomeBlock block{"channels", {}};
  for (const char* channel : kChannelNames)
    block.outcomes.push_back({fmt::format("contacts_{}", channel), Aggregate::sum});
  block.fill = each_parent<channel_values>;
  return block;
}

}  // namespace village::parent_support
