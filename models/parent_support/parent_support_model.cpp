#include "models/parent_support/parent_support_model.hpp"

#include <algorithm>
#include <cmath>

#include "models/community_schema.hpp"
#include "models/parent_support/key_figure_targeting.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kIncident = purpose("ps.incident");
constexpr std::uint64_t kQuestion = purpose("ps.question");
constexpr std::uint64_t kSeek = purpose("ps.question.seek");
constexpr std::uint64_t kVisitOrder = purpose("ps.visit.order");
constexpr std::uint64_t kVisitAccept = purpose("ps.visit.accept");
constexpr std::uint64_t kIntroduce = purpose("ps.visit.introduce");
constexpr std::uint64_t kGrantOrder = purpose("ps.introduction.order");
constexpr std::uint64_t kContactOrder = purpose("ps.contact.order");
constexpr std::uint64_t kContactAccept = purpose("ps.contact.accept");
constexpr std::uint64_t kTone = purpose("ps.tone");

const std::string kCaseload(community::layer::caseload);
const std::string kKeyFigureLayer(community::layer::key_figures);
const std::string kMembership(community::layer::membership);
const std::string kOnlineLayer(community::layer::online);
const std::string kTrust = "trust";
const std::string kLastContact = "last_contact";
constexpr float kNever = -1e9f;

// Index of the arc source -> target, or end_arc(source) when absent (rows are sorted).
ArcIndex find_arc(const CsrLayer& layer, NodeId source, NodeId target) {
  const auto row = layer.neighbours(source);
  const auto it = std::lower_bound(row.begin(), row.end(), target);
  if (it == row.end() || *it != target) return layer.end_arc(source);
  return layer.first_arc(source) + static_cast<ArcIndex>(it - row.begin());
}

// How many of `per_week` events fall in `week` (fractional rates spread evenly).
std::uint32_t events_in_week(double per_week, std::uint64_t week) {
  const auto w = static_cast<double>(week);
  return static_cast<std::uint32_t>(std::floor((w + 1) * per_week) - std::floor(w * per_week));
}

// Candidates ordered least recently contacted first, ties broken by a random key.
struct Candidate {
  float last_contact;
  std::uint64_t key;
  NodeId parent;
  ArcIndex arc;
  bool operator<(const Candidate& other) const {
    if (last_contact != other.last_contact) return last_contact < other.last_contact;
    if (key != other.key) return key < other.key;
    return parent < other.parent;
  }
};

}  // namespace

ModelParams ModelParams::from(const ParamValues& values) {
  return {TrustParams::from(values),     ToneParams::from(values),
          ApproachParams::from(values),  ChannelParams::from(values),
          KeyFigureParams::from(values), OrganisationParams::from(values),
          IncidentParams::from(values),  HelpSeekingParams::from(values),
          CapacityParams::from(values),  OutreachPlan::from(values),
          NetworkParams::from(values)};
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
  append(specs, NetworkParams::specs());
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

void ParentSupportModel::initialize(World& world, const RandomStream& rng) {
  view_ = CommunityView::of(world);
  const NodeId parents = view_.parents.size();
  partnership_quality_ =
      params_.plan.partnership
          ? partnership_quality(params_.plan.conditions, params_.organisations.condition_weight)
          : 0.0;
  trust_in_institutions_ = view_.institutional_trust;
  willingness_.resize(parents);
  for (NodeId p = 0; p < parents; ++p)
    willingness_[p] = params_.tone.baseline_willingness[view_.parent_type[p]];
  participation_.assign(parents, 0.0);
  incidents_.assign(parents, 0);
  cooperative_.assign(parents, 0);
  weekly_contacts_.assign(parents, {});
  had_incident_.assign(parents, 0);
  brought_question_.assign(parents, 0);
  handler_.assign(parents, kNoAgent);
  hours_left_.assign(view_.professionals.size(), 0.0);
  spending_ = Spending(params_.plan.terms, params_.plan.budget_euros);
  network_.initialize(world, view_, trust_in_institutions_, spending_, rng);
  hosting_.assign(view_.organisations.size(), 0);
  enrolled_.assign(view_.key_figures.size(), 0);
  influencers_ = 0;
  for (auto role : view_.key_figure_role)
    influencers_ += role == static_cast<std::uint8_t>(community::KeyFigureRole::parent_influencer);

  // Trust lives on the arc parent -> professional or key figure; last_contact on the
  // arc from the professional or key figure, which only it writes.
  CsrLayer& caseload = world.layer(kCaseload);
  caseload.add_attribute(kTrust, 0.0f);
  caseload.add_attribute(kLastContact, kNever);
  auto case_trust = caseload.attribute(kTrust);
  for (NodeId p = 0; p < parents; ++p) {
    const NodeId agent = view_.parents.begin + p;
    const auto baseline =
        static_cast<float>(params_.trust.initial_tie_trust * trust_in_institutions_[p]);
    for (ArcIndex a = caseload.first_arc(agent); a < caseload.end_arc(agent); ++a)
      case_trust[a] = baseline;
  }
  CsrLayer& figures = world.layer(kKeyFigureLayer);
  figures.add_attribute(kTrust, 0.0f);
  figures.add_attribute(kLastContact, kNever);
  auto figure_trust = figures.attribute(kTrust);
  for (NodeId p = 0; p < parents; ++p) {
    const NodeId agent = view_.parents.begin + p;
    for (ArcIndex a = figures.first_arc(agent); a < figures.end_arc(agent); ++a) {
      const NodeId k = figures.targets()[a] - view_.key_figures.begin;
      const bool own = view_.key_figure_community[k] == view_.parent_community[p];
      figure_trust[a] =
          static_cast<float>(own ? params_.key_figures.trust_own : params_.key_figures.trust_other);
    }
  }
}

double ParentSupportModel::best_professional_trust(const CsrLayer& caseload,
                                                   std::span<const float> trust, NodeId parent,
                                                   NodeId* best) const {
  double highest = -1.0;
  *best = kNoAgent;
  for (ArcIndex a = caseload.first_arc(parent); a < caseload.end_arc(parent); ++a) {
    if (trust[a] > highest) {
      highest = trust[a];
      *best = caseload.targets()[a];
    }
  }
  return highest;
}

// Phase A.
void ParentSupportModel::happen_reactive(const World& world, std::uint64_t week,
                                         const RandomStream& rng) {
  const CsrLayer& caseload = world.layer(kCaseload);
  const auto trust = caseload.attribute(kTrust);
  const bool incidents_on = static_cast<double>(week) >= params_.incidents.from_week;
  // Weekly probabilities by number of vulnerability factors (0-4), computed once.
  std::array<double, 5> incident_chance{}, question_chance{};
  const double partnership =
      spending_.running(Intervention::partnership) ? partnership_quality_ : 0.0;
  for (int v = 0; v < 5; ++v) {
    incident_chance[v] = params_.incidents.weekly_probability(v);
    question_chance[v] = params_.help.weekly_probability(v);
  }
  for_each_index(0, view_.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<NodeId>(i);
    const NodeId agent = view_.parents.begin + p;
    const int vulnerability = view_.vulnerability[p];
    NodeId best = kNoAgent;
    const double best_trust = best_professional_trust(caseload, trust, agent, &best);
    handler_[p] = best;
    had_incident_[p] =
        incidents_on && rng.uniform(week, agent, kIncident) < incident_chance[vulnerability];
    brought_question_[p] = 0;
    if (best != kNoAgent && rng.uniform(week, agent, kQuestion) < question_chance[vulnerability]) {
      const double seek = params_.help.seeking_probability(
          best_trust, participation_[p], partnership, view_.language_barrier[p] != 0);
      brought_question_[p] = rng.uniform(week, agent, kSeek) < seek;
    }
  });
}

// Phase B.
void ParentSupportModel::charge_reactive_hours() {
  for (NodeId k = 0; k < view_.professionals.size(); ++k) {
    hours_left_[k] = view_.hours[k];
    hours_.capacity += view_.hours[k];
  }
  for (NodeId p = 0; p < view_.parents.size(); ++p) {
    if (handler_[p] == kNoAgent) continue;
    const NodeId k = handler_[p] - view_.professionals.begin;
    if (had_incident_[p]) {
      hours_left_[k] -= params_.capacity.incident_hours;
      hours_.incidents += params_.capacity.incident_hours;
    }
    if (brought_question_[p]) {
      hours_left_[k] -= params_.capacity.question_hours;
      hours_.questions += params_.capacity.question_hours;
    }
  }
  for (double& left : hours_left_) {
    if (left < 0) {
      hours_.overload -= left;
      left = 0;
    }
  }
}

// Phase C.
bool ParentSupportModel::conversation_due(NodeId organisation, std::uint64_t week) const {
  // Organisations are staggered over the interval (at least 1 week, by its range).
  const double interval = params_.plan.conversation_interval_weeks;
  return view_.organisation_partner[organisation] != kNoAgent &&
         params_.plan.due(Intervention::partnership, week, interval,
                          std::fmod(static_cast<double>(organisation), interval));
}

void ParentSupportModel::host_conversations(std::uint64_t week) {
  std::fill(hosting_.begin(), hosting_.end(), 0);
  if (!spending_.running(Intervention::partnership)) return;
  const double cost = params_.capacity.conversation_hours;
  for (NodeId o = 0; o < view_.organisations.size(); ++o) {
    if (!conversation_due(o, week)) continue;
    double& left = hours_left_[view_.organisation_partner[o] - view_.professionals.begin];
    if (left < cost) continue;
    left -= cost;
    hours_.conversations += cost;
    spending_.charge(Intervention::partnership, {cost, 0, 1});
    hosting_[o] = 1;
  }
}

// Phase D.
void ParentSupportModel::visit_by_key_figures(World& world, std::uint64_t week,
                                              const RandomStream& rng) {
  if (!spending_.running(Intervention::key_figure_programme)) return;
  const double coordination =
      params_.plan.key_figure_coordination_hours * static_cast<double>(enrolled_count_);
  hours_.key_figure_programme += coordination;
  const std::uint32_t visits = events_in_week(params_.plan.key_figure_visits_per_week, week);
  Use used{coordination, 0, 0};
  if (visits > 0) used += make_visits(world, week, visits, rng);
  spending_.charge(Intervention::key_figure_programme, used);
}

Use ParentSupportModel::make_visits(World& world, std::uint64_t week, std::uint32_t visits,
                                    const RandomStream& rng) {
  Use used;
  CsrLayer& figures = world.layer(kKeyFigureLayer);
  const auto trust = figures.attribute(kTrust);
  auto last_contact = figures.attribute(kLastContact);
  const KeyFigureParams& kp = params_.key_figures;
  const NodeId count = view_.key_figures.size();
  std::vector<std::vector<Contact>> made(count);
  for_each_index_balanced(0, count, [&](std::int64_t i) {
    if (!enrolled_[static_cast<std::size_t>(i)]) return;
    const NodeId figure = view_.key_figures.begin + static_cast<NodeId>(i);
    std::vector<Candidate> candidates;
    for (ArcIndex a = figures.first_arc(figure); a < figures.end_arc(figure); ++a) {
      const NodeId parent = figures.targets()[a];
      candidates.push_back(
          {last_contact[a], rng.bits(week, figure, kVisitOrder, parent), parent, a});
    }
    const std::size_t take = std::min<std::size_t>(visits, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take),
                      candidates.end());
    for (std::size_t c = 0; c < take; ++c) {
      const NodeId parent = candidates[c].parent;
      last_contact[candidates[c].arc] = static_cast<float>(week);
      const double k = trust[find_arc(figures, parent, figure)];
      const bool accepted = rng.uniform(week, parent, kVisitAccept, figure) < kp.acceptance * k;
      const bool introduce =
          accepted && view_.key_figure_partner[i] != kNoAgent &&
          rng.uniform(week, parent, kIntroduce, figure) < kp.introduction_rate * k;
      made[i].push_back({parent, figure, key_figure_visit, accepted, false, introduce});
    }
  });
  // Introductions take the partner's hours, granted in a random order.
  std::vector<std::pair<std::uint64_t, std::size_t>> requests;
  for (auto& list : made) {
    used.contacts += static_cast<double>(list.size());
    for (Contact& contact : list) {
      if (contact.introduce)
        requests.emplace_back(rng.bits(week, contact.parent, kGrantOrder, contact.source),
                              contacts_.size());
      contacts_.push_back(contact);
    }
  }
  std::sort(requests.begin(), requests.end());
  const double cost = params_.capacity.introduction_hours;
  for (const auto& [key, index] : requests) {
    Contact& contact = contacts_[index];
    const NodeId partner = view_.key_figure_partner[contact.source - view_.key_figures.begin];
    double& left = hours_left_[partner - view_.professionals.begin];
    if (left >= cost) {
      left -= cost;
      hours_.introductions += cost;
      used.hours += cost;
    } else {
      contact.introduce = false;
    }
  }
  return used;
}

// Phase E.
void ParentSupportModel::contact_personally(World& world, std::uint64_t week,
                                            const RandomStream& rng) {
  if (!params_.plan.personal_contacts || !params_.plan.active(week)) return;
  CsrLayer& caseload = world.layer(kCaseload);
  auto last_contact = caseload.attribute(kLastContact);
  const auto approach = static_cast<std::size_t>(params_.plan.approach);
  const NodeId count = view_.professionals.size();
  std::vector<std::vector<Contact>> made(count);
  std::vector<double> spent(count, 0.0);
  for_each_index_balanced(0, count, [&](std::int64_t i) {
    const NodeId professional = view_.professionals.begin + static_cast<NodeId>(i);
    double left = hours_left_[i];
    if (left < params_.capacity.personal_contact_hours) return;
    std::vector<Candidate> candidates;
    for (ArcIndex a = caseload.first_arc(professional); a < caseload.end_arc(professional); ++a) {
      const NodeId parent = caseload.targets()[a];
      candidates.push_back(
          {last_contact[a], rng.bits(week, professional, kContactOrder, parent), parent, a});
    }
    // At most left / hours contacts fit; order only those.
    const auto fit = static_cast<std::size_t>(left / params_.capacity.personal_contact_hours);
    const std::size_t take = std::min(fit, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take),
                      candidates.end());
    const double language =
        params_.channels.language_contact_penalty * (1.0 - view_.cultural_responsiveness[i]);
    for (std::size_t c = 0; c < take; ++c) {
      const NodeId parent = candidates[c].parent;
      const std::size_t p = view_.parent_index(parent);
      const std::uint8_t type = view_.parent_type[p];
      const double hours =
          params_.capacity.personal_contact_hours *
          (approach == 1 && type != 0 ? params_.approach.matched_hours_factor : 1.0);
      if (hours > left) break;
      left -= hours;
      const double reach = params_.approach.reach[approach][type] * willingness_[p] *
                           (view_.language_barrier[p] ? 1.0 - language : 1.0);
      const bool accepted = rng.uniform(week, parent, kContactAccept, professional) < reach;
      // A matched approach is persistent (seed 002 sec. 4: absent parents need
      // persistent contact): a declined attempt keeps the parent first in line.
      if (accepted || approach == static_cast<std::size_t>(Approach::uniform))
        last_contact[candidates[c].arc] = static_cast<float>(week);
      const bool inviting =
          rng.uniform(week, parent, kTone, professional) < params_.plan.inviting_share;
      made[i].push_back({parent, professional, personal, accepted, inviting, false});
    }
    spent[i] = hours_left_[i] - left;
    hours_left_[i] = left;
  });
  for (NodeId k = 0; k < count; ++k) {
    hours_.personal += spent[k];
    contacts_.insert(contacts_.end(), made[k].begin(), made[k].end());
  }
}

void ParentSupportModel::index_contacts_by_parent() {
  const NodeId parents = view_.parents.size();
  contact_offsets_.assign(parents + 1, 0);
  for (const Contact& contact : contacts_)
    ++contact_offsets_[view_.parent_index(contact.parent) + 1];
  for (NodeId p = 0; p < parents; ++p)
    contact_offsets_[p + 1] += contact_offsets_[p];
  contact_order_.assign(contacts_.size(), 0);
  std::vector<std::uint32_t> next(contact_offsets_.begin(), contact_offsets_.end() - 1);
  for (std::uint32_t c = 0; c < contacts_.size(); ++c)
    contact_order_[next[view_.parent_index(contacts_[c].parent)]++] = c;
}

Use ParentSupportModel::most_use(const World& world, Intervention i, std::uint64_t week) const {
  const OutreachPlan& plan = params_.plan;
  switch (i) {
    case Intervention::newsletter:
      if (!plan.due(i, week, plan.newsletter_interval_weeks)) return {};
      return {plan.newsletter_hours_per_issue, static_cast<double>(view_.parents.size()), 1};
    case Intervention::key_figure_programme: {
      const auto figures = static_cast<double>(enrolled_count_);
      const double visits = events_in_week(plan.key_figure_visits_per_week, week) * figures;
      return {plan.key_figure_coordination_hours * figures +
                  params_.capacity.introduction_hours * visits,
              visits, 0};
    }
    case Intervention::partnership: {
      const CsrLayer& membership = world.layer(kMembership);
      Use most;
      for (NodeId o = 0; o < view_.organisations.size(); ++o) {
        if (!conversation_due(o, week)) continue;
        most += {params_.capacity.conversation_hours,
                 static_cast<double>(membership.degree(view_.organisations.begin + o)), 1};
      }
      return most;
    }
    case Intervention::influencer_panel: {
      const auto influencers = static_cast<double>(influencers_);
      return {plan.influencer_coordination_hours * influencers,
              events_in_week(plan.influencer_posts_per_week, week) * influencers, 0};
    }
    default:
      return network_.most_use(i, week);
  }
}

void ParentSupportModel::plan_programmes(const World& world, std::uint64_t week,
                                         const RandomStream& rng) {
  spending_.begin_week(week);
  const OutreachPlan& plan = params_.plan;
  if (plan.scheduled(Intervention::key_figure_programme, week) &&
      (!chosen_ ||
       (plan.key_figure_reselect_weeks > 0 &&
        plan.due(Intervention::key_figure_programme, week, plan.key_figure_reselect_weeks)))) {
    std::fill(enrolled_.begin(), enrolled_.end(), 0);
    const auto chosen =
        choose_key_figures(world, view_, plan.key_figure_targeting,
                           static_cast<std::size_t>(plan.key_figure_capacity), rng, week);
    for (NodeId k : chosen)
      enrolled_[k] = 1;
    enrolled_count_ = static_cast<NodeId>(chosen.size());
    chosen_ = true;
  }
  for (std::size_t n = 0; n < kInterventionCount; ++n) {
    const auto i = static_cast<Intervention>(n);
    if (plan.scheduled(i, week)) spending_.reserve(i, most_use(world, i, week));
  }
  newsletter_this_week_ = spending_.running(Intervention::newsletter) &&
                          plan.due(Intervention::newsletter, week, plan.newsletter_interval_weeks);
  posts_this_week_ = spending_.running(Intervention::influencer_panel)
                         ? events_in_week(plan.influencer_posts_per_week, week)
                         : 0;
}

void ParentSupportModel::step(World& world, const StepContext& context) {
  const std::uint64_t week = context.step;
  hours_ = {};
  contacts_.clear();
  plan_programmes(world, week, context.rng);
  happen_reactive(world, week, context.rng);
  charge_reactive_hours();
  host_conversations(week);
  network_.host_meetings(world, week, hours_left_);
  if (network_.trained_this_week()) view_.competence = network_.professional_competence();
  visit_by_key_figures(world, week, context.rng);
  contact_personally(world, week, context.rng);
  index_contacts_by_parent();
  take_in_week(world, week, context.rng);
  network_.meet(world, week, trust_in_institutions_, context.rng);
  network_.exchange_support(world, week, context.rng);
  network_.spread_norms(world, week, context.rng);
  network_.settle(world, week, context.rng);
  hours_.network = network_.hours();
  const OutreachPlan& plan = params_.plan;
  if (newsletter_this_week_) {
    hours_.newsletter += plan.newsletter_hours_per_issue;
    spending_.charge(Intervention::newsletter, {plan.newsletter_hours_per_issue,
                                                static_cast<double>(view_.parents.size()), 1});
  }
  if (spending_.running(Intervention::influencer_panel)) {
    const auto influencers = static_cast<double>(influencers_);
    hours_.influencer_panel += plan.influencer_coordination_hours * influencers;
    spending_.charge(Intervention::influencer_panel,
                     {plan.influencer_coordination_hours * influencers,
                      static_cast<double>(posts_this_week_) * influencers, 0});
  }
  if (spending_.running(Intervention::partnership)) {
    double joined = 0;
    for (const auto& counts : weekly_contacts_)
      joined += counts[conversation];
    spending_.charge(Intervention::partnership, {0, joined, 0});
  }
  spending_.end_week();
}

void ParentSupportModel::add_history_layers(World& world) const {
  world.layers["co_attendance"] = network_.meetings().co_attendance(world.population.size());
}

ModelInfo parent_support_model_info() {
  ModelInfo info;
  info.kind = "parent_support";
  info.summary =
      "trust between parents and professionals through outreach, key figures and informal "
      "organisations, on a synthesised community (M1-M7, M15, M16, M22)";
  info.reference = "docs/ODD.md; seeds 000-004";
  info.params = model_specs();
  info.extra_tables = extra_tables();
  info.needs_community = true;
  // Per parent: 3 doubles, 2 counters, 8 weekly counts, 2 flags, a handler.
  info.bytes_per_node =
      3 * sizeof(double) + 2 * sizeof(std::uint32_t) + kChannelCount + 2 + sizeof(NodeId);
  // The trust and last-contact attributes (8 bytes per arc) are counted by the memory
  // estimate of a community (scenarios/memory_estimate.cpp).
  info.bytes_per_arc = 0;
  info.make = [](const ParamValues& values) {
    return std::make_unique<ParentSupportModel>(ModelParams::from(values));
  };
  return info;
}

}  // namespace village::parent_support
