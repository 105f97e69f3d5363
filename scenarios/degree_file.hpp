#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace village {

// A degree sequence: one non-negative whole number per line; '#' starts a comment,
// blank lines are skipped. Errors name file:line:column.
std::vector<std::uint32_t> read_degree_file(const std::filesystem::path& path);

}  // namespace village
