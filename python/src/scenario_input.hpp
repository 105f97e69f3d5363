#pragma once
// A scenario as Python gives it: a path, a TOML string or a dict, with overrides at the
// scenario's dotted keys ("model.transmissibility"), loaded and validated as the CLI
// loads a file, so that every message is the CLI's.

#include <pybind11/pybind11.h>

#include <filesystem>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace village::python {

namespace py = pybind11;

struct ScenarioSource {
  // The file, or the nominal path of a text or dict: `<folder>/<string>` or
  // `<folder>/<dict>`, whose folder resolves relative files.
  std::filesystem::path path;
  std::string text;  // as read (a dict: as written out in TOML)
  toml::table root;  // parsed, with the overrides applied
  std::vector<std::string> override_keys;

  // A file without overrides, which a command may read itself.
  bool file_as_is = false;
  // What a command that takes a text runs: `text`, or `root` written out when overridden.
  std::string command_text() const;
};

// kind: "path", "text" or "dict" (the Python package tells which). overrides: a list of
// (dotted key, value) pairs, values bool, int, float, str or lists of them. Throws
// InputError: a TOML syntax error at its line, an override that runs through a key that
// is not a table at "overrides".
ScenarioSource scenario_source(const std::string& kind, const py::object& scenario,
                               const std::string& relative_to, const py::list& overrides);

// The scenario validated as load_scenario validates a file; the file's values keep their
// lines. An error about an overridden value (which has no line) is located at "overrides".
Scenario load_source(const ScenarioSource& source);

// A dict as TOML text (what a dict scenario runs as).
std::string dict_to_toml(const py::dict& dict);

}  // namespace village::python
