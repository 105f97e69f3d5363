#include "scenarios/agent_files.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "models/seeding.hpp"
#include "scenarios/suggest.hpp"
#include "sim/import/line_reader.hpp"

namespace village {

namespace {

void require_file(const std::filesystem::path& path, const SourceLocation& named_at,
                  const char* what) {
  if (!std::filesystem::is_regular_file(path)) {
    throw InputError(named_at, fmt::format("no {} '{}'", what, path.string()),
                     "the path is relative to the scenario file's folder");
  }
}

// The header: `id` first, then `columns` (checked by `check_column`).
template <typename CheckColumn>
std::vector<std::string> read_header(LineReader& reader, std::vector<Field>& fields,
                                     const std::filesystem::path& path, CheckColumn check_column) {
  if (!reader.next(fields)) {
    throw InputError({path.string()}, "the file is empty",
                     "write a header line starting with `id`, then one line per agent");
  }
  if (fields[0].text != "id") {
    throw InputError(reader.at(fields[0]),
                     fmt::format("the first column is '{}', not `id`", fields[0].text),
                     "start the header line with `id`");
  }
  std::vector<std::string> columns;
  for (std::size_t i = 1; i < fields.size(); ++i) {
    const std::string name(fields[i].text);
    check_column(name, reader.at(fields[i]));
    for (const std::string& earlier : columns) {
      if (earlier == name) {
        throw InputError(reader.at(fields[i]), fmt::format("column '{}' appears twice", name),
                         "give each parameter one column");
      }
    }
    columns.push_back(name);
  }
  return columns;
}

double read_value(const Field& field, const ParamSpec& spec, const LineReader& reader) {
  double value = 0.0;
  const char* begin = field.text.data();
  const char* end = begin + field.text.size();
  if (!field.text.empty() && *begin == '+') ++begin;
  const auto [stop, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || stop != end || !std::isfinite(value)) {
    throw InputError(reader.at(field),
                     fmt::format("{} '{}' is not a number", spec.name, field.text),
                     "write a decimal number such as 0.25");
  }
  const bool below = spec.min_exclusive ? value <= spec.min : value < spec.min;
  if (below || value > spec.max) {
    throw InputError(reader.at(field),
                     fmt::format("{} = {} is out of range", spec.name, field.text),
                     fmt::format("{} must be in {}{}, {}]", spec.name,
                                 spec.min_exclusive ? "(" : "[", spec.min, spec.max));
  }
  return value;
}

template <typename ReadRow>
AgentFile read_rows(const std::filesystem::path& path, std::vector<std::string> columns,
                    LineReader& reader, std::vector<Field>& fields, ReadRow read_row) {
  AgentFile file;
  file.path = path;
  file.columns = std::move(columns);
  std::unordered_map<std::string, int> first_line;
  while (reader.next(fields)) {
    if (fields.size() != file.columns.size() + 1) {
      throw InputError(
          reader.at(fields.size() > file.columns.size() + 1
                        ? fields[file.columns.size() + 1]
                        : Field{{}, fields.back().end_column, 0}),
          fmt::format("{} fields where the header has {}", fields.size(), file.columns.size() + 1),
          "give every line an id and one value per column");
    }
    AgentFile::Row row{std::string(fields[0].text), reader.at(fields[0]), {}};
    const auto [seen, fresh] = first_line.emplace(row.id, reader.line());
    if (!fresh) {
      throw InputError(
          row.where,
          fmt::format("agent '{}' appears twice (first on line {})", row.id, seen->second),
          "give each agent one line");
    }
    if (file.rows.size() >= kMaxNodes) {
      throw InputError(row.where, "too many agents", fmt::format("at most {}", kMaxNodes));
    }
    read_row(row);
    file.rows.push_back(std::move(row));
  }
  if (file.rows.empty()) {
    throw InputError({path.string()}, "the file lists no agents",
                     "write one line per agent after the header");
  }
  return file;
}

}  // namespace

AgentFile read_attributes_file(const std::filesystem::path& path,
                               const std::vector<ParamSpec>& agent_params, const std::string& kind,
                               const SourceLocation& named_at) {
  require_file(path, named_at, "attributes file");
  std::vector<std::string> names;
  for (const ParamSpec& spec : agent_params)
    names.push_back(spec.name);
  if (names.empty()) {
    throw InputError(named_at, fmt::format("model kind \"{}\" has no per-agent parameters", kind),
                     "remove attributes, or choose a model that has them (village params)");
  }
  LineReader reader(path, ',');
  std::vector<Field> fields;
  std::vector<std::string> columns =
      read_header(reader, fields, path, [&](const std::string& name, const SourceLocation& at) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
          throw InputError(
              at, fmt::format("model kind \"{}\" has no per-agent parameter '{}'", kind, name),
              did_you_mean(name, names));
        }
      });
  if (columns.empty()) {
    throw InputError(reader.at(fields[0]), "the header names no parameter after `id`",
                     fmt::format("add a column: {}", fmt::join(names, ", ")));
  }
  std::vector<const ParamSpec*> specs;
  for (const std::string& column : columns) {
    for (const ParamSpec& spec : agent_params)
      if (spec.name == column) specs.push_back(&spec);
  }
  return read_rows(path, std::move(columns), reader, fields, [&](AgentFile::Row& row) {
    for (std::size_t c = 0; c < specs.size(); ++c)
      row.values.push_back(read_value(fields[c + 1], *specs[c], reader));
  });
}

AgentFile read_seed_file(const std::filesystem::path& path, const SourceLocation& named_at) {
  require_file(path, named_at, "seeding file");
  LineReader reader(path, ',');
  std::vector<Field> fields;
  std::vector<std::string> columns =
      read_header(reader, fields, path, [](const std::string& name, const SourceLocation& at) {
        throw InputError(at, fmt::format("a seeding file has one column, `id`, not '{}'", name),
                         "list one seed id per line under the header `id`");
      });
  return read_rows(path, std::move(columns), reader, fields, [](AgentFile::Row&) {});
}

NodeId resolve_agent_id(const std::string& id, const AgentIds& agents,
                        const SourceLocation& where) {
  if (const auto found = find_agent(agents.labels.get(), agents.count, id)) return *found;
  if (agents.labels) {
    throw InputError(where, fmt::format("no agent '{}' in the network", id),
                     "ids are the node labels of the network file");
  }
  throw InputError(where, fmt::format("no agent '{}' in the network", id),
                   fmt::format("the generated network's agents are numbered 0 to {}",
                               agents.count == 0 ? 0 : agents.count - 1));
}

AgentColumns resolve_agent_files(const AgentFile* attributes, const AgentFile* seeds,
                                 const AgentIds& agents) {
  const NodeId n = agents.labels ? static_cast<NodeId>(agents.labels->size()) : agents.count;
  // Labels to ids once, not one linear search per row.
  std::unordered_map<std::string, NodeId> by_label;
  if (agents.labels) {
    by_label.reserve(n);
    for (NodeId v = 0; v < n; ++v)
      by_label.emplace((*agents.labels)[v], v);
  }
  const auto agent_of = [&](const AgentFile::Row& row) {
    if (!agents.labels) return resolve_agent_id(row.id, agents, row.where);
    const auto it = by_label.find(row.id);
    if (it == by_label.end()) return resolve_agent_id(row.id, agents, row.where);  // throws
    return it->second;
  };
  AgentColumns result;
  if (attributes != nullptr) {
    const std::size_t width = attributes->columns.size();
    std::vector<std::vector<double>> values(width, std::vector<double>(n, std::nan("")));
    std::vector<char> given(n, 0);
    for (const AgentFile::Row& row : attributes->rows) {
      const NodeId v = agent_of(row);
      given[v] = 1;
      for (std::size_t c = 0; c < width; ++c)
        values[c][v] = row.values[c];
    }
    for (NodeId v = 0; v < n; ++v) {
      if (given[v]) continue;
      const std::string id = agents.labels ? (*agents.labels)[v] : std::to_string(v);
      throw InputError({attributes->path.string()},
                       fmt::format("agent '{}' has no line ({} of {} agents listed)", id,
                                   attributes->rows.size(), n),
                       "every agent needs a value for each column");
    }
    for (std::size_t c = 0; c < width; ++c)
      result.columns.emplace_back(attributes->columns[c], std::move(values[c]));
  }
  if (seeds != nullptr) {
    std::vector<double> flags(n, 0.0);
    for (const AgentFile::Row& row : seeds->rows)
      flags[agent_of(row)] = 1.0;
    result.columns.emplace_back(kSeedFileColumn, std::move(flags));
  }
  return result;
}

}  // namespace village
