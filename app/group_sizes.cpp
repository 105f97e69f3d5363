#include "app/group_sizes.hpp"

#include <fmt/format.h>

#include "models/community_schema.hpp"

namespace village {

std::map<std::string, double> group_sizes(const World& world, const CommunitySpec& spec) {
  namespace c = community;
  std::map<std::string, double> sizes;
  const Population& population = world.population;
  const KindRange& parents = population.kind(std::string(c::kParents));
  const auto column = [&](std::string_view name) -> const std::vector<double>* {
    return population.has_real_column(std::string(name))
               ? &population.real_column(std::string(name))
               : nullptr;
  };
  const auto* vulnerable = column(c::column::vulnerable);
  const auto* language = column(c::column::language_barrier);
  const auto* community = column(c::column::community);
  const auto* type = column(c::column::parent_type);
  for (NodeId v = parents.begin; v < parents.end; ++v) {
    sizes["all"] += 1;
    if (vulnerable && (*vulnerable)[v] != 0) sizes["vulnerable"] += 1;
    if (language && (*language)[v] != 0) sizes["language_barrier"] += 1;
    if (community) {
      const auto i = static_cast<std::size_t>((*community)[v]);
      if (i < spec.communities.size()) sizes["community:" + spec.communities[i].name] += 1;
    }
    if (type) {
      const auto t = static_cast<std::size_t>((*type)[v]);
      if (t < c::kParentTypeNames.size())
        sizes[fmt::format("type:{}", c::kParentTypeNames[t])] += 1;
    }
  }
  return sizes;
}

}  // namespace village
