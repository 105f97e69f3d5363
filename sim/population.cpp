#include "sim/population.hpp"

#include <stdexcept>

namespace village {

Population::Population(const std::vector<std::pair<std::string, NodeId>>& kind_sizes) {
  std::uint64_t total = 0;
  for (const auto& [name, count] : kind_sizes) {
    if (total + count > kMaxNodes) throw std::length_error("Population: too many agents");
    kinds_.push_back({name, static_cast<NodeId>(total), static_cast<NodeId>(total + count)});
    total += count;
  }
  size_ = static_cast<NodeId>(total);
}

const KindRange& Population::kind(const std::string& name) const {
  for (const auto& range : kinds_) {
    if (range.name == name) return range;
  }
  throw std::invalid_argument("Population: no agent kind '" + name + "'");
}

void Population::assign_groups(std::vector<std::string> names,
                               std::vector<std::uint32_t> group_of) {
  if (group_of.size() != size_) throw std::invalid_argument("Population: one group per agent");
  for (auto g : group_of) {
    if (g >= names.size()) throw std::invalid_argument("Population: group index out of range");
  }
  group_names_ = std::move(names);
  group_of_ = std::move(group_of);
}

std::vector<double>& Population::real_column(const std::string& name) {
  auto [it, inserted] = reals_.try_emplace(name);
  if (inserted) it->second.assign(size_, 0.0);
  return it->second;
}

const std::vector<double>& Population::real_column(const std::string& name) const {
  const auto it = reals_.find(name);
  if (it == reals_.end()) throw std::invalid_argument("Population: no column '" + name + "'");
  return it->second;
}

}  // namespace village
