#pragma once
// JSON text for output files. Names reach manifests from scenario and network files,
// which may hold bytes that are not UTF-8: those become U+FFFD instead of an exception
// after a long run.

#include <nlohmann/json.hpp>
#include <string>

namespace village {

template <typename Json>
std::string json_text(const Json& json, int indent = 2) {
  return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace village
