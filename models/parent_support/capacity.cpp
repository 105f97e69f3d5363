#include "models/parent_support/capacity.hpp"

#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

std::vector<ParamSpec> CapacityParams::specs() {
  const std::string seed = "seed 004; seed 002 sec. 3; magnitude: assumption, swept";
  return {
      real_param("incident_hours", 1.5, 0, 40, "hours", "M22", seed,
                 "professional hours for the conversation after an incident"),
      real_param("question_hours", 0.5, 0, 40, "hours", "M22", seed,
                 "professional hours for answering a parent's question"),
      real_param("conversation_hours", 2, 0, 40, "hours per conversation", "M22", seed,
                 "professional hours to join one conversation in an organisation"),
      real_param("introduction_hours", 1, 0, 40, "hours", "M22", seed,
                 "professional hours for a key figure's introduction of a parent"),
      real_param("personal_contact_hours", 0.5, 0.05, 40, "hours", "M22", seed,
                 "professional hours for one proactive personal contact, a short talk or call "
                 "with its preparation (uniform approach)"),
  };
}

CapacityParams CapacityParams::from(const ParamValues& values) {
  return {values.real("incident_hours"), values.real("question_hours"),
          values.real("conversation_hours"), values.real("introduction_hours"),
          values.real("personal_contact_hours")};
}

}  // namespace village::parent_support
