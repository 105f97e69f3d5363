#include "sim/error.hpp"

#include <fmt/format.h>

#include <utility>

namespace village {

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

namespace {
std::string compose(const SourceLocation& where, const std::string& problem,
                    const std::string& hint) {
  std::string text = "error: ";
  const std::string location = where.to_string();
  if (!location.empty()) text += location + ": ";
  text += problem;
  if (!hint.empty()) text += "; " + hint;
  return text;
}
}  // namespace

InputError::InputError(SourceLocation where, std::string problem, std::string hint)
    : std::runtime_error(compose(where, problem, hint)),
      where_(std::move(where)),
      problem_(std::move(problem)),
      hint_(std::move(hint)) {}

std::string InputError::format() const {
  return what();
}

}  // namespace village
