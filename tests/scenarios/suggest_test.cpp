#include "scenarios/suggest.hpp"

#include <catch2/catch.hpp>

TEST_CASE("edit distance counts insertions, deletions and substitutions", "[unit]") {
  CHECK(village::edit_distance("steps", "steps") == 0);
  CHECK(village::edit_distance("stpes", "steps") == 2);
  CHECK(village::edit_distance("step", "steps") == 1);
  CHECK(village::edit_distance("", "abc") == 3);
  CHECK(village::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("did you mean names the closest candidate or lists them", "[unit]") {
  const std::vector<std::string> keys{"steps", "replicates", "seed"};
  CHECK(village::did_you_mean("stpes", keys) == "did you mean 'steps'?");
  CHECK(village::did_you_mean("replicate", keys) == "did you mean 'replicates'?");
  CHECK(village::did_you_mean("zzzzzzzz", keys) == "expected one of: steps, replicates, seed");
  CHECK(village::closest_name("xyz", keys).empty());
}
