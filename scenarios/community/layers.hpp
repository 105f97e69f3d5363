#pragma once
// Internal to synthesis: the edge lists of the community's network layers
// (models/community_schema.hpp, namespace layer), over global agent ids.

#include <vector>

#include "scenarios/community/community_spec.hpp"
#include "scenarios/community/households.hpp"
#include "scenarios/community/institutions.hpp"
#include "sim/csr_layer.hpp"
#include "sim/rng.hpp"

namespace village::synthesis {

// First agent id of each kind after the parents (whose ids are their household index).
struct AgentOffsets {
  NodeId professionals = 0;
  NodeId key_figures = 0;
  NodeId organisations = 0;
};

struct LayerEdges {
  std::vector<EdgeRecord> family_friends, neighbourhood, school, membership, caseload, key_figures,
      online;
};

LayerEdges synthesize_layers(const CommunitySpec& spec, const Households& households,
                             const Institutions& institutions, const AgentOffsets& first,
                             const RandomStream& rng);

}  // namespace village::synthesis
