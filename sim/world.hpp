#pragma once
// What a run simulates: the population and its named network layers.

#include <map>
#include <stdexcept>
#include <string>

#include "sim/csr_layer.hpp"
#include "sim/population.hpp"

namespace village {

struct World {
  Population population;
  std::map<std::string, CsrLayer> layers;

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
