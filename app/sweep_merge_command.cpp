// `village sweep merge DIR... --out OUT`: the records of a sharded sweep's folders
// combined into the files an unsharded run writes, byte for byte.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/output_files.hpp"
#include "app/sweep_database.hpp"
#include "app/sweep_outputs.hpp"
#include "sim/error.hpp"
#include "sim/json_text.hpp"
#include "sim/output.hpp"
#include "sim/sqlite_tables.hpp"
#include "sim/sweep/task_journal.hpp"

namespace village {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  return read_whole_file(path, "name folders that village sweep wrote");
}

struct Shard {
  fs::path folder;
  nlohmann::ordered_json manifest;
  std::string design_csv;
  std::map<std::uint64_t, std::string> records;
};

Shard read_shard(const fs::path& folder) {
  Shard shard;
  shard.folder = folder;
  const fs::path manifest = folder / "manifest.json";
  if (!fs::exists(manifest)) {
    throw InputError({folder.string()}, "no finished sweep here (manifest.json is missing)",
                     "finish the shard first: run its village sweep command again to resume");
  }
  try {
    shard.manifest = nlohmann::ordered_json::parse(read_text(manifest));
    (void)shard.manifest.at("sweep_key").get<std::string>();
    (void)shard.manifest.at("tasks_total").get<std::uint64_t>();
    (void)shard.manifest.at("replicates").get<std::uint32_t>();
  } catch (const nlohmann::json::exception&) {
    throw InputError({manifest.string()}, "not the manifest of a village sweep",
                     "name folders that village sweep wrote");
  }
  // A shard written with --format sqlite keeps its design in its database.
  if (!fs::exists(folder / "design.csv") && fs::exists(folder / kDatabaseFile)) {
    SqliteDatabase db(folder / kDatabaseFile);
    shard.design_csv = table_as_csv(db, "design");
  } else {
    shard.design_csv = read_text(folder / "design.csv");
  }
  std::string key;
  shard.records = TaskJournal::read(folder / "tasks.journal", key);
  if (key.rfind(shard.manifest["sweep_key"].get<std::string>(), 0) != 0) {
    throw InputError({(folder / "tasks.journal").string()},
                     "the journal belongs to another sweep than manifest.json",
                     "rerun the shard into a fresh folder");
  }
  return shard;
}

}  // namespace

int sweep_merge_command(const SweepMergeOptions& options) {
  std::vector<Shard> shards;
  for (const std::string& folder : options.folders)
    shards.push_back(read_shard(folder));
  const Shard& first = shards.front();
  const std::string key = first.manifest["sweep_key"];
  const auto total = first.manifest["tasks_total"].get<std::uint64_t>();
  const auto replicates = first.manifest["replicates"].get<std::uint32_t>();
  std::map<std::uint64_t, std::string> records;
  bool timeseries = true;
  for (const Shard& shard : shards) {
    if (shard.manifest["sweep_key"] != key || shard.design_csv != first.design_csv) {
      throw InputError(
          {shard.folder.string()},
          fmt::format("this shard belongs to another sweep than {}", first.folder.string()),
          "merge the shards of one command (same scenario, design, options)");
    }
    // Manifests before --format named the file instead.
    const auto& files = shard.manifest["files"];
    const bool named = std::find(files.begin(), files.end(), "timeseries.csv") != files.end();
    timeseries = timeseries && shard.manifest.value("timeseries", named);
    for (const auto& [task, record] : shard.records) {
      if (task >= total) {
        throw InputError({(shard.folder / "tasks.journal").string()},
                         fmt::format("task {} is beyond the sweep's {} tasks", task, total),
                         "the journal was edited; rerun the shard");
      }
      const auto [it, inserted] = records.emplace(task, record);
      if (!inserted && it->second != record) {
        throw InputError(
            {shard.folder.string()},
            fmt::format("task {} has another result here than in an earlier folder", task),
            "merge shards built by the same village version");
      }
    }
  }
  if (records.size() != total) {
    std::uint64_t missing = 0;
    while (records.count(missing) != 0)
      ++missing;
    throw InputError(
        {},
        fmt::format("the folders hold {} of the sweep's {} tasks (task {} is "
                    "missing, of replicate {} of design point {})",
                    records.size(), total, missing, missing % replicates, missing / replicates),
        "name every shard's folder");
  }

  nlohmann::ordered_json manifest = first.manifest;
  manifest["shard"] = {{"index", 1}, {"count", 1}, {"tasks", total}};
  nlohmann::ordered_json merged = nlohmann::ordered_json::array();
  for (const Shard& shard : shards)
    merged.push_back(fs::absolute(shard.folder).string());
  manifest["merged_from"] = merged;
  manifest.erase("tasks_run_by_this_command");
  const OutputFormat format = parse_output_format(options.output.format);
  std::vector<OutputTable> tables{{"design", first.design_csv, false}};
  if (format != OutputFormat::sqlite)
    for (OutputTable& table : record_tables(records, replicates, timeseries, {}))
      tables.push_back(std::move(table));
  manifest["files"] = output_file_names(tables, format, {"manifest.json"});

  const fs::path out = options.out;
  create_output_folder(out);
  if (format == OutputFormat::sqlite) {
    // The database a single sweep writes, built at a temporary name and renamed whole.
    const fs::path temporary = out / fmt::format(".{}.tmp-{}", kDatabaseFile, ::getpid());
    fs::remove(temporary);
    {
      SweepDatabase database(temporary, replicates, timeseries, {});
      database.insert_all(records);
      database.finish(first.design_csv, manifest);
    }
    fs::rename(temporary, out / kDatabaseFile);
    write_file_atomically(out / "manifest.json", json_text(manifest));
  } else {
    write_outputs(out, format, std::move(tables), {{out / "manifest.json", json_text(manifest)}},
                  manifest);
  }
  if (!options.quiet) {
    fmt::print("village: merged {} shard(s), {} tasks, into {}\n", shards.size(), total,
               out.string());
  }
  return 0;
}

}  // namespace village
