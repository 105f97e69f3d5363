#pragma once
// SIGINT and SIGTERM during long commands: the first asks the command to stop handing
// out work (it finishes what runs, keeps what is recorded, and exits with
// kInterrupted); a second one ends the process at once.

#include <atomic>
#include <filesystem>
#include <string>

namespace village {

// The exit code of a command stopped by a signal (a resumable sweep says so).
inline constexpr int kInterrupted = 3;

// Installs the handlers (idempotent) and returns the flag they raise.
const std::atomic<bool>& install_interrupt_handlers();

// Which signal raised the flag (0: none).
int interrupt_signal();

// Lowers the flag, so that a process that goes on after a stopped command (the Python
// module) can run the next one.
void clear_interrupt();

// For a command that writes its outputs only when complete: says on stderr that the
// signal stopped it after `done`, that nothing was written to `out` and that the files
// there from earlier runs are unchanged; returns kInterrupted.
int report_nothing_written(const std::string& done, const std::filesystem::path& out);

}  // namespace village
