#include "scenarios/scenario_limits.hpp"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "sim/error.hpp"
#include "sim/import/line_reader.hpp"

namespace village {

void check_scenario_size(std::size_t bytes, std::string_view file) {
  if (bytes <= kMaxScenarioBytes) return;
  throw InputError({std::string(file)},
                   fmt::format("the scenario file is {:.1f} MiB; the limit is {} MiB",
                               static_cast<double>(bytes) / (1u << 20), kMaxScenarioBytes >> 20),
                   "a scenario describes a network in a few lines; name network files in "
                   "[network] path instead of pasting them in");
}

namespace {

class NestingScan {
 public:
  NestingScan(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  void run() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\n') {
        newline();
      } else if (c == '#') {
        while (at_ < text_.size() && text_[at_] != '\n')
          ++at_;
        continue;
      } else if (c == '"' || c == '\'') {
        skip_string(c);
        continue;
      } else if (in_key_) {
        key_character(c);
      } else {
        value_character(c);
      }
      ++at_;
    }
  }

 private:
  enum class Open { array, inline_table };

  void newline() {
    ++line_;
    line_start_ = at_ + 1;
    // A line break ends a key = value unless an array is still open.
    if (open_.empty()) {
      in_key_ = true;
      key_parts_ = 1;
      in_header_ = false;
      at_line_start_ = true;
    }
  }

  void key_character(char c) {
    if (c == ' ' || c == '\t' || c == '\r') return;
    if (open_.empty() && at_line_start_ && c == '[') {
      // A [table] or [[array]] header: its parts replace the previous header's.
      in_header_ = true;
      header_parts_ = 1;
      at_line_start_ = false;
      return;
    }
    at_line_start_ = false;
    if (c == '.') {
      if (in_header_)
        ++header_parts_;
      else
        ++key_parts_;
      check();
    } else if (c == ']' && in_header_) {
      in_header_ = false;
      key_parts_ = 0;
    } else if (c == '=') {
      in_key_ = false;
      check();
    } else if (c == '}' && !open_.empty()) {
      close();  // an empty inline table: {}
    }
  }

  void value_character(char c) {
    if (c == '[' || c == '{') {
      // The key that holds the array or table moves to the stack; inner keys count anew.
      open_.push_back({c == '[' ? Open::array : Open::inline_table, key_parts_});
      outer_parts_ += key_parts_;
      key_parts_ = 0;
      check();
      if (c == '{') {
        in_key_ = true;
        key_parts_ = 1;
      }
    } else if ((c == ']' || c == '}') && !open_.empty()) {
      close();
    } else if (c == ',' && !open_.empty() && open_.back().kind == Open::inline_table) {
      in_key_ = true;
      key_parts_ = 1;
    }
  }

  void close() {
    key_parts_ = open_.back().key_parts;
    outer_parts_ -= key_parts_;
    open_.pop_back();
    in_key_ = false;
  }

  // Strings (basic, literal, multi-line) may hold anything; only their line breaks count.
  void skip_string(char quote) {
    at_line_start_ = false;
    const bool multi_line = text_.substr(at_, 3) == std::string(3, quote);
    at_ += multi_line ? 3 : 1;
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\\' && quote == '"') {
        at_ += 2;
        continue;
      }
      if (c == '\n') {
        if (!multi_line) return;  // an unterminated string; the parser says so
        ++line_;
        line_start_ = at_ + 1;
      }
      if (c == quote && (!multi_line || text_.substr(at_, 3) == std::string(3, quote))) {
        at_ += multi_line ? 3 : 1;
        return;
      }
      ++at_;
    }
  }

  void check() const {
    const int depth = header_parts_ + outer_parts_ + key_parts_ + static_cast<int>(open_.size());
    if (depth <= kMaxScenarioNesting) return;
    const int column = column_width(text_.substr(line_start_, at_ - line_start_)) + 1;
    throw InputError({std::string(file_), line_, column},
                     fmt::format("the scenario nests {} levels deep here (tables, dotted keys, "
                                 "arrays and inline tables); the limit is {}",
                                 depth, kMaxScenarioNesting),
                     "scenarios nest four levels at most; is this the right file?");
  }

  std::string_view text_;
  std::string_view file_;
  std::size_t at_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  bool in_key_ = true;
  bool at_line_start_ = true;
  bool in_header_ = false;
  int header_parts_ = 0;
  int key_parts_ = 1;
  // The open arrays and inline tables, each with the key parts of what holds it.
  struct Frame {
    Open kind;
    int key_parts;
  };
  std::vector<Frame> open_;
  int outer_parts_ = 0;  // the sum of open_'s key_parts
};

}  // namespace

void check_scenario_nesting(std::string_view text, std::string_view file) {
  NestingScan(text, file).run();
}

}  // namespace village
