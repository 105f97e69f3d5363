#include "arrays.hpp"

namespace village::python {

py::list to_list(const std::vector<std::string>& names) {
  py::list list;
  for (const std::string& name : names)
    list.append(py::str(name));
  return list;
}

}  // namespace village::python
