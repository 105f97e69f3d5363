#include "analysis/report/html_escape.hpp"

namespace village {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at the start of `text` (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF); 0 when it is not one.
std::size_t utf8_sequence(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return length;
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = utf8_sequence(text);
    const char c = text.front();
    if (length == 0) {
      escaped += kReplacement;
      text.remove_prefix(1);
      continue;
    }
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        if (length == 1 && static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' &&
            c != '\r') {
          escaped += kReplacement;
        } else {
          escaped.append(text.substr(0, length));
        }
    }
    text.remove_prefix(length);
  }
  return escaped;
}

std::string shorten(std::string_view text, std::size_t max_characters) {
  std::size_t characters = 0;
  std::size_t at = 0;
  std::size_t cut = 0;  // where the text is cut to leave room for the ellipsis
  while (at < text.size()) {
    if (characters + 1 == max_characters) cut = at;
    if (++characters > max_characters) return std::string(text.substr(0, cut)) + "\u2026";
    const std::size_t length = utf8_sequence(text.substr(at));
    at += length == 0 ? 1 : length;
  }
  return std::string(text);
}

}  // namespace village
