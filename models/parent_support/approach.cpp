#include "models/parent_support/approach.hpp"

#include <fmt/format.h>

#include "models/community_schema.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {
constexpr std::array<const char*, 2> kApproachNames{"uniform", "matched"};
// Defaults: a uniform approach works for engaged parents and poorly for the others
// (seed 002 sec. 4); the matched approach closes much of that gap. Magnitudes are
// assumptions to sweep.
constexpr std::array<std::array<double, 4>, 2> kReach{
    {{0.9, 0.6, 0.25, 0.5}, {0.9, 0.75, 0.55, 0.7}}};
constexpr std::array<std::array<double, 4>, 2> kFit{{{1.0, 0.4, 0.6, 0.4}, {1.0, 0.9, 0.9, 0.9}}};
}  // namespace

std::vector<ParamSpec> ApproachParams::specs() {
  std::vector<ParamSpec> specs;
  const std::string source = "seed 002 sec. 4; magnitude: assumption, swept";
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t t = 0; t < 4; ++t) {
      const auto type = community::kParentTypeNames[t];
      specs.push_back(share_param(
          fmt::format("{}_reach_{}", kApproachNames[a], type), kReach[a][t], "probability", "M16",
          source,
          fmt::format("chance that a {} parent takes up a personal contact made with the {} "
                      "approach (times willingness)",
                      type, kApproachNames[a])));
    }
  }
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t t = 0; t < 4; ++t) {
      const auto type = community::kParentTypeNames[t];
      specs.push_back(share_param(
          fmt::format("{}_fit_{}", kApproachNames[a], type), kFit[a][t], "quality", "M16", source,
          fmt::format("quality of an accepted {}-approach contact with a {} parent (times the "
                      "professional's competence)",
                      kApproachNames[a], type)));
    }
  }
  specs.push_back(real_param("matched_hours_factor", 1.3, 1, 5, "multiple of contact hours", "M16",
                             "seed 002 sec. 4 (one-to-one, persistent); assumption, swept",
                             "hours of a matched contact with a non-engaged parent, relative to a "
                             "uniform contact"));
  return specs;
}

ApproachParams ApproachParams::from(const ParamValues& values) {
  ApproachParams params{};
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t t = 0; t < 4; ++t) {
      const auto type = community::kParentTypeNames[t];
      params.reach[a][t] = values.real(fmt::format("{}_reach_{}", kApproachNames[a], type));
      params.fit[a][t] = values.real(fmt::format("{}_fit_{}", kApproachNames[a], type));
    }
  }
  params.matched_hours_factor = values.real("matched_hours_factor");
  return params;
}

}  // namespace village::parent_support
