#pragma once
// Long work off the Python thread: the GIL is released while it runs, and Ctrl-C (or any
// Python signal handler that raises) stops it cleanly, then raises in Python.

#include <atomic>
#include <functional>

namespace village::python {

// Runs `work` on a worker thread while the calling thread, without the GIL, runs
// Python's signal handlers every 50 ms. When one raises (KeyboardInterrupt), `stop` is
// raised, the work is awaited, and the Python error is thrown; otherwise whatever `work`
// threw is rethrown. `work` must return soon after `stop` is raised.
void run_interruptible(const std::function<void()>& work, std::atomic<bool>& stop);

// For the CLI's commands (compare, sweep), which stop on app/interrupt.hpp's flag: their
// SIGINT and SIGTERM handlers are installed while `work` runs and Python's are put back
// as soon as the flag is raised (so that a second Ctrl-C cannot end the process) and
// when it returns. Throws KeyboardInterrupt when a signal stopped the command. Commands
// run one at a time: a second waits for the first.
void run_command_interruptible(const std::function<void()>& work);

}  // namespace village::python
