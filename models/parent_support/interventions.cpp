// What every intervention shares (seeds digest, "Interventions"; ODD 7.25): the
// catalogue's info, the window and price keys, and the budget ledger (Spending).

#include "models/parent_support/interventions.hpp"

#include <algorithm>
#include <stdexcept>

#include "models/parent_support/interventions/programme.hpp"
#include "models/parent_support/param_helpers.hpp"

namespace village::parent_support {

namespace {

std::string key(std::string_view intervention, const char* suffix) {
  std::string name(intervention);
  name += '_';
  name += suffix;
  return name;
}

std::string outreach_key(std::string_view intervention, const char* suffix) {
  return "outreach." + key(intervention, suffix);
}

// An assumed price: 0.7 to 1.5 times its default (tariffs differ between municipalities
// and providers, and overruns are likelier than savings); a price assumed zero may be up
// to `if_free` euros.
ParamSpec price_range(ParamSpec spec, double if_free) {
  const double price = spec.default_number;
  if (price > 0)
    return plausible(std::move(spec), 0.7 * price, 1.5 * price,
                     "judgement: tariffs differ between municipalities and providers; "
                     "overruns likelier than savings");
  return plausible(std::move(spec), 0, if_free,
                   "judgement: assumed free; a small charge (room, material) is plausible");
}

}  // namespace

const std::array<InterventionInfo, kInterventionCount>& intervention_catalogue() {
  static const std::array<InterventionInfo, kInterventionCount> catalogue = [] {
    std::array<InterventionInfo, kInterventionCount> list{};
    const auto& programmes = programme_catalogue();
    if (programmes.size() != kInterventionCount)
      throw std::logic_error("intervention catalogue: wrong number of interventions");
    for (std::size_t n = 0; n < kInterventionCount; ++n)
      list[n] = programmes[n].info;
    return list;
  }();
  return catalogue;
}

const InterventionInfo& info(Intervention intervention) {
  return intervention_catalogue()[static_cast<std::size_t>(intervention)];
}

std::vector<ParamSpec> intervention_term_specs() {
  std::vector<ParamSpec> specs;
  for (const InterventionInfo& i : intervention_catalogue()) {
    const std::string label(i.label);
    const std::string source(i.cost_source);
    specs.push_back(integer_param(
        key(i.name, "start_week"), 0, 0, 1e6, "week", std::string(i.mechanisms), "scenario",
        "first week of the " + label + " (within [outreach] start_week and end_week)"));
    specs.push_back(integer_param(key(i.name, "end_week"), 1e6, 0, 1e6, "week",
                                  std::string(i.mechanisms), "scenario",
                                  "week in which the " + label + " stops (exclusive)"));
    ParamSpec hourly =
        real_param(key(i.name, "euros_per_hour"), i.euros_per_hour, 0, 1e6, "euros per hour",
                   std::string(i.mechanisms), source,
                   "price of an hour (professional or programme) the " + label + " takes");
    specs.push_back(i.euros_per_hour > 0
                        ? plausible(std::move(hourly), 0.8 * i.euros_per_hour,
                                    1.4 * i.euros_per_hour,
                                    "judgement: CAO Gemeenten scales 8 to 11 with 30 to 60 per "
                                    "cent overhead")
                        : price_range(std::move(hourly), 60));
    if (!i.contact.empty()) {
      specs.push_back(price_range(
          real_param(key(i.name, "euros_per_contact"), i.euros_per_contact, 0, 1e6,
                     "euros per contact", std::string(i.mechanisms), "assumption, swept",
                     "price of one contact of the " + label + ": a " + std::string(i.contact)),
          1));
    }
    if (!i.meeting.empty()) {
      specs.push_back(price_range(
          real_param(key(i.name, "euros_per_meeting"), i.euros_per_meeting, 0, 1e6,
                     "euros per meeting", std::string(i.mechanisms), "assumption, swept",
                     "price of one " + std::string(i.meeting) + " of the " + label +
                         " (room, material, speaker)"),
          50));
    }
    specs.push_back(
        price_range(real_param(key(i.name, "fixed_euros"), i.fixed_euros, 0, 1e9, "euros",
                               std::string(i.mechanisms), "assumption, swept",
                               "set-up cost of the " + label + ", paid in its first week"),
                    2000));
  }
  return bought(std::move(specs));
}

std::array<InterventionTerms, kInterventionCount> read_intervention_terms(
    const ParamValues& values) {
  std::array<InterventionTerms, kInterventionCount> terms{};
  for (std::size_t n = 0; n < kInterventionCount; ++n) {
    const InterventionInfo& i = intervention_catalogue()[n];
    InterventionTerms& t = terms[n];
    t.start_week = values.real(outreach_key(i.name, "start_week"));
    t.end_week = values.real(outreach_key(i.name, "end_week"));
    t.euros_per_hour = values.real(outreach_key(i.name, "euros_per_hour"));
    if (!i.contact.empty())
      t.euros_per_contact = values.real(outreach_key(i.name, "euros_per_contact"));
    if (!i.meeting.empty())
      t.euros_per_meeting = values.real(outreach_key(i.name, "euros_per_meeting"));
    t.fixed_euros = values.real(outreach_key(i.name, "fixed_euros"));
  }
  return terms;
}

void Spending::begin_week(std::uint64_t week) {
  week_ = week;
  reserved_ = 0;
  reserved_by_.fill(0);
  week_euros_.fill(0);
  week_use_.fill({});
  running_.fill(0);
}

bool Spending::reserve(Intervention i, const Use& most) {
  const std::size_t n = index(i);
  if (stopped(i)) return false;
  const double fixed = started_[n] ? 0.0 : terms_[n].fixed_euros;
  const double euros = terms_[n].price(most) + fixed;
  if (capped() && spent_ + reserved_ + euros > budget_) {
    stop_week_[n] = static_cast<std::int64_t>(week_);
    return false;
  }
  if (!started_[n]) {
    started_[n] = 1;
    spent_ += fixed;
    week_euros_[n] += fixed;
  }
  reserved_ += euros - fixed;
  reserved_by_[n] += euros - fixed;
  running_[n] = 1;
  return true;
}

void Spending::charge(Intervention i, const Use& used) {
  const std::size_t n = index(i);
  const double euros = terms_[n].price(used);
  const double from_reserve = std::min(euros, reserved_by_[n]);
  reserved_by_[n] -= from_reserve;
  reserved_ -= from_reserve;
  spent_ += euros;
  week_euros_[n] += euros;
  week_use_[n] += used;
}

void Spending::end_week() {
  reserved_ = 0;
  reserved_by_.fill(0);
}

double Spending::week_total() const {
  double total = 0;
  for (double e : week_euros_)
    total += e;
  return total;
}

}  // namespace village::parent_support
