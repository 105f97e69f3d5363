#pragma once
// What the text importers share: opening a file with a precise error, splitting lines
// into fields that remember their column (so errors can say file:line:column), numbering
// labels, and parsing edge weights.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/csr_layer.hpp"
#include "sim/error.hpp"

namespace village {

// The longest line a network file may have: an edge is a few dozen bytes, so a longer
// line is a wrong file (a binary, a GraphML or JSON file on one line), refused before it
// fills memory.
inline constexpr std::size_t kMaxLineBytes = 1u << 20;  // 1 MiB

// Opens a file for reading; throws InputError (file only) when it is missing or unreadable.
std::ifstream open_input(const std::filesystem::path& path);

// The columns `text` spans in an editor: one per UTF-8 code point.
int column_width(std::string_view text);

struct Field {
  std::string_view text;
  int column = 0;      // 1-based, where the field starts
  int end_column = 0;  // 1-based, just past the field
};

class LineReader {
 public:
  // A delimiter (',' for CSV) splits at that character, trimming spaces and tabs around
  // fields; 0 splits at runs of spaces and tabs. '#' starts a comment; blank lines are skipped;
  // CRLF line ends and a UTF-8 byte order mark are accepted; a line over kMaxLineBytes
  // is an InputError.
  LineReader(const std::filesystem::path& path, char delimiter);

  // The next line with at least one field; false at the end of the file. The fields
  // view an internal buffer that the next call overwrites.
  bool next(std::vector<Field>& fields);

  int line() const { return line_number_; }
  SourceLocation at(int column) const { return {path_.string(), line_number_, column}; }
  SourceLocation at(const Field& field) const { return at(field.column); }
  // Where a missing field was expected: just past `previous`.
  SourceLocation after(const Field& previous) const { return at(previous.end_column); }

 private:
  void split(std::string_view text, std::vector<Field>& fields) const;

  std::filesystem::path path_;
  char delimiter_;
  std::ifstream in_;
  std::string line_;  // grows to the longest line read, at most kMaxLineBytes + 1 bytes
  int line_number_ = 0;
};

// The file's line count (a last line without a line break counts), in one fast pass.
std::uint64_t count_lines(const std::filesystem::path& path);

// Forecasts a reader's memory from the lines read so far, so that a file too large for
// this process is refused after a small part of it is read. The line count comes first,
// from a fast pass over the file. What grows with every line (edges, memberships) is
// scaled to all lines; labels, which repeat, grow at the rate of the last stretch read
// (an upper bound while new labels get rarer, as they do).
class MemoryForecast {
 public:
  // `what` names the file's kind in the error ("an edge list").
  MemoryForecast(const std::filesystem::path& path, std::string what);

  // After `lines` lines, holding `per_line_bytes` that grow with the lines and
  // `label_bytes` of labels; checks at 2^16 lines (without label growth: too early to
  // tell) and every 2^20 lines after.
  void check(std::uint64_t lines, double per_line_bytes, double label_bytes);

 private:
  std::filesystem::path path_;
  std::string what_;
  std::uint64_t total_lines_ = 0;
  std::uint64_t last_lines_ = 0;
  double last_label_bytes_ = 0.0;
};

// The bytes a LabelIndex entry holds beyond its text (hash node, string, vector slot).
inline constexpr double kBytesPerLabel = 96.0;

// Numbers distinct labels 0, 1, ... in order of first appearance.
class LabelIndex {
 public:
  // `noun` names the labels in errors ("node labels"); more than `limit` labels is an error.
  explicit LabelIndex(std::string noun, NodeId limit = kMaxNodes)
      : noun_(std::move(noun)), limit_(limit) {}

  // The id of `field`'s text, numbering it if new; throws at the field past the limit.
  NodeId id(const Field& field, const LineReader& reader);
  NodeId size() const { return static_cast<NodeId>(labels_.size()); }
  // Memory held: kBytesPerLabel per label plus the labels' text.
  double bytes() const {
    return static_cast<double>(labels_.size()) * kBytesPerLabel + static_cast<double>(text_bytes_);
  }
  const std::string& label(NodeId id) const { return labels_[id]; }
  std::vector<std::string> take() { return std::move(labels_); }

 private:
  struct Hash {
    using is_transparent = void;  // look up string_views without building a string
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::string noun_;
  NodeId limit_;
  std::unordered_map<std::string, NodeId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> labels_;
  std::size_t text_bytes_ = 0;
};

// A finite number >= 0 that fits a float (an optional leading '+' is allowed).
std::optional<float> parse_weight(std::string_view text);

// The error for a weight that parse_weight refused.
InputError bad_weight(SourceLocation where, std::string_view text);

}  // namespace village
