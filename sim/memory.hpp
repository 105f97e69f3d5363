#pragma once
// How much memory this process may use, and the refusal when a job needs more. Sizes are
// estimated before anything is allocated, so an impossible job stops with one clear line
// instead of swapping the machine or meeting the kernel's OOM killer.

#include <string>

#include "sim/error.hpp"

namespace village {

// The smallest of: physical memory, the address-space and data limits (ulimit -v, -d)
// and the cgroup memory limit (containers, Slurm jobs), in bytes.
double available_memory_bytes();

// "12.3 GiB".
std::string format_bytes(double bytes);

// Throws InputError at `where` when `bytes` exceed 90% of available_memory_bytes();
// `what` says what needs them ("an edge list of 1.2e9 lines"), `hint` what to do.
void check_fits_in_memory(double bytes, const SourceLocation& where, const std::string& what,
                          const std::string& hint);

}  // namespace village
