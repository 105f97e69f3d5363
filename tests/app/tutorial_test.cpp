// Runs every command of docs/tutorial.md, so the tutorial cannot rot. In each ```console
// block a line "$ COMMAND" is a command and the lines after it are what it prints. The
// test runs each command (build/village replaced by the built binary) in a scratch
// folder that links the repository's scenarios/ and docs/, and checks its exit code
// (2 when the tutorial shows an "error:", else 0) and that every printed line shown
// without digits (digits vary with versions and machines) appears in its output.

#include <catch2/catch.hpp>
#include <sstream>

#include "app/cli_helpers.hpp"

namespace fs = std::filesystem;

namespace {

struct TutorialStep {
  std::string command;
  std::vector<std::string> shown;
  int line = 0;
};

std::vector<TutorialStep> tutorial_steps(const std::string& text) {
  std::vector<TutorialStep> steps;
  std::istringstream lines(text);
  std::string line;
  bool in_console = false;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.rfind("```", 0) == 0) {
      in_console = !in_console && line == "```console";
      continue;
    }
    if (!in_console) continue;
    if (line.rfind("$ ", 0) == 0) {
      steps.push_back({line.substr(2), {}, number});
    } else if (!steps.empty()) {
      steps.back().shown.push_back(line);
    }
  }
  return steps;
}

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

TEST_CASE("every command in docs/tutorial.md runs as shown", "[unit]") {
  const fs::path source = VILLAGE_SOURCE_DIR;
  const std::string tutorial = village_test::read_file(source / "docs" / "tutorial.md");
  REQUIRE_FALSE(tutorial.empty());
  const auto steps = tutorial_steps(tutorial);
  REQUIRE(steps.size() >= 5);
  const fs::path dir = village_test::fresh_directory("tutorial");
  fs::create_directory_symlink(source / "scenarios", dir / "scenarios");
  fs::create_directory_symlink(source / "docs", dir / "docs");
  for (const TutorialStep& step : steps) {
    std::string command = step.command;
    for (const std::string prefix : {"build/village ", "village "}) {
      if (command.rfind(prefix, 0) == 0) {
        command = std::string(VILLAGE_BINARY) + " " + command.substr(prefix.size());
        break;
      }
    }
    INFO("docs/tutorial.md:" << step.line << ": " << step.command);
    const std::string full = "cd " + dir.string() + " && " + command + " 2>&1";
    std::string output;
    FILE* pipe = ::popen(full.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
      output.append(buffer, n);
    const int status = ::pclose(pipe);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    INFO(output);
    const bool error_shown =
        !step.shown.empty() && trim(step.shown.front()).rfind("error:", 0) == 0;
    CHECK(code == (error_shown ? 2 : 0));
    for (const std::string& shown : step.shown) {
      const std::string text = trim(shown);
      if (text.empty() || text == "..." || text.find_first_of("0123456789") != std::string::npos)
        continue;
      CHECK_THAT(output, Catch::Contains(text));
    }
  }
}
