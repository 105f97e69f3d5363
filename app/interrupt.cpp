#include "app/interrupt.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>

namespace village {

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};

extern "C" void on_signal(int signal) {
  if (g_stop.exchange(true)) {
    // The second signal: leave now. Records already written are whole or torn, and a
    // torn one is dropped when the sweep resumes.
    ::_exit(128 + signal);
  }
  g_signal.store(signal);
  static const char message[] =
      "\nvillage: stopping; what is complete is kept (signal again to stop at once)\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
}

}  // namespace

const std::atomic<bool>& install_interrupt_handlers() {
  static_assert(std::atomic<bool>::is_always_lock_free, "the handler needs a lock-free flag");
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  return g_stop;
}

int interrupt_signal() {
  return g_signal.load();
}

void clear_interrupt() {
  g_signal.store(0);
  g_stop.store(false);
}

int report_nothing_written(const std::string& done, const std::filesystem::path& out) {
  const int signal = interrupt_signal();
  fmt::print(stderr,
             "village: interrupted by {} after {}; nothing was written to {} (its files from "
             "earlier runs are unchanged)\n",
             signal == SIGTERM ? "SIGTERM" : "SIGINT", done, out.string());
  return kInterrupted;
}

}  // namespace village
