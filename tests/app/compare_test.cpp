// `village compare`: outputs, thread independence, the pattern directions on a small
// community, escaping of scenario names, bad input, and the report in headless Chromium.

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "app/chromium.hpp"
#include "app/cli_helpers.hpp"

namespace fs = std::filesystem;
using village_test::read_file;
using village_test::run_village;

namespace {

const char* kCommunity = R"([run]
steps = 26
replicates = 30
seed = 7

[community]
households = 1000
neighbourhoods = 2
language_barrier_share = 0.15

[[community.communities]]
name = "newcomers"
share = 0.6
institutional_trust_mean = 0.5
membership = { mosque = 0.5, community_centre = 0.2 }

[[community.communities]]
name = "dutch"
share = 0.4
membership = { sports_club = 0.3, parent_room = 0.1 }

[community.key_figures]
neighbourhood_parents_per_1000 = 3.0

[model]
kind = "parent_support"

[outreach]
newsletter_interval_weeks = 4
inviting_share = 0.5
)";

const char* kStrategies = R"(
[strategies.newsletter]
description = "current practice"

[strategies.key_figures]
newsletter_interval_weeks = 0
key_figure_programme = true

[strategies.capped]
newsletter_interval_weeks = 0
key_figure_programme = true
budget_euros = 6000

[what_if.lecturing]
description = "current practice lectures"
inviting_share = 0.1

[what_if.inviting]
inviting_share = 0.9

[compare]
baseline = "newsletter"
)";

// comparison.csv rows by (strategy, outcome, group): column name -> text.
using Row = std::map<std::string, std::string>;
std::map<std::string, Row> parse_comparison(const std::string& csv) {
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);
  std::vector<std::string> header;
  std::istringstream head(line);
  for (std::string cell; std::getline(head, cell, ',');)
    header.push_back(cell);
  std::map<std::string, Row> rows;
  while (std::getline(lines, line)) {
    // Names in these tests hold no commas or quotes.
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ','))
      cells.push_back(cell);
    if (!line.empty() && line.back() == ',') cells.emplace_back();
    Row row;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
      row[header[i]] = cells[i];
    rows[row["strategy"] + "|" + row["outcome"] + "|" + row["group"]] = row;
  }
  return rows;
}

double number(const Row& row, const std::string& column) {
  return std::stod(row.at(column));
}

}  // namespace

TEST_CASE("compare writes its outputs, identical for 1 and 2 threads", "[unit]") {
  const fs::path dir = village_test::fresh_directory("compare_outputs");
  village_test::write_text(dir / "s.toml", std::string(kCommunity) + kStrategies);
  const std::string base = "compare " + (dir / "s.toml").string() +
                           " --replicates 3 --strategies newsletter,capped --out ";
  const auto one = run_village(base + (dir / "one").string() + " --threads 1", dir);
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  const auto two = run_village(base + (dir / "two").string() + " --threads 2 --quiet", dir);
  REQUIRE(two.exit_code == 0);
  CHECK(two.out.empty());
  for (const char* file : {"comparison.csv", "timeseries.csv.gz"})
    CHECK(read_file(dir / "one" / file) == read_file(dir / "two" / file));
  CHECK_THAT(one.out, Catch::Contains("Ranking by reach (vulnerable)"));
  CHECK_THAT(one.out, Catch::Contains("report.html"));
  const std::string series = village_test::read_gzip_file(dir / "one" / "timeseries.csv.gz");
  CHECK_THAT(series, Catch::StartsWith("strategy,run,step,metric,group,value\nnewsletter,0,0,"));
  CHECK_THAT(series, Catch::Contains("\ncapped,2,26,reach,all,"));
  const auto rows = parse_comparison(read_file(dir / "one" / "comparison.csv"));
  const Row& kf = rows.at("capped|reach|vulnerable");
  CHECK(kf.at("baseline") == "newsletter");
  CHECK(kf.at("replicates") == "3");
  CHECK(kf.at("budget_euros") == "6000");
  // The budget caps: the programme's set-up (EUR 2,500) and some weeks of visits fit,
  // then it stops; no replicate spends more.
  CHECK(kf.at("over_budget") == "no");
  CHECK(std::stod(kf.at("cost_euros")) <= 6000);
  CHECK(std::stod(kf.at("cost_euros")) > 2500);
  CHECK_THAT(series, Catch::Contains(",stopped_key_figure_programme,all,1\n"));
  CHECK(rows.at("newsletter|reach|all").at("euros_per_unit_status") == "baseline");
  CHECK(rows.count("capped|help_seeking|community:dutch") == 1);
  const auto manifest = nlohmann::json::parse(read_file(dir / "one" / "manifest.json"));
  CHECK(manifest["command"] == "compare");
  CHECK(manifest["baseline"] == "newsletter");
  CHECK(manifest["strategies"].size() == 2);
  CHECK(manifest["scenario"]["strategies"][1]["outreach"]["key_figure_programme"] == true);
  CHECK(manifest["scenario"]["strategies"][2]["outreach"]["budget_euros"] == 6000.0);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "one"))
    ++files;
  CHECK(files == 4);
}

TEST_CASE("compare reproduces the pattern directions on 30 paired replicates", "[unit]") {
  const fs::path dir = village_test::fresh_directory("compare_patterns");
  village_test::write_text(dir / "s.toml", std::string(kCommunity) + kStrategies);
  const auto result = run_village(
      "compare " + (dir / "s.toml").string() + " --quiet --out " + (dir / "out").string(), dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto rows = parse_comparison(read_file(dir / "out" / "comparison.csv"));
  // Pattern 3: a key-figure programme reaches more vulnerable parents than a newsletter.
  const Row& kf = rows.at("key_figures|reach|vulnerable");
  CHECK(number(kf, "diff_ci_low") > 0);
  CHECK(kf.at("diff_separated") == "yes");
  CHECK(kf.at("euros_per_unit_status") == "estimated");
  CHECK(number(kf, "euros_per_unit_ci_low") > 0);
  CHECK(number(kf, "euros_per_unit_ci_low") <= number(kf, "euros_per_unit"));
  CHECK(number(kf, "euros_per_unit") <= number(kf, "euros_per_unit_ci_high"));
  // Pattern 2 (M3), as what-ifs about the world: under every strategy, more parents are
  // reached and trust institutions in a world of inviting practice than in a lecturing one
  // (the same seeds; the 95% intervals of the means do not overlap).
  std::map<std::string, std::map<std::string, Row>> worlds;
  for (const char* world : {"inviting", "lecturing"}) {
    const auto what_if = run_village("compare " + (dir / "s.toml").string() + " --what-if " +
                                         world + " --quiet --out " + (dir / world).string(),
                                     dir);
    INFO(what_if.err);
    REQUIRE(what_if.exit_code == 0);
    worlds[world] = parse_comparison(read_file(dir / world / "comparison.csv"));
    const auto manifest = nlohmann::json::parse(read_file(dir / world / "manifest.json"));
    CHECK(manifest["what_if"]["name"] == world);
    CHECK_THAT(read_file(dir / world / "report.html"), Catch::Contains("What if: "));
  }
  CHECK(worlds["lecturing"].count("lecturing|reach|all") == 0);  // never an option
  for (const char* strategy : {"newsletter", "key_figures"}) {
    for (const char* outcome : {"reach", "institutional_trust"}) {
      const std::string key = std::string(strategy) + "|" + outcome + "|all";
      INFO(key);
      CHECK(number(worlds["inviting"].at(key), "ci_low") >
            number(worlds["lecturing"].at(key), "ci_high"));
    }
  }
}

TEST_CASE("compare on the district example reproduces the pattern directions (M5, M6)", "[unit]") {
  // The demo's own scenario; 30 paired replicates, 95% intervals of the paired
  // differences (comparison.csv). The world's patterns (M3 tone, M7 conditions, M16
  // approach) are tested as paired runs in patterns_test.cpp: no strategy can set them.
  const fs::path dir = village_test::fresh_directory("compare_example_patterns");
  const fs::path example =
      fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/strategies_district.toml";
  village_test::write_text(dir / "s.toml", read_file(example));
  const std::string base = "compare " + (dir / "s.toml").string() + " --replicates 30 --quiet ";
  const auto first = run_village(
      base + "--strategies newsletter,key_figures,partnership --out " + (dir / "a").string(), dir);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  const auto rows = parse_comparison(read_file(dir / "a" / "comparison.csv"));
  // Pattern 3 (M4, M5): key figures reach more vulnerable parents than the newsletter.
  CHECK(number(rows.at("key_figures|reach|vulnerable"), "diff_ci_low") > 0);
  // Pattern 4 (M6, M7): a partnership with informal organisations brings more vulnerable
  // parents, and more of those with a language barrier, to ask a professional for help.
  // Caseload reach is not claimed: the hours the partnership takes come out of the
  // professionals' personal contacts, and its conditions only grow over the year.
  CHECK(number(rows.at("partnership|help_seeking|vulnerable"), "diff_ci_low") > 0);
  CHECK(number(rows.at("partnership|help_seeking|language_barrier"), "diff_ci_low") > 0);
}

TEST_CASE("compare on the before_incidents example reproduces pattern 1 (M1)", "[unit]") {
  // The same contact hours before or after the incidents begin (week 26): contact
  // invested before gives more cooperative conversations. The direction at 99% by a
  // one-sided paired t-test from comparison.csv's paired difference and its sd.
  const fs::path dir = village_test::fresh_directory("compare_before_incidents");
  const fs::path example =
      fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples/before_incidents.toml";
  const auto result =
      run_village("compare " + example.string() + " --quiet --out " + (dir / "out").string(), dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto rows = parse_comparison(read_file(dir / "out" / "comparison.csv"));
  const Row& before = rows.at("before|incident_cooperation|all");
  CHECK(before.at("baseline") == "after");
  CHECK(number(before, "replicates") == 30);
  const double t = number(before, "diff") / (number(before, "diff_sd") / std::sqrt(30.0));
  CHECK(number(before, "diff") > 0);
  CHECK(t > 2.462);  // t(0.99, 29 degrees of freedom)
  CHECK(number(before, "diff_ci_low") > 0);
  // Neither strategy has a priced intervention: the professionals' own hours.
  CHECK(number(before, "cost_euros") == 0);
  CHECK(number(rows.at("after|incident_cooperation|all"), "cost_euros") == 0);
  const std::string report = read_file(dir / "out" / "report.html");
  CHECK_THAT(report, Catch::Contains("share of cooperative conversations after an incident"));
}

TEST_CASE("names from the scenario are escaped in the report", "[unit]") {
  const fs::path dir = village_test::fresh_directory("compare_escape");
  std::string scenario = std::string(kCommunity) + kStrategies;
  const std::string from = "name = \"newcomers\"";
  scenario.replace(scenario.find(from), from.size(), "name = \"<script>alert(1)</script>\"");
  scenario +=
      "\n[strategies.\"<script>x</script>\"]\ndescription = \"<script>y</script>\"\n"
      "partnership = true\n";
  village_test::write_text(dir / "s.toml", scenario);
  const auto result = run_village(
      "compare " + (dir / "s.toml").string() +
          " --replicates 2 --quiet --strategies newsletter,'<script>x</script>' --out " +
          (dir / "out").string(),
      dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string html = read_file(dir / "out" / "report.html");
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;x&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("community:&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;y&lt;/script&gt;"));
}

TEST_CASE("compare reports bad strategies precisely", "[unit]") {
  const fs::path dir = village_test::fresh_directory("compare_errors");
  const auto check = [&](const std::string& extra, const std::string& arguments,
                         const std::string& expected) {
    village_test::write_text(dir / "s.toml", std::string(kCommunity) + extra);
    const auto result = run_village("compare " + (dir / "s.toml").string() + " --replicates 1 " +
                                        arguments + " --out " + (dir / "out").string(),
                                    dir);
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::StartsWith("error: "));
    CHECK_THAT(result.err, Catch::Contains(expected));
  };
  // Unknown [outreach] key in a strategy: did-you-mean at file:line:col.
  check("\n[strategies.a]\nkey_figure_programm = true\n", "",
        "s.toml:33:1: unknown key 'key_figure_programm' in [strategies.a]");
  check("\n[strategies.a]\nkey_figure_programm = true\n", "",
        "did you mean 'key_figure_programme'?");
  check("\n[strategies.a]\ngroup_size = 1\n", "", "s.toml:33:14:");
  check("\n[strategies.a]\nbudget_euros = -5\n", "", "s.toml:33:16:");
  // A strategy buys interventions: every kind of world parameter is refused where it is
  // set, with what would change it instead. How professionals work today:
  check("\n[strategies.a]\npartnership = true\ninviting_share = 0.9\n", "",
        "s.toml:34:18: strategies.a.inviting_share is a world parameter");
  check("\n[strategies.a]\napproach = \"matched\"\n", "",
        "what a strategy can buy to change it is training");
  check("\n[strategies.a]\npersonal_contacts = false\n", "",
        "strategies.a.personal_contacts is a world parameter");
  // how strongly the world responds to what is bought:
  check("\n[strategies.a]\ntraining_competence_gain = 0.5\n", "",
        "training_capacity, training_hours, training_sessions");
  // the relation between professionals and organisations:
  check("\n[strategies.a]\ncondition_equality = 1\n", "",
        "what a strategy can buy to change it is the partnership's invested hours");
  // and where nothing bought changes it, it says so:
  check("\n[strategies.a]\npersonal_contacts = false\n", "",
        "no intervention of this version changes it");
  // and any [model] key (trust, norms, attendance propensities):
  check("\n[strategies.a]\ntrust_decay = 0\n", "",
        "s.toml:33:15: strategies.a.trust_decay is a "
        "world parameter");
  check("\n[strategies.a]\ninviting_share = 0.9\n", "", "[what_if.<name>]");
  // A what-if sets the world only, and --what-if must name one.
  check(std::string(kStrategies) + "\n[what_if.b]\npartnership = true\n", "",
        "what_if.b.partnership is what a strategy buys");
  check(std::string(kStrategies) + "\n[what_if.b]\ninviting_shar = 0.9\n", "",
        "did you mean 'inviting_share'?");
  check(kStrategies, "--what-if invitng", "did you mean 'inviting'?");
  check(std::string(kStrategies) + "\n[what_if.\"../up\"]\ninviting_share = 0.9\n", "",
        "may hold only letters, digits, _ and -");
  check("\n[what_if.b]\ninviting_share = 0.9\n", "", "[what_if] is read only with strategies");
  check("", "", "the scenario names no strategies to compare");
  check(kStrategies, "--strategies newsleter", "did you mean 'newsletter'?");
  check(std::string(kStrategies)
            .replace(std::string(kStrategies).find("baseline = \"newsletter\""), 23,
                     "baseline = \"key_figure\""),
        "", "did you mean 'key_figures'?");
  check(std::string(kStrategies) + "group = \"vulnerabel\"\n", "", "did you mean 'vulnerable'?");
  check(std::string(kStrategies) + "outcomes = [\"reech\"]\n", "", "did you mean 'reach'?");
  check("\n[costs]\nprofessional_hour_euros = 75\n", "", "[costs] is no longer read");
}

TEST_CASE("village run on a scenario with strategies runs its [outreach] and says so", "[unit]") {
  const fs::path dir = village_test::fresh_directory("compare_run");
  village_test::write_text(dir / "s.toml", std::string(kCommunity) + kStrategies);
  const auto result = run_village(
      "run " + (dir / "s.toml").string() + " --replicates 1 --out " + (dir / "out").string(), dir);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("village compare"));
}

TEST_CASE("the report renders in headless Chromium", "[unit]") {
  const std::string chromium = village_test::find_chromium();
  if (chromium.empty()) {
    WARN(
        "chromium is not installed: skipping the rendering test (apt-get install chromium; "
        "scripts/install-deps.sh installs it)");
    return;
  }
  const fs::path dir = village_test::fresh_directory("compare_chromium");
  village_test::write_text(dir / "s.toml", std::string(kCommunity) + kStrategies);
  const auto result = run_village("compare " + (dir / "s.toml").string() +
                                      " --replicates 3 --quiet --out " + (dir / "out").string(),
                                  dir);
  REQUIRE(result.exit_code == 0);
  const village_test::RenderedPage page =
      village_test::render_in_chromium(chromium, dir / "out" / "report.html", dir);
  REQUIRE(page.ok);
  CHECK_THAT(page.dom, Catch::Contains("<table class=\"ranking\" id=\"ranking\">"));
  CHECK(page.svgs >= 4);
  CHECK(page.png.substr(1, 3) == "PNG");
  CHECK(village_test::png_distinct_bytes(page.png) > 32);
}

TEST_CASE("compare ranks a classic model's seeding strategies, identical for 1 and 2 threads",
          "[unit]") {
  // The Kim et al. 2015 experiment with its three targeting rules as strategies.
  const fs::path dir = village_test::fresh_directory("compare_seeding");
  const std::string base =
      "compare " + (fs::path(VILLAGE_SOURCE_DIR) / "scenarios/experiments/kim_2015.toml").string() +
      " --replicates 40 --out ";
  const auto one = run_village(base + (dir / "one").string() + " --threads 1", dir);
  INFO(one.err);
  REQUIRE(one.exit_code == 0);
  const auto two = run_village(base + (dir / "two").string() + " --threads 2 --quiet", dir);
  REQUIRE(two.exit_code == 0);
  for (const char* file : {"comparison.csv", "timeseries.csv.gz"})
    CHECK(read_file(dir / "one" / file) == read_file(dir / "two" / file));
  CHECK_THAT(one.out, Catch::Contains("Ranking by active (all) at the last step"));
  // Paired over 40 replicates, friend nomination separates from random (the trial's
  // direction; measured difference 0.028 with a paired sd of 0.018, so the interval's
  // half-width is about 0.006).
  const auto rows = parse_comparison(read_file(dir / "one" / "comparison.csv"));
  const Row& nominated = rows.at("friend_nomination|active|all");
  CHECK(nominated.at("baseline") == "random");
  CHECK(number(nominated, "diff_ci_low") > 0);
  CHECK(number(rows.at("most_connected|active|all"), "diff_ci_low") > 0);
  // No prices: the report speaks of agents and steps and shows no costs.
  const std::string report = read_file(dir / "one" / "report.html");
  CHECK_THAT(report, Catch::Contains("gives agents a higher share active"));
  CHECK_THAT(report, Catch::Contains("settings ([model])"));
  CHECK_THAT(report, !Catch::Contains("EUR"));
  CHECK_THAT(report, !Catch::Contains("<h2>Costs</h2>"));
  const auto manifest = nlohmann::json::parse(read_file(dir / "one" / "manifest.json"));
  CHECK(manifest["scenario"]["strategies"][1]["model"]["seeding"] == "friend_nomination");
}

TEST_CASE("compare refuses a classic model's strategy that changes the world", "[unit]") {
  const fs::path dir = village_test::fresh_directory("compare_seeding_errors");
  const auto check = [&](const std::string& extra, const std::string& expected) {
    village_test::write_text(dir / "s.toml", std::string(R"([network]
generator = "erdos_renyi"
nodes = 200
mean_degree = 4
[model]
kind = "independent_cascade"
)") + extra);
    const auto result = run_village(
        "compare " + (dir / "s.toml").string() + " --replicates 1 --out " + (dir / "out").string(),
        dir);
    INFO(result.err);
    CHECK(result.exit_code == 2);
    CHECK_THAT(result.err, Catch::Contains(expected));
  };
  // How the cascade spreads is the world's; whom to seed is what a strategy buys.
  check("[strategies.a]\nprobability = 0.5\n",
        "s.toml:8:15: strategies.a.probability is a world parameter");
  check("[strategies.a]\nseedng = \"imm\"\n", "did you mean 'seeding'?");
  check("[strategies.a]\nseeding = \"imm\"\n[compare]\noutcomes = [\"actve\"]\n",
        "did you mean 'active'?");
  check("[strategies.a]\nseeding = \"imm\"\n[compare]\ngroup = \"vulnerable\"\n",
        "compare.group \"vulnerable\" is not a group the model records");
  check("[strategies.a]\nseeding = \"imm\"\n[what_if.b]\nseeding = \"random\"\n",
        "what_if.b.seeding is what a strategy buys");
  check("[strategies.a]\nseeding = \"imm\"\n[uncertainty]\nworlds = 10\n",
        "[uncertainty] is read only for the parent-support model");
}
