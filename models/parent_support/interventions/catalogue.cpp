// The intervention catalogue (seeds digest, "Interventions"): one line per intervention,
// in enum order; each is defined in its own file of this folder.

#include <stdexcept>

#include "models/parent_support/interventions/programme.hpp"

#define VILLAGE_INTERVENTIONS(X) \
  X(newsletter)                  \
  X(theme_evenings)              \
  X(key_figure_programme)        \
  X(partnership)                 \
  X(influencer_panel)            \
  X(parent_groups)               \
  X(buddy_programme)             \
  X(training)                    \
  X(parent_support_point)        \
  X(parent_network)              \
  X(structural_support)          \
  X(voice)

namespace village::parent_support {

#define VILLAGE_DECLARE(name) ProgrammeSpec name##_programme();
VILLAGE_INTERVENTIONS(VILLAGE_DECLARE)
#undef VILLAGE_DECLARE

const std::vector<ProgrammeSpec>& programme_catalogue() {
  static const std::vector<ProgrammeSpec> catalogue = [] {
    std::vector<ProgrammeSpec> list{
#define VILLAGE_ENTRY(name) name##_programme(),
        VILLAGE_INTERVENTIONS(VILLAGE_ENTRY)
#undef VILLAGE_ENTRY
    };
    for (std::size_t n = 0; n < list.size(); ++n) {
      if (static_cast<std::size_t>(list[n].id) != n)
        throw std::logic_error("intervention catalogue out of enum order at " +
                               std::string(list[n].info.name));
    }
    return list;
  }();
  return catalogue;
}

}  // namespace village::parent_support
