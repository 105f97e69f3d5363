#include "app/progress.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdio>

namespace village {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto s = static_cast<long>(std::lround(seconds));
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

Progress::Progress(std::size_t total, std::string unit, bool enabled, std::size_t already_done)
    : total_(total),
      unit_(std::move(unit)),
      enabled_(enabled),
      done_(already_done),
      start_done_(already_done),
      start_(std::chrono::steady_clock::now()) {}

void Progress::done_one() {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done_ - start_done_) / elapsed : 0;
  const double left = rate > 0 ? static_cast<double>(total_ - done_) / rate : 0;
  const std::size_t width = 30;
  const std::size_t filled = total_ == 0 ? width : width * done_ / total_;
  fmt::print(stderr, "\r[{}{}] {}/{} {}, {:.2f} {}/s, {} left   ", std::string(filled, '#'),
             std::string(width - filled, '.'), done_, total_, unit_, rate, unit_,
             format_duration(left));
  if (done_ == total_) fmt::print(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace village
