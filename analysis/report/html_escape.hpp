#pragma once
// Escaping for HTML text and attribute values (and SVG, which the report inlines).
// Every name that comes from a scenario or network file goes through escape_html before
// it enters a report.

#include <cstddef>
#include <string>
#include <string_view>

namespace village {

// Replaces & < > " ' by their character references, and each byte that is not part of
// valid UTF-8, or is a control character XML forbids, by U+FFFD.
std::string escape_html(std::string_view text);

// At most `max_characters` UTF-8 characters of `text`, ending in an ellipsis when cut
// (never inside a multi-byte character).
std::string shorten(std::string_view text, std::size_t max_characters);

}  // namespace village
