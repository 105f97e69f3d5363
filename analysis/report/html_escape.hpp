#pragma once
// Escaping for HTML text and attribute values (and SVG, which the report inlines).
// Every name that comes from a scenario file goes through escape_html before it enters
// report.html.

#include <string>
#include <string_view>

namespace village {

// Replaces & < > " ' by their character references.
std::string escape_html(std::string_view text);

}  // namespace village
