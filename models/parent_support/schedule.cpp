// The parent-support week, one line per step in the order they run (M1-M22). A new
// mechanism is a file in mechanisms/ defining <name>_step() and a line here.

#include "models/parent_support/schedule.hpp"

#include <fmt/format.h>

#define VILLAGE_WEEK(X)   \
  X(budget)               \
  X(incidents)            \
  X(help_seeking)         \
  X(support_point_visits) \
  X(capacity)             \
  X(partnership)          \
  X(parent_groups)        \
  X(parent_network)       \
  X(theme_evenings)       \
  X(voice)                \
  X(fit)                  \
  X(parent_support_point) \
  X(practice)             \
  X(training)             \
  X(key_figure_programme) \
  X(contact_person)       \
  X(approach)             \
  X(trust)                \
  X(groups)               \
  X(evenings)             \
  X(word_of_mouth)        \
  X(ties_formed)          \
  X(support)              \
  X(norms)                \
  X(buddy_programme)      \
  X(tie_decay)            \
  X(wellbeing)            \
  X(competence_decay)     \
  X(volunteers)           \
  X(networks)             \
  X(ledger_close)

namespace village::parent_support {

#define VILLAGE_DECLARE(name) StepInfo name##_step();
VILLAGE_WEEK(VILLAGE_DECLARE)
#undef VILLAGE_DECLARE

const std::vector<StepInfo>& week_schedule() {
  static const std::vector<StepInfo> steps{
#define VILLAGE_ENTRY(name) name##_step(),
      VILLAGE_WEEK(VILLAGE_ENTRY)
#undef VILLAGE_ENTRY
  };
  return steps;
}

std::vector<std::string> schedule_order_problems(const std::vector<StepInfo>& steps) {
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Columns& mine = steps[i].columns;
    ColumnSet later;
    for (std::size_t j = i + 1; j < steps.size(); ++j)
      later |= steps[j].columns.writes;
    const ColumnSet pure_reads = mine.reads & ~mine.writes;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      const auto column = static_cast<Column>(c);
      if (pure_reads[c] && later[c] && !mine.reads_previous[c])
        problems.push_back(fmt::format(
            "{} reads {}, which a later step writes, without declaring it reads_previous",
            steps[i].name, column_info(column).name));
      if (mine.reads_previous[c] && !(pure_reads[c] && later[c]))
        problems.push_back(fmt::format(
            "{} declares reads_previous {}, which it does not read or no later step writes",
            steps[i].name, column_info(column).name));
    }
  }
  return problems;
}

namespace {

std::string names(const ColumnSet& set) {
  std::string out;
  for (std::size_t c = 0; c < kColumnCount; ++c) {
    if (!set[c]) continue;
    if (!out.empty()) out += ", ";
    out += column_info(static_cast<Column>(c)).name;
  }
  return out.empty() ? "-" : out;
}

constexpr const char* kind_name(StepKind kind) {
  switch (kind) {
    case StepKind::mechanism:
      return "mechanism";
    case StepKind::intervention:
      return "intervention";
    case StepKind::ledger:
      return "budget";
  }
  return "";
}

}  // namespace

std::string schedule_table(const std::vector<StepInfo>& steps) {
  std::string out =
      "| # | step | kind | ids | what happens | reads | writes | reads as before later steps |\n"
      "|---|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const StepInfo& s = steps[i];
    out += fmt::format("| {} | `{}` | {} | {} | {} | {} | {} | {} |\n", i + 1, s.name,
                       kind_name(s.kind), s.ids.empty() ? "-" : s.ids, s.summary,
                       names(s.columns.reads & ~s.columns.writes), names(s.columns.writes),
                       names(s.columns.reads_previous));
  }
  return out;
}

}  // namespace village::parent_support
