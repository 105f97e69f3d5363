// _village: the extension behind `import village` (python/village/__init__.py).
// village::InputError becomes village.InputError, whose message is the line the CLI prints
// ("error: <file:line:col>: <what>; <hint>"), with its parts as attributes.

#include <pybind11/pybind11.h>

#include "bindings.hpp"
#include "scenario_input.hpp"
#include "sim/error.hpp"
#include "village/version.hpp"

namespace py = pybind11;

namespace {

PyObject* g_input_error = nullptr;  // the exception type, owned by the module

void raise_input_error(const village::InputError& error) {
  const py::handle type(g_input_error);
  py::object exception = type(error.format());
  const village::SourceLocation& where = error.where();
  exception.attr("location") = where.to_string();
  exception.attr("file") = where.file;
  exception.attr("line") = where.line;
  exception.attr("column") = where.column;
  exception.attr("problem") = error.problem();
  exception.attr("hint") = error.hint();
  PyErr_SetObject(g_input_error, exception.ptr());
}

}  // namespace

PYBIND11_MODULE(_village, m) {
  m.doc() = "village's simulation core; use the `village` package";
  g_input_error = PyErr_NewExceptionWithDoc(
      "village.InputError",
      "A bad input: the message is the line `village` prints; location, file, line, column, "
      "problem and hint hold its parts.",
      PyExc_ValueError, nullptr);
  m.add_object("InputError", py::handle(g_input_error));
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const village::InputError& error) {
      raise_input_error(error);
    }
  });
  m.attr("__version__") = village::kVersion;
  m.attr("git_revision") = village::kGitRevision;
  m.def(
      "input_error",
      [](const std::string& where, const std::string& problem, const std::string& hint) {
        throw village::InputError({where}, problem, hint);
      },
      py::arg("where"), py::arg("problem"), py::arg("hint"),
      "Raises InputError formatted as the CLI formats one.");
  m.def("dict_to_toml", &village::python::dict_to_toml, py::arg("scenario"),
        "A scenario dict as the TOML text it runs as.");
  village::python::register_run(m);
  village::python::register_commands(m);
  village::python::register_network(m);
}
