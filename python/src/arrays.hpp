#pragma once
// numpy arrays that own a std::vector: the vector moves into a capsule that the array
// holds as its base, so a column crosses into Python without a copy.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace village::python {

namespace py = pybind11;

// Marks an array read-only: results are records of what ran, so that writing them back
// (or analysing a network) is faithful to it.
inline void make_read_only(py::array& array) {
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
}

template <typename T>
py::array_t<T> to_numpy(std::vector<T>&& values) {
  auto* owned = new std::vector<T>(std::move(values));
  py::capsule owner(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  py::array_t<T> array(static_cast<py::ssize_t>(owned->size()), owned->data(), owner);
  make_read_only(array);
  return array;
}

// Text values as codes into a list of categories, in order of first appearance.
class Categories {
 public:
  std::int32_t code(const std::string& name) {
    const auto [it, added] = codes_.try_emplace(name, static_cast<std::int32_t>(names_.size()));
    if (added) names_.push_back(name);
    return it->second;
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::unordered_map<std::string, std::int32_t> codes_;
  std::vector<std::string> names_;
};

py::list to_list(const std::vector<std::string>& names);

}  // namespace village::python
