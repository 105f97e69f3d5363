#include "sim/import/line_reader.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace village {

LineReader::LineReader(const std::filesystem::path& path, char delimiter)
    : path_(path), delimiter_(delimiter), in_(path, std::ios::binary) {
  if (!in_ || std::filesystem::is_directory(path)) {
    throw InputError({path.string()}, "cannot open the network file",
                     "check the path and its permissions");
  }
}

bool LineReader::next(std::vector<Field>& fields) {
  while (std::getline(in_, line_)) {
    ++line_number_;
    fields.clear();
    std::string_view text(line_);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    text = text.substr(0, text.find('#'));
    const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
    std::size_t i = 0;
    if (delimiter_ == 0) {
      while (i < text.size()) {
        while (i < text.size() && is_space(text[i]))
          ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i]))
          ++i;
        if (i > start)
          fields.push_back({text.substr(start, i - start), static_cast<int>(start) + 1});
      }
    } else if (text.find_first_not_of(" \t") != std::string_view::npos) {
      while (true) {
        const std::size_t end = std::min(text.find(delimiter_, i), text.size());
        std::size_t start = i;
        std::size_t stop = end;
        while (start < stop && is_space(text[start]))
          ++start;
        while (stop > start && is_space(text[stop - 1]))
          --stop;
        fields.push_back({text.substr(start, stop - start), static_cast<int>(start) + 1});
        if (end == text.size()) break;
        i = end + 1;
      }
    }
    if (!fields.empty()) return true;
  }
  return false;
}

float parse_weight(const LineReader& reader, const Field& field) {
  double value = 0.0;
  const auto* begin = field.text.data();
  const auto* end = begin + field.text.size();
  const auto [stop, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value) || value < 0.0) {
    throw InputError(reader.at(field), fmt::format("'{}' is not a valid edge weight", field.text),
                     "weights are finite numbers >= 0, like 1 or 0.25");
  }
  return static_cast<float>(value);
}

}  // namespace village
