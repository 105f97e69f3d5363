#include "sim/memory.hpp"

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

namespace village {

namespace {

// A cgroup limit file holds a byte count or "max" (v2), or a huge number when unset (v1).
double cgroup_limit(const char* path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") return 0.0;
  try {
    return std::stod(text);
  } catch (...) {
    return 0.0;
  }
}

}  // namespace

double available_memory_bytes() {
  double available = static_cast<double>(::sysconf(_SC_PHYS_PAGES)) *
                     static_cast<double>(::sysconf(_SC_PAGE_SIZE));
  const auto lower_to = [&](double limit) {
    if (limit > 0.0) available = std::min(available, limit);
  };
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    rlimit limit{};
    if (::getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
      lower_to(static_cast<double>(limit.rlim_cur));
  }
  lower_to(cgroup_limit("/sys/fs/cgroup/memory.max"));
  lower_to(cgroup_limit("/sys/fs/cgroup/memory/memory.limit_in_bytes"));
  return available;
}

std::string format_bytes(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int unit = 0;
  while (bytes >= 1024.0 && unit < 6) {
    bytes /= 1024.0;
    ++unit;
  }
  return fmt::format("{:.1f} {}", bytes, units[unit]);
}

void check_fits_in_memory(double bytes, const SourceLocation& where, const std::string& what,
                          const std::string& hint) {
  const double available = available_memory_bytes();
  if (bytes <= 0.9 * available) return;
  throw InputError(where,
                   fmt::format("{} needs about {}; this process may use {}", what,
                               format_bytes(bytes), format_bytes(available)),
                   hint);
}

}  // namespace village
