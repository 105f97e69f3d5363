#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "sim/import/import.hpp"
#include "sim/import/line_reader.hpp"

namespace village {

namespace {
// An affiliation with more members than this would make a clique of about
// limit^2 / 2 ties: refuse it before allocating.
constexpr std::size_t kMaxMembers = 100000;
}  // namespace

ImportedNetwork read_affiliation_projection(const std::filesystem::path& path,
                                            const AffiliationOptions& options) {
  LineReader reader(path, options.delimiter);
  std::unordered_map<std::string, NodeId> person_ids;
  std::unordered_map<std::string, std::uint32_t> group_ids;
  std::vector<std::string> persons;
  std::vector<std::vector<NodeId>> members;
  std::vector<SourceLocation> first_seen;
  std::vector<Field> fields;
  bool header_pending = options.header;
  while (reader.next(fields)) {
    if (header_pending) {
      header_pending = false;
      continue;
    }
    if (fields.size() != 2 || fields[0].text.empty() || fields[1].text.empty()) {
      const Field& at = fields.size() > 2 ? fields[2] : fields.back();
      throw InputError(
          reader.at(fields.size() > 2 ? at.column : at.column + static_cast<int>(at.text.size())),
          "expected a person and an affiliation on this line",
          "write one membership per line: person affiliation");
    }
    const auto [person, new_person] =
        person_ids.try_emplace(std::string(fields[0].text), static_cast<NodeId>(persons.size()));
    if (new_person) {
      if (persons.size() >= kMaxNodes) {
        throw InputError(reader.at(fields[0]), "too many persons",
                         fmt::format("at most {} fit", kMaxNodes));
      }
      persons.emplace_back(fields[0].text);
    }
    const auto [group, new_group] = group_ids.try_emplace(
        std::string(fields[1].text), static_cast<std::uint32_t>(members.size()));
    if (new_group) {
      members.emplace_back();
      first_seen.push_back(reader.at(fields[1]));
    }
    members[group->second].push_back(person->second);
  }
  if (members.empty()) {
    throw InputError({path.string()}, "the affiliation file has no memberships",
                     "write one membership per line: person affiliation");
  }
  std::size_t pairs = 0;
  for (std::size_t g = 0; g < members.size(); ++g) {
    auto& list = members[g];
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());  // repeated lines count once
    if (list.size() > kMaxMembers) {
      throw InputError(
          first_seen[g],
          fmt::format("an affiliation with {} members would project to about {:.3g} ties",
                      list.size(),
                      0.5 * static_cast<double>(list.size()) * static_cast<double>(list.size())),
          fmt::format("affiliations of more than {} members are not projected; split it",
                      kMaxMembers));
    }
    pairs += list.size() * (list.size() - 1) / 2;
  }
  // Every co-member pair once per shared affiliation; equal pairs are summed below.
  struct Pair {
    NodeId low;
    NodeId high;
    double weight;
  };
  std::vector<Pair> links;
  links.reserve(pairs);
  for (const auto& list : members) {
    if (list.size() < 2) continue;
    const double weight = options.weight == ProjectionWeight::newman
                              ? 1.0 / static_cast<double>(list.size() - 1)
                              : 1.0;
    for (std::size_t a = 0; a < list.size(); ++a) {
      for (std::size_t b = a + 1; b < list.size(); ++b)
        links.push_back({list[a], list[b], weight});
    }
  }
  std::sort(links.begin(), links.end(), [](const Pair& x, const Pair& y) {
    return x.low != y.low ? x.low < y.low : x.high < y.high;
  });
  std::vector<EdgeRecord> edges;
  for (std::size_t i = 0; i < links.size();) {
    double total = 0.0;
    std::size_t j = i;
    for (; j < links.size() && links[j].low == links[i].low && links[j].high == links[i].high;
         ++j) {
      total += links[j].weight;
    }
    edges.push_back({links[i].low, links[i].high, static_cast<float>(total)});
    i = j;
  }
  ImportedNetwork network;
  network.layer =
      CsrLayer::from_edges(static_cast<NodeId>(persons.size()), edges, Direction::undirected, true);
  network.labels = std::move(persons);
  return network;
}

}  // namespace village
