#pragma once
// Parents per reporting group of a synthesised community, as the parent-support model
// names its groups ("all", "vulnerable", "language_barrier", "community:<name>",
// "type:<name>"): what turns a share into a number of parents.

#include <map>
#include <string>

#include "scenarios/scenario.hpp"
#include "sim/world.hpp"

namespace village {

std::map<std::string, double> group_sizes(const World& world, const CommunitySpec& spec);

}  // namespace village
