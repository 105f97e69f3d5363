#pragma once
// The parent-support week: every step, mechanism or intervention, in the order it runs
// (schedule.cpp), and the checks and the ODD table made from it.

#include <string>
#include <vector>

#include "models/parent_support/mechanism.hpp"

namespace village::parent_support {

// The steps of one week, in order.
const std::vector<StepInfo>& week_schedule();

// The declared orders the schedule breaks: a step reading a column (not as
// reads_previous) that a later step of the week writes, or declaring reads_previous a
// column no later step writes. Empty when the order is sound.
std::vector<std::string> schedule_order_problems(const std::vector<StepInfo>& steps);

// The ODD's schedule table (docs/ODD.md, "Process overview and scheduling"), in Markdown.
std::string schedule_table(const std::vector<StepInfo>& steps);

}  // namespace village::parent_support
