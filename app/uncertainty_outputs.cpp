#include "app/uncertainty_outputs.hpp"

#include <nlohmann/json.hpp>

#include "sim/error.hpp"
#include "sim/output.hpp"

namespace village {

std::string encode_uncertainty_result(const uncertainty::StudyRun& run) {
  // Text, not binary: format_value round-trips doubles, so resumed runs give the same bytes.
  return nlohmann::json::array(
             {format_value(run.value), format_value(run.euros), format_value(run.group_size)})
      .dump();
}

uncertainty::StudyRun decode_uncertainty_result(const std::string& line) {
  try {
    const nlohmann::json json = nlohmann::json::parse(line);
    return {std::stod(json.at(0).get<std::string>()), std::stod(json.at(1).get<std::string>()),
            std::stod(json.at(2).get<std::string>())};
  } catch (const std::exception&) {
    throw InputError({"tasks.journal"}, "a recorded run is not one this version wrote",
                     "remove the output folder's tasks.journal and run again");
  }
}

double param_as_number(const ParamValue& value) {
  if (const double* number = std::get_if<double>(&value)) return *number;
  if (const bool* flag = std::get_if<bool>(&value)) return *flag ? 1.0 : 0.0;
  return 0.0;  // text levels: not ordered; the command refuses them (uncertainty_command.cpp)
}

std::vector<std::string> uncertainty_files() {
  return {"uncertainty.csv", "acceptability.csv", "drivers.csv", "report.html", "manifest.json"};
}

}  // namespace village
