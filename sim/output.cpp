#include "sim/output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "sim/csv.hpp"
#include "sim/error.hpp"

namespace village {

namespace {
// `code` is the errno of the failed call.
[[noreturn]] void fail(const std::filesystem::path& path, int code) {
  const bool no_space = code == ENOSPC || code == EFBIG || code == EDQUOT;
  throw InputError({path.string()}, fmt::format("cannot write output ({})", std::strerror(code)),
                   no_space ? "free disk space (or raise the file size limit) and run again; "
                              "files written there before are unchanged"
                            : "check that the output directory exists and is writable");
}
}  // namespace

namespace {
// Writes content to a temporary file beside path, flushed to disk; returns its name.
std::filesystem::path write_temporary(const std::filesystem::path& path,
                                      const std::string& content) {
  const std::filesystem::path temporary =
      path.parent_path() / fmt::format(".{}.tmp-{}", path.filename().string(), ::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, errno);
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int code = errno;
      ::close(fd);
      ::unlink(temporary.c_str());
      fail(path, code);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int code = errno;
    ::unlink(temporary.c_str());
    fail(path, code);
  }
  return temporary;
}
}  // namespace

void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
  std::vector<std::filesystem::path> temporaries;
  try {
    for (const auto& [path, content] : files)
      temporaries.push_back(write_temporary(path, content));
  } catch (...) {
    for (const auto& temporary : temporaries)
      ::unlink(temporary.c_str());
    throw;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (::rename(temporaries[i].c_str(), files[i].first.c_str()) != 0) {
      const int code = errno;
      for (std::size_t j = i; j < files.size(); ++j)
        ::unlink(temporaries[j].c_str());
      fail(files[i].first, code);
    }
  }
}

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  write_files_atomically({{path, content}});
}

std::size_t remove_stale_temporaries(const std::filesystem::path& folder,
                                     const std::vector<std::string>& names) {
  std::size_t removed = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string file = entry.path().filename().string();
    for (const std::string& name : names) {
      const std::string prefix = "." + name + ".tmp-";
      if (file.rfind(prefix, 0) != 0) continue;
      const std::string pid_text = file.substr(prefix.size());
      if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos)
        continue;
      const auto pid = static_cast<pid_t>(std::stol(pid_text));
      // Another process still writing it keeps its file.
      if (pid != ::getpid() && (::kill(pid, 0) == 0 || errno == EPERM)) continue;
      std::error_code ignored;
      removed += std::filesystem::remove(entry.path(), ignored) ? 1 : 0;
    }
  }
  return removed;
}

std::string format_value(double value) {
  return fmt::format("{}", value);
}

void append_metric_group(fmt::memory_buffer& out, const MetricRow& row) {
  append_csv_field(out, row.metric);
  out.push_back(',');
  append_csv_field(out, row.group);
  out.push_back(',');
}

std::string timeseries_csv(const std::vector<RunRecord>& runs, const SeriesFilter& record) {
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "run,step,metric,group,value\n");
  for (const RunRecord& run : runs) {
    for (const MetricRow& row : run.rows) {
      if (!record.keeps(row.metric, row.group)) continue;
      fmt::format_to(std::back_inserter(out), "{},{},", run.run, row.step);
      append_metric_group(out, row);
      append_stored_value(out, row.value);
      out.push_back('\n');
    }
  }
  return fmt::to_string(out);
}

std::string summary_csv(const std::vector<RunRecord>& runs) {
  fmt::memory_buffer out;
  fmt::format_to(std::back_inserter(out), "run,metric,group,value\n");
  for (const RunRecord& run : runs) {
    if (run.rows.empty()) continue;
    const std::uint32_t last = run.rows.back().step;
    for (const MetricRow& row : run.rows) {
      if (row.step != last) continue;
      fmt::format_to(std::back_inserter(out), "{},", run.run);
      append_metric_group(out, row);
      append_stored_value(out, row.value);
      out.push_back('\n');
    }
  }
  return fmt::to_string(out);
}

}  // namespace village
