#include "sim/import/line_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "sim/memory.hpp"

namespace village {

std::ifstream open_input(const std::filesystem::path& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status))
    throw InputError({path.string()}, "no such file", "check the path");
  if (std::filesystem::is_directory(status)) {
    throw InputError({path.string()}, "this is a directory, not a file", "name the file itself");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path.string()}, "cannot open the file", "check its permissions");
  return in;
}

int column_width(std::string_view text) {
  // UTF-8 continuation bytes (10xxxxxx) do not start a new character.
  return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  }));
}

LineReader::LineReader(const std::filesystem::path& path, char delimiter)
    : path_(path), delimiter_(delimiter), in_(open_input(path)) {}

bool LineReader::next(std::vector<Field>& fields) {
  fields.clear();
  // The buffer grows to the longest line seen (a small file never zero-fills a MiB).
  constexpr std::size_t kInitialBytes = 4096;
  if (line_.empty()) line_.resize(kInitialBytes);
  for (;;) {
    std::size_t length = 0;  // of the line read so far
    std::size_t got = 0;     // of the last getline, its line break included
    for (;;) {
      in_.getline(line_.data() + length, static_cast<std::streamsize>(line_.size() - length));
      if (in_.bad()) {
        throw InputError(at(0), "reading the file failed after this line",
                         "check that the file is readable and complete");
      }
      got = static_cast<std::size_t>(in_.gcount());
      if (!in_.fail()) break;
      if (in_.eof()) {
        if (length + got == 0) return false;  // nothing left
        break;
      }
      // The buffer filled before a line break: grow it, up to the limit.
      length += got;
      if (length >= kMaxLineBytes) {
        throw InputError({path_.string(), line_number_ + 1, 0},
                         fmt::format("the line is longer than {} MiB", kMaxLineBytes >> 20),
                         "a network file has one edge or membership per line; is this the "
                         "right file, or GraphML (format = \"graphml\")?");
      }
      in_.clear();
      line_.resize(std::min(2 * line_.size(), kMaxLineBytes + 1));
    }
    ++line_number_;
    // gcount counts the line break it consumed; the last line may have none.
    std::string_view text(line_.data(), length + (in_.eof() ? got : got - 1));
    // Spreadsheets often save CSV with a byte order mark; editors do not show it.
    if (line_number_ == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (text.ends_with('\r')) text.remove_suffix(1);
    split(text.substr(0, text.find('#')), fields);
    if (!fields.empty()) return true;
    if (in_.eof()) return false;
  }
}

void LineReader::split(std::string_view text, std::vector<Field>& fields) const {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  // Columns are counted as the scan moves right, so a long line costs O(length).
  std::size_t counted = 0;
  int column = 1;
  const auto column_at = [&](std::size_t offset) {
    column += column_width(text.substr(counted, offset - counted));
    counted = offset;
    return column;
  };
  const auto add = [&](std::size_t begin, std::size_t end) {
    const int start = column_at(begin);
    fields.push_back({text.substr(begin, end - begin), start, column_at(end)});
  };
  if (delimiter_ == 0) {
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && is_space(text[i]))
        ++i;
      const std::size_t begin = i;
      while (i < text.size() && !is_space(text[i]))
        ++i;
      if (i > begin) add(begin, i);
    }
    return;
  }
  if (text.find_first_not_of(" \t") == std::string_view::npos) return;
  for (std::size_t begin = 0;;) {
    const std::size_t end = std::min(text.find(delimiter_, begin), text.size());
    std::size_t first = begin;
    std::size_t last = end;
    while (first < last && is_space(text[first]))
      ++first;
    while (last > first && is_space(text[last - 1]))
      --last;
    add(first, last);
    if (end == text.size()) return;
    begin = end + 1;
  }
}

std::uint64_t count_lines(const std::filesystem::path& path) {
  std::ifstream in = open_input(path);
  std::vector<char> buffer(1u << 16);
  std::uint64_t lines = 0;
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    const auto got = static_cast<std::size_t>(in.gcount());
    lines += static_cast<std::uint64_t>(std::count(buffer.data(), buffer.data() + got, '\n'));
    if (got < buffer.size()) {
      if (buffer[got - 1] != '\n') ++lines;  // a last line without a line break
      break;
    }
  }
  return lines;
}

MemoryForecast::MemoryForecast(const std::filesystem::path& path, std::string what)
    : path_(path), what_(std::move(what)), total_lines_(count_lines(path)) {}

void MemoryForecast::check(std::uint64_t lines, double per_line_bytes, double label_bytes) {
  constexpr std::uint64_t kFirst = 1u << 16;
  constexpr std::uint64_t kEvery = 1u << 20;
  if (lines != kFirst && (lines % kEvery) != 0) return;
  const auto remaining = static_cast<double>(total_lines_ - std::min(lines, total_lines_));
  double forecast =
      per_line_bytes * static_cast<double>(total_lines_) / static_cast<double>(lines) + label_bytes;
  if (lines != kFirst) {
    const double rate =
        (label_bytes - last_label_bytes_) / static_cast<double>(lines - last_lines_);
    forecast += rate * remaining;
  }
  last_lines_ = lines;
  last_label_bytes_ = label_bytes;
  check_fits_in_memory(
      forecast, {path_.string()},
      fmt::format("{} of {} lines (forecast from its first {} lines)", what_, total_lines_, lines),
      "split the file, or run where more memory is available");
}

NodeId LabelIndex::id(const Field& field, const LineReader& reader) {
  if (const auto found = ids_.find(field.text); found != ids_.end()) return found->second;
  if (labels_.size() >= limit_) {
    throw InputError(reader.at(field), fmt::format("more than {} distinct {}", limit_, noun_),
                     "split the file into smaller ones");
  }
  const auto id = static_cast<NodeId>(labels_.size());
  ids_.emplace(field.text, id);
  text_bytes_ += 2 * field.text.size();  // the map's key and the list's copy
  labels_.emplace_back(field.text);
  return id;
}

namespace {
// The whole of `text` as a number (from_chars refuses a leading '+'; people write it).
bool read_number(std::string_view text, double& value) {
  if (text.starts_with('+')) text.remove_prefix(1);
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return !text.empty() && error == std::errc() && stop == end;
}
}  // namespace

std::optional<float> parse_weight(std::string_view text) {
  double value = 0.0;
  // The comparisons also refuse NaN, and keep the float conversion defined.
  if (!read_number(text, value) || !(value >= 0.0) ||
      value > static_cast<double>(std::numeric_limits<float>::max())) {
    return std::nullopt;
  }
  return static_cast<float>(value) + 0.0f;  // + 0 turns -0 into 0
}

InputError bad_weight(SourceLocation where, std::string_view text) {
  double value = 0.0;
  std::string problem;
  if (text.empty()) {
    problem = "the edge weight is empty";
  } else if (!read_number(text, value)) {
    problem = fmt::format("the edge weight '{}' is not a number", text);
  } else if (!std::isfinite(value)) {
    problem = fmt::format("the edge weight '{}' is not finite", text);
  } else if (value < 0.0) {
    problem = fmt::format("the edge weight '{}' is negative", text);
  } else {
    problem = fmt::format("the edge weight '{}' is too large for a float", text);
  }
  return InputError(std::move(where), std::move(problem),
                    "weights are finite numbers >= 0, like 1 or 0.25");
}

}  // namespace village
