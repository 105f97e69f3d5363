// Reads every mechanism's Params and the [outreach] plan once per run (M1-M22), and
// declares them for validation and the ODD's parameter tables.

#include "models/parent_support/model_params.hpp"

#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/schedule.hpp"

namespace village::parent_support {

ModelParams ModelParams::from(const ParamValues& values) {
  return {TrustParams::from(values),     ToneParams::from(values),
          ApproachParams::from(values),  ChannelParams::from(values),
          KeyFigureParams::from(values), OrganisationParams::from(values),
          IncidentParams::from(values),  HelpSeekingParams::from(values),
          CapacityParams::from(values),  WellbeingParams::from(values),
          SupportParams::from(values),   NormParams::from(values),
          GroupParams::from(values),     VolunteerParams::from(values),
          OutreachPlan::from(values)};
}

std::vector<ParamSpec> model_specs() {
  std::vector<ParamSpec> specs;
  append(specs, TrustParams::specs());
  append(specs, ToneParams::specs());
  append(specs, ApproachParams::specs());
  append(specs, ChannelParams::specs());
  append(specs, KeyFigureParams::specs());
  append(specs, OrganisationParams::specs());
  append(specs, IncidentParams::specs());
  append(specs, HelpSeekingParams::specs());
  append(specs, CapacityParams::specs());
  append(specs, WellbeingParams::specs());
  append(specs, SupportParams::specs());
  append(specs, NormParams::specs());
  append(specs, GroupParams::specs());
  append(specs, VolunteerParams::specs());
  // Mechanisms that register their own parameters (StepInfo::params).
  for (const StepInfo& step : week_schedule()) {
    if (step.params != nullptr) append(specs, step.params());
  }
  return specs;
}

std::vector<ParamTable> extra_tables() {
  return {{kOutreachTable,
           "the outreach a scenario switches on: channels, tone, approach, programmes",
           OutreachPlan::specs()}};
}

ParamValues default_values() {
  ParamValues values(model_specs());
  for (const ParamTable& table : extra_tables()) {
    const ParamValues defaults(table.specs);
    for (const auto& [name, value] : defaults.all())
      values.set(table.name + "." + name, value);
  }
  return values;
}

}  // namespace village::parent_support
