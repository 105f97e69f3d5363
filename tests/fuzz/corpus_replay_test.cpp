// Replays the committed fuzz corpus and every regression input through the fuzz targets'
// bodies: what a fuzzer once found stays fixed, in the default run and under sanitizers.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kFuzzDir = fs::path(VILLAGE_SOURCE_DIR) / "tests" / "fuzz";

std::vector<fs::path> inputs(const fs::path& folder) {
  std::vector<fs::path> files;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator(folder, ignored))
    if (entry.is_regular_file() && entry.path().filename() != "README.md")
      files.push_back(entry.path());
  return files;
}

std::vector<std::uint8_t> bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Replay {
  std::size_t accepted = 0;
  std::size_t refused = 0;
};

Replay replay(const std::string& target, const fs::path& folder) {
  const village::fuzz::Target run = village::fuzz::find_target(target);
  REQUIRE(run != nullptr);
  Replay result;
  for (const fs::path& file : inputs(folder)) {
    INFO(file.string());
    const std::vector<std::uint8_t> data = bytes_of(file);
    bool accepted = false;
    // Only InputError is a refusal; the targets let anything else escape.
    REQUIRE_NOTHROW(accepted = run(data.data(), data.size()));
    ++(accepted ? result.accepted : result.refused);
  }
  return result;
}

}  // namespace

TEST_CASE(
    "fuzz corpus: every seed input is read or refused with an InputError, and each "
    "target's seeds include inputs the reader accepts and inputs it refuses",
    "[fuzz]") {
  for (const std::string target :
       {"edge_list", "affiliation", "graphml", "scenario", "calibration_targets"}) {
    INFO(target);
    const Replay result = replay(target, kFuzzDir / "corpus" / target);
    CHECK(result.accepted >= 2);
    CHECK(result.refused >= 1);
  }
}

TEST_CASE("fuzz regressions: the inputs a fuzzer found are read or refused cleanly", "[fuzz]") {
  REQUIRE(fs::is_regular_file(kFuzzDir / "regressions" / "README.md"));
  for (const std::string target : {"edge_list", "affiliation", "graphml", "scenario"})
    replay(target, kFuzzDir / "regressions" / target);
}
