#include "sim/sweep/task_farm.hpp"

#include <omp.h>

#include <exception>
#include <mutex>

namespace village {

TaskFarmReport run_task_farm(std::span<const std::uint64_t> tasks, int threads,
                             const TaskWork& work, const TaskDone& done,
                             const std::atomic<bool>& stop) {
  TaskFarmReport report;
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex mutex;
  const auto count = static_cast<std::int64_t>(tasks.size());
  // Errors are caught inside the loop and rethrown after it: an exception must not leave
  // an OpenMP region.
#pragma omp parallel for schedule(dynamic, 1) \
    num_threads(threads > 0 ? threads : omp_get_max_threads())
  for (std::int64_t k = 0; k < count; ++k) {
    if (stop.load() || failed.load()) continue;
    const std::uint64_t task = tasks[static_cast<std::size_t>(k)];
    try {
      std::string result = work(task);
      std::lock_guard<std::mutex> lock(mutex);
      if (!failed.load()) {
        done(task, std::move(result));
        ++report.finished;
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!failed.exchange(true)) first_error = std::current_exception();
    }
  }
  if (first_error) std::rethrow_exception(first_error);
  return report;
}

}  // namespace village
