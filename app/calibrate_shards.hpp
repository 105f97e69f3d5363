#pragma once
// The shards of one calibration (`village calibrate ... --shard I/N`): N processes, each
// started with the same command and the same --out on a shared file system, run at the
// same time (a Slurm job array, say). Every shard repeats the calibration's proposals;
// shard I simulates the simulations whose id % N == I - 1 and records them in its own
// journal, OUT/tasks.shard-I-of-N.journal, then reads the other shards' journals until
// the batch is complete. Proposals depend only on the seed and the results, so every
// shard reaches the same posterior, the one an unsharded run reaches; shard 1 writes the
// outputs. A killed shard, started again, resumes from the journals.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/sweep/task_journal.hpp"

namespace village {

class CalibrationShards {
 public:
  // index is 0-based. Opens (or resumes) this shard's journal under key.
  CalibrationShards(std::filesystem::path out, std::string key, std::uint64_t index,
                    std::uint64_t count, double wait_seconds);

  TaskJournal& journal() { return *journal_; }
  bool mine(std::uint64_t id) const { return id % count_ == index_; }
  std::filesystem::path journal_path(std::uint64_t shard) const;

  // The records of simulations first .. first + n - 1, once every shard has recorded its
  // own (polling their journals); nothing when stop is raised while waiting. Throws
  // InputError when a shard's journal belongs to another calibration, or when one is
  // still missing records after the wait.
  std::optional<std::vector<std::string>> gather(std::uint64_t first, std::size_t n,
                                                 const std::atomic<bool>& stop);

 private:
  std::filesystem::path out_;
  std::string key_;
  std::uint64_t index_, count_;
  double wait_seconds_;
  std::unique_ptr<TaskJournal> journal_;
};

}  // namespace village
