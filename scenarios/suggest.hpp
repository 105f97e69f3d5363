#pragma once
// "Did you mean" for unknown names in scenario files.

#include <string>
#include <string_view>
#include <vector>

namespace village {

// Levenshtein distance (insertions, deletions, substitutions), O(|a| |b|).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if it is close enough to be a likely typo
// (distance at most max(2, |name| / 3)); empty otherwise.
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

// "did you mean 'steps'?" or a list of the valid names when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace village
