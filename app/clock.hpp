#pragma once
// Wall-clock helpers shared by the commands that write a manifest.

#include <chrono>
#include <string>

namespace village {

// "2026-11-22T18:30:00Z".
std::string iso_time(std::chrono::system_clock::time_point when);

// This machine's host name, or "unknown".
std::string host_name();

}  // namespace village
