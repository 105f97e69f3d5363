#pragma once
// A report page rendered by Debian's headless Chromium: its DOM after layout and a
// screenshot, so that tests can check that a page renders, not only that it parses.

#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "app/cli_helpers.hpp"

namespace village_test {

// Distinct byte values in a PNG's decompressed image data: a single-colour image has a
// handful, a rendered page hundreds.
inline std::size_t png_distinct_bytes(const std::string& png) {
  std::string idat;
  std::size_t at = 8;
  while (at + 8 <= png.size()) {
    const auto byte = [&](std::size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(png[i]));
    };
    const std::uint32_t length =
        byte(at) << 24 | byte(at + 1) << 16 | byte(at + 2) << 8 | byte(at + 3);
    const std::string type = png.substr(at + 4, 4);
    if (type == "IDAT") idat += png.substr(at + 8, length);
    at += 12 + length;
  }
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return 0;
  stream.next_in = reinterpret_cast<Bytef*>(idat.data());
  stream.avail_in = static_cast<uInt>(idat.size());
  std::vector<unsigned char> buffer(1 << 16);
  std::set<unsigned char> seen;
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = buffer.data();
    stream.avail_out = static_cast<uInt>(buffer.size());
    status = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = buffer.size() - stream.avail_out;
    seen.insert(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(produced));
    if (produced == 0 && status == Z_OK) break;
  }
  inflateEnd(&stream);
  return seen.size();
}

inline std::string find_chromium() {
  for (const char* path : {"/usr/bin/chromium", "/usr/bin/chromium-browser"})
    if (std::filesystem::exists(path)) return path;
  return "";
}

struct RenderedPage {
  bool ok = false;
  std::string dom;
  std::size_t svgs = 0;  // <svg elements in the DOM
  std::string png;       // the screenshot's bytes
};

inline RenderedPage render_in_chromium(const std::string& chromium,
                                       const std::filesystem::path& html,
                                       const std::filesystem::path& scratch) {
  const std::filesystem::path profile = scratch / "profile";
  std::filesystem::create_directories(profile);
  const std::string flags =
      " --headless --no-sandbox --disable-gpu --disable-background-networking "
      "--disable-component-update --disable-sync --no-first-run --user-data-dir=" +
      profile.string() + " ";
  const std::string page = "file://" + std::filesystem::absolute(html).string();
  const std::string log = (scratch / "chromium.log").string();
  RenderedPage rendered;
  const std::string dom_command = chromium + flags + "--dump-dom " + page + " >" +
                                  (scratch / "dom.html").string() + " 2>" + log;
  if (std::system(dom_command.c_str()) != 0) return rendered;
  rendered.dom = read_file(scratch / "dom.html");
  for (std::size_t at = rendered.dom.find("<svg"); at != std::string::npos;
       at = rendered.dom.find("<svg", at + 1))
    ++rendered.svgs;
  const std::filesystem::path png = scratch / "report.png";
  const std::string shot_command = chromium + flags +
                                   "--window-size=1000,1400 --screenshot=" + png.string() + " " +
                                   page + " >>" + log + " 2>&1";
  if (std::system(shot_command.c_str()) != 0) return rendered;
  rendered.png = read_file(png);
  rendered.ok = rendered.png.size() > 8;
  return rendered;
}

}  // namespace village_test
