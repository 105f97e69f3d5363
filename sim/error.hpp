#pragma once
// One error type for everything a user can get wrong: a bad scenario, an unreadable
// file, an impossible size. The CLI prints format() and exits with code 2.

#include <stdexcept>
#include <string>

namespace village {

struct SourceLocation {
  std::string file;  // empty: no file involved
  int line = 0;      // 1-based; 0: unknown
  int column = 0;    // 1-based; 0: unknown

  // "file:line:col", "file:line", "file" or "" depending on what is known.
  std::string to_string() const;
};

class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, std::string problem, std::string hint);

  const SourceLocation& where() const { return where_; }
  const std::string& problem() const { return problem_; }
  const std::string& hint() const { return hint_; }

  // The one line the CLI prints: "error: <where>: <what>; <hint>".
  std::string format() const;

 private:
  SourceLocation where_;
  std::string problem_;
  std::string hint_;
};

}  // namespace village
