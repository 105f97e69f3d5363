#pragma once
// Internal to the [community] section: the declarations of its parameters, shared by
// the reader (community_spec.cpp) and synthesis.

#include <string>
#include <vector>

#include "sim/parameters.hpp"

namespace village::community_params {

// [community]
std::vector<ParamSpec> community_specs();
// Each [[community.communities]] entry: name, share and the overridable keys.
std::vector<ParamSpec> entry_specs();
// [community]'s keys a community entry may override.
const std::vector<std::string>& overridable_keys();
// An entry's membership table: chance per organisation kind.
std::vector<ParamSpec> membership_specs();
std::vector<ParamSpec> organisation_specs();
std::vector<ParamSpec> professional_specs();
std::vector<ParamSpec> key_figure_specs();

// Institutions of a kind for a rate per 1000 households: round(rate * households /
// 1000), at least one when the rate is positive.
double per_thousand(double rate, double households);

}  // namespace village::community_params
