#include <fmt/format.h>

#include <algorithm>

#include "sim/import/import.hpp"
#include "sim/import/line_reader.hpp"
#include "sim/memory.hpp"

namespace village {

namespace {

// An affiliation of m members projects to a clique of m(m-1)/2 ties: refuse the ones
// that would not fit in memory before any pair is made.
constexpr std::size_t kMaxMembers = 100000;
// Memory per tie: two arcs (target and weight, 8 bytes each) and a 12-byte EdgeRecord.
constexpr double kBytesPerTie = 28.0;

struct Position {
  int line;
  int column;
};

void check_fields(const LineReader& reader, const std::vector<Field>& fields) {
  const char* const usage = "write one membership per line: person affiliation";
  if (fields.size() < 2) {
    throw InputError(
        reader.after(fields[0]),
        fmt::format("expected a person and an affiliation, found only '{}'", fields[0].text),
        usage);
  }
  for (std::size_t i = 0; i < 2; ++i) {
    if (fields[i].text.empty()) {  // only CSV has empty fields
      throw InputError(reader.at(fields[i]),
                       fmt::format("the {} is empty", i == 0 ? "person" : "affiliation"), usage);
    }
  }
  if (fields.size() > 2) {
    throw InputError(reader.at(fields[2]),
                     fmt::format("too many columns: '{}' is column 3, expected 2", fields[2].text),
                     usage);
  }
}

}  // namespace

ImportedNetwork read_affiliation_projection(const std::filesystem::path& path,
                                            const AffiliationOptions& options) {
  LineReader reader(path, options.delimiter);
  MemoryForecast forecast(path, "an affiliation list");
  LabelIndex persons("persons");
  LabelIndex affiliations("affiliations");
  std::vector<Membership> memberships;
  std::vector<Position> first_seen;  // of each affiliation, for errors
  std::vector<Field> fields;
  bool header_pending = options.header;  // free-form: the columns are known by position
  while (reader.next(fields)) {
    if (header_pending) {
      header_pending = false;
      continue;
    }
    check_fields(reader, fields);
    const NodeId person = persons.id(fields[0], reader);
    const NodeId affiliation = affiliations.id(fields[1], reader);
    if (affiliation == first_seen.size()) first_seen.push_back({reader.line(), fields[1].column});
    memberships.push_back({affiliation, person});
    forecast.check(static_cast<std::uint64_t>(reader.line()),
                   static_cast<double>(memberships.size()) * 2.0 * sizeof(Membership),
                   persons.bytes() + affiliations.bytes());
  }
  if (memberships.empty()) {
    throw InputError({path.string()}, "the file has no memberships",
                     "write one membership per line: person affiliation");
  }
  // Sorted by affiliation, then person; a repeated line counts once.
  sort_memberships(memberships);
  const NodeId groups = affiliations.size();
  std::vector<std::size_t> group_size(groups, 0);
  for (const Membership& m : memberships)
    ++group_size[m.affiliation];
  // The projection's size is known before any pair is made: at most m(m-1)/2 ties per
  // affiliation of m members (fewer where persons share several).
  double pairs = 0.0;
  for (NodeId g = 0; g < groups; ++g) {
    const std::size_t members = group_size[g];
    const double ties = 0.5 * static_cast<double>(members) * (static_cast<double>(members) - 1.0);
    pairs += ties;
    if (members > kMaxMembers) {
      throw InputError(
          {path.string(), first_seen[g].line, first_seen[g].column},
          fmt::format("the affiliation '{}' has {} members; its projection alone would hold "
                      "{:.3g} ties (about {:.0f} GB)",
                      affiliations.label(g), members, ties, ties * kBytesPerTie / 1e9),
          fmt::format("affiliations of more than {} members link nearly everyone and are not "
                      "projected; remove or split it",
                      kMaxMembers));
    }
  }
  check_fits_in_memory(pairs * kBytesPerTie, {path.string()},
                       fmt::format("the projection of {} memberships ({:.3g} pairs of persons)",
                                   memberships.size(), pairs),
                       "remove or split the largest affiliations");
  const auto edges = project_affiliations(persons.size(), groups, memberships, options.weight);
  ImportedNetwork network;
  network.layer = CsrLayer::from_edges(persons.size(), edges, Direction::undirected, true);
  network.labels = persons.take();
  return network;
}

}  // namespace village
