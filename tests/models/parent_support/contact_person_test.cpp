// One fixed contact person for sensitive cases, and its continuity (M16, seed 002 sec. 4;
// mechanisms/contact_person.cpp, approach.cpp).

#include <catch2/catch.hpp>

#include "models/community_schema.hpp"
#include "pattern_harness.hpp"
#include "stepped_run.hpp"

using namespace village;
using namespace village::parent_support;
using namespace pattern;
using village::test::SteppedRun;

namespace {

constexpr auto kSensitive = static_cast<std::uint8_t>(community::ParentType::sensitive);

// Personal contacts to sensitive parents with a contact person over 26 weeks of a matched
// approach: how many, and how many came from someone else.
std::pair<std::size_t, std::size_t> sensitive_contacts(bool fixed) {
  SteppedRun run("district.toml", {{"outreach.approach", ParamValue(std::string("matched"))},
                                   {"fixed_contact_person", ParamValue(fixed)}});
  std::size_t contacts = 0, from_others = 0;
  for (std::uint64_t week = 0; week < 26; ++week) {
    run.run_until(week + 1);
    const State& st = run.state();
    for (const Contact& c : st.contact_book.contacts) {
      if (c.channel != Channel::personal) continue;
      const std::size_t p = run.view().parent_index(c.parent);
      if (run.view().parent_type[p] != kSensitive || st.contact_person[p] == kNoAgent) continue;
      ++contacts;
      from_others += c.source != st.contact_person[p];
    }
  }
  return {contacts, from_others};
}

}  // namespace

TEST_CASE(
    "in the matched approach a sensitive parent is contacted by its one contact person "
    "only (M16)",
    "[parent_support][pattern]") {
  const auto [contacts, from_others] = sensitive_contacts(true);
  CHECK(contacts > 20);
  CHECK(from_others == 0);
  // Without the fixed contact person, others contact them too.
  const auto [all_contacts, others] = sensitive_contacts(false);
  CHECK(others > 0);
  CHECK(all_contacts > contacts);
}

TEST_CASE(
    "continuity of the contact person matters: staff turnover lowers the reach of "
    "sensitive parents (M16)",
    "[parent_support][pattern]") {
  const auto matched = set("outreach.approach", std::string("matched"));
  const PairedRuns runs = run_pairs("district.toml", both(matched, set("contact_turnover", 0.0)),
                                    both(matched, set("contact_turnover", 0.3)));
  // A small effect over one year: 0.4 points (7.1% against 7.5%, docs/ODD.md 7.9).
  check_direction(runs, "reach", "type:sensitive");
  for (std::uint32_t r = 0; r < kPairs; ++r) {
    CHECK(sum_over_weeks(runs.a[r], "contact_person_changes") == 0);
    CHECK(sum_over_weeks(runs.b[r], "contact_person_changes") > 0);
  }
}

TEST_CASE(
    "the approach that works for a sensitive case is its contact person: others can "
    "only approach it as any parent (M16)",
    "[parent_support][pattern]") {
  SteppedRun run("district.toml", {{"outreach.approach", ParamValue(std::string("matched"))},
                                   {"fixed_contact_person", ParamValue(false)}});
  std::size_t by_person = 0, by_others = 0;
  for (std::uint64_t week = 0; week < 26; ++week) {
    run.run_until(week + 1);
    const State& st = run.state();
    for (const Contact& c : st.contact_book.contacts) {
      const std::size_t p = run.view().parent_index(c.parent);
      if (c.channel != Channel::personal || run.view().parent_type[p] != kSensitive ||
          st.contact_person[p] == kNoAgent)
        continue;
      // Every professional practises the matched approach here (matching 1).
      const bool own = c.source == st.contact_person[p];
      CHECK(c.matched == own);
      (own ? by_person : by_others) += 1;
    }
  }
  CHECK(by_person > 0);
  CHECK(by_others > 0);
}
