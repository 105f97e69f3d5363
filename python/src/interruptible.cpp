#include "interruptible.hpp"

#include <pybind11/pybind11.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

#include "app/interrupt.hpp"

namespace village::python {

namespace py = pybind11;

namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(50);

// Runs `work` on a thread; `poll` runs with the GIL held every kPollInterval until the
// work has finished. Rethrows what `work` threw.
void run_on_worker(const std::function<void()>& work, const std::function<void()>& poll) {
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  std::exception_ptr failure;
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      try {
        work();
      } catch (...) {
        failure = std::current_exception();
      }
      const std::lock_guard<std::mutex> lock(mutex);
      done = true;
      finished.notify_one();
    });
    std::unique_lock<std::mutex> lock(mutex);
    while (!finished.wait_for(lock, kPollInterval, [&] { return done; })) {
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        poll();
      }
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace

void run_interruptible(const std::function<void()>& work, std::atomic<bool>& stop) {
  std::optional<py::error_already_set> raised;
  run_on_worker(work, [&] {
    if (raised || PyErr_CheckSignals() == 0) return;
    raised.emplace();  // fetches (and clears) the Python error
    stop.store(true);
  });
  if (raised) throw std::move(*raised);
}

void run_command_interruptible(const std::function<void()>& work) {
  // The flag and the handlers are the process's: one command at a time (waited for
  // without the GIL, so that the running one can finish).
  static std::mutex one_command;
  std::unique_lock<std::mutex> turn(one_command, std::defer_lock);
  {
    py::gil_scoped_release release;
    turn.lock();
  }
  struct sigaction python_int {};
  struct sigaction python_term {};
  ::sigaction(SIGINT, nullptr, &python_int);
  ::sigaction(SIGTERM, nullptr, &python_term);
  const auto restore = [&] {
    ::sigaction(SIGINT, &python_int, nullptr);
    ::sigaction(SIGTERM, &python_term, nullptr);
  };
  clear_interrupt();
  const std::atomic<bool>& stop = install_interrupt_handlers();
  bool stopped = false;
  std::optional<py::error_already_set> raised;
  try {
    run_on_worker(work, [&] {
      if (stopped) return;
      // Python's other handlers (SIGALRM, ...) still run; one that raises stops the
      // command through its own handler.
      if (PyErr_CheckSignals() != 0) {
        raised.emplace();
        if (!stop.load()) ::raise(SIGINT);
      }
      if (stop.load()) {
        stopped = true;
        restore();
      }
    });
  } catch (...) {
    restore();
    clear_interrupt();
    throw;
  }
  stopped = stopped || stop.load();
  restore();
  clear_interrupt();
  if (raised) throw std::move(*raised);
  if (stopped) {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    throw py::error_already_set();
  }
}

}  // namespace village::python
