#pragma once
// What a run simulates: the population and its named network layers.

#include <map>
#include <stdexcept>
#include <string>

#include "sim/csr_layer.hpp"
#include "sim/population.hpp"

namespace village {

// Which of a world's kinds, layers and columns play the parts that readers outside the
// model look for (analysis/report/network_picture.hpp), so that they need not include
// the model's own schema. The code that builds a world names the parts it has; an
// empty name means the world has no such part. Names are the world's own names
// (population kinds, `World::layers` keys, Population real columns).
struct WorldRoles {
  // Population kinds.
  std::string members;  // the agents the network is about
  std::string helpers;  // agents who serve members over the service layer
  std::string bridges;  // agents who link members to helpers over the bridge layer
  // Network layers (undirected; service and bridge ties may carry a "trust" attribute).
  std::string social_layer;   // member - member ties
  std::string service_layer;  // helper - member ties
  std::string bridge_layer;   // bridge - member ties
  // Population real columns.
  std::string area_column;        // the member's area (an integer index)
  std::string vulnerable_column;  // 1 for a vulnerable member, 0 otherwise
};

struct World {
  Population population;
  std::map<std::string, CsrLayer> layers;
  WorldRoles roles;

  const CsrLayer& layer(const std::string& name) const {
    const auto it = layers.find(name);
    if (it == layers.end()) throw std::invalid_argument("World: no network layer '" + name + "'");
    return it->second;
  }
  CsrLayer& layer(const std::string& name) {
    return const_cast<CsrLayer&>(static_cast<const World&>(*this).layer(name));
  }
};

}  // namespace village
