// The report's pieces: escaping, chart helpers, headline sentences and a rendered page
// whose scenario names carry markup.

#include "analysis/report/report.hpp"

#include <catch2/catch.hpp>

#include "analysis/report/html_escape.hpp"
#include "analysis/report/network_picture.hpp"
#include "analysis/report/svg_charts.hpp"

using namespace village;

TEST_CASE("html escaping", "[unit]") {
  CHECK(escape_html("<script>alert(\"x\") & 'y'</script>") ==
        "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  CHECK(escape_html("plain text") == "plain text");
}

TEST_CASE("html escaping: bytes that are not UTF-8 and control characters become U+FFFD",
          "[unit]") {
  const std::string replacement = "\xEF\xBF\xBD";
  CHECK(escape_html("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") ==
        "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  CHECK(escape_html("caf\xE9") == "caf" + replacement);
  CHECK(escape_html("\xFF\xFE<") == replacement + replacement + "&lt;");
  CHECK(escape_html("\xC0\xAF") == replacement + replacement);                    // overlong '/'
  CHECK(escape_html("\xED\xA0\x80") == replacement + replacement + replacement);  // surrogate
  CHECK(escape_html("\xE2\x82") == replacement + replacement);                    // cut short
  CHECK(escape_html(std::string("a\0b\x07"
                                "c\td\n",
                                8)) == "a" + replacement + "b" + replacement + "c\td\n");
}

TEST_CASE("shorten: cuts at characters, never inside one", "[unit]") {
  CHECK(shorten("short", 22) == "short");
  CHECK(shorten("abcdef", 6) == "abcdef");
  CHECK(shorten("abcdefg", 6) == "abcde\u2026");
  // Five two-byte characters, cut to four: three and the ellipsis.
  CHECK(shorten("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 4) == "\xC3\xA9\xC3\xA9\xC3\xA9\u2026");
}

namespace {

// Residents 0-3 (3 in area 1, 2 vulnerable), staff 4, elder 5; names unlike a
// community's, so that the picture can only have found them through the roles.
World picture_world() {
  World world;
  world.population = Population({{"residents", 4}, {"staff", 1}, {"elders", 1}});
  world.population.real_column("area") = {0, 0, 0, 1, 0, 0};
  world.population.real_column("at_risk") = {0, 0, 1, 0, 0, 0};
  const std::vector<EdgeRecord> social{{0, 1}, {1, 2}, {2, 3}};
  const std::vector<EdgeRecord> service{{4, 0}, {4, 2}};
  const std::vector<EdgeRecord> bridge{{5, 0}};
  world.layers["social"] = CsrLayer::from_edges(6, social, Direction::undirected);
  world.layers["service"] = CsrLayer::from_edges(6, service, Direction::undirected);
  world.layers["service"].add_attribute("trust", 0.75f);
  world.layers["bridge"] = CsrLayer::from_edges(6, bridge, Direction::undirected);
  world.roles = {.members = "residents",
                 .helpers = "staff",
                 .bridges = "elders",
                 .social_layer = "social",
                 .service_layer = "service",
                 .bridge_layer = "bridge",
                 .area_column = "area",
                 .vulnerable_column = "at_risk"};
  return world;
}

}  // namespace

TEST_CASE("network picture: the subgraph is found through the world's roles", "[unit]") {
  const NetworkPicture picture = extract_network_picture(picture_world(), PictureOptions{});
  // Residents 0, 1, 2 (3 is in another area), then the staff member and the elder.
  REQUIRE(picture.nodes.size() == 5);
  using Kind = PictureNode::Kind;
  const std::vector<std::pair<Kind, NodeId>> expected{{Kind::parent, 0},
                                                      {Kind::parent, 1},
                                                      {Kind::parent, 2},
                                                      {Kind::professional, 4},
                                                      {Kind::key_figure, 5}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(picture.nodes[i].kind == expected[i].first);
    CHECK(picture.nodes[i].agent == expected[i].second);
  }
  CHECK(picture.nodes[0].trust == Approx(0.75));
  CHECK(picture.nodes[1].trust == -1);  // no tie to a professional
  CHECK(picture.nodes[2].vulnerable);
  CHECK(!picture.nodes[0].vulnerable);
  std::size_t social = 0, service = 0, bridge = 0;
  for (const PictureEdge& e : picture.edges) {
    social += e.kind == PictureEdge::Kind::family_friends;
    service += e.kind == PictureEdge::Kind::caseload;
    bridge += e.kind == PictureEdge::Kind::key_figure;
  }
  CHECK(social == 2);
  CHECK(service == 2);
  CHECK(bridge == 1);

  // Without the area column every resident is in the neighbourhood.
  World no_area = picture_world();
  no_area.roles.area_column.clear();
  CHECK(extract_network_picture(no_area, PictureOptions{}).nodes.size() == 6);
}

TEST_CASE("network picture: empty when the world names no roles or a missing part", "[unit]") {
  World world = picture_world();
  world.roles = {};
  CHECK(extract_network_picture(world, PictureOptions{}).nodes.empty());
  world = picture_world();
  world.roles.bridge_layer = "no_such_layer";
  CHECK(extract_network_picture(world, PictureOptions{}).nodes.empty());
  world = picture_world();
  world.roles.helpers = "no_such_kind";
  CHECK(extract_network_picture(world, PictureOptions{}).nodes.empty());
}

TEST_CASE("chart helpers: ticks, labels, euros and colours", "[unit]") {
  const auto ticks = nice_ticks(0, 0.37, 5);
  REQUIRE(ticks.size() >= 3);
  CHECK(ticks.front() == 0);
  CHECK(ticks[1] == Approx(0.1));
  CHECK(tick_label(25000) == "25k");
  CHECK(tick_label(0.25) == "0.25");
  CHECK(format_euros(1234.4) == "EUR 1,234");
  CHECK(format_euros(-987) == "-EUR 987");
  CHECK(format_euros(123456) == "EUR 123,000");
  CHECK(trust_colour(-1) == "#bbbbbb");
  CHECK(trust_colour(0) == "#d7301f");
  CHECK(trust_colour(1) == "#1a9850");
  const std::string bars = effect_bars_svg({{"<b>", "#000", 1, 0.5, 1.5}}, {"t", "x", "y"});
  CHECK_THAT(bars, Catch::StartsWith("<svg"));
  CHECK_THAT(bars, Catch::Contains("&lt;b&gt;"));
  CHECK_THAT(bars, !Catch::Contains("<b>"));
}

namespace {

ComparisonRow row(const std::string& strategy, const std::string& group, double mean, double diff,
                  bool baseline) {
  ComparisonRow r;
  r.strategy = strategy;
  r.outcome = "reach";
  r.group = group;
  r.value = {10, mean, 0.01, mean - 0.01, mean + 0.01};
  r.difference = {10, diff, 0.01, diff - 0.01, diff + 0.01};
  r.cost = {10, 5000, 100, 4900, 5100};
  r.extra_cost = {10, baseline ? 0.0 : 4000.0, 100, 3900, 4100};
  r.is_baseline = baseline;
  r.unit = unit_name("reach", group);
  if (!baseline) {
    r.cost_per_unit.status = RatioInterval::Status::estimated;
    r.cost_per_unit.ratio = 250;
    r.cost_per_unit.low = 200;
    r.cost_per_unit.high = 320;
  }
  return r;
}

}  // namespace

TEST_CASE("headline sentences in plain language", "[unit]") {
  Comparison c;
  c.strategies = {"newsletter", "key_figures"};
  c.rows = {row("newsletter", "vulnerable", 0.21, 0, true),
            row("key_figures", "vulnerable", 0.35, 0.14, false)};
  const auto sentences = headline_sentences(c, "reach", "vulnerable");
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0] ==
        "key_figures reaches 14.0 (13.0 to 15.0) percentage points more vulnerable parents "
        "than newsletter (35.0% against 21.0%), at EUR 250 (EUR 200 to EUR 320) per additional "
        "vulnerable parent reached.");
}

TEST_CASE("headlines name other outcomes in words and a free improvement as such", "[unit]") {
  Comparison c;
  c.strategies = {"after", "before"};
  c.rows = {row("after", "all", 0.48, 0, true), row("before", "all", 0.5, 0.02, false)};
  for (ComparisonRow& r : c.rows) {
    r.outcome = "incident_cooperation";
    r.cost = {10, 0, 0, 0, 0};
    r.extra_cost = {10, 0, 0, 0, 0};
  }
  c.rows[1].cost_per_unit.status = RatioInterval::Status::dominant;
  const auto free = headline_sentences(c, "incident_cooperation", "all");
  REQUIRE(free.size() == 1);
  CHECK(free[0] ==
        "before gives parents a higher share of cooperative conversations after an incident, by "
        "2.0 (1.0 to 3.0) percentage points, than after (50.0% against 48.0%), at no extra "
        "cost.");
  // Cheaper and better: the saving is named.
  c.rows[1].extra_cost = {10, -1500, 10, -1520, -1480};
  CHECK_THAT(headline_sentences(c, "incident_cooperation", "all")[0],
             Catch::EndsWith("and costs EUR 1,500 less per run."));
  // An outcome without a phrase of its own is named by its words.
  for (ComparisonRow& r : c.rows)
    r.outcome = "network_alive";
  CHECK_THAT(headline_sentences(c, "network_alive", "all")[0],
             Catch::StartsWith("before gives parents a higher network alive, by 0.02"));
}

TEST_CASE("a rendered report escapes every name from the scenario", "[unit]") {
  const std::string evil = "<script>alert(1)</script>";
  Comparison c;
  c.strategies = {"newsletter", evil};
  c.rows = {row("newsletter", "community:" + evil, 0.2, 0, true),
            row(evil, "community:" + evil, 0.3, 0.1, false)};
  ReportInput in;
  in.scenario_name = evil + ".toml";
  in.scenario_summary = {"A community called " + evil + "."};
  in.comparison = c;
  in.headline_group = "community:" + evil;
  in.outcomes = {"reach"};
  in.groups = {"community:" + evil};
  for (const std::string& name : c.strategies) {
    ReportStrategy s;
    s.name = name;
    s.description = evil;
    s.settings = evil;
    s.over_time = {{0, 1}, {0.1, 0.2}, {0.05, 0.15}, {0.15, 0.25}};
    in.strategies.push_back(s);
  }
  in.warnings = {evil};
  in.network_caption = evil;
  const std::string html = render_report(in);
  CHECK_THAT(html, !Catch::Contains("<script"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_THAT(html, Catch::Contains("<table class=\"ranking\" id=\"ranking\">"));
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++svgs;
  CHECK(svgs == 3);  // no network picture given
  // Self-contained: nothing fetched.
  CHECK_THAT(html, !Catch::Contains("<link"));
  CHECK_THAT(html, !Catch::Contains("src="));
}
