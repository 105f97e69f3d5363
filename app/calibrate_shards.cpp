// Shards of one calibration over a shared output folder (calibrate_shards.hpp).

#include "app/calibrate_shards.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <thread>

#include "sim/error.hpp"

namespace village {

CalibrationShards::CalibrationShards(std::filesystem::path out, std::string key,
                                     std::uint64_t index, std::uint64_t count, double wait_seconds)
    : out_(std::move(out)),
      key_(std::move(key)),
      index_(index),
      count_(count),
      wait_seconds_(wait_seconds),
      journal_(std::make_unique<TaskJournal>(journal_path(index), key_)) {}

std::filesystem::path CalibrationShards::journal_path(std::uint64_t shard) const {
  return out_ / fmt::format("tasks.shard-{}-of-{}.journal", shard + 1, count_);
}

std::optional<std::vector<std::string>> CalibrationShards::gather(std::uint64_t first,
                                                                  std::size_t n,
                                                                  const std::atomic<bool>& stop) {
  std::vector<std::string> records(n);
  std::vector<bool> have(n, false);
  std::size_t missing = n;
  const auto take = [&](const std::map<std::uint64_t, std::string>& from, std::uint64_t shard) {
    for (std::uint64_t id = first; id < first + n; ++id) {
      if (id % count_ != shard || have[id - first]) continue;
      const auto it = from.find(id);
      if (it == from.end()) continue;
      records[id - first] = it->second;
      have[id - first] = true;
      --missing;
    }
  };
  take(journal_->records(), index_);
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t waiting_for = index_;
  while (missing > 0) {
    for (std::uint64_t shard = 0; shard < count_ && missing > 0; ++shard) {
      if (shard == index_) continue;
      const std::filesystem::path path = journal_path(shard);
      if (!std::filesystem::exists(path)) {
        waiting_for = shard;
        continue;
      }
      std::string key;
      std::map<std::uint64_t, std::string> theirs;
      try {
        theirs = TaskJournal::read(path, key);
      } catch (const InputError&) {
        waiting_for = shard;  // just created, its first line not yet written
        continue;
      }
      if (key != key_) {
        throw InputError({path.string()},
                         "this shard's journal belongs to another calibration (another scenario, "
                         "targets, options or shard count)",
                         "start every shard with the same command, or remove the journal");
      }
      const std::size_t before = missing;
      take(theirs, shard);
      if (missing == before) waiting_for = shard;
    }
    if (missing == 0) break;
    if (stop.load()) return std::nullopt;
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (waited > wait_seconds_) {
      throw InputError(
          {journal_path(waiting_for).string()},
          fmt::format("shard {}/{} waited {:.0f} s for shard {}/{}'s simulations {} to {}",
                      index_ + 1, count_, waited, waiting_for + 1, count_, first, first + n - 1),
          "the shards of a calibration run at the same time over one shared --out; start the "
          "missing shard (each resumes from its journal) or give a longer --shard-wait");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return records;
}

}  // namespace village
