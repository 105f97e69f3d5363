// The parent-support model's outcomes (M1-M22), one line per block in the order they are
// recorded. A mechanism's outcomes are a <name>_outcomes() in its file and a line here.

#include "models/parent_support/outcomes.hpp"

#define VILLAGE_OUTCOMES(X) \
  X(capacity)               \
  X(incidents)              \
  X(trust)                  \
  X(informal_organisations) \
  X(groups)                 \
  X(evenings)               \
  X(support)                \
  X(wellbeing)              \
  X(budget)                 \
  X(norms)                  \
  X(volunteers)             \
  X(channels)               \
  X(fit)                    \
  X(support_point)          \
  X(contact_person)         \
  X(partnership)            \
  X(word_of_mouth)

namespace village::parent_support {

#define VILLAGE_DECLARE(name) OutcomeBlock name##_outcomes();
VILLAGE_OUTCOMES(VILLAGE_DECLARE)
#undef VILLAGE_DECLARE

const std::vector<OutcomeBlock>& outcome_blocks() {
  static const std::vector<OutcomeBlock> blocks{
#define VILLAGE_ENTRY(name) name##_outcomes(),
      VILLAGE_OUTCOMES(VILLAGE_ENTRY)
#undef VILLAGE_ENTRY
  };
  return blocks;
}

}  // namespace village::parent_support
