#pragma once
// The agents of a run as a structure of arrays. Agents of one kind (parents,
// professionals, organisations; or just "node" in a classic model) occupy one
// contiguous index range, so a model's hot loop is a plain loop over a range.
// Every agent also belongs to one reporting group (a block of a stochastic block
// model, a community, ...); observers record metrics for "all" and per group.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/csr_layer.hpp"

namespace village {

struct KindRange {
  std::string name;
  NodeId begin = 0;
  NodeId end = 0;  // one past the last
  NodeId size() const { return end - begin; }
};

class Population {
 public:
  Population() = default;
  // Kinds in the order given, each a contiguous range; all agents in group 0 ("all").
  explicit Population(const std::vector<std::pair<std::string, NodeId>>& kind_sizes);

  NodeId size() const { return size_; }
  const std::vector<KindRange>& kinds() const { return kinds_; }
  const KindRange& kind(const std::string& name) const;

  // Reporting groups. With no groups assigned every agent is in no group but "all".
  void assign_groups(std::vector<std::string> names, std::vector<std::uint32_t> group_of);
  const std::vector<std::string>& group_names() const { return group_names_; }
  const std::vector<std::uint32_t>& group_of() const { return group_of_; }

  // Named attribute columns, one value per agent, created zero-filled on first use.
  std::vector<double>& real_column(const std::string& name);
  const std::vector<double>& real_column(const std::string& name) const;
  bool has_real_column(const std::string& name) const { return reals_.count(name) != 0; }

  // Agent labels from an imported network (null: agents are numbered from 0). Shared,
  // because every replicate's world carries the same labels.
  std::shared_ptr<const std::vector<std::string>> labels;

 private:
  NodeId size_ = 0;
  std::vector<KindRange> kinds_;
  std::vector<std::string> group_names_;
  std::vector<std::uint32_t> group_of_;
  std::map<std::string, std::vector<double>> reals_;
};

}  // namespace village
