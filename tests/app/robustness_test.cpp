// Robustness of the command line against hostile or broken conditions: oversized and
// over-nested scenarios, giant lines, networks that cannot fit the memory limit, signals
// during run and compare, a full disk (RLIMIT_FSIZE), untrusted names reaching CSV, HTML
// and JSON, and paths. Each failure must be one line, exit code 2 (3 for a signal),
// and leave earlier results intact.

#include <fmt/format.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/cli_helpers.hpp"
#include "village/version.hpp"

namespace fs = std::filesystem;
using village_test::fresh_directory;
using village_test::has_temporary_files;
using village_test::read_file;
using village_test::run_command_line;
using village_test::run_village;
using village_test::spawn_village;
using village_test::wait_exit;
using village_test::write_text;

namespace {

// One error line: "error: <where>: <what>; <hint>".
void check_one_error_line(const village_test::CommandResult& result, const std::string& where,
                          const std::string& what) {
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.err.rfind("error: " + where, 0) == 0);
  CHECK(result.err.find(what) != std::string::npos);
  CHECK(result.err.find('\n') == result.err.size() - 1);
}

std::set<std::string> files_in(const fs::path& folder) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    names.insert(entry.path().filename().string());
  return names;
}

// RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// Every row has the header's width; returns the values of column `name`.
std::vector<std::string> csv_column(const fs::path& path, const std::string& name) {
  const auto rows =
      parse_csv(path.extension() == ".gz" ? village_test::read_gzip_file(path) : read_file(path));
  REQUIRE(!rows.empty());
  const auto& header = rows.front();
  const auto column = std::find(header.begin(), header.end(), name);
  REQUIRE(column != header.end());
  std::vector<std::string> values;
  for (const auto& row : rows) {
    REQUIRE(row.size() == header.size());
    values.push_back(row[static_cast<std::size_t>(column - header.begin())]);
  }
  values.erase(values.begin());
  return values;
}

bool built_with_sanitizers() {
  return std::string(village::kBuildFlags).find("-fsanitize") != std::string::npos;
}

// A community with two strategies; `steps`, `replicates` and `households` set its length.
std::string community_strategies(int steps, int replicates, int households) {
  return fmt::format(R"([run]
steps = {}
replicates = {}
seed = 5

[community]
households = {}
neighbourhoods = 2

[model]
kind = "parent_support"

[outreach]
newsletter_interval_weeks = 4

[strategies.newsletter]
description = "newsletter only"

[strategies.key_figures]
description = "key figures"
key_figure_programme = true
)",
                     steps, replicates, households);
}
// Some seconds at one thread, so that a signal lands mid-run.
const std::string kSlowCommunity = community_strategies(400, 8, 4000);
const std::string kSmallCompare = community_strategies(6, 2, 300);

const std::string kSir = std::string(VILLAGE_SOURCE_DIR) + "/scenarios/examples/sir_demo.toml";

}  // namespace

TEST_CASE("limits: a scenario file over 1 MiB is refused before it is read", "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_size");
  std::string text = "[run]\nsteps = 1\n";
  while (text.size() <= (1u << 20))
    text += "# padding padding padding padding padding padding padding padding padding\n";
  write_text(dir / "big.toml", text);
  const auto result = run_village("validate " + (dir / "big.toml").string(), dir);
  check_one_error_line(result, (dir / "big.toml").string() + ": ",
                       "the scenario file is 1.0 MiB; the limit is 1 MiB");
}

TEST_CASE("limits: scenarios nested beyond 16 levels are one error line, never a crash",
          "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_nesting");
  // 200,000 dotted key parts overflowed the TOML parser's stack before the limit.
  std::string dotted = "[run]\nsteps = 1\n";
  for (int i = 0; i < 200000; ++i)
    dotted += "a.";
  dotted += "b = 1\n";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"dotted", dotted},
      {"arrays", "x = " + std::string(5000, '[') + std::string(5000, ']') + "\n"},
      {"header", "[a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q]\nx = 1\n"},
      {"inline",
       "[model]\nx = {a = {b = {c = {d = {e = {f = {g = {h = {i = {j = {k = {l = {m = "
       "{n = {o = {p = {q = 1}}}}}}}}}}}}}}}}}\n"}};
  for (const auto& [name, text] : cases) {
    INFO(name);
    const fs::path file = dir / (name + ".toml");
    write_text(file, text);
    const auto result = run_village("validate " + file.string(), dir);
    check_one_error_line(result, file.string() + ":", "levels deep here");
    CHECK(result.err.find("the limit is 16") != std::string::npos);
  }
  // The limit leaves room for real scenarios: every example validates (other tests), and
  // 16 levels exactly ([run], x and 14 arrays) pass the scan to the ordinary checks.
  write_text(dir / "deep_ok.toml",
             "[run]\nsteps = 1\nx = " + std::string(14, '[') + std::string(14, ']') + "\n");
  const auto ok = run_village("validate " + (dir / "deep_ok.toml").string(), dir);
  CHECK(ok.err.find("levels deep") == std::string::npos);
  CHECK(ok.err.find("unknown key 'x'") != std::string::npos);
}

TEST_CASE("limits: a network file line over 1 MiB is refused at its line", "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_line");
  write_text(dir / "net.txt", "a b\nb c\n" + std::string(2u << 20, 'x') + " y\n");
  const auto result = run_village(
      "analyze network " + (dir / "net.txt").string() + " --out " + (dir / "out").string(), dir);
  check_one_error_line(result,
                       (dir / "net.txt").string() + ":3: ", "the line is longer than 1 MiB");
  CHECK_FALSE(fs::exists(dir / "out" / "nodes.csv"));
}

TEST_CASE("limits: networks that cannot fit the memory limit are refused before allocating",
          "[unit][robust]") {
  if (built_with_sanitizers()) {
    SUCCEED("sanitizers reserve terabytes of address space: no address-space limit applies");
    return;
  }
  const fs::path dir = fresh_directory("robust_memory");
  // 600 MB of address space: the program and its threads fit; these networks do not.
  const std::string limited = "--as=600000000 " + std::string(VILLAGE_BINARY);
  const auto run_limited = [&](const std::string& arguments) {
    const std::string command =
        "prlimit " + limited + " " + arguments + " 2>" + (dir / "err.txt").string() + " >/dev/null";
    const int status = std::system(command.c_str());
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir / "err.txt"));
  };
  // A generated network: estimated from its parameters.
  write_text(dir / "big.toml",
             "[run]\nsteps = 1\n[network]\ngenerator = \"erdos_renyi\"\nnodes = 20000000\n"
             "mean_degree = 10\n[model]\nkind = \"sir\"\n");
  const auto [generated_code, generated_err] =
      run_limited("validate " + (dir / "big.toml").string());
  INFO(generated_err);
  CHECK(generated_code == 2);
  CHECK(generated_err.find("this process may use 572.2 MiB") != std::string::npos);

  // An edge list of 6 million lines and 12 million distinct labels (about 1.5 GB): refused
  // after its first 2^20 lines.
  {
    std::ofstream out(dir / "big.txt");
    for (int i = 0; i < 6000000; ++i)
      out << 'n' << i << " m" << i << '\n';
  }
  const auto [file_code, file_err] = run_limited("analyze network " + (dir / "big.txt").string() +
                                                 " --out " + (dir / "out").string());
  INFO(file_err);
  CHECK(file_code == 2);
  CHECK(file_err.find("an edge list of 6000000 lines (forecast from its first 1048576 lines)") !=
        std::string::npos);
  CHECK(file_err.find('\n') == file_err.size() - 1);
  fs::remove(dir / "big.txt");
}

TEST_CASE("signals: SIGINT or SIGTERM during run and compare writes nothing and says so",
          "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_signals");
  write_text(dir / "slow.toml", kSlowCommunity);
  for (const std::string command : {"run", "compare"}) {
    for (const int signal_number : {SIGINT, SIGTERM}) {
      INFO(command << " signal " << signal_number);
      const fs::path out = dir / ("out_" + command);
      fs::create_directories(out);
      // Files of an earlier run stay as they were.
      write_text(out / "summary.csv", "earlier\n");
      write_text(out / "comparison.csv", "earlier\n");
      const pid_t pid = spawn_village(command + " " + (dir / "slow.toml").string() +
                                          " --threads 1 --quiet --out " + out.string(),
                                      dir);
      REQUIRE(pid > 0);
      std::this_thread::sleep_for(std::chrono::milliseconds(800));
      ::kill(pid, signal_number);
      int killed_by = 0;
      const int code = wait_exit(pid, killed_by);
      const std::string err = read_file(dir / "spawn_err.txt");
      INFO(err);
      CHECK(code == 3);
      CHECK(err.find(signal_number == SIGINT
                         ? "interrupted by SIGINT after"
                         : "interrupted by SIGTERM after") != std::string::npos);
      CHECK(err.find("nothing was written to " + out.string()) != std::string::npos);
      CHECK(read_file(out / "summary.csv") == "earlier\n");
      CHECK(read_file(out / "comparison.csv") == "earlier\n");
      CHECK(files_in(out) == std::set<std::string>{"summary.csv", "comparison.csv"});
    }
  }
}

TEST_CASE(
    "full disk: past the file size limit every command fails in one line and keeps "
    "earlier results",
    "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_fsize");
  write_text(dir / "compare.toml", kSmallCompare);
  // A ring of 300 nodes with chords: nodes.csv and graph.json are well over the limit.
  std::string ring;
  for (int i = 0; i < 300; ++i) {
    ring.append("n").append(std::to_string(i)).append(" n").append(std::to_string((i + 1) % 300));
    ring.append("\nn").append(std::to_string(i)).append(" n").append(std::to_string((i * 7) % 300));
    ring.append("\n");
  }
  write_text(dir / "net.txt", ring);
  struct Command {
    std::string name, arguments, again;  // `again` changes the outputs
  };
  const std::vector<Command> commands{
      {"run", "run " + kSir + " --quiet --out ", " --seed 99"},
      {"compare", "compare " + (dir / "compare.toml").string() + " --quiet --out ", " --seed 99"},
      {"analyze", "analyze network " + (dir / "net.txt").string() + " --out ", ""},
  };
  for (const auto& [name, command, again] : commands) {
    INFO(name);
    const fs::path out = dir / ("out_" + name);
    REQUIRE(run_village(command + out.string(), dir).exit_code == 0);
    std::map<std::string, std::string> before;
    for (const std::string& file : files_in(out))
      before[file] = read_file(out / file);
    // 4000 bytes: room for the error line on stderr (a file here), not for the largest
    // output; the outputs are written all or none.
    std::uintmax_t largest = 0;
    for (const std::string& file : files_in(out))
      largest = std::max(largest, fs::file_size(out / file));
    REQUIRE(largest > 4000);
    const auto limited = run_command_line("prlimit --fsize=4000 " + std::string(VILLAGE_BINARY) +
                                              " " + command + out.string() + again,
                                          dir);
    INFO(limited.err);
    CHECK(limited.exit_code == 2);
    CHECK(limited.err.find("cannot write output (File too large); free disk space") !=
          std::string::npos);
    CHECK(limited.err.find('\n') == limited.err.size() - 1);
    CHECK_FALSE(has_temporary_files(out));
    for (const auto& [file, text] : before)
      CHECK(read_file(out / file) == text);
  }
}

TEST_CASE("full disk: a sweep stopped by the file size limit resumes once space is back",
          "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_sweep_fsize");
  write_text(dir / "f.toml",
             "[run]\nsteps = 1\nreplicates = 1\nseed = 4\n[network]\ngenerator = \"complete\"\n"
             "nodes = 1\n[model]\nkind = \"ishigami\"\n");
  const std::string sweep = "sweep " + (dir / "f.toml").string() +
                            " --design lhs --samples 300 --param model.x1=-3:3 "
                            "--param model.x2=-3:3 --quiet --threads 1 --out ";
  REQUIRE(run_village(sweep + (dir / "whole").string(), dir).exit_code == 0);
  const fs::path out = dir / "out";
  const auto limited = run_command_line(
      "prlimit --fsize=20000 " + std::string(VILLAGE_BINARY) + " " + sweep + out.string(), dir);
  INFO(limited.err);
  CHECK(limited.exit_code == 2);
  CHECK(limited.err.find("cannot write the sweep journal: File too large; free disk space and "
                         "run the same command again to resume") != std::string::npos);
  REQUIRE(fs::exists(out / "tasks.journal"));
  CHECK(fs::file_size(out / "tasks.journal") <= 20000);
  CHECK_FALSE(fs::exists(out / "results.csv"));
  const auto resumed = run_village(sweep + out.string(), dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(read_file(out / "results.csv") == read_file(dir / "whole" / "results.csv"));
}

TEST_CASE(
    "untrusted names: quotes, commas, line breaks and markup from a scenario are quoted "
    "in CSV, escaped in HTML and valid in JSON",
    "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_names");
  const std::string community = "a, \\\"quoted\\\"\\nname <script>alert(1)</script>";
  const std::string strategy = "x, \\\"y\\\"\\n<script>alert('z')</script>";
  const std::string community_plain = "a, \"quoted\"\nname <script>alert(1)</script>";
  const std::string strategy_plain = "x, \"y\"\n<script>alert('z')</script>";
  write_text(dir / "names.toml", std::string(R"([run]
steps = 4
replicates = 2
seed = 7

[community]
households = 300
neighbourhoods = 2

[[community.communities]]
name = ")") + community + R"("
share = 1.0

[model]
kind = "parent_support"

[outreach]
newsletter_interval_weeks = 2

[strategies.plain]
description = "plain"

[strategies.")" + strategy + R"("]
description = "<b>bold</b> & \"q\""
key_figure_programme = true

[compare]
baseline = "plain"
)");
  const fs::path out = dir / "out";
  const auto result = run_village(
      "compare " + (dir / "names.toml").string() + " --quiet --out " + out.string(), dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);

  const auto strategies = csv_column(out / "comparison.csv", "strategy");
  CHECK(std::count(strategies.begin(), strategies.end(), strategy_plain) > 0);
  const auto groups = csv_column(out / "timeseries.csv.gz", "group");
  CHECK(std::count(groups.begin(), groups.end(), "community:" + community_plain) > 0);
  const auto series_strategies = csv_column(out / "timeseries.csv.gz", "strategy");
  CHECK(std::count(series_strategies.begin(), series_strategies.end(), strategy_plain) > 0);

  const std::string html = read_file(out / "report.html");
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<b>bold</b>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;z&#39;)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;q&quot;") != std::string::npos);

  const auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  CHECK(manifest["strategies"][1] == strategy_plain);

  // `village run` writes the same names into summary.csv and timeseries.csv.
  const auto run = run_village(
      "run " + (dir / "names.toml").string() + " --quiet --out " + (dir / "run").string(), dir);
  REQUIRE(run.exit_code == 0);
  const auto run_groups = csv_column(dir / "run" / "summary.csv", "group");
  CHECK(std::count(run_groups.begin(), run_groups.end(), "community:" + community_plain) > 0);
  csv_column(dir / "run" / "timeseries.csv.gz", "group");
}

TEST_CASE(
    "untrusted names: bytes that are not UTF-8 in a network file reach valid JSON and "
    "quoted CSV",
    "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_bytes");
  write_text(dir / "net.txt", "caf\xE9 \xFF\xFE\n\xFF\xFE \"q,1\"\ncaf\xE9 plain\n");
  const auto result = run_village(
      "analyze network " + (dir / "net.txt").string() + " --out " + (dir / "out").string(), dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  // JSON parsers refuse invalid UTF-8: the bytes became U+FFFD.
  const auto graph = nlohmann::json::parse(read_file(dir / "out" / "graph.json"));
  CHECK(graph.dump().find("caf\xEF\xBF\xBD") != std::string::npos);
  const auto labels = csv_column(dir / "out" / "nodes.csv", "label");
  CHECK(std::count(labels.begin(), labels.end(), "\"q,1\"") == 1);
  CHECK(std::count(labels.begin(), labels.end(), "caf\xE9") == 1);

  // A scenario must be UTF-8 (TOML): a stray byte is one error line with its place.
  write_text(dir / "bytes.toml", "[run]\nsteps = 1\n[model]\nkind = \"s\xFFir\"\n");
  const auto bad = run_village("validate " + (dir / "bytes.toml").string(), dir);
  check_one_error_line(bad, (dir / "bytes.toml").string() + ":4:", "invalid TOML");
}

TEST_CASE(
    "paths: network files resolve against the scenario's folder and nothing is written "
    "outside the output folder",
    "[unit][robust]") {
  const fs::path dir = fresh_directory("robust_paths");
  fs::create_directories(dir / "project" / "data");
  write_text(dir / "project" / "data" / "net.txt", "a b\nb c\nc a\nc d\n");
  write_text(dir / "project" / "scenario.toml",
             "[run]\nsteps = 3\nreplicates = 2\n[network]\ngenerator = \"file\"\n"
             "path = \"data/net.txt\"\n[model]\nkind = \"sir\"\n");
  const std::set<std::string> project_before = files_in(dir / "project");
  // Run from another folder (the test's working directory).
  const fs::path out = dir / "results" / "sir";
  const auto result = run_village(
      "run " + (dir / "project" / "scenario.toml").string() + " --quiet --out " + out.string(),
      dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(files_in(out) ==
        std::set<std::string>{"manifest.json", "summary.csv", "timeseries.csv.gz"});
  CHECK(files_in(dir / "results") == std::set<std::string>{"sir"});
  CHECK(files_in(dir / "project") == project_before);
  CHECK(files_in(dir) == std::set<std::string>{"project", "results", "stderr.txt"});

  // Strategy names are never file names: a name like "../../escape" writes nothing outside.
  write_text(dir / "project" / "escape.toml",
             kSmallCompare + "\n[strategies.\"../../escape\"]\ndescription = \"x\"\n");
  const auto compared = run_village("compare " + (dir / "project" / "escape.toml").string() +
                                        " --quiet --out " + (dir / "results" / "cmp").string(),
                                    dir);
  INFO(compared.err);
  REQUIRE(compared.exit_code == 0);
  CHECK(files_in(dir / "results" / "cmp") == std::set<std::string>{"comparison.csv",
                                                                   "manifest.json", "report.html",
                                                                   "timeseries.csv.gz"});
  CHECK(files_in(dir) == std::set<std::string>{"project", "results", "stderr.txt"});
}
