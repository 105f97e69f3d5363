#pragma once
// A progress bar on stderr (done/total, rate, time left), redrawn as tasks finish; only
// when enabled (the caller passes whether stderr is a terminal).

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace village {

class Progress {
 public:
  // unit: what is counted ("runs", "tasks"). already_done: counted as done at start
  // (a resumed sweep) but not in the rate.
  Progress(std::size_t total, std::string unit, bool enabled, std::size_t already_done = 0);
  void done_one();

 private:
  std::size_t total_;
  std::string unit_;
  bool enabled_;
  std::size_t done_;
  std::size_t start_done_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

// "42s", "3m05s", "2h10m"; "?" when unknown.
std::string format_duration(double seconds);

}  // namespace village
