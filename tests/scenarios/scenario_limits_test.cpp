// The scan that refuses over-nested scenarios before the TOML parser recurses into them.

#include "scenarios/scenario_limits.hpp"

#include <catch2/catch.hpp>
#include <initializer_list>
#include <string>
#include <string_view>

#include "scenarios/scenario.hpp"

using village::check_scenario_nesting;
using village::InputError;

namespace {

// The column of the refusal, or 0 when the text passes.
int refused_at_column(const std::string& text) {
  try {
    check_scenario_nesting(text, "s.toml");
  } catch (const InputError& error) {
    return error.where().column;
  }
  return 0;
}

// The pieces joined (GCC 12 warns falsely on chains of "literal" + std::string).
std::string join(std::initializer_list<std::string_view> pieces) {
  std::string text;
  for (const std::string_view piece : pieces)
    text.append(piece);
  return text;
}

std::string dotted(int parts) {
  std::string key = "k";
  for (int i = 1; i < parts; ++i)
    key += ".k";
  return key;
}

}  // namespace

TEST_CASE("scenario nesting: 16 levels pass and 17 are refused, however they are made", "[unit]") {
  // Dotted keys: 16 parts pass, 17 fail.
  CHECK(refused_at_column(join({dotted(16), " = 1\n"})) == 0);
  CHECK(refused_at_column(join({dotted(17), " = 1\n"})) > 0);
  // Header parts add to the keys below them.
  CHECK(refused_at_column(join({"[", dotted(10), "]\n", dotted(6), " = 1\n"})) == 0);
  CHECK(refused_at_column(join({"[", dotted(10), "]\n", dotted(7), " = 1\n"})) > 0);
  // A later header replaces the earlier one.
  CHECK(refused_at_column(join({"[", dotted(10), "]\n[a]\n", dotted(15), " = 1\n"})) == 0);
  // Arrays and inline tables: the key, then one level per bracket (the 16th of x's
  // brackets is the 17th level, refused at its column).
  CHECK(refused_at_column(join({"x = ", std::string(15, '['), std::string(15, ']'), "\n"})) == 0);
  CHECK(refused_at_column(join({"x = ", std::string(16, '['), std::string(16, ']'), "\n"})) ==
        5 + 15);
  CHECK(refused_at_column("x = {a = {b = {c = 1}}}\n") == 0);
  // Keys inside inline tables count with the keys around them (and the table itself).
  CHECK(refused_at_column(join({"x = {", dotted(14), " = 1}\n"})) == 0);
  CHECK(refused_at_column(join({"x = {", dotted(15), " = 1}\n"})) > 0);
  // A multi-line array stays open across lines; its closing resets the depth.
  CHECK(refused_at_column(
            join({"x = [\n", std::string(14, '['), std::string(14, ']'), ",\n]\ny = 1\n"})) == 0);
}

TEST_CASE("scenario nesting: strings, comments and numbers do not count", "[unit]") {
  CHECK(refused_at_column(join({"x = \"", std::string(100, '['), dotted(40), "\"\n"})) == 0);
  CHECK(refused_at_column(join({"x = '", std::string(100, '{'), "'\n"})) == 0);
  CHECK(refused_at_column(join({"x = \"\"\"\n", std::string(100, '['), "\n\"\"\"\ny = 1\n"})) == 0);
  CHECK(refused_at_column(join({"x = '''\n", dotted(40), "\n'''\n"})) == 0);
  CHECK(refused_at_column(join({"# ", std::string(100, '['), dotted(40), "\nx = 1\n"})) == 0);
  CHECK(refused_at_column("x = \"a\\\"[[[[[[[[[[[[[[[[[[[[\"\n") == 0);
  std::string floats = "x = [";
  for (int i = 0; i < 40; ++i)
    floats.append(std::to_string(i)).append(".5, ");
  floats.append("1.25]\n");
  CHECK(refused_at_column(floats) == 0);
  // Unbalanced brackets are the parser's to report, not a crash of the scan.
  CHECK(refused_at_column("x = ]]]]}}}\n[[\n]\n") == 0);
}

TEST_CASE("scenario nesting: the refusal names the line and column", "[unit]") {
  try {
    check_scenario_nesting(join({"[run]\nsteps = 1\nx = ", std::string(20, '[')}), "s.toml");
    FAIL("not refused");
  } catch (const InputError& error) {
    CHECK(error.where().line == 3);
    // [run], x and 15 arrays: the 15th bracket, at column 5 + 14.
    CHECK(error.where().column == 5 + 14);
    CHECK(error.problem().find("17 levels deep") != std::string::npos);
  }
}

TEST_CASE("scenario size: the limit is checked on the text too", "[unit]") {
  CHECK_NOTHROW(village::check_scenario_size(village::kMaxScenarioBytes, "s.toml"));
  CHECK_THROWS_AS(village::check_scenario_size(village::kMaxScenarioBytes + 1, "s.toml"),
                  InputError);
  const std::string big(village::kMaxScenarioBytes + 1, '#');
  CHECK_THROWS_WITH(village::parse_scenario_text(big, "s.toml"),
                    Catch::Contains("the limit is 1 MiB"));
}
