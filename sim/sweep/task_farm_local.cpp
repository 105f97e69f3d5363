// The distributed task farm without MPI: one process, its threads.

#include "sim/sweep/task_farm.hpp"

namespace village {

TaskFarmReport run_distributed_task_farm(std::span<const std::uint64_t> tasks, int threads,
                                         const TaskWork& work, const TaskDone& done,
                                         const std::atomic<bool>& stop) {
  return run_task_farm(tasks, threads, work, done, stop);
}

void mpi_initialise(int&, char**&) {}
void mpi_finalise() {}
int mpi_rank() {
  return 0;
}
int mpi_size() {
  return 1;
}
std::string mpi_broadcast(std::string text) {
  return text;
}

}  // namespace village
