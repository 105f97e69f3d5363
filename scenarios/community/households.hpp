#pragma once
// Internal to synthesis: the households (parents) of a community and their schools.

#include <array>
#include <cstdint>
#include <vector>

#include "scenarios/community/community_spec.hpp"
#include "sim/csr_layer.hpp"
#include "sim/rng.hpp"

namespace village::synthesis {

struct Households {
  NodeId count = 0;
  std::vector<std::uint32_t> community;
  std::vector<std::uint32_t> neighbourhood;
  std::vector<std::uint8_t> band;                    // ChildBand
  std::vector<std::array<std::uint8_t, 4>> factors;  // low income, low education, single, language
  std::vector<std::uint8_t> vulnerability;           // count of factors
  std::vector<std::uint8_t> vulnerable;
  std::vector<std::uint8_t> type;  // ParentType
  std::vector<double> trust;       // initial institutional trust
  std::vector<std::uint32_t> school;
  std::vector<std::uint32_t> school_class;
  std::vector<std::uint32_t> class_school;  // per class
  std::vector<NodeId> class_offsets;        // members of class c: class_members[offsets[c]..]
  std::vector<NodeId> class_members;
  std::uint32_t schools = 0;
};

Households synthesize_households(const CommunitySpec& spec, const RandomStream& rng);

}  // namespace village::synthesis
