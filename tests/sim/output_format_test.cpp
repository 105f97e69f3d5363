// The stored precision, gzip's determinism, --record's patterns and SQLite tables.
#include "sim/output_format.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <random>
#include <vector>

#include "sim/error.hpp"
#include "sim/parallel.hpp"
#include "sim/sqlite_tables.hpp"

namespace fs = std::filesystem;

namespace {
std::string gunzip(const std::string& compressed) {
  z_stream stream{};
  REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);
  std::string out;
  char chunk[4096];
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk);
    stream.avail_out = sizeof(chunk);
    status = inflate(&stream, Z_NO_FLUSH);
    REQUIRE((status == Z_OK || status == Z_STREAM_END));
    out.append(chunk, sizeof(chunk) - stream.avail_out);
  }
  REQUIRE(stream.avail_in == 0);  // one member: nothing after its trailer
  inflateEnd(&stream);
  return out;
}
}  // namespace

TEST_CASE("stored values keep seven significant digits and whole numbers exactly", "[unit]") {
  CHECK(village::stored_value_text(1.0 / 3.0) == "0.3333333");
  CHECK(village::stored_value_text(0.25) == "0.25");
  CHECK(village::stored_value_text(2.0 / 3.0 * 1e-5) == "6.666667e-06");
  CHECK(village::stored_value_text(123456789.0) == "123456789");
  CHECK(village::stored_value_text(123456789.5) == "123456800");
  CHECK(village::stored_value_text(-0.1234567890) == "-0.1234568");
  CHECK(village::stored_value_text(0.0) == "0");
  CHECK(std::isnan(village::stored_value(std::nan(""))));
  // The text reads back to the stored value, and the stored value is within half a unit
  // of the seventh digit of the value.
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> exponent(-12, 12);
  for (int i = 0; i < 10000; ++i) {
    const double value = std::pow(10.0, exponent(random));
    const double stored = village::stored_value(value);
    CHECK(std::stod(village::stored_value_text(value)) == stored);
    CHECK(std::abs(stored - value) <= 5e-7 * value);
  }
}

TEST_CASE("the rounded text written directly is the shortest text of the stored value", "[unit]") {
  // append_stored_value writes "%.7g" without reading it back; that must be what "{}"
  // writes for the stored value, at every magnitude and sign, and near the round-ups.
  std::mt19937_64 random(11);
  std::uniform_real_distribution<double> exponent(-20, 16);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> values{9999999.5, 9999999.4, 0.99999995, 0.000099999995, 1e-5,  1.5e-5,
                             0.0001,    1e7 - 0.3, -1e-10,     2.5e-300,       1e300, 5e-324};
  for (int i = 0; i < 100000; ++i) {
    const double value = std::pow(10.0, exponent(random)) * (unit(random) < 0.5 ? -1 : 1);
    values.push_back(value);
    // Values a hair either side of a seven-digit decimal.
    const double decimal = village::stored_value(value);
    values.push_back(std::nextafter(decimal, 0.0));
    values.push_back(std::nextafter(decimal, 2 * decimal));
  }
  int differing = 0;
  for (const double value : values) {
    const std::string direct = village::stored_value_text(value);
    const std::string shortest = fmt::format("{}", village::stored_value(value));
    if (direct != shortest) {
      ++differing;
      UNSCOPED_INFO(fmt::format("{:.17g}: {} against {}", value, direct, shortest));
    }
  }
  CHECK(differing == 0);
}
TEST_CASE("gzip output is the same bytes every time and reads back", "[unit]") {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += "0," + std::to_string(i) + ",reach,all,0.25\n";
  const std::string first = village::gzip_text(text);
  CHECK(first == village::gzip_text(text));
  CHECK(first.size() < text.size() / 5);
  CHECK(gunzip(first) == text);
  // Header: gzip magic, deflate, no flags, time 0.
  CHECK(static_cast<unsigned char>(first[0]) == 0x1f);
  CHECK(static_cast<unsigned char>(first[1]) == 0x8b);
  CHECK(first.substr(4, 4) == std::string(4, '\0'));
  CHECK(gunzip(village::gzip_text("")).empty());
}

TEST_CASE("gzip's parallel blocks give one member, the same bytes at any thread count", "[unit]") {
  std::string text;
  for (int i = 0; text.size() < (5u << 20); ++i)
    text += fmt::format("{},{},reach,community:{},{}\n", i % 20, i, i % 7, (i * 37) % 1000 / 1e3);
  village::set_thread_count(1);
  const std::string one = village::gzip_text(text);
  village::set_thread_count(2);
  const std::string two = village::gzip_text(text);
  CHECK(one == two);
  CHECK(gunzip(two) == text);  // inflate checks the CRC-32 and the length in the trailer
  // Blocks primed with the text before them compress about as well as one stream.
  std::string single(compressBound(static_cast<uLong>(text.size())) + 64, '\0');
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, village::kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) ==
          Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(text.data());
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(single.data());
  stream.avail_out = static_cast<uInt>(single.size());
  REQUIRE(deflate(&stream, Z_FINISH) == Z_STREAM_END);
  const double single_size = static_cast<double>(single.size() - stream.avail_out);
  deflateEnd(&stream);
  CHECK(static_cast<double>(two.size()) < 1.01 * single_size);
  // Texts ending exactly at a block's end, and one byte past it.
  for (const std::size_t size : {std::size_t{1} << 20, (std::size_t{1} << 21) + 1}) {
    const std::string piece = text.substr(0, size);
    CHECK(gunzip(village::gzip_text(piece)) == piece);
  }
}

TEST_CASE("record filters take exact names and prefixes", "[unit]") {
  village::SeriesFilter filter;
  CHECK(filter.keeps("reach", "all"));
  filter.metrics = {"reach", "trust_*"};
  filter.groups = {"all", "community:*"};
  CHECK(filter.keeps("reach", "all"));
  CHECK(filter.keeps("trust_mean", "community:turkish"));
  CHECK_FALSE(filter.keeps("reach", "vulnerable"));
  CHECK_FALSE(filter.keeps("reachable", "all"));
  CHECK(village::parse_name_list("reach, trust ,x", "--record") ==
        std::vector<std::string>{"reach", "trust", "x"});
  CHECK_THROWS_AS(village::parse_name_list("reach,,x", "--record"), village::InputError);
  CHECK_THROWS_AS(village::parse_output_format("parquet"), village::InputError);
  CHECK(village::parse_output_format("csv.gz") == village::OutputFormat::csv_gz);
}

TEST_CASE("a CSV table goes into SQLite typed and comes back as the same text", "[unit]") {
  const fs::path dir = fs::temp_directory_path() / "village_sqlite_tables";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string csv =
      "strategy,run,step,metric,group,value\n"
      "\"a, \"\"b\"\"\",0,1,reach,all,0.25\n"
      "plain,1,2,reach,\"line\nbreak\",3\n"
      "plain,1,3,reach,all,1e-05\n";
  village::write_database_atomically(dir / "v.sqlite", {{"timeseries", csv, {"run", "group"}}});
  CHECK(fs::directory_iterator(dir) != fs::directory_iterator());
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir))
    ++files;
  CHECK(files == 1);  // no temporary left
  village::SqliteDatabase db(dir / "v.sqlite");
  CHECK(village::table_as_csv(db, "timeseries") == csv);
  village::SqliteStatement types(db,
                                 "SELECT typeof(run), typeof(value), typeof(metric) FROM "
                                 "timeseries WHERE step = 2");
  REQUIRE(types.step());
  CHECK(types.text(0) == "integer");
  CHECK(types.text(1) == "real");
  CHECK(types.text(2) == "text");
  village::SqliteStatement indexes(
      db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'timeseries'");
  REQUIRE(indexes.step());
  CHECK(indexes.integer(0) == 2);
  CHECK_THROWS_AS(village::table_as_csv(db, "missing"), village::InputError);
  fs::remove_all(dir);
}
