#pragma once
// The durable record of a sweep's finished tasks: an append-only file, one line per
// task, each line carrying a CRC-32 of its content. A crash (kill -9, a full disk, a
// power cut) can only leave a torn last line, which the checksum exposes; reopening
// cuts it off and that task runs again.
//
// Line 1:  village-sweep-journal 1 <key>
// Then:    <task id> <crc32 of "<task id> <payload>", 8 hex digits> <payload>
// The payload is one line of text (the caller's serialised result, no newline).
// The key identifies what the tasks belong to (scenario, design, options): a journal
// whose key differs is refused, so a resumed sweep cannot mix results of two designs.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace village {

class TaskJournal {
 public:
  // Opens or creates the journal at path. Existing records are read and checked; a
  // torn or corrupt tail is cut off (dropped_records() says how many lines). Throws
  // InputError when the key differs or the file is not a journal.
  TaskJournal(const std::filesystem::path& path, const std::string& key);
  ~TaskJournal();
  TaskJournal(const TaskJournal&) = delete;
  TaskJournal& operator=(const TaskJournal&) = delete;

  // Records a finished task: written at once (it survives a crash of the process), and
  // fsync'ed at most once a second and by sync() (it survives a crash of the machine).
  // Not thread-safe: call from one thread. Throws InputError when the disk refuses the
  // write, leaving no partial line.
  void append(std::uint64_t task, const std::string& payload);
  void sync();

  const std::map<std::uint64_t, std::string>& records() const { return records_; }
  bool has(std::uint64_t task) const { return records_.count(task) != 0; }
  std::size_t dropped_records() const { return dropped_; }
  const std::filesystem::path& path() const { return path_; }

  // Reads the records of a journal without opening it for writing (merge). Checks the
  // key when `key` is not empty; returns the key read in `key_read`.
  static std::map<std::uint64_t, std::string> read(const std::filesystem::path& path,
                                                   std::string& key_read);

 private:
  std::filesystem::path path_;
  std::map<std::uint64_t, std::string> records_;
  std::size_t dropped_ = 0;
  int fd_ = -1;
  std::chrono::steady_clock::time_point last_sync_ = std::chrono::steady_clock::now();
};

// CRC-32 (zlib's) of text, as 8 lowercase hex digits.
std::string crc32_hex(const std::string& text);

}  // namespace village
