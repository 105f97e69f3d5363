#include "app/files.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "sim/error.hpp"

namespace village {

void create_output_folder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    throw InputError({folder.string()},
                     fmt::format("cannot create the output folder ({})", error.message()),
                     "choose another folder with --out");
  }
}

std::string read_whole_file(const std::filesystem::path& path, const std::string& hint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string()}, "cannot read the file", hint);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace village
