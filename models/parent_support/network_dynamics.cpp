#include "models/parent_support/network_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/community_schema.hpp"
#include "models/parent_support/param_helpers.hpp"
#include "models/parent_support/parent_targeting.hpp"
#include "sim/parallel.hpp"

namespace village::parent_support {

namespace {

constexpr std::uint64_t kCompetence = purpose("ps.competence");
constexpr std::uint64_t kThreshold = purpose("ps.norm_threshold");
constexpr std::uint64_t kInitialLimits = purpose("ps.initial_limits");
constexpr std::uint64_t kInvite = purpose("ps.group.invite");
constexpr std::uint64_t kAsk = purpose("ps.support.ask");
constexpr std::uint64_t kGrant = purpose("ps.support.grant");
constexpr std::uint64_t kAdopt = purpose("ps.norm.adopt");
constexpr std::uint64_t kVolunteer = purpose("ps.volunteer");
constexpr std::uint64_t kDriverLeaves = purpose("ps.network.driver_leaves");
constexpr std::uint64_t kRecruit = purpose("ps.network.recruit");
constexpr std::uint64_t kMemberLeaves = purpose("ps.network.member_leaves");
constexpr std::uint64_t kJoin = purpose("ps.network.join");
constexpr std::uint64_t kInviteRanking = purpose("ps.group.invite_ranking");
constexpr std::uint64_t kBuddyRanking = purpose("ps.buddy.ranking");

const std::string kFriends(community::layer::family_friends);
constexpr float kNever = -1e9f;

double weekly(double yearly) {
  return 1.0 - std::pow(1.0 - yearly, 1.0 / 52.0);
}

}  // namespace

std::vector<ParamSpec> NetworkParams::specs() {
  std::vector<ParamSpec> specs;
  append(specs, WellbeingParams::specs());
  append(specs, SupportParams::specs());
  append(specs, NormParams::specs());
  append(specs, GroupParams::specs());
  append(specs, VolunteerParams::specs());
  return specs;
}

NetworkParams NetworkParams::from(const ParamValues& values) {
  return {WellbeingParams::from(values), SupportParams::from(values),   NormParams::from(values),
          GroupParams::from(values),     VolunteerParams::from(values), TrustParams::from(values),
          KeyFigureParams::from(values), OutreachPlan::from(values)};
}

void NetworkDynamics::initialize(World& world, const CommunityView& view,
                                 const std::vector<double>& /*trust*/, Spending& spending,
                                 const RandomStream& rng) {
  view_ = &view;
  spending_ = &spending;
  const NodeId parents = view.parents.size();
  const OutreachPlan& plan = params_.plan;
  professional_competence_ = view.competence;
  stress_.resize(parents);
  competence_.resize(parents);
  threshold_.resize(parents);
  limits_.assign(parents, 0);
  limits_next_.assign(parents, 0);
  dropped_.assign(parents, 0);
  volunteer_.assign(parents, 0);
  attended_last_.assign(parents, 0);
  course_attended_.assign(parents, 0);
  meetings_attended_.assign(parents, 0);
  meetings_this_week_.assign(parents, 0);
  evening_this_week_.assign(parents, 0);
  support_received_.assign(parents, 0);
  evening_adopters_.assign(parents, 0);
  evening_seen_.assign(parents, 0);
  group_of_.assign(parents, -1);
  network_of_.assign(parents, -1);
  const NormParams& np = params_.norms;
  for (NodeId p = 0; p < parents; ++p) {
    const NodeId agent = view.parents.begin + p;
    const int v = view.vulnerability[p];
    stress_[p] = params_.wellbeing.baseline(v);
    competence_[p] = std::clamp(np.competence_base - np.competence_per_factor * v +
                                    0.2 * (rng.uniform(0, agent, kCompetence) - 0.5),
                                0.0, 1.0);
    threshold_[p] = np.threshold_low +
                    (np.threshold_high - np.threshold_low) * rng.uniform(0, agent, kThreshold);
    if (!np.seed_friend_circles) {
      const double chance = std::clamp(
          np.limit_setting_initial * competence_[p] / std::max(np.competence_base, 1e-9), 0.0, 1.0);
      limits_[p] = rng.uniform(0, agent, kInitialLimits) < chance;
    }
  }
  if (np.seed_friend_circles && parents > 0) {
    // Limit setting starts in circles of friends (seed 000 tip 3: a focus group of parents
    // draws in a wider group): a random parent and its family and friends, repeated.
    const CsrLayer& circles = world.layer(kFriends);
    const auto wanted = static_cast<std::size_t>(std::round(np.limit_setting_initial * parents));
    std::size_t count = 0;
    DrawSequence draws(rng, 0, 0, kInitialLimits);
    for (std::size_t tries = 0; count < wanted && tries < 10 * static_cast<std::size_t>(parents);
         ++tries) {
      const auto p = static_cast<NodeId>(draws.below(parents));
      const NodeId agent = view.parents.begin + p;
      const auto mark = [&](NodeId q) {
        if (count < wanted && !limits_[q]) {
          limits_[q] = 1;
          ++count;
        }
      };
      mark(p);
      for (NodeId other : circles.neighbours(agent)) {
        if (other >= view.parents.begin && other < view.parents.end)
          mark(other - view.parents.begin);
      }
    }
  }

  // Synthesised family and friend ties are lasting (baseline 1); ties formed at
  // meetings have baseline 0 and fade without contact (M11).
  CsrLayer& friends = world.layer(kFriends);
  friends.add_attribute("strength", 1.0f);
  friends.add_attribute("baseline", 1.0f);
  friends.add_attribute("last_contact", kNever);

  // Parents by neighbourhood and by school.
  std::vector<std::vector<NodeId>> by_place(view.neighbourhoods);
  for (NodeId p = 0; p < parents; ++p)
    by_place[view.parent_neighbourhood[p]].push_back(p);
  school_parents_.assign(view.schools, {});
  for (NodeId p = 0; p < parents; ++p)
    school_parents_[view.parent_school[p]].push_back(p);
  evening_school_.assign(view.schools, 0);
  vulnerable_by_place_.assign(view.neighbourhoods, {});
  for (NodeId p = 0; p < parents; ++p) {
    if (view.vulnerable[p]) vulnerable_by_place_[view.parent_neighbourhood[p]].push_back(p);
  }
  // How many are trained: training_capacity professionals (0: all); who, is decided in
  // the training week (choose_trainees).
  trainees_.resize(view.professionals.size());
  std::iota(trainees_.begin(), trainees_.end(), NodeId{0});
  if (plan.training_capacity > 0 && plan.training_capacity < static_cast<double>(trainees_.size()))
    trainees_.resize(static_cast<std::size_t>(plan.training_capacity));
  buddies_.assign(parents, 0);
  buddied_.assign(parents, 0);
  buddies_ranked_ = false;
  meetings_.clear();
  groups_.clear();
  support_asked_ = {};
  support_granted_ = {};

  // The facilitating professional of a neighbourhood: its youth-team worker, else its
  // community health worker, else any non-municipal professional there.
  const auto professional_in = [&](std::uint32_t place) {
    for (auto role :
         {community::ProfessionalRole::youth_team, community::ProfessionalRole::community_health,
          community::ProfessionalRole::youth_worker}) {
      for (NodeId k = 0; k < view.professionals.size(); ++k) {
        if (view.professional_neighbourhood[k] == place &&
            view.professional_role[k] == static_cast<std::uint8_t>(role))
          return view.professionals.begin + k;
      }
    }
    return kNoAgent;
  };
  const double households = static_cast<double>(parents);
  if (plan.parent_groups && parents > 0) {
    const auto count = static_cast<std::size_t>(
        std::max(1.0, std::round(plan.groups_per_1000 * households / 1000.0)));
    const auto invited = static_cast<std::size_t>(plan.group_invited);
    // Whom groups invite first, on the network at the outset (random: a uniform sample).
    const bool ranked = plan.group_targeting != "random";
    std::vector<std::uint32_t> position;
    if (ranked) {
      ParentRanking ranking{plan.group_targeting,
                            params_.support.support_threshold,
                            count * invited,
                            {},
                            kInviteRanking};
      // Greedy influence picks its seeds among the parents of the groups' neighbourhoods
      // (like-minded groups may invite from anywhere).
      if (!plan.group_like_minded && count < view.neighbourhoods) {
        for (std::size_t g = 0; g < count; ++g) {
          const auto& local = by_place[g % view.neighbourhoods];
          ranking.candidates.insert(ranking.candidates.end(), local.begin(), local.end());
        }
      }
      position = rank_parents(world, view, ranking, rng, 0);
    }
    for (std::size_t g = 0; g < count; ++g) {
      Group group;
      group.neighbourhood = static_cast<std::uint32_t>(g % view.neighbourhoods);
      group.professional = professional_in(group.neighbourhood);
      group.offset =
          static_cast<std::uint32_t>(g % static_cast<std::size_t>(plan.group_interval_weeks));
      DrawSequence draws(rng, 0, g, kInvite);
      std::vector<NodeId> pool;
      const auto& local = by_place[group.neighbourhood];
      if (plan.group_like_minded && !local.empty()) {
        // One community: that of a random parent of the neighbourhood; its parents of the
        // neighbourhood first, then of elsewhere.
        const std::int32_t community = view.parent_community[local[draws.below(local.size())]];
        for (NodeId p : local) {
          if (view.parent_community[p] == community && group_of_[p] < 0) pool.push_back(p);
        }
        if (pool.size() < invited) {
          for (NodeId p = 0; p < parents && pool.size() < 4 * invited; ++p) {
            if (view.parent_community[p] == community && group_of_[p] < 0 &&
                view.parent_neighbourhood[p] != group.neighbourhood)
              pool.push_back(p);
          }
        }
      } else {
        for (NodeId p : local) {
          if (group_of_[p] < 0) pool.push_back(p);
        }
      }
      // The first of the pool by the rule, or a uniform sample by a partial Fisher-Yates
      // shuffle.
      const std::size_t take = std::min(invited, pool.size());
      if (ranked) order_pool(pool, position, plan.group_targeting, view);
      for (std::size_t i = 0; i < take; ++i) {
        if (!ranked) std::swap(pool[i], pool[i + draws.below(pool.size() - i)]);
        group.members.push_back(pool[i]);
        group_of_[pool[i]] = static_cast<std::int32_t>(groups_.size());
      }
      std::sort(group.members.begin(), group.members.end());
      groups_.push_back(std::move(group));
    }
  }
  if (plan.parent_network && parents > 0) {
    const auto count = static_cast<std::size_t>(std::min<double>(
        view.neighbourhoods,
        std::max(1.0, std::round(params_.volunteers.networks_per_1000 * households / 1000.0))));
    for (std::size_t k = 0; k < count; ++k) {
      Group network;
      network.network = true;
      network.neighbourhood = static_cast<std::uint32_t>(k);
      network.professional = professional_in(network.neighbourhood);
      network.offset = static_cast<std::uint32_t>(k);
      // The driving parent: the most competent parent of the neighbourhood.
      std::int64_t driver = -1;
      for (NodeId p : by_place[network.neighbourhood]) {
        if (driver < 0 || competence_[p] > competence_[static_cast<std::size_t>(driver)])
          driver = p;
      }
      if (driver >= 0) {
        network.driver = driver;
        volunteer_[static_cast<std::size_t>(driver)] = 1;
        network.members.push_back(static_cast<NodeId>(driver));
        network_of_[static_cast<std::size_t>(driver)] = static_cast<std::int32_t>(groups_.size());
      }
      groups_.push_back(std::move(network));
    }
  }
}

std::uint32_t NetworkDynamics::support_ties(const World& world, NodeId agent) const {
  const CsrLayer& friends = world.layer(kFriends);
  const auto strength = friends.attribute("strength");
  std::uint32_t count = 0;
  for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a)
    count += strength[a] >= params_.support.support_threshold;
  return count;
}

double NetworkDynamics::networks_alive() const {
  double networks = 0, alive = 0;
  for (const Group& group : groups_) {
    if (!group.network) continue;
    ++networks;
    alive += group.driver >= 0 ||
             static_cast<double>(group.members.size()) >= params_.volunteers.min_members;
  }
  return networks > 0 ? alive / networks : -1.0;
}

// Phase H: support along parent-parent ties (M12).
void NetworkDynamics::exchange_support(World& world, std::uint64_t week, const RandomStream& rng) {
  CsrLayer& friends = world.layer(kFriends);
  auto strength = friends.attribute("strength");
  auto last_contact = friends.attribute("last_contact");
  const SupportParams& sp = params_.support;
  const CommunityView& view = *view_;
  struct Request {
    NodeId giver;
    std::uint64_t key;
    NodeId requester;  // parent index
    ArcIndex arc;      // requester -> giver
    SupportKind kind;
  };
  const std::int64_t parents = view.parents.size();
  const std::int64_t chunks = (parents + kReductionChunk - 1) / kReductionChunk;
  std::vector<std::vector<Request>> asked(static_cast<std::size_t>(chunks));
  for_each_chunk(0, parents, [&](std::int64_t chunk, std::int64_t lo, std::int64_t hi) {
    for (std::int64_t i = lo; i < hi; ++i) {
      const auto p = static_cast<NodeId>(i);
      support_received_[p] = 0;
      const NodeId agent = view.parents.begin + p;
      DrawSequence draws(rng, week, agent, kAsk);
      if (draws.uniform() >= sp.ask_rate * stress_[p]) continue;
      // The strongest support tie, ties broken by a random key.
      ArcIndex best = friends.end_arc(agent);
      std::uint64_t best_key = 0;
      for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a) {
        if (strength[a] < sp.support_threshold) continue;
        const std::uint64_t key = draws();
        if (best == friends.end_arc(agent) || strength[a] > strength[best] ||
            (strength[a] == strength[best] && key < best_key)) {
          best = a;
          best_key = key;
        }
      }
      if (best == friends.end_arc(agent)) continue;
      const double u = draws.uniform();
      const SupportKind kind = u < sp.practical_share ? SupportKind::practical
                               : u < sp.practical_share + sp.emotional_share
                                   ? SupportKind::emotional
                                   : SupportKind::informational;
      const NodeId giver = friends.targets()[best];
      asked[static_cast<std::size_t>(chunk)].push_back(
          {giver, rng.bits(week, agent, kGrant), p, best, kind});
    }
  });
  std::vector<Request> requests;
  for (auto& list : asked)
    requests.insert(requests.end(), list.begin(), list.end());
  support_asked_ = {};
  support_granted_ = {};
  for (const Request& request : requests)
    ++support_asked_[static_cast<std::size_t>(request.kind)];
  std::sort(requests.begin(), requests.end(), [](const Request& a, const Request& b) {
    return a.giver != b.giver ? a.giver < b.giver
                              : (a.key != b.key ? a.key < b.key : a.requester < b.requester);
  });
  const std::vector<double> competence_before = competence_;
  const auto capacity = static_cast<std::size_t>(sp.capacity);
  std::size_t granted_by_giver = 0;
  for (std::size_t r = 0; r < requests.size(); ++r) {
    granted_by_giver =
        r > 0 && requests[r].giver == requests[r - 1].giver ? granted_by_giver + 1 : 0;
    if (granted_by_giver >= capacity) continue;
    const Request& request = requests[r];
    const std::size_t p = request.requester;
    ++support_received_[p];
    ++support_granted_[static_cast<std::size_t>(request.kind)];
    stress_[p] -= sp.relief[static_cast<std::size_t>(request.kind)] * stress_[p];
    strength[request.arc] += static_cast<float>(sp.tie_refresh * (1.0 - strength[request.arc]));
    last_contact[request.arc] = static_cast<float>(week);
    if (request.kind == SupportKind::informational && request.giver >= view.parents.begin &&
        request.giver < view.parents.end) {
      const double giver_competence = competence_before[request.giver - view.parents.begin];
      competence_[p] +=
          params_.norms.peer_learning * std::max(0.0, giver_competence - competence_before[p]);
    }
  }
}

// Phase I: limit setting spreads as a complex contagion (M17).
void NetworkDynamics::spread_norms(const World& world, std::uint64_t week,
                                   const RandomStream& rng) {
  const CsrLayer& friends = world.layer(kFriends);
  const auto strength = friends.attribute("strength");
  const NormParams& np = params_.norms;
  const double threshold_strength = params_.support.support_threshold;
  const CommunityView& view = *view_;
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    const NodeId agent = view.parents.begin + static_cast<NodeId>(p);
    double adopters = np.evening_weight * evening_adopters_[p];
    double seen = np.evening_weight * evening_seen_[p];
    for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a) {
      if (strength[a] < threshold_strength) continue;
      const NodeId other = friends.targets()[a];
      if (other < view.parents.begin || other >= view.parents.end) continue;
      seen += 1;
      adopters += limits_[other - view.parents.begin];
    }
    limits_next_[p] = limits_[p];
    if (seen <= 0) return;
    const double share = adopters / seen;
    const double needed =
        threshold_[p] + np.stress_threshold * stress_[p] - np.competence_threshold * competence_[p];
    const double u = rng.uniform(week, agent, kAdopt);
    if (!limits_[p] && share >= needed && adopters >= np.min_adopters && u < np.adoption_rate)
      limits_next_[p] = 1;
    if (limits_[p] && share < needed / 2 && u < np.abandon_rate) limits_next_[p] = 0;
  });
  limits_.swap(limits_next_);
  std::fill(evening_adopters_.begin(), evening_adopters_.end(), 0.0f);
  std::fill(evening_seen_.begin(), evening_seen_.end(), 0.0f);
}

// Phase J: volunteers buddy parents, ties fade, stress relaxes, parents become
// volunteers, networks live or die. Buddies come first, so that the volunteers a week's
// buddy programme coordinates are those it reserved its budget for.
void NetworkDynamics::settle(World& world, std::uint64_t week, const RandomStream& rng) {
  match_buddies(world, week, rng);
  CsrLayer& friends = world.layer(kFriends);
  auto strength = friends.attribute("strength");
  const auto baseline = friends.attribute("baseline");
  const auto last_contact = friends.attribute("last_contact");
  const CommunityView& view = *view_;
  const double decay = params_.support.tie_decay;
  const VolunteerParams& vp = params_.volunteers;
  const double now = static_cast<double>(week);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<std::size_t>(i);
    const NodeId agent = view.parents.begin + static_cast<NodeId>(p);
    for (ArcIndex a = friends.first_arc(agent); a < friends.end_arc(agent); ++a) {
      if (last_contact[a] < now)
        strength[a] = baseline[a] + (strength[a] - baseline[a]) * static_cast<float>(1.0 - decay);
    }
    stress_[p] += params_.wellbeing.stress_relaxation *
                  (params_.wellbeing.baseline(view.vulnerability[p]) - stress_[p]);
    stress_[p] = std::clamp(stress_[p], 0.0, 1.0);
    competence_[p] = std::clamp(competence_[p], 0.0, 1.0);
    if (!volunteer_[p] && meetings_attended_[p] >= vp.min_meetings &&
        competence_[p] >= vp.min_competence &&
        rng.uniform(week, agent, kVolunteer) < vp.volunteer_rate)
      volunteer_[p] = 1;
  });
  run_networks(week, rng);
}

// The buddy programme (M19): each volunteer takes on one more vulnerable parent of its
// neighbourhood a week, up to buddies_per_volunteer, volunteers in parent order: the
// first not yet buddied in buddy_targeting's order (random: a uniform random order),
// ranked on the network as it is in the programme's first week. Every rule matches
// through the same first-not-buddied step, so rules differ in whom, not in how many.
void NetworkDynamics::match_buddies(World& world, std::uint64_t week, const RandomStream& rng) {
  const OutreachPlan& plan = params_.plan;
  if (!spending_->running(Intervention::buddy_programme)) return;
  const CommunityView& view = *view_;
  if (!buddies_ranked_) {
    ParentRanking ranking{
        plan.buddy_targeting, params_.support.support_threshold, 0, {}, kBuddyRanking};
    for (const auto& pool : vulnerable_by_place_)
      ranking.candidates.insert(ranking.candidates.end(), pool.begin(), pool.end());
    std::sort(ranking.candidates.begin(), ranking.candidates.end());
    ranking.wanted = ranking.candidates.size();
    const auto position = rank_parents(world, view, ranking, rng, week);
    for (auto& pool : vulnerable_by_place_)
      order_pool(pool, position, plan.buddy_targeting, view);
    buddies_ranked_ = true;
  }
  CsrLayer& friends = world.layer(kFriends);
  const auto strength = static_cast<float>(params_.volunteers.buddy_strength);
  const float values[3] = {strength, strength, static_cast<float>(week)};
  double volunteers = 0, matched = 0;
  const auto match = [&](NodeId p, NodeId q) {
    friends.stage_edge(view.parents.begin + p, view.parents.begin + q, values);
    buddied_[q] = 1;
    ++buddies_[p];
    ++matched;
  };
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    if (!volunteer_[p]) continue;
    ++volunteers;
    if (buddies_[p] >= plan.buddies_per_volunteer) continue;
    const auto& pool = vulnerable_by_place_[view.parent_neighbourhood[p]];
    if (pool.empty()) continue;
    const auto next =
        std::find_if(pool.begin(), pool.end(), [&](NodeId q) { return q != p && !buddied_[q]; });
    if (next != pool.end()) match(p, *next);
  }
  hours_.buddies += plan.buddy_coordination_hours * volunteers;
  spending_->charge(Intervention::buddy_programme,
                    {plan.buddy_coordination_hours * volunteers, matched, 0});
  if (friends.staged_count() > 0) friends.rebuild();
}

void NetworkDynamics::run_networks(std::uint64_t week, const RandomStream& rng) {
  const CommunityView& view = *view_;
  const VolunteerParams& vp = params_.volunteers;
  const OutreachPlan& plan = params_.plan;
  if (!plan.parent_network) return;
  const double leave = weekly(vp.driver_leave_rate);
  const double join =
      weekly(std::min(1.0, vp.join_rate * (spending_->running(Intervention::parent_support_point)
                                               ? vp.support_point_pull
                                               : 1.0)));
  const bool supported = spending_->running(Intervention::structural_support);
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    Group& network = groups_[g];
    if (!network.network) continue;
    const bool alive =
        network.driver >= 0 || static_cast<double>(network.members.size()) >= vp.min_members;
    if (!alive) continue;
    if (network.driver >= 0 &&
        rng.uniform(week, view.parents.begin + static_cast<NodeId>(network.driver), kDriverLeaves,
                    g) < leave) {
      // The driver withdraws from the network altogether (M20).
      const auto driver = static_cast<NodeId>(network.driver);
      network.members.erase(std::remove(network.members.begin(), network.members.end(), driver),
                            network.members.end());
      network_of_[driver] = -1;
      network.driver = -1;
    }
    if (network.driver < 0) {
      if (supported) {
        // A professional finds a new driver among the members, volunteers first.
        if (!network.members.empty() &&
            rng.uniform(week, network.neighbourhood, kRecruit, g) < vp.support_recruit_rate) {
          NodeId best = network.members.front();
          for (NodeId m : network.members) {
            if (volunteer_[m] > volunteer_[best] ||
                (volunteer_[m] == volunteer_[best] && competence_[m] > competence_[best]))
              best = m;
          }
          network.driver = best;
          volunteer_[best] = 1;
        }
      } else {
        std::vector<NodeId> staying;
        for (NodeId m : network.members) {
          if (rng.uniform(week, view.parents.begin + m, kMemberLeaves, g) >= vp.member_loss_rate)
            staying.push_back(m);
          else
            network_of_[m] = -1;
        }
        network.members.swap(staying);
        continue;  // no one joins a network without a driver or support
      }
    }
  }
  // Joining: parents of a neighbourhood with a living network, in parent order.
  std::vector<std::int64_t> network_in(view.neighbourhoods, -1);
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const Group& network = groups_[g];
    if (network.network && (network.driver >= 0 || supported))
      network_in[network.neighbourhood] = static_cast<std::int64_t>(g);
  }
  // Decided in parallel (one draw per parent), appended in parent order.
  std::vector<std::uint8_t> joins(view.parents.size(), 0);
  for_each_index(0, view.parents.size(), [&](std::int64_t i) {
    const auto p = static_cast<NodeId>(i);
    if (network_in[view.parent_neighbourhood[p]] < 0 || network_of_[p] >= 0) return;
    joins[p] = rng.uniform(week, view.parents.begin + p, kJoin) < join;
  });
  for (NodeId p = 0; p < view.parents.size(); ++p) {
    if (!joins[p]) continue;
    const std::int64_t g = network_in[view.parent_neighbourhood[p]];
    groups_[static_cast<std::size_t>(g)].members.push_back(p);
    network_of_[p] = static_cast<std::int32_t>(g);
  }
}

}  // namespace village::parent_support
