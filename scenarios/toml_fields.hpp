#pragma once
// Reading typed, range-checked fields of a TOML table against parameter declarations.
// Every problem becomes an InputError at the offending key's file:line:column.

#include <toml++/toml.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/error.hpp"
#include "sim/parameters.hpp"

namespace village {

SourceLocation location_of(const toml::node& node, const std::string& file);

// Reads the keys of `table` into `values`. Keys not declared in `specs` or in
// `extra_keys` (handled by the caller) are errors with a "did you mean".
// `section` names the table in messages ("model", "network").
void read_params(const toml::table& table, const std::string& section,
                 const std::vector<ParamSpec>& specs, const std::vector<std::string>& extra_keys,
                 const std::string& file, ParamValues& values);

// Checks one value against its declaration; throws at the value's location.
ParamValue read_param(const toml::node& node, const ParamSpec& spec, const std::string& section,
                      const std::string& file);

// "[min, max]", "(min, max]" or ">= min" for messages.
std::string describe_range(const ParamSpec& spec);

std::string type_name(ParamType type);

// The values as a JSON object, key by key (the mirror of read_params, for manifests).
nlohmann::ordered_json values_to_json(const ParamValues& values);

}  // namespace village
