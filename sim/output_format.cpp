#include "sim/output_format.hpp"

#include <zlib.h>

#include <cmath>
#include <cstdlib>
#include <iterator>

#include "sim/error.hpp"

namespace village {

OutputFormat parse_output_format(std::string_view text) {
  if (text == "csv") return OutputFormat::csv;
  if (text == "csv.gz" || text == "csv_gz" || text == "gz") return OutputFormat::csv_gz;
  if (text == "sqlite") return OutputFormat::sqlite;
  throw InputError({"--format"}, fmt::format("unknown output format \"{}\"", text),
                   "use csv, csv.gz (the default: the time series compressed) or sqlite");
}

std::string_view output_format_name(OutputFormat format) {
  switch (format) {
    case OutputFormat::csv:
      return "csv";
    case OutputFormat::csv_gz:
      return "csv.gz";
    case OutputFormat::sqlite:
      return "sqlite";
  }
  return "csv";
}

std::string timeseries_file_name(OutputFormat format) {
  return format == OutputFormat::csv ? "timeseries.csv" : "timeseries.csv.gz";
}

namespace {
bool is_whole(double value) {
  return std::abs(value) < 1e15 && value == std::trunc(value);
}
}  // namespace

double stored_value(double value) {
  if (!std::isfinite(value) || is_whole(value)) return value;
  char text[32];
  const auto end = fmt::format_to_n(text, sizeof(text) - 1, "{:.{}g}", value, kStoredDigits);
  *end.out = '\0';
  return std::strtod(text, nullptr);
}

void append_stored_value(fmt::memory_buffer& out, double value) {
  fmt::format_to(std::back_inserter(out), "{}", stored_value(value));
}

std::string stored_value_text(double value) {
  return fmt::format("{}", stored_value(value));
}

bool SeriesFilter::keeps(std::string_view metric, std::string_view group) const {
  const auto matches = [](const std::vector<std::string>& patterns, std::string_view name) {
    if (patterns.empty()) return true;
    for (const std::string& pattern : patterns) {
      if (!pattern.empty() && pattern.back() == '*') {
        if (name.substr(0, pattern.size() - 1) ==
            std::string_view(pattern).substr(0, pattern.size() - 1))
          return true;
      } else if (name == pattern) {
        return true;
      }
    }
    return false;
  };
  return matches(metrics, metric) && matches(groups, group);
}

std::vector<std::string> parse_name_list(std::string_view text, std::string_view option) {
  std::vector<std::string> names;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t comma = std::min(text.find(',', begin), text.size());
    std::string_view name = text.substr(begin, comma - begin);
    while (!name.empty() && name.front() == ' ')
      name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ')
      name.remove_suffix(1);
    if (name.empty())
      throw InputError({std::string(option)}, fmt::format("empty name in \"{}\"", text),
                       "give names separated by commas, e.g. reach,institutional_trust");
    names.emplace_back(name);
    begin = comma + 1;
  }
  return names;
}

std::string gzip_text(std::string_view text) {
  z_stream stream{};
  // 15 + 16: a gzip header, which zlib writes with time 0 and no name.
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib: deflateInit2 failed");
  std::string out;
  char chunk[1 << 16];
  std::size_t offset = 0;
  int status = Z_OK;
  // Input in pieces that fit zlib's 32-bit counts: a sweep's series can pass 4 GB.
  while (status != Z_STREAM_END) {
    if (stream.avail_in == 0 && offset < text.size()) {
      const std::size_t piece = std::min<std::size_t>(text.size() - offset, 1u << 30);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data() + offset));
      stream.avail_in = static_cast<uInt>(piece);
      offset += piece;
    }
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof(chunk);
    status = deflate(&stream, offset == text.size() ? Z_FINISH : Z_NO_FLUSH);
    if (status == Z_STREAM_ERROR) {
      deflateEnd(&stream);
      throw std::runtime_error("zlib: deflate failed");
    }
    out.append(chunk, sizeof(chunk) - stream.avail_out);
  }
  deflateEnd(&stream);
  return out;
}

std::string series_content(OutputFormat format, std::string csv) {
  if (format == OutputFormat::csv_gz) return gzip_text(csv);
  return csv;
}

}  // namespace village
