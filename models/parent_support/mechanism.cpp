// A step's checked access to the state (mechanism.hpp).

#include "models/parent_support/mechanism.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace village::parent_support {

void Access::check(Column column, const ColumnSet& allowed, const char* what) const {
  if (allowed[static_cast<std::size_t>(column)]) return;
  throw std::logic_error(fmt::format("parent_support step '{}' may not {} column '{}': declare it",
                                     who_, what, column_info(column).name));
}

}  // namespace village::parent_support
