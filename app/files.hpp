#pragma once
// File helpers shared by the commands.

#include <filesystem>
#include <string>

namespace village {

// Creates the output folder (and its parents); throws InputError naming it.
void create_output_folder(const std::filesystem::path& folder);

// The whole file; throws InputError naming it, with `hint`, when it cannot be read.
std::string read_whole_file(const std::filesystem::path& path, const std::string& hint);

}  // namespace village
