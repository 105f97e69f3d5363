#pragma once

#include <fmt/format.h>

#include <string>

#include "sim/csr_layer.hpp"
#include "sim/error.hpp"

namespace village {

// Models with use_weights read the layer's "weight" attribute; a layer without one is
// a scenario error, reported before the first step.
inline void require_edge_weights(const CsrLayer& layer, const std::string& layer_name) {
  if (!layer.has_attribute("weight")) {
    throw InputError(
        {}, fmt::format("use_weights = true but layer '{}' has no edge weights", layer_name),
        "import a weighted network (weighted = true) or set use_weights = false");
  }
}

}  // namespace village
