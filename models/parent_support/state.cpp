// The names, owners and meanings of the state's columns (state.hpp), for the schedule's
// checks, its ODD table and errors.

#include "models/parent_support/state.hpp"

#include <array>

namespace village::parent_support {

const ColumnInfo& column_info(Column column) {
  static const std::array<ColumnInfo, kColumnCount> table{{
#define VILLAGE_PS_INFO(name, owner, type, meaning) {#name, #owner, meaning},
#define VILLAGE_PS_LAYER_INFO(name, layer, meaning) {#name, "layer " layer, meaning},
      VILLAGE_PS_STATE(VILLAGE_PS_INFO) VILLAGE_PS_LAYERS(VILLAGE_PS_LAYER_INFO)
#undef VILLAGE_PS_LAYER_INFO
#undef VILLAGE_PS_INFO
  }};
  return table[static_cast<std::size_t>(column)];
}

namespace {

enum class Owner { parents, professionals, key_figures, organisations, schools, week };

template <Owner O, typename T>
void size_column(T& column, const std::array<std::size_t, 5>& sizes) {
  if constexpr (O != Owner::week)
    column.assign(sizes[static_cast<std::size_t>(O)], typename T::value_type{});
}

}  // namespace

void size_columns(State& state, std::size_t parents, std::size_t professionals,
                  std::size_t key_figures, std::size_t organisations, std::size_t schools) {
  const std::array<std::size_t, 5> sizes{parents, professionals, key_figures, organisations,
                                         schools};
#define VILLAGE_PS_SIZE(name, owner, type, meaning) size_column<Owner::owner>(state.name, sizes);
  VILLAGE_PS_STATE(VILLAGE_PS_SIZE)
#undef VILLAGE_PS_SIZE
}

}  // namespace village::parent_support
