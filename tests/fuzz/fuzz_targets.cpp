#include "tests/fuzz/fuzz_targets.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "scenarios/calibration_targets.hpp"
#include "scenarios/scenario.hpp"
#include "sim/error.hpp"
#include "sim/import/import.hpp"

namespace village::fuzz {

namespace {

// The readers take a path: each input goes to a file of this process first.
const std::filesystem::path& write_input(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("village-fuzz-" + std::to_string(::getpid()));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

bool check(const ImportedNetwork& network) {
  if (network.labels.size() != network.layer.node_count()) __builtin_trap();
  return true;
}

}  // namespace

bool edge_list(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return false;
  EdgeListOptions options;
  options.delimiter = (data[0] & 1u) != 0 ? ',' : '\0';
  options.header = (data[0] & 2u) != 0;
  options.weighted = (data[0] & 4u) != 0;
  options.direction = (data[0] & 8u) != 0 ? Direction::directed : Direction::undirected;
  try {
    return check(read_edge_list(write_input(data + 1, size - 1), options));
  } catch (const InputError&) {
    return false;
  }
}

bool affiliation(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return false;
  AffiliationOptions options;
  options.delimiter = (data[0] & 1u) != 0 ? ',' : '\0';
  options.header = (data[0] & 2u) != 0;
  options.weight = (data[0] & 4u) != 0 ? ProjectionWeight::newman : ProjectionWeight::count;
  try {
    return check(read_affiliation_projection(write_input(data + 1, size - 1), options));
  } catch (const InputError&) {
    return false;
  }
}

bool graphml(const std::uint8_t* data, std::size_t size) {
  try {
    return check(read_graphml(write_input(data, size)));
  } catch (const InputError&) {
    return false;
  }
}

bool scenario(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path path =
      std::filesystem::path(VILLAGE_TEST_DATA) / "import" / "fuzz.toml";
  std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const toml::table root = parse_scenario_text(text, path.string());
    const Scenario loaded = scenario_from_table(root, path, std::move(text));
    // What a manifest holds must serialise, whatever bytes the file had.
    (void)loaded.to_json().dump();
    return true;
  } catch (const InputError&) {
    return false;
  }
}

bool calibration_targets(const std::uint8_t* data, std::size_t size) {
  try {
    const CalibrationTargets targets = read_calibration_targets(write_input(data, size).string());
    if (targets.targets.empty() || targets.parameters.empty()) __builtin_trap();
    for (const CalibrationTarget& t : targets.targets)
      if (!(t.sd > 0) || t.metric.empty()) __builtin_trap();
    return true;
  } catch (const InputError&) {
    return false;
  }
}

Target find_target(std::string_view name) {
  if (name == "edge_list") return edge_list;
  if (name == "affiliation") return affiliation;
  if (name == "graphml") return graphml;
  if (name == "scenario") return scenario;
  if (name == "calibration_targets") return calibration_targets;
  return nullptr;
}

}  // namespace village::fuzz
