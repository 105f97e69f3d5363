#include "sim/output_format.hpp"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <new>
#include <stdexcept>
#include <vector>

#include "sim/error.hpp"
#include "sim/parallel.hpp"

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

// `value` with kStoredDigits significant digits, as "%.7g" writes it; `text` holds 32.
std::size_t rounded_text(double value, char* text) {
  return static_cast<std::size_t>(fmt::format_to_n(text, 32, "{:.{}g}", value, kStoredDigits).out -
                                  text);
}
}  // namespace

double stored_value(double value) {
  if (!std::isfinite(value) || is_whole(value)) return value;
  char text[32];
  const std::size_t size = rounded_text(value, text);
  // from_chars rounds correctly, as strtod does, without strtod's locale lookups.
  double stored = value;
  std::from_chars(text, text + size, stored);
  return stored;
}

void append_stored_value(fmt::memory_buffer& out, double value) {
  if (!std::isfinite(value) || is_whole(value)) {
    fmt::format_to(std::back_inserter(out), "{}", value);
    return;
  }
  // The rounded text is already the shortest text of the value it reads back to (two
  // decimals of at most 7 digits never share a normal double), and "{}" writes that value
  // the same way unless "%.7g" chose an exponent for a value of 10^7 or more.
  char text[32];
  const std::size_t size = rounded_text(value, text);
  if (std::abs(value) >= std::numeric_limits<double>::min() &&
      std::string_view(text, size).find("e+") == std::string_view::npos) {
    out.append(text, text + size);
    return;
  }
  fmt::format_to(std::back_inserter(out), "{}", stored_value(value));
}

std::string stored_value_text(double value) {
  fmt::memory_buffer out;
  append_stored_value(out, value);
  return fmt::to_string(out);
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

namespace {

constexpr std::size_t kGzipBlock = 1u << 19;      // text per block: 512 KiB
constexpr std::size_t kDeflateWindow = 1u << 15;  // what a block may refer back to

// One block as raw deflate, primed with the 32 KiB of text before it (so that it compresses
// as if the stream had run on) and ended byte-aligned: a sync flush, or the final block.
bool deflate_block(std::string_view text, std::size_t begin, std::size_t end, std::string& out) {
  z_stream stream{};
  if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return false;
  bool ok = true;
  if (begin > 0) {
    const std::size_t from = begin - std::min(begin, kDeflateWindow);
    ok = deflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(text.data() + from),
                              static_cast<uInt>(begin - from)) == Z_OK;
  }
  out.resize(deflateBound(&stream, static_cast<uLong>(end - begin)) + 64);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data() + begin));
  stream.avail_in = static_cast<uInt>(end - begin);
  const bool last = end == text.size();
  std::size_t produced = 0;
  int status = Z_OK;
  // One call suffices with deflateBound's room; the loop is for the flush's last bytes.
  while (ok) {
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    stream.avail_out = static_cast<uInt>(out.size() - produced);
    status = deflate(&stream, last ? Z_FINISH : Z_SYNC_FLUSH);
    produced = out.size() - stream.avail_out;
    if (status == Z_STREAM_ERROR) ok = false;
    const bool done = last ? status == Z_STREAM_END : stream.avail_out != 0;
    if (done) break;
    out.resize(out.size() + (1u << 16));
  }
  ok = ok && stream.avail_in == 0;
  out.resize(produced);
  out.shrink_to_fit();  // deflateBound's room, held by every block, would double the peak
  deflateEnd(&stream);
  return ok;
}

void append_le32(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8)
    out.push_back(static_cast<char>((value >> shift) & 0xffu));
}

}  // namespace

std::string gzip_text(std::string_view text) {
  // Blocks of fixed size compress in parallel (pigz's scheme) into one gzip member; where
  // they start depends on the text alone, so the bytes are the same at any thread count.
  const std::size_t blocks = std::max<std::size_t>(1, (text.size() + kGzipBlock - 1) / kGzipBlock);
  std::vector<std::string> compressed(blocks);
  std::vector<uLong> crcs(blocks);
  std::vector<char> ok(blocks, 0);
  for_each_heavy_item(static_cast<std::int64_t>(blocks), [&](std::int64_t b) {
    const auto i = static_cast<std::size_t>(b);
    const std::size_t begin = i * kGzipBlock;
    const std::size_t end = std::min(text.size(), begin + kGzipBlock);
    try {
      ok[i] = deflate_block(text, begin, end, compressed[i]);
    } catch (const std::bad_alloc&) {
      ok[i] = 0;  // reported below: nothing may leave a parallel loop
    }
    crcs[i] = crc32(0, reinterpret_cast<const Bytef*>(text.data() + begin),
                    static_cast<uInt>(end - begin));
  });
  if (std::find(ok.begin(), ok.end(), 0) != ok.end())
    throw std::runtime_error("zlib: deflate failed");
  // Header: magic, deflate, no flags, time 0, no extra flags, Unix.
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  std::size_t total = out.size() + 8;
  for (const std::string& block : compressed)
    total += block.size();
  out.reserve(total);
  uLong crc = crc32(0, nullptr, 0);
  for (std::size_t i = 0; i < blocks; ++i) {
    out.append(compressed[i]);
    std::string().swap(compressed[i]);
    const std::size_t length = std::min(text.size(), (i + 1) * kGzipBlock) - i * kGzipBlock;
    crc = crc32_combine(crc, crcs[i], static_cast<z_off_t>(length));
  }
  append_le32(out, static_cast<std::uint32_t>(crc));
  append_le32(out, static_cast<std::uint32_t>(text.size() & 0xffffffffu));  // size mod 2^32
  return out;
}

std::string series_content(OutputFormat format, std::string csv) {
  if (format == OutputFormat::csv_gz) return gzip_text(csv);
  return csv;
}

}  // namespace village
