#pragma once
// CSV fields for output files. Names come from scenario and network files and may hold
// anything: a field with a comma, quote or line break is quoted (RFC 4180).

#include <string>
#include <string_view>

namespace village {

// The field as written: unchanged, or in double quotes with inner quotes doubled.
std::string csv_field(std::string_view text);

}  // namespace village
