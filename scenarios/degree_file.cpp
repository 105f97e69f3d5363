#include "scenarios/degree_file.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>

#include "sim/csr_layer.hpp"
#include "sim/error.hpp"

namespace village {

std::vector<std::uint32_t> read_degree_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError({path.string()}, "cannot open the degree file", "check the path");
  std::vector<std::uint32_t> degrees;
  std::string line;
  int line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const auto comment = line.find('#');
    const std::string_view text = std::string_view(line).substr(0, comment);
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) continue;
    const auto last = text.find_last_not_of(" \t\r");
    const std::string_view token = text.substr(first, last - first + 1);
    std::uint32_t degree = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), degree);
    if (error != std::errc() || end != token.data() + token.size()) {
      throw InputError({path.string(), line_number, static_cast<int>(first) + 1},
                       fmt::format("'{}' is not a degree", token),
                       "write one non-negative whole number per line");
    }
    if (degrees.size() >= kMaxNodes) {
      throw InputError({path.string(), line_number, 1}, "too many degrees",
                       fmt::format("at most {} nodes", kMaxNodes));
    }
    degrees.push_back(degree);
  }
  if (degrees.empty())
    throw InputError({path.string()}, "the degree file has no degrees",
                     "write one degree per line");
  return degrees;
}

}  // namespace village
