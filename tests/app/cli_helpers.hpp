#pragma once
// Runs the built `village` binary (VILLAGE_BINARY) and captures its output.

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

extern char** environ;

namespace village_test {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Runs a shell command line (stdout captured, stderr to scratch/stderr.txt).
inline CommandResult run_command_line(const std::string& command_line,
                                      const std::filesystem::path& scratch) {
  const auto err_path = scratch / "stderr.txt";
  const std::string command = command_line + " 2>" + err_path.string();
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_path);
  return result;
}

inline CommandResult run_village(const std::string& arguments,
                                 const std::filesystem::path& scratch) {
  return run_command_line(std::string(VILLAGE_BINARY) + " " + arguments, scratch);
}

// Starts `village arguments` in the background (stdout and stderr to files).
inline pid_t spawn_village(const std::string& arguments, const std::filesystem::path& scratch) {
  const std::string command = std::string(VILLAGE_BINARY) + " " + arguments + " >" +
                              (scratch / "spawn_out.txt").string() + " 2>" +
                              (scratch / "spawn_err.txt").string();
  // exec replaces the shell, so the signal reaches village itself.
  const std::string exec_command = "exec " + command;
  const char* argv[] = {"/bin/sh", "-c", exec_command.c_str(), nullptr};
  pid_t pid = 0;
  if (::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
    return -1;
  return pid;
}

inline int wait_exit(pid_t pid, int& signal_number) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Whether a write left a temporary file (".name.tmp-pid") in `folder`.
inline bool has_temporary_files(const std::filesystem::path& folder) {
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().filename().string().find(".tmp") != std::string::npos) return true;
  }
  return false;
}

inline std::filesystem::path fresh_directory(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("village_test_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace village_test
