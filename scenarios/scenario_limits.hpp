#pragma once
// Limits on scenario files, checked before the TOML parser sees the text. A scenario is
// a few kilobytes nested four levels deep; a file far beyond that is a wrong file (a
// network, a log) or a generated one gone astray, and the parser would recurse as deep
// as the file nests (a few hundred kilobytes of "a.a.a..." overflow its stack).

#include <cstddef>
#include <string_view>

namespace village {

inline constexpr std::size_t kMaxScenarioBytes = 1u << 20;  // 1 MiB
inline constexpr int kMaxScenarioNesting = 16;

// Throws InputError when the file is larger than kMaxScenarioBytes, naming its size.
void check_scenario_size(std::size_t bytes, std::string_view file);

// Throws InputError at the first place the text nests deeper than kMaxScenarioNesting:
// the parts of the current [table] header, of a dotted key, and the arrays and inline
// tables around a value all count. A light scan that knows strings and comments; syntax
// errors are left to the TOML parser.
void check_scenario_nesting(std::string_view text, std::string_view file);

}  // namespace village
