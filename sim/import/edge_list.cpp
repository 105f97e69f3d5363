#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "sim/import/import.hpp"
#include "sim/import/line_reader.hpp"

namespace village {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The header must name source and target (and weight when weighted), in that order and
// in any case, and nothing more.
void check_header(const LineReader& reader, const std::vector<Field>& fields,
                  const EdgeListOptions& options) {
  constexpr std::array<std::string_view, 3> kNames{"source", "target", "weight"};
  const std::size_t expected = options.weighted ? 3 : 2;
  const char separator = options.delimiter == 0 ? ' ' : options.delimiter;
  std::string line = fmt::format("source{}target", separator);
  if (options.weighted) line += fmt::format("{}weight", separator);
  const std::string hint =
      fmt::format("start the file with the line {}, or set header = false", line);
  for (std::size_t i = 0; i < expected; ++i) {
    if (i == fields.size()) {
      throw InputError(reader.after(fields.back()),
                       fmt::format("the header has no {} column", kNames[i]), hint);
    }
    if (!same_name(fields[i].text, kNames[i])) {
      throw InputError(reader.at(fields[i]),
                       fmt::format("the header names column {} '{}' instead of {}", i + 1,
                                   fields[i].text, kNames[i]),
                       hint);
    }
  }
  if (fields.size() > expected) {
    const Field& extra = fields[expected];
    throw InputError(
        reader.at(extra),
        fmt::format("the header names an unexpected column {} '{}'", expected + 1, extra.text),
        !options.weighted && same_name(extra.text, "weight")
            ? "set weighted = true to read the weights, or remove the column"
            : "remove the column; the columns are source, target and weight");
  }
}

// Throws unless the line holds two non-empty labels and at most `max_fields` fields.
void check_fields(const LineReader& reader, const std::vector<Field>& fields,
                  std::size_t max_fields) {
  const char* const kUsage = "write one edge per line: source target [weight]";
  if (fields.size() < 2) {
    throw InputError(reader.after(fields[0]),
                     fmt::format("expected two node labels, found only '{}'", fields[0].text),
                     kUsage);
  }
  for (std::size_t i = 0; i < 2; ++i) {
    if (fields[i].text.empty()) {  // only CSV has empty fields: "a,,1"
      throw InputError(reader.at(fields[i]),
                       fmt::format("the {} label is empty", i == 0 ? "source" : "target"), kUsage);
    }
  }
  if (fields.size() > max_fields) {
    const Field& extra = fields[max_fields];
    throw InputError(reader.at(extra),
                     fmt::format("too many columns: '{}' is column {}, expected at most {}",
                                 extra.text, max_fields + 1, max_fields),
                     max_fields == 2 ? "write source target, or set weighted = true to read a "
                                       "third column as the weight"
                                     : kUsage);
  }
}

}  // namespace

ImportedNetwork read_edge_list(const std::filesystem::path& path, const EdgeListOptions& options) {
  LineReader reader(path, options.delimiter);
  MemoryForecast forecast(path, "an edge list");
  LabelIndex labels("node labels");
  std::vector<EdgeRecord> edges;
  // An edge, its copy while the CSR arrays are sorted, and its two arcs.
  const double bytes_per_edge = 2.0 * sizeof(EdgeRecord) + 2.0 * sizeof(NodeId) +
                                (options.weighted ? 2.0 * sizeof(float) : 0.0);
  std::vector<Field> fields;
  bool header_pending = options.header;
  const std::size_t max_fields = options.weighted ? 3 : 2;
  while (reader.next(fields)) {
    if (header_pending) {
      check_header(reader, fields, options);
      header_pending = false;
      continue;
    }
    check_fields(reader, fields, max_fields);
    // In a weighted file a line may leave out its weight: it counts 1, as in an
    // unweighted file, so that weights need only be written where they differ.
    float weight = 1.0f;
    if (fields.size() == 3) {
      const auto parsed = parse_weight(fields[2].text);
      if (!parsed) throw bad_weight(reader.at(fields[2]), fields[2].text);
      weight = *parsed;
    }
    const NodeId source = labels.id(fields[0], reader);
    const NodeId target = labels.id(fields[1], reader);
    edges.push_back({source, target, weight});
    forecast.check(static_cast<std::uint64_t>(reader.line()),
                   static_cast<double>(edges.size()) * bytes_per_edge, labels.bytes());
  }
  if (edges.empty()) {
    throw InputError({path.string()}, "the file has no edges",
                     "write one edge per line: source target [weight]");
  }
  ImportedNetwork network;
  network.layer = CsrLayer::from_edges(labels.size(), edges, options.direction, options.weighted);
  network.labels = labels.take();
  return network;
}

}  // namespace village
