#pragma once
// The parent-support model's parameters: every mechanism's Params (mechanisms/, M1-M22)
// and the [outreach] plan of interventions (outreach_plan.hpp), read once per run.

#include <vector>

#include "models/parent_support/mechanisms/approach.hpp"
#include "models/parent_support/mechanisms/capacity.hpp"
#include "models/parent_support/mechanisms/channels.hpp"
#include "models/parent_support/mechanisms/groups.hpp"
#include "models/parent_support/mechanisms/help_seeking.hpp"
#include "models/parent_support/mechanisms/incidents.hpp"
#include "models/parent_support/mechanisms/informal_organisations.hpp"
#include "models/parent_support/mechanisms/key_figures.hpp"
#include "models/parent_support/mechanisms/norms.hpp"
#include "models/parent_support/mechanisms/support.hpp"
#include "models/parent_support/mechanisms/tone.hpp"
#include "models/parent_support/mechanisms/trust.hpp"
#include "models/parent_support/mechanisms/volunteers.hpp"
#include "models/parent_support/mechanisms/wellbeing.hpp"
#include "models/parent_support/outreach_plan.hpp"
#include "sim/parameters.hpp"

namespace village::parent_support {

struct ModelParams {
  TrustParams trust;
  ToneParams tone;
  ApproachParams approach;
  ChannelParams channels;
  KeyFigureParams key_figures;
  OrganisationParams organisations;
  IncidentParams incidents;
  HelpSeekingParams help;
  CapacityParams capacity;
  WellbeingParams wellbeing;
  SupportParams support;
  NormParams norms;
  GroupParams groups;
  VolunteerParams volunteers;
  OutreachPlan plan;

  static ModelParams from(const ParamValues& values);
};

// The [model] declarations (all mechanisms) and the extra [outreach] table.
std::vector<ParamSpec> model_specs();
std::vector<ParamTable> extra_tables();
// Defaults of [model] and [outreach] together ("outreach.<key>"), as a loaded scenario
// passes them to the model.
ParamValues default_values();

}  // namespace village::parent_support
