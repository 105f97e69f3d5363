// The distributed task farm over MPI: rank 0 hands out task ids and records results;
// every other rank runs the tasks it is sent. Rank 0 also runs tasks while the workers
// are busy, so with N ranks N processes compute.
#include <mpi.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <thread>

#include "sim/error.hpp"
#include "sim/sweep/task_farm.hpp"

namespace village {

namespace {

constexpr int kTagTask = 1;
constexpr int kTagResult = 2;
constexpr int kTagUserError = 3;
constexpr int kTagInternalError = 4;
constexpr int kTagStop = 5;
// Tasks a worker holds at once: one running, one waiting, so that it never waits for
// rank 0 while rank 0 runs a task of its own.
constexpr int kQueuedPerWorker = 2;

void worker_loop(const TaskWork& work) {
  // A result is sent without waiting for rank 0 to take it: a large result goes by
  // rendezvous, and rank 0 may be busy with a task of its own, so a blocking send would
  // idle this worker until then. The buffer lives until the next send completes.
  std::string in_flight;
  MPI_Request request = MPI_REQUEST_NULL;
  while (true) {
    std::uint64_t task = 0;
    MPI_Status status;
    MPI_Recv(&task, 1, MPI_UINT64_T, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
    if (status.MPI_TAG == kTagStop) break;
    std::string message(sizeof task, '\0');
    std::memcpy(message.data(), &task, sizeof task);
    int tag = kTagResult;
    try {
      message += work(task);
    } catch (const InputError& error) {
      message += error.format();
      tag = kTagUserError;
    } catch (const std::exception& error) {
      message += error.what();
      tag = kTagInternalError;
    }
    MPI_Wait(&request, MPI_STATUS_IGNORE);
    in_flight = std::move(message);
    MPI_Isend(in_flight.data(), static_cast<int>(in_flight.size()), MPI_CHAR, 0, tag,
              MPI_COMM_WORLD, &request);
  }
  MPI_Wait(&request, MPI_STATUS_IGNORE);
}

}  // namespace

namespace {
bool g_initialised = false;

// MPI starts only under a launcher: a plain `village` run stays a plain process (an MPI
// singleton start is slow and may fail in sandboxes).
bool started_by_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}
}  // namespace

void mpi_initialise(int& argc, char**& argv) {
  if (g_initialised || !started_by_launcher()) return;
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  g_initialised = true;
}

void mpi_finalise() {
  if (!g_initialised) return;
  int finalised = 0;
  MPI_Finalized(&finalised);
  if (finalised == 0) MPI_Finalize();
}

int mpi_rank() {
  if (!g_initialised) return 0;
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}

int mpi_size() {
  if (!g_initialised) return 1;
  int size = 1;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

std::string mpi_broadcast(std::string text) {
  if (mpi_size() == 1) return text;
  std::uint64_t bytes = text.size();
  MPI_Bcast(&bytes, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  text.resize(bytes);
  // MPI counts are ints: send in pieces of at most 1 GiB.
  constexpr std::uint64_t kPiece = std::uint64_t{1} << 30;
  for (std::uint64_t at = 0; at < bytes; at += kPiece)
    MPI_Bcast(text.data() + at, static_cast<int>(std::min(kPiece, bytes - at)), MPI_CHAR, 0,
              MPI_COMM_WORLD);
  return text;
}

TaskFarmReport run_distributed_task_farm(std::span<const std::uint64_t> tasks, int threads,
                                         const TaskWork& work, const TaskDone& done,
                                         const std::atomic<bool>& stop) {
  const int size = mpi_size();
  if (size == 1) return run_task_farm(tasks, threads, work, done, stop);
  if (mpi_rank() != 0) {
    worker_loop(work);
    return {};
  }
  TaskFarmReport report;
  std::size_t next = 0;
  std::size_t outstanding = 0;
  std::exception_ptr local_error;
  std::string remote_error;
  bool remote_user_error = false;
  const auto may_hand_out = [&] {
    return next < tasks.size() && !stop.load() && !local_error && remote_error.empty();
  };
  const auto hand_out = [&](int worker) {
    if (!may_hand_out()) return;
    MPI_Send(&tasks[next], 1, MPI_UINT64_T, worker, kTagTask, MPI_COMM_WORLD);
    ++next;
    ++outstanding;
  };
  for (int queued = 0; queued < kQueuedPerWorker; ++queued) {
    for (int worker = 1; worker < size; ++worker)
      hand_out(worker);
  }
  while (outstanding > 0 || may_hand_out()) {
    int arrived = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
    if (arrived != 0) {
      int bytes = 0;
      MPI_Get_count(&status, MPI_CHAR, &bytes);
      std::string message(static_cast<std::size_t>(bytes), '\0');
      MPI_Recv(message.data(), bytes, MPI_CHAR, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
               MPI_STATUS_IGNORE);
      --outstanding;
      std::uint64_t task = 0;
      std::memcpy(&task, message.data(), sizeof task);
      std::string body = message.substr(sizeof task);
      if (status.MPI_TAG == kTagResult) {
        if (!local_error && remote_error.empty()) {
          try {
            done(task, std::move(body));
            ++report.finished;
          } catch (...) {
            local_error = std::current_exception();
          }
        }
      } else if (remote_error.empty()) {
        remote_error = std::move(body);
        remote_user_error = status.MPI_TAG == kTagUserError;
      }
      hand_out(status.MPI_SOURCE);
      continue;
    }
    if (may_hand_out()) {
      const std::uint64_t task = tasks[next++];
      try {
        std::string result = work(task);
        done(task, std::move(result));
        ++report.finished;
      } catch (...) {
        local_error = std::current_exception();
      }
      continue;
    }
    // Only results are awaited: sleep briefly rather than spin on a core a worker needs.
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  for (int worker = 1; worker < size; ++worker) {
    std::uint64_t none = 0;
    MPI_Send(&none, 1, MPI_UINT64_T, worker, kTagStop, MPI_COMM_WORLD);
  }
  if (local_error) std::rethrow_exception(local_error);
  if (!remote_error.empty()) throw RemoteTaskError(remote_error, remote_user_error);
  return report;
}

}  // namespace village
