#pragma once
// Runs the built `village` binary (VILLAGE_BINARY) and captures its output.

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>

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

// A gzip file's content (a time series as --format csv.gz writes it); empty when missing.
inline std::string read_gzip_file(const std::filesystem::path& path) {
  gzFile file = ::gzopen(path.c_str(), "rb");
  if (file == nullptr) return {};
  std::string text;
  std::array<char, 65536> buffer{};
  int n = 0;
  while ((n = ::gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0)
    text.append(buffer.data(), static_cast<std::size_t>(n));
  ::gzclose(file);
  return text;
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

// Starts `village arguments` again and again, each time killing it with SIGKILL after a
// random share in [early, late) of `whole_ms` (an uninterrupted run's duration), until
// `finished` exists or `attempts` are used. Returns how many kills landed.
inline int kill_repeatedly(const std::string& arguments, const std::filesystem::path& scratch,
                           const std::filesystem::path& finished, double whole_ms,
                           std::uint32_t seed, double early, double late, int attempts) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> moment(early, late);
  int kills = 0;
  for (int attempt = 0; attempt < attempts && !std::filesystem::exists(finished); ++attempt) {
    const pid_t pid = spawn_village(arguments, scratch);
    if (pid <= 0) break;
    std::this_thread::sleep_for(
        std::chrono::microseconds(static_cast<long>(1000 * moment(random) * whole_ms)));
    ::kill(pid, SIGKILL);
    int signal_number = 0;
    wait_exit(pid, signal_number);
    kills += signal_number == SIGKILL;
  }
  return kills;
}

// `mpirun -np N` as CI can run it: OpenMPI refuses root without the first two variables
// (CI runs as root), and N ranks on 2 cores oversubscribe.
inline std::string mpirun(int ranks) {
  return "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader "
         "OMPI_MCA_plm=isolated OMPI_MCA_rmaps_base_oversubscribe=1 mpirun --oversubscribe -np " +
         std::to_string(ranks) + " ";
}

// Runs `village ARGUMENTS` under `mpirun -np RANKS`, its standard error to ERRORS; returns
// the exit code (-1 when it did not exit normally).
inline int run_village_under_mpirun(int ranks, const std::string& arguments,
                                    const std::filesystem::path& errors) {
  const std::string line =
      mpirun(ranks) + std::string(VILLAGE_BINARY) + " " + arguments + " 2>" + errors.string();
  const int status = std::system(line.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace village_test
