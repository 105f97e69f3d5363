#pragma once
// What one step of the parent-support week is (docs/ODD.md, section 3): a mechanism
// (mechanisms/) or an intervention's delivery (interventions/), with the state columns it
// declares and one function that advances it by a week. schedule.cpp lists them in order.

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "models/parent_support/community_view.hpp"
#include "models/parent_support/model_params.hpp"
#include "models/parent_support/state.hpp"
#include "sim/rng.hpp"
#include "sim/world.hpp"

namespace village::parent_support {

using ColumnSet = std::bitset<kColumnCount>;

inline ColumnSet columns(std::initializer_list<Column> list) {
  ColumnSet set;
  for (Column c : list)
    set.set(static_cast<std::size_t>(c));
  return set;
}

// The columns a step declares: what it reads, what it writes (a written column may also
// be read), and, among those it reads, the ones a later step of the same week writes:
// it sees them as they were before that step (an intended order, such as professionals'
// hours taken first come, first served).
struct Columns {
  ColumnSet reads;
  ColumnSet writes;
  ColumnSet reads_previous;
  ColumnSet all() const { return reads | writes; }
};

// A step's view of the state: only the columns it declared, checked on every access
// (a step takes its references once per week). It records what was used, so that a test
// can check that the declarations are exact.
class Access {
 public:
  Access(State& state, const Columns& declared, std::string_view who)
      : state_(&state), declared_(&declared), who_(who) {}

  template <Column C>
  const typename ColumnOf<C>::Type& read() {
    check(C, declared_->all(), "read");
    used_reads_.set(static_cast<std::size_t>(C));
    return ColumnOf<C>::in(*state_);
  }
  template <Column C>
  typename ColumnOf<C>::Type& write() {
    check(C, declared_->writes, "write");
    used_writes_.set(static_cast<std::size_t>(C));
    return ColumnOf<C>::in(*state_);
  }
  const ColumnSet& used_reads() const { return used_reads_; }
  const ColumnSet& used_writes() const { return used_writes_; }

 private:
  // Throws std::logic_error naming the step and the column.
  void check(Column column, const ColumnSet& allowed, const char* what) const;

  State* state_;
  const Columns* declared_;
  std::string_view who_;
  ColumnSet used_reads_, used_writes_;
};

// What a step advances from: the world (for the targeting rules, which read layers by
// name), the community, the parameters, the week, the run's stream and its columns.
struct Week {
  World& world;
  const CommunityView& view;
  const ModelParams& params;
  const ParamValues& values;  // for the parameters a step registers itself (StepInfo)
  std::uint64_t week;
  const RandomStream& rng;
  Access& state;
};

enum class StepKind : std::uint8_t { mechanism, intervention, ledger };

struct StepInfo {
  std::string_view name;
  StepKind kind = StepKind::mechanism;
  std::string_view ids;      // mechanism ids of the seeds digest, "M1, M6"
  std::string_view sources;  // seeds and papers
  std::string_view summary;  // one line, for the ODD's schedule
  Columns columns;
  void (*initialize)(Week& week) = nullptr;  // sets what it owns at week 0 (draws at step 0)
  void (*advance)(Week& week) = nullptr;
  // The [model] keys the step registers itself (mechanisms whose Params are not part of
  // ModelParams); read from Week::values.
  std::vector<ParamSpec> (*params)() = nullptr;
  // Columns initialize sets that the weekly function only reads (or leaves alone).
  ColumnSet sets_up;
};

}  // namespace village::parent_support
