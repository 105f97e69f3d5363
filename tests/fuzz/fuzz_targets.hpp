#pragma once
// The bodies of the libFuzzer targets, shared with the corpus replay test of the default
// run. Each takes one input and says whether the reader accepted it; a reader may refuse
// an input only with InputError. Any other
// exception, a crash, a broken invariant (trap) or a sanitizer report is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace village::fuzz {

// Edge list: the first byte picks delimiter, header, weights and direction.
bool edge_list(const std::uint8_t* data, std::size_t size);
// Affiliation list and projection: the first byte picks delimiter, header and weight.
bool affiliation(const std::uint8_t* data, std::size_t size);
// GraphML, the whole input.
bool graphml(const std::uint8_t* data, std::size_t size);
// Scenario TOML, loaded as if it sat in tests/data/import (so network files resolve).
bool scenario(const std::uint8_t* data, std::size_t size);
// A calibration's targets file (TOML), the whole input.
bool calibration_targets(const std::uint8_t* data, std::size_t size);

using Target = bool (*)(const std::uint8_t*, std::size_t);
// The target of a corpus folder's name ("edge_list", ...); nullptr when unknown.
Target find_target(std::string_view name);

}  // namespace village::fuzz
