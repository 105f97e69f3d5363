#include "scenarios/community/institutions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/random/beta_distribution.hpp>
#include <cmath>

#include "scenarios/community/grouping.hpp"
#include "sim/generators/generators.hpp"

namespace village::synthesis {

namespace {

using namespace community;

constexpr std::uint64_t kOrganisationDraws = purpose("community.organisation");
constexpr std::uint64_t kProfessionalDraws = purpose("community.professional");
constexpr std::uint64_t kKeyFigureDraws = purpose("community.key_figure");

// Religious, women's and migrant organisations belong to one community; community
// centres, parent rooms and sports clubs are open to all.
bool communal(OrganisationKind kind) {
  return kind == OrganisationKind::mosque || kind == OrganisationKind::church ||
         kind == OrganisationKind::womens_network || kind == OrganisationKind::migrant_organisation;
}

// Where each community lives: households per (community, neighbourhood), cumulated per
// community, so that a neighbourhood can be drawn in proportion to its members.
class CommunityPlaces {
 public:
  CommunityPlaces(const Households& h, std::size_t communities, std::uint32_t neighbourhoods)
      : neighbourhoods_(neighbourhoods), cumulative_(communities * neighbourhoods, 0) {
    for (NodeId i = 0; i < h.count; ++i)
      ++cumulative_[std::size_t{h.community[i]} * neighbourhoods + h.neighbourhood[i]];
    modal_.resize(communities, 0);
    for (std::size_t c = 0; c < communities; ++c) {
      double* row = cumulative_.data() + c * neighbourhoods;
      for (std::uint32_t b = 0; b < neighbourhoods; ++b) {
        if (row[b] > row[modal_[c]]) modal_[c] = b;
      }
      for (std::uint32_t b = 1; b < neighbourhoods; ++b)
        row[b] += row[b - 1];
    }
  }
  // The neighbourhood where most of community c lives (the lowest on ties).
  std::uint32_t modal(std::size_t c) const { return modal_[c]; }
  // A neighbourhood drawn in proportion to community c's households there.
  std::uint32_t draw(std::size_t c, double u) const {
    const auto first = cumulative_.begin() + static_cast<std::ptrdiff_t>(c * neighbourhoods_);
    const auto last = first + neighbourhoods_;
    if (*(last - 1) <= 0) return modal_[c];
    const auto it = std::upper_bound(first, last, u * *(last - 1));
    return static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(it - first, neighbourhoods_ - 1));
  }

 private:
  std::uint32_t neighbourhoods_;
  std::vector<double> cumulative_;
  std::vector<std::uint32_t> modal_;
};

// Owners of the `count` communal organisations of kind k: the communities with a chance
// of joining that kind, in proportion to their expected members (share x chance), each
// at least one while there are enough (largest remainders; ties to the lower index);
// with fewer organisations than such communities, the largest get one each. A single
// owner (the community most drawn to the kind) would leave the members of a second
// community with mosques (Moroccan and Turkish in the city district) without one.
std::vector<std::size_t> communal_owners(const CommunitySpec& spec, std::size_t k,
                                         std::size_t count) {
  std::vector<std::size_t> drawn;  // communities with a positive chance
  double total = 0;
  for (std::size_t c = 0; c < spec.communities.size(); ++c) {
    if (spec.communities[c].membership[k] <= 0) continue;
    drawn.push_back(c);
    total += spec.communities[c].share * spec.communities[c].membership[k];
  }
  const auto weight = [&](std::size_t c) {
    return spec.communities[c].share * spec.communities[c].membership[k] / total;
  };
  std::stable_sort(drawn.begin(), drawn.end(),
                   [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
  std::vector<std::size_t> seats(spec.communities.size(), 0);
  if (count < drawn.size()) {
    for (std::size_t j = 0; j < count; ++j)
      seats[drawn[j]] = 1;
  } else if (!drawn.empty()) {
    const auto extra = static_cast<double>(count - drawn.size());
    std::vector<std::pair<double, std::size_t>> remainders;
    std::size_t given = 0;
    for (std::size_t c : drawn) {
      const double quota = extra * weight(c);
      seats[c] = 1 + static_cast<std::size_t>(std::floor(quota));
      given += seats[c];
      remainders.emplace_back(quota - std::floor(quota), c);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t j = 0; given < count; ++j, ++given)
      ++seats[remainders[j % remainders.size()].second];
  }
  std::vector<std::size_t> owners;
  for (std::size_t c = 0; c < seats.size(); ++c)
    owners.insert(owners.end(), seats[c], c);
  return owners;
}

std::vector<Organisation> make_organisations(const CommunitySpec& spec, const Households& h,
                                             std::uint32_t neighbourhoods,
                                             const RandomStream& rng) {
  const CommunityPlaces places(h, spec.communities.size(), neighbourhoods);
  std::vector<Organisation> out;
  for (std::size_t k = 0; k < kOrganisationKindNames.size(); ++k) {
    const auto kind = static_cast<OrganisationKind>(k);
    const auto count = static_cast<std::size_t>(
        per_thousand(spec.organisations.real(std::string(kOrganisationKindNames[k])),
                     static_cast<double>(h.count)));
    if (!communal(kind)) {
      // Open to all, spread evenly over the neighbourhoods.
      for (std::size_t j = 0; j < count; ++j) {
        out.push_back(
            {.kind = kind, .neighbourhood = static_cast<std::uint32_t>(j % neighbourhoods)});
      }
      continue;
    }
    // No community drawn to the kind: nobody joins, and the organisations stay open.
    std::vector<std::size_t> owners = communal_owners(spec, k, count);
    for (std::size_t j = 0; j < count; ++j) {
      if (owners.empty()) {
        out.push_back(
            {.kind = kind, .neighbourhood = static_cast<std::uint32_t>(j % neighbourhoods)});
        continue;
      }
      // A community's first organisation of the kind stands where it lives most, further
      // ones where its members live.
      const std::size_t c = owners[j];
      const bool first = j == 0 || owners[j - 1] != c;
      out.push_back({.kind = kind,
                     .community = static_cast<std::int64_t>(c),
                     .neighbourhood = first ? places.modal(c)
                                            : places.draw(c, rng.uniform(kSetupStep, out.size(),
                                                                         kOrganisationDraws))});
    }
  }
  return out;
}

std::vector<Professional> make_professionals(const CommunitySpec& spec, const Households& h,
                                             std::uint32_t neighbourhoods,
                                             const RandomStream& rng) {
  const ParamValues& pro = spec.professionals;
  const double concentration = pro.real("competence_concentration");
  const auto beta_draw = [&](DrawSequence& draws, double mean) {
    const double m = std::clamp(mean, 0.01, 0.99);
    boost::random::beta_distribution<double> beta(m * concentration, (1 - m) * concentration);
    return std::clamp(beta(draws), 0.0, 1.0);
  };
  std::vector<Professional> out;
  const auto add = [&](ProfessionalRole role, std::uint32_t neighbourhood,
                       double hours) -> Professional& {
    DrawSequence draws(rng, kSetupStep, out.size(), kProfessionalDraws);
    Professional p{.role = role, .neighbourhood = neighbourhood, .hours = hours};
    p.competence = beta_draw(draws, pro.real("competence_mean"));
    p.cultural_responsiveness = beta_draw(draws, pro.real("cultural_responsiveness_mean"));
    return out.emplace_back(p);
  };
  // One mentor per class, in the neighbourhood of the class's (catchment's) households.
  for (std::size_t c = 0; c + 1 < h.class_offsets.size(); ++c) {
    const NodeId first = h.class_members[h.class_offsets[c]];
    Professional& mentor =
        add(ProfessionalRole::teacher, h.neighbourhood[first], pro.real("teacher_hours"));
    mentor.school = h.class_school[c];
    mentor.school_class = static_cast<std::int64_t>(c);
  }
  // The other roles spread evenly over the neighbourhoods.
  for (ProfessionalRole role :
       {ProfessionalRole::youth_worker, ProfessionalRole::youth_team,
        ProfessionalRole::community_health, ProfessionalRole::municipality}) {
    const std::string_view name = kProfessionalRoleNames[static_cast<std::size_t>(role)];
    const double count =
        per_thousand(pro.real(fmt::format("{}_per_1000", name)), static_cast<double>(h.count));
    for (std::uint32_t j = 0; j < count; ++j)
      add(role, j % neighbourhoods, pro.real(fmt::format("{}_hours", name)));
  }
  return out;
}

std::vector<KeyFigure> make_key_figures(const CommunitySpec& spec, const Households& h,
                                        const std::vector<Organisation>& organisations,
                                        std::uint32_t neighbourhoods, const RandomStream& rng) {
  const ParamValues& kf = spec.key_figures;
  const double households = static_cast<double>(h.count);
  std::vector<KeyFigure> out;
  // Religious leaders: of each mosque and church; church elders: of a church, in turn.
  const auto leaders = static_cast<std::uint32_t>(kf.integer("religious_leaders_per_organisation"));
  std::vector<std::size_t> churches;
  for (std::size_t o = 0; o < organisations.size(); ++o) {
    const OrganisationKind kind = organisations[o].kind;
    // Elders visit the families of their church's community; a church no community is
    // drawn to has no members and no elders.
    if (kind == OrganisationKind::church && organisations[o].community != kNone)
      churches.push_back(o);
    if (kind != OrganisationKind::mosque && kind != OrganisationKind::church) continue;
    for (std::uint32_t j = 0; j < leaders; ++j) {
      out.push_back({.role = KeyFigureRole::religious_leader,
                     .community = organisations[o].community,
                     .neighbourhood = organisations[o].neighbourhood,
                     .organisation = static_cast<std::int64_t>(o)});
    }
  }
  const double elders =
      churches.empty() ? 0 : per_thousand(kf.real("church_elders_per_1000"), households);
  for (std::uint32_t j = 0; j < elders; ++j) {
    const std::size_t church = churches[j % churches.size()];
    out.push_back({.role = KeyFigureRole::church_elder,
                   .community = organisations[church].community,
                   .neighbourhood = organisations[church].neighbourhood,
                   .organisation = static_cast<std::int64_t>(church)});
  }
  // Neighbourhood parents and influencers are parents: a random household's community
  // and neighbourhood. Bridging youth workers belong to no community.
  const std::array<std::pair<KeyFigureRole, const char*>, 3> others{
      {{KeyFigureRole::neighbourhood_parent, "neighbourhood_parents_per_1000"},
       {KeyFigureRole::youth_worker, "youth_workers_per_1000"},
       {KeyFigureRole::parent_influencer, "parent_influencers_per_1000"}}};
  for (const auto& [role, key] : others) {
    const double count = per_thousand(kf.real(key), households);
    for (std::uint32_t j = 0; j < count; ++j) {
      if (role == KeyFigureRole::youth_worker) {
        out.push_back({.role = role, .neighbourhood = j % neighbourhoods});
        continue;
      }
      const auto i = static_cast<NodeId>(rng.bits(kSetupStep, out.size(), kKeyFigureDraws) %
                                         std::uint64_t{h.count});
      out.push_back({.role = role,
                     .community = std::int64_t{h.community[i]},
                     .neighbourhood = h.neighbourhood[i]});
    }
  }
  return out;
}

// Partners by neighbourhood: a professional of a preferred role there, else one of any
// role with parent contact (not municipality staff) there, else a preferred one
// elsewhere, else any with parent contact; -1 when there is none at all. `spread`
// rotates among equally suited professionals so that partners share the work.
class PartnerFinder {
 public:
  PartnerFinder(const std::vector<Professional>& professionals, std::uint32_t neighbourhoods)
      : neighbourhoods_(neighbourhoods) {
    const auto roles = kProfessionalRoleNames.size();
    const auto count = static_cast<NodeId>(professionals.size());
    const auto role_of = [&](NodeId p) { return static_cast<std::size_t>(professionals[p].role); };
    by_place_ = group_by(count, roles * neighbourhoods, [&](NodeId p) {
      return role_of(p) * neighbourhoods + professionals[p].neighbourhood;
    });
    by_role_ = group_by(count, roles, role_of);
  }

  std::int64_t find(std::uint32_t neighbourhood, std::initializer_list<ProfessionalRole> preferred,
                    std::size_t spread) const {
    static constexpr std::array<ProfessionalRole, 4> kWithParents{
        ProfessionalRole::youth_team, ProfessionalRole::community_health,
        ProfessionalRole::youth_worker, ProfessionalRole::teacher};
    const auto pick = [&](auto roles, bool here) -> std::int64_t {
      for (ProfessionalRole role : roles) {
        const auto r = static_cast<std::size_t>(role);
        const auto found =
            here ? by_place_.of(r * neighbourhoods_ + neighbourhood) : by_role_.of(r);
        if (!found.empty()) return found[spread % found.size()];
      }
      return kNone;
    };
    for (const std::int64_t partner : {pick(preferred, true), pick(kWithParents, true),
                                       pick(preferred, false), pick(kWithParents, false)}) {
      if (partner != kNone) return partner;
    }
    return kNone;
  }

 private:
  std::uint32_t neighbourhoods_;
  Grouping by_place_;
  Grouping by_role_;
};

}  // namespace

Institutions synthesize_institutions(const CommunitySpec& spec, const Households& h,
                                     const RandomStream& rng) {
  const auto neighbourhoods = static_cast<std::uint32_t>(spec.values.integer("neighbourhoods"));
  Institutions out;
  out.organisations = make_organisations(spec, h, neighbourhoods, rng);
  out.professionals = make_professionals(spec, h, neighbourhoods, rng);
  out.key_figures = make_key_figures(spec, h, out.organisations, neighbourhoods, rng);

  // Key figures introduce parents to youth-team or community health workers; an
  // organisation's conversations are joined by a youth or community health worker.
  const PartnerFinder partners(out.professionals, neighbourhoods);
  for (std::size_t k = 0; k < out.key_figures.size(); ++k) {
    out.key_figures[k].partner =
        partners.find(out.key_figures[k].neighbourhood,
                      {ProfessionalRole::youth_team, ProfessionalRole::community_health}, k);
  }
  for (std::size_t o = 0; o < out.organisations.size(); ++o) {
    out.organisations[o].partner =
        partners.find(out.organisations[o].neighbourhood,
                      {ProfessionalRole::youth_worker, ProfessionalRole::community_health}, o);
  }
  return out;
}

}  // namespace village::synthesis
