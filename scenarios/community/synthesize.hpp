#pragma once
// Population synthesis: a [community] description and a run's random stream become a
// World of parents, professionals, key figures and informal organisations with their
// network layers (models/community_schema.hpp). Every draw is addressed at the setup
// step by (entity, purpose), so the world is a pure function of (spec, seed, run), and
// the work is O(n + m) apart from sorting households into schools (O(n log n)).

#include "scenarios/community/community_spec.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village {

World synthesize_community(const CommunitySpec& spec, const RandomStream& rng);

}  // namespace village
