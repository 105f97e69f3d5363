#pragma once
// The commands behind `village ...`. The CLI (main.cpp) only parses arguments into
// these plain option structs and dispatches; each command returns the exit code.

#include <cstdint>
#include <optional>
#include <string>

namespace village {

struct RunOptions {
  std::string scenario;
  std::string out;  // empty: runs/<scenario name>
  std::optional<std::uint64_t> seed;
  std::optional<std::uint32_t> replicates;
  std::optional<int> threads;
  bool quiet = false;
};

int run_command(const RunOptions& options);
int validate_command(const std::string& scenario);
// Parameter tables of every model and generator, as Markdown (docs/ODD.md, reference).
int params_command(const std::string& only);

}  // namespace village
