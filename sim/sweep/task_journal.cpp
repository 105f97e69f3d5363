#include "sim/sweep/task_journal.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sim/error.hpp"

namespace village {

namespace {

constexpr const char* kMagic = "village-sweep-journal 1 ";

struct Parsed {
  std::string key;
  std::map<std::uint64_t, std::string> records;
  std::size_t valid_bytes = 0;  // length of the prefix made of whole, valid lines
  std::size_t dropped = 0;      // lines after it
  bool is_journal = false;
};

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A record line without its newline: "<task> <crc> <payload>".
bool parse_record(std::string_view line, std::uint64_t& task, std::string& payload) {
  const auto space = line.find(' ');
  if (space == std::string_view::npos || line.size() < space + 10 || line[space + 9] != ' ')
    return false;
  const auto [end, error] = std::from_chars(line.data(), line.data() + space, task);
  if (error != std::errc() || end != line.data() + space) return false;
  const std::string_view crc = line.substr(space + 1, 8);
  std::string body(line.substr(0, space));
  body += ' ';
  body += line.substr(space + 10);
  if (crc32_hex(body) != crc) return false;
  payload = std::string(line.substr(space + 10));
  return true;
}

Parsed parse(const std::string& text) {
  Parsed parsed;
  const auto first_end = text.find('\n');
  const std::string_view magic(kMagic);
  if (first_end == std::string::npos || text.compare(0, magic.size(), magic) != 0) return parsed;
  parsed.is_journal = true;
  parsed.key = text.substr(magic.size(), first_end - magic.size());
  std::size_t at = first_end + 1;
  parsed.valid_bytes = at;
  while (at < text.size()) {
    const auto end = text.find('\n', at);
    std::uint64_t task = 0;
    std::string payload;
    // A line without its newline was torn by a crash, as is a line that fails its check.
    if (end == std::string::npos ||
        !parse_record(std::string_view(text).substr(at, end - at), task, payload))
      break;
    parsed.records.emplace(task, std::move(payload));
    at = end + 1;
    parsed.valid_bytes = at;
  }
  for (std::size_t i = parsed.valid_bytes; i < text.size(); ++i)
    parsed.dropped += text[i] == '\n';
  if (parsed.valid_bytes < text.size() && text.back() != '\n') ++parsed.dropped;
  return parsed;
}

[[noreturn]] void fail_io(const std::filesystem::path& path, const char* what) {
  const int code = errno;
  throw InputError(
      {path.string()}, fmt::format("cannot {} the sweep journal: {}", what, std::strerror(code)),
      code == ENOSPC || code == EFBIG ? "free disk space and run the same command again to resume"
                                      : "check that the output folder is writable");
}

void write_all(int fd, const std::string& text, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_io(path, "write");
    }
    done += static_cast<std::size_t>(n);
  }
}

// One sweep at a time writes a journal: a second one (a requeued Slurm job while the
// first still runs) is refused instead of interleaving records.
constexpr const char* kLocked = "another village sweep is writing this folder";
constexpr const char* kLockedHint =
    "wait for it to finish, or stop it; then run the command again to resume";

}  // namespace

std::string crc32_hex(const std::string& text) {
  const uLong crc =
      ::crc32(0L, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size()));
  return fmt::format("{:08x}", static_cast<std::uint32_t>(crc));
}

TaskJournal::TaskJournal(const std::filesystem::path& path, const std::string& key) : path_(path) {
  const bool exists = std::filesystem::exists(path);
  if (exists) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail_io(path, "open");
    // Read under the lock, so that the records are those no other sweep is appending to.
    const auto refuse = [&](const char* problem, const char* hint) {
      ::close(fd_);
      fd_ = -1;
      throw InputError({path.string()}, problem, hint);
    };
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) refuse(kLocked, kLockedHint);
    Parsed parsed = parse(read_all(path));
    if (!parsed.is_journal) {
      refuse("the file is not a sweep journal", "choose another --out folder, or remove the file");
    }
    if (parsed.key != key) {
      refuse("this folder holds a sweep of another scenario, design or options",
             "run the same command as before to resume, or choose another --out");
    }
    records_ = std::move(parsed.records);
    dropped_ = parsed.dropped;
    // Cut off a torn tail so that new records follow a whole line.
    if (::ftruncate(fd_, static_cast<off_t>(parsed.valid_bytes)) != 0) fail_io(path, "repair");
    if (::lseek(fd_, 0, SEEK_END) < 0) fail_io(path, "open");
  } else {
    // The header goes to a temporary file renamed into place, so a journal is never
    // seen without its key.
    const auto temporary = std::filesystem::path(path.string() + ".tmp");
    fd_ = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) fail_io(path, "create");
    write_all(fd_, std::string(kMagic) + key + "\n", path);
    if (::fsync(fd_) != 0) fail_io(path, "write");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0)
      throw InputError({path.string()}, kLocked, kLockedHint);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) fail_io(path, "create");
  }
}

TaskJournal::~TaskJournal() {
  if (fd_ < 0) return;
  ::fsync(fd_);
  ::close(fd_);
}

void TaskJournal::sync() {
  if (::fsync(fd_) != 0) fail_io(path_, "write");
  last_sync_ = std::chrono::steady_clock::now();
}

void TaskJournal::append(std::uint64_t task, const std::string& payload) {
  const std::string body = fmt::format("{} {}", task, payload);
  const std::string line = fmt::format("{} {} {}\n", task, crc32_hex(body), payload);
  const off_t before = ::lseek(fd_, 0, SEEK_END);
  try {
    write_all(fd_, line, path_);
    // Once written, a record survives the process (kill -9 included); fsync makes it
    // survive the machine. It runs at most once a second, so that sweeps of short tasks
    // do not wait on the disk: a power cut loses at most the last second's tasks.
    const auto now = std::chrono::steady_clock::now();
    if (now - last_sync_ >= std::chrono::seconds(1)) {
      if (::fsync(fd_) != 0) fail_io(path_, "write");
      last_sync_ = now;
    }
  } catch (...) {
    // Leave no partial line behind (a full disk may accept half a record).
    if (before >= 0 && ::ftruncate(fd_, before) == 0) ::lseek(fd_, before, SEEK_SET);
    throw;
  }
  records_.emplace(task, payload);
}

std::map<std::uint64_t, std::string> TaskJournal::read(const std::filesystem::path& path,
                                                       std::string& key_read) {
  if (!std::filesystem::exists(path)) {
    throw InputError({path.string()}, "no sweep journal here",
                     "name folders that a village sweep wrote");
  }
  Parsed parsed = parse(read_all(path));
  if (!parsed.is_journal) {
    throw InputError({path.string()}, "the file is not a sweep journal",
                     "name folders that a village sweep wrote");
  }
  key_read = parsed.key;
  return std::move(parsed.records);
}

}  // namespace village
