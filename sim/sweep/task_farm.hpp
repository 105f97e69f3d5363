#pragma once
// Runs a list of independent tasks (a sweep's design point x replicate) over threads, or
// over MPI ranks, handing them out dynamically: whoever is free takes the next one.
// Each task's result is a pure function of its id, so the order in which tasks finish
// changes nothing but the order in which `done` sees them.

#include <atomic>
#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>

namespace village {

using TaskWork = std::function<std::string(std::uint64_t task)>;
// Called once per finished task, never concurrently (it may write the journal).
using TaskDone = std::function<void(std::uint64_t task, std::string result)>;

// A task that failed on another MPI rank: `what()` is the line to print (for a user
// error, InputError::format() as the rank wrote it).
class RemoteTaskError : public std::runtime_error {
 public:
  RemoteTaskError(const std::string& message, bool user_error)
      : std::runtime_error(message), user_error_(user_error) {}
  bool user_error() const { return user_error_; }

 private:
  bool user_error_;
};

struct TaskFarmReport {
  std::uint64_t finished = 0;  // tasks whose result reached `done`
};

// Threads: tasks are taken with a dynamic schedule. Once `stop` is raised no new task
// starts; those running finish and are delivered. An exception thrown by a task stops
// the farm the same way and is rethrown (the first one) after the running tasks end.
TaskFarmReport run_task_farm(std::span<const std::uint64_t> tasks, int threads,
                             const TaskWork& work, const TaskDone& done,
                             const std::atomic<bool>& stop);

// MPI (when built with VILLAGE_MPI and started under mpirun with more than one rank):
// rank 0 hands tasks out and calls `done`; it runs tasks itself while the workers are
// busy. Every worker keeps two tasks queued so it never waits for rank 0. On the
// workers `tasks` is ignored and the call returns when rank 0 ends the farm. Without
// MPI, or with one rank, this is run_task_farm.
TaskFarmReport run_distributed_task_farm(std::span<const std::uint64_t> tasks, int threads,
                                         const TaskWork& work, const TaskDone& done,
                                         const std::atomic<bool>& stop);

// MPI rank and size (0 and 1 without MPI). mpi_initialise() is called once at start.
void mpi_initialise(int& argc, char**& argv);
void mpi_finalise();
int mpi_rank();
int mpi_size();
// Rank 0's `text` on every rank (every rank must call it; the others' `text` is ignored):
// the way a computation that every rank repeats, such as the generations of a
// calibration, shares what rank 0 gathered. Without MPI, or with one rank, `text`.
std::string mpi_broadcast(std::string text);

}  // namespace village
