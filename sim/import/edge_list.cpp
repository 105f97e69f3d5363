#include <fmt/format.h>

#include <unordered_map>

#include "sim/import/import.hpp"
#include "sim/import/line_reader.hpp"

namespace village {

namespace {

// Numbers labels in order of first appearance.
class LabelIndex {
 public:
  NodeId id(std::string_view label, const LineReader& reader, const Field& field) {
    const auto [it, inserted] =
        ids_.try_emplace(std::string(label), static_cast<NodeId>(labels_.size()));
    if (inserted) {
      if (labels_.size() >= kMaxNodes) {
        throw InputError(reader.at(field),
                         fmt::format("more than {} distinct node labels", kMaxNodes),
                         "split the network or remove unused nodes");
      }
      labels_.emplace_back(label);
    }
    return it->second;
  }
  std::vector<std::string> take() { return std::move(labels_); }
  NodeId size() const { return static_cast<NodeId>(labels_.size()); }

 private:
  std::unordered_map<std::string, NodeId> ids_;
  std::vector<std::string> labels_;
};

void check_header(const LineReader& reader, const std::vector<Field>& fields, bool weighted) {
  if (fields.size() < 2 || fields[0].text != "source" || fields[1].text != "target") {
    throw InputError(reader.at(fields[0]), "the header does not name the columns source,target",
                     weighted ? "start the file with source,target,weight, or set header = false"
                              : "start the file with source,target, or set header = false");
  }
  if (weighted && (fields.size() < 3 || fields[2].text != "weight")) {
    throw InputError(reader.at(fields.size() < 3 ? fields[1] : fields[2]),
                     "the header has no weight column",
                     "name the third column weight, or set weighted = false");
  }
}

}  // namespace

ImportedNetwork read_edge_list(const std::filesystem::path& path, const EdgeListOptions& options) {
  LineReader reader(path, options.delimiter);
  LabelIndex labels;
  std::vector<EdgeRecord> edges;
  std::vector<Field> fields;
  bool header_pending = options.header;
  const std::size_t max_fields = options.weighted ? 3 : 2;
  while (reader.next(fields)) {
    if (header_pending) {
      check_header(reader, fields, options.weighted);
      header_pending = false;
      continue;
    }
    if (fields.size() < 2 || fields[1].text.empty() || fields[0].text.empty()) {
      const Field& last =
          fields.size() < 2 ? fields[0] : (fields[0].text.empty() ? fields[0] : fields[1]);
      throw InputError(reader.at(last.column + static_cast<int>(last.text.size())),
                       "expected two node labels on this line",
                       "write one edge per line: source target [weight]");
    }
    if (fields.size() > max_fields) {
      throw InputError(reader.at(fields[max_fields]),
                       fmt::format("unexpected column {}", max_fields + 1),
                       options.weighted ? "write source target weight"
                                        : "write source target, or set weighted = true");
    }
    // A line without a weight in a weighted file counts 1 (the default weight).
    const float weight = fields.size() == 3 ? parse_weight(reader, fields[2]) : 1.0f;
    const NodeId source = labels.id(fields[0].text, reader, fields[0]);
    const NodeId target = labels.id(fields[1].text, reader, fields[1]);
    edges.push_back({source, target, weight});
  }
  if (edges.empty()) {
    throw InputError({path.string()}, "the network file has no edges",
                     "write one edge per line: source target");
  }
  ImportedNetwork network;
  network.layer = CsrLayer::from_edges(labels.size(), edges, options.direction, options.weighted);
  network.labels = labels.take();
  return network;
}

}  // namespace village
