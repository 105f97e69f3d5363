#include "sim/csv.hpp"

namespace village {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void append_csv_field(fmt::memory_buffer& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(text);
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (position_ >= text_.size()) return false;
  std::string field;
  bool quoted = false;
  while (position_ < text_.size()) {
    const char c = text_[position_++];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (position_ < text_.size() && text_[position_] == '"') {
        field += '"';
        ++position_;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      break;
    } else if (c != '\r' || position_ >= text_.size() || text_[position_] != '\n') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return true;
}

}  // namespace village
