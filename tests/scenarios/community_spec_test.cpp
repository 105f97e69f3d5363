// The [community] section as a user writes it: input errors are refused by
// load_scenario with an InputError at the offending file:line:column, and a valid file
// keeps every value, defaults included, for the manifest.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenarios/scenario.hpp"

namespace fs = std::filesystem;
using namespace village;

namespace {

fs::path write_scenario(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "village_community_spec_test";
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path) << text;
  return path;
}

const std::string kModel = "[model]\nkind = \"parent_support\"\n";

// The InputError load_scenario throws for `text`.
InputError load_error(const std::string& name, const std::string& text) {
  const fs::path path = write_scenario(name, text);
  try {
    load_scenario(path);
  } catch (const InputError& error) {
    CHECK(error.where().file == path.string());
    return error;
  }
  FAIL("load_scenario accepted " << name);
  return InputError({}, "", "");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("community spec: parent-type shares must add up to 1", "[unit][community]") {
  const auto error = load_error("types.toml", R"([community]
households = 1000
engaged_share = 0.6
denying_share = 0.2
)" + kModel);
  INFO(error.format());
  CHECK(contains(error.problem(), "parent-type shares add up to 1.05, not 1"));
  CHECK(contains(error.hint(), "engaged_share + denying_share + absent_share + sensitive_share"));
  CHECK(error.where().line == 3);
  CHECK(error.where().column == 17);  // engaged_share's value
}

TEST_CASE("community spec: the communities' shares must add up to 1", "[unit][community]") {
  const auto error = load_error("community_shares.toml", R"([community]
households = 1000

[[community.communities]]
name = "a"
share = 0.5

[[community.communities]]
name = "b"
share = 0.3
)" + kModel);
  INFO(error.format());
  CHECK(contains(error.problem(), "communities' shares add up to 0.8, not 1"));
  CHECK(contains(error.hint(), "[[community.communities]]"));
  CHECK(error.where().line == 4);  // the first [[community.communities]]
  CHECK(error.where().column == 1);
}

TEST_CASE("community spec: unknown keys are refused with a did-you-mean", "[unit][community]") {
  SECTION("in [community]") {
    const auto error = load_error("unknown_community.toml", R"([community]
households = 1000
segregaton = 0.5
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "unknown key 'segregaton' in [community]");
    CHECK(error.hint() == "did you mean 'segregation'?");
    CHECK(error.where().line == 3);
    CHECK(error.where().column == 1);
  }
  SECTION("in [[community.communities]]") {
    const auto error = load_error("unknown_entry.toml", R"([community]
households = 1000

[[community.communities]]
name = "a"
shar = 1
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "unknown key 'shar' in [community.communities]");
    CHECK(error.hint() == "did you mean 'share'?");
    CHECK(error.where().line == 6);
    CHECK(error.where().column == 1);
  }
  SECTION("in a membership table") {
    const auto error = load_error("unknown_membership.toml", R"([community]
households = 1000

[[community.communities]]
name = "a"
share = 1
membership = { church = 0.2, mosqe = 0.5 }
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "unknown key 'mosqe' in [community.communities.membership]");
    CHECK(error.hint() == "did you mean 'mosque'?");
    CHECK(error.where().line == 7);
    CHECK(error.where().column == 30);
  }
  SECTION("in [community.key_figures]") {
    const auto error = load_error("unknown_key_figures.toml", R"([community]
households = 1000

[community.key_figures]
church_elder_per_1000 = 2
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "unknown key 'church_elder_per_1000' in [community.key_figures]");
    CHECK(error.hint() == "did you mean 'church_elders_per_1000'?");
    CHECK(error.where().line == 5);
    CHECK(error.where().column == 1);
  }
}

TEST_CASE("community spec: each community needs its own, non-empty name", "[unit][community]") {
  SECTION("no name") {
    const auto error = load_error("no_name.toml", R"([community]
households = 1000

[[community.communities]]
share = 1
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "a community has no name");
    CHECK(contains(error.hint(), "name = "));
    CHECK(error.where().line == 4);
    CHECK(error.where().column == 1);
  }
  SECTION("an empty name") {
    const auto error = load_error("empty_name.toml", R"([community]
households = 1000

[[community.communities]]
name = ""
share = 1
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "a community's name is empty");
    CHECK(error.where().line == 5);
    CHECK(error.where().column == 8);
  }
  SECTION("two communities with the same name") {
    const auto error = load_error("same_name.toml", R"([community]
households = 1000

[[community.communities]]
name = "reformed"
share = 0.5

[[community.communities]]
name = "reformed"
share = 0.5
)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "two communities are named \"reformed\"");
    CHECK(error.where().line == 9);  // the second name
    CHECK(error.where().column == 8);
  }
}

TEST_CASE("community spec: a membership that is not a table is refused", "[unit][community]") {
  const auto error = load_error("membership_value.toml", R"([community]
households = 1000

[[community.communities]]
name = "a"
share = 1
membership = 0.5
)" + kModel);
  INFO(error.format());
  CHECK(contains(error.problem(), "must be a table"));
  CHECK(error.where().line == 7);
  CHECK(error.where().column == 14);
}

TEST_CASE("community spec: households out of range or too many agents", "[unit][community]") {
  SECTION("households = 0") {
    const auto error = load_error("zero.toml", "[community]\nhouseholds = 0\n" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "community.households = 0 is out of range");
    CHECK(contains(error.hint(), "expected households in [1, "));
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 14);
  }
  SECTION("negative households") {
    const auto error = load_error("negative.toml", "[community]\nhouseholds = -5\n" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "community.households = -5 is out of range");
    CHECK(error.where().line == 2);
    CHECK(error.where().column == 14);
  }
  SECTION("a fraction of a household") {
    const auto error = load_error("fraction.toml", "[community]\nhouseholds = 10.5\n" + kModel);
    INFO(error.format());
    CHECK(contains(error.problem(), "community.households must be a whole number"));
    CHECK(error.where().line == 2);
  }
  SECTION("more agents than fit in a node id") {
    // 4e9 households in classes of 10: 4.4e9 agents with the teachers alone, more than
    // kMaxNodes = 4294967294.
    const auto error = load_error("too_many.toml", R"([community]
neighbourhoods = 100
households = 4000000000
class_size = 10
)" + kModel);
    INFO(error.format());
    CHECK(contains(error.problem(), "the community would hold about"));
    CHECK(contains(error.problem(), "agents"));
    CHECK(contains(error.hint(), "4294967294 agents"));
    CHECK(error.where().line == 3);
    CHECK(error.where().column == 14);
  }
}

TEST_CASE("community spec: the model decides between [network] and [community]",
          "[unit][community]") {
  SECTION("[network] given to parent_support") {
    const auto error = load_error("network_for_parents.toml", R"([community]
households = 1000

[network]
generator = "erdos_renyi"
nodes = 100

)" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "model kind \"parent_support\" does not read a [network]");
    CHECK(contains(error.hint(), "[community]"));
    CHECK(error.where().line == 4);
    CHECK(error.where().column == 1);
  }
  SECTION("[community] given to sir") {
    const auto error = load_error("community_for_sir.toml", R"([network]
generator = "erdos_renyi"
nodes = 100

[community]
households = 1000

[model]
kind = "sir"
)");
    INFO(error.format());
    CHECK(error.problem() == "model kind \"sir\" does not read a [community]");
    CHECK(contains(error.hint(), "[network]"));
    CHECK(error.where().line == 5);
    CHECK(error.where().column == 1);
  }
  SECTION("[outreach] given to sir") {
    const auto error = load_error("outreach_for_sir.toml", R"([network]
generator = "erdos_renyi"
nodes = 100

[model]
kind = "sir"

[outreach]
partnership = true
)");
    INFO(error.format());
    CHECK(error.problem() == "model kind \"sir\" does not read [outreach]");
    CHECK(error.where().line == 8);
    CHECK(error.where().column == 1);
  }
  SECTION("parent_support without [community]") {
    const auto error = load_error("no_community.toml", "[run]\nsteps = 10\n\n" + kModel);
    INFO(error.format());
    CHECK(error.problem() == "the scenario has no [community] section");
    CHECK(contains(error.hint(), "[community]"));
    CHECK(error.where().line == 1);
    CHECK(error.where().column == 1);
  }
}

TEST_CASE("community spec: a valid file keeps every key, defaults included", "[unit][community]") {
  const fs::path path =
      write_scenario("defaults.toml", "[community]\nhouseholds = 1200\n" + kModel);
  const Scenario scenario = load_scenario(path);
  REQUIRE(scenario.community.has_value());
  CHECK(scenario.world_kind() == "community");
  const auto json = community_to_json(*scenario.community);
  CHECK(scenario.to_json()["community"] == json);
  const auto& sections = community_param_sections();
  REQUIRE(sections.size() == 5);
  const auto check_defaults = [](const nlohmann::ordered_json& values,
                                 const std::vector<ParamSpec>& specs, const std::string& where) {
    for (const ParamSpec& spec : specs) {
      INFO(where << "." << spec.name);
      REQUIRE(values.contains(spec.name));
      if (spec.type == ParamType::text) continue;
      if (where == "community" && spec.name == "households") {
        CHECK(values[spec.name].get<double>() == 1200);
      } else {
        CHECK(values[spec.name].get<double>() == spec.default_number);
      }
    }
  };
  // [community]: its keys plus the four sub-tables, nothing else.
  CHECK(sections[0].name == "community");
  check_defaults(json, sections[0].specs, "community");
  CHECK(json.size() == sections[0].specs.size() + 4);
  check_defaults(json["organisations"], sections[2].specs, "organisations");
  CHECK(json["organisations"].size() == sections[2].specs.size());
  check_defaults(json["professionals"], sections[3].specs, "professionals");
  CHECK(json["professionals"].size() == sections[3].specs.size());
  check_defaults(json["key_figures"], sections[4].specs, "key_figures");
  CHECK(json["key_figures"].size() == sections[4].specs.size());
  // Without [[community.communities]] one community holds everybody.
  REQUIRE(json["communities"].size() == 1);
  const auto& everyone = json["communities"][0];
  CHECK(everyone["name"] == "everyone");
  CHECK(everyone["share"].get<double>() == 1);
  for (const ParamSpec& spec : sections[1].specs) {
    INFO("communities." << spec.name);
    CHECK(everyone.contains(spec.name));
  }
  for (const char* key : {"low_income_share", "low_education_share", "single_parent_share",
                          "language_barrier_share", "institutional_trust_mean"})
    CHECK(everyone[key] == json[key]);
  REQUIRE(everyone["membership"].size() == 7);
  for (const char* kind : {"mosque", "church", "community_centre", "parent_room", "womens_network",
                           "migrant_organisation", "sports_club"})
    CHECK(everyone["membership"].contains(kind));
}

TEST_CASE("community spec: communities inherit [community]'s shares unless they override them",
          "[unit][community]") {
  const Scenario scenario = load_scenario(write_scenario("inherit.toml", R"([community]
households = 1200
low_income_share = 0.3
institutional_trust_mean = 0.45

[[community.communities]]
name = "a"
share = 0.25
low_income_share = 0.1
membership = { church = 0.7 }

[[community.communities]]
name = "b"
share = 0.75
)" + kModel));
  const auto json = community_to_json(*scenario.community);
  REQUIRE(json["communities"].size() == 2);
  const auto& a = json["communities"][0];
  const auto& b = json["communities"][1];
  CHECK(a["name"] == "a");
  CHECK(a["share"].get<double>() == 0.25);
  CHECK(a["low_income_share"].get<double>() == 0.1);
  CHECK(a["institutional_trust_mean"].get<double>() == 0.45);
  CHECK(a["membership"]["church"].get<double>() == 0.7);
  CHECK(a["membership"]["mosque"].get<double>() == 0);
  CHECK(b["name"] == "b");
  CHECK(b["low_income_share"].get<double>() == 0.3);
  CHECK(b["low_education_share"].get<double>() == json["low_education_share"].get<double>());
  CHECK(b["membership"]["church"].get<double>() == 0);
}

TEST_CASE("community spec: the example scenarios load", "[unit][community]") {
  for (const char* name : {"city_district.toml", "small_municipality.toml"}) {
    INFO(name);
    const Scenario scenario =
        load_scenario(fs::path(VILLAGE_SOURCE_DIR) / "scenarios/examples" / name);
    REQUIRE(scenario.community.has_value());
    CHECK(scenario.model->kind == "parent_support");
    CHECK(scenario.expected_agents() > scenario.community->values.real("households"));
  }
}
