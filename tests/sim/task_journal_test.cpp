// The sweep journal: records survive reopening, a torn or corrupt tail is cut off, a
// journal of another sweep is refused.

#include "sim/sweep/task_journal.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/error.hpp"

using namespace village;
namespace fs = std::filesystem;

namespace {

fs::path fresh(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("village_journal_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir / "tasks.journal";
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

TEST_CASE("journal records survive reopening; another key is refused", "[unit][sweep]") {
  const fs::path path = fresh("reopen");
  {
    TaskJournal journal(path, "key-1");
    journal.append(3, R"({"final":[]})");
    journal.append(0, "zero");
    journal.sync();
  }
  TaskJournal reopened(path, "key-1");
  REQUIRE(reopened.records().size() == 2);
  CHECK(reopened.records().at(3) == R"({"final":[]})");
  CHECK(reopened.has(0));
  CHECK_FALSE(reopened.has(1));
  CHECK(reopened.dropped_records() == 0);
  CHECK_THROWS_AS(TaskJournal(path, "key-2"), InputError);
  std::string key;
  CHECK(TaskJournal::read(path, key).size() == 2);
  CHECK(key == "key-1");
}

TEST_CASE("a torn last line and a corrupt record are cut off", "[unit][sweep]") {
  const fs::path path = fresh("torn");
  {
    TaskJournal journal(path, "k");
    for (std::uint64_t t = 0; t < 5; ++t)
      journal.append(t, "payload " + std::to_string(t));
  }
  std::string text = slurp(path);
  text.resize(text.size() - 3);  // tear the last record
  std::ofstream(path, std::ios::binary) << text;
  {
    TaskJournal journal(path, "k");
    CHECK(journal.records().size() == 4);
    CHECK(journal.dropped_records() == 1);
    journal.append(4, "payload 4");  // follows a whole line
  }
  // Flip one byte inside record 2: it and everything after it are dropped.
  text = slurp(path);
  const auto third = text.find("\n2 ");
  text[third + 14] ^= 1;
  std::ofstream(path, std::ios::binary) << text;
  TaskJournal journal(path, "k");
  CHECK(journal.records().size() == 2);
  CHECK(journal.dropped_records() == 3);
  CHECK(crc32_hex("") == "00000000");
  CHECK(crc32_hex("123456789") == "cbf43926");  // the CRC-32 check value
}

TEST_CASE("a file that is not a journal is refused", "[unit][sweep]") {
  const fs::path path = fresh("foreign");
  std::ofstream(path) << "point,value\n";
  CHECK_THROWS_AS(TaskJournal(path, "k"), InputError);
}

TEST_CASE("a second writer of the same journal is refused", "[unit][sweep]") {
  const fs::path path = fresh("locked");
  TaskJournal first(path, "k");
  CHECK_THROWS_AS(TaskJournal(path, "k"), InputError);
}
