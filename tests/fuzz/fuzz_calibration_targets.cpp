// libFuzzer entry point for the calibration targets target (see fuzz_targets.hpp).

#include "tests/fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  village::fuzz::calibration_targets(data, size);
  return 0;
}
