#pragma once
// The parts of the _village extension, each registering its functions.

#include <pybind11/pybind11.h>

namespace village::python {

namespace py = pybind11;

void register_run(py::module_& m);       // run_binding.cpp
void register_commands(py::module_& m);  // commands_binding.cpp
void register_network(py::module_& m);   // network_binding.cpp

}  // namespace village::python
