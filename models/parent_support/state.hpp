#pragma once
// The parent-support model's state: every column of parents, professionals, key figures
// and organisations, and every ledger of the week, named once in VILLAGE_PS_STATE (M1-M22).
// Mechanisms reach a column only through the Access they declared it in (mechanism.hpp).

#include <array>
#include <cstdint>
#include <vector>

#include "models/parent_support/interventions.hpp"
#include "models/parent_support/meeting_log.hpp"
#include "sim/csr_layer.hpp"

namespace village::parent_support {

// Contacts counted per parent and week, by channel.
enum Channel : std::uint8_t {
  personal = 0,
  key_figure_visit,
  introduction,
  conversation,
  newsletter,
  online,
  incident,
  question,
  support_point,  // a question the parent support point passed on to a professional
  kChannelCount
};
using ChannelCounts = std::array<std::uint16_t, kChannelCount>;

// Professional and programme hours of one week, by use.
struct WeekHours {
  double capacity = 0;
  double incidents = 0;
  double questions = 0;
  double conversations = 0;
  double introductions = 0;
  double personal = 0;
  double overload = 0;  // reactive work beyond the budget
  double groups = 0;    // professionals facilitating groups (from their budgets)
  double newsletter = 0;
  double key_figure_programme = 0;
  double influencer_panel = 0;
  double theme_evenings = 0;
  double network_support = 0;
  double support_point = 0;
  double training = 0;
  double buddies = 0;
  double voice = 0;
  double partnership_investment = 0;  // partner professionals building the partnership (M7)
};

// The parent support point's week (seed 004): visits served, those it had no hours for,
// and those it could not pass on because no professional works in the neighbourhood.
struct SupportPointWeek {
  std::uint32_t visits = 0;
  std::uint32_t turned_away = 0;
  std::uint32_t no_professional = 0;
};

// A proactive contact to a parent this week (a key-figure visit or a personal contact).
struct Contact {
  NodeId parent;
  NodeId source;  // professional or key figure
  Channel channel;
  bool accepted;
  bool inviting;
  bool introduce;  // key-figure visits: an introduction was granted
  bool matched;    // personal contacts: in the approach matched to the parent's type (M16)
};

// This week's contacts, and their order by parent (offsets into order).
struct ContactBook {
  std::vector<Contact> contacts;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> order;
};

// A group course, or a parent network (members join and leave; it meets for as long as it
// lives).
struct Group {
  std::uint32_t neighbourhood = 0;
  NodeId professional = 0xFFFFFFFFu;  // facilitator (agent id), or
  std::int64_t volunteer = -1;        // facilitating parent (index), or none
  std::vector<NodeId> members;        // parent indices invited (course) or members (network)
  double feeling = 0;
  std::uint32_t held = 0;    // meetings held
  std::uint32_t offset = 0;  // stagger of its schedule
  bool network = false;
  bool meets_this_week = false;
  std::int64_t driver = -1;  // networks: the driving parent (index)
};

using Reals = std::vector<double>;
using Floats = std::vector<float>;
using Flags = std::vector<std::uint8_t>;
using Counts16 = std::vector<std::uint16_t>;
using Counts32 = std::vector<std::uint32_t>;
using Indices = std::vector<std::int32_t>;
using Agents = std::vector<NodeId>;
using AgentLists = std::vector<std::vector<NodeId>>;
using ChannelColumn = std::vector<ChannelCounts>;
using SupportByKind = std::array<double, 3>;  // by SupportKind
using RunningFlags = std::array<std::uint8_t, kInterventionCount>;
using Conditions = std::array<double, 4>;  // the partnership's (M7)
// Word of mouth so far (B6): tellings and the chances to tell (a teller's support tie to a
// parent who had not heard), by the teller's kind: took part, or only informed.
struct WordOfMouthTotals {
  double engaged_told = 0, engaged_chances = 0;
  double informed_told = 0, informed_chances = 0;
};

// X(name, owner, type, meaning). Owners: parents, professionals, key_figures,
// organisations (columns indexed from the kind's first agent), schools, or week (one
// value or ledger per run).
#define VILLAGE_PS_STATE(X)                                                                       \
  X(institutional_trust, parents, Reals, "trust in institutions g (M2)")                          \
  X(willingness, parents, Reals, "willingness to engage with professionals (M3)")                 \
  X(participation, parents, Reals, "participation in informal organisations (M6)")                \
  X(incidents, parents, Counts32, "worrying incidents so far (M1)")                               \
  X(cooperative, parents, Counts32, "incidents that went cooperatively (M1)")                     \
  X(weekly_contacts, parents, ChannelColumn, "contacts received this week, by channel")           \
  X(had_incident, parents, Flags, "an incident this week (M1)")                                   \
  X(had_question, parents, Flags, "a parenting question this week (M6)")                          \
  X(brought_question, parents, Flags, "a question brought to a professional this week (M6)")      \
  X(point_referral, parents, Agents, "the professional the support point passed it on to")        \
  X(point_visited, parents, Flags, "has visited the parent support point (seed 004)")             \
  X(contact_person, parents, Agents, "a sensitive parent's one fixed contact person (M16)")       \
  X(handler, parents, Agents, "the professional handling this week's incident or question")       \
  X(handler_trust, parents, Reals, "trust in that professional at the week's start, or -1")       \
  X(stress, parents, Reals, "parenting stress (M14)")                                             \
  X(competence, parents, Reals, "parenting competence (M13)")                                     \
  X(norm_threshold, parents, Reals, "share of adopting ties needed to adopt limits (M17)")        \
  X(limit_setting, parents, Flags, "sets limits (M17)")                                           \
  X(limit_setting_next, parents, Flags, "next week's limit setting (double buffer, M17)")         \
  X(dropped, parents, Flags, "dropped out of the group course (M9)")                              \
  X(volunteer, parents, Flags, "volunteers (M19)")                                                \
  X(attended_last, parents, Flags, "attended the group's last meeting (M8)")                      \
  X(course_attended, parents, Flags, "attended a meeting of the group course (M8)")               \
  X(meetings_attended, parents, Counts16, "meetings attended so far (M8, M19)")                   \
  X(meetings_this_week, parents, Counts16, "meetings attended this week (M8)")                    \
  X(support_received, parents, Flags, "support requests granted this week (M12)")                 \
  X(evening_adopters, parents, Floats, "limit setters met at this week's evening (M17)")          \
  X(evening_seen, parents, Floats, "parents met at this week's evening (M17)")                    \
  X(evening_this_week, parents, Flags, "attended a theme evening this week (M17)")                \
  X(group_of, parents, Indices, "the group course a parent is invited to, or -1 (M8)")            \
  X(network_of, parents, Indices, "the parent network a parent belongs to, or -1 (M20)")          \
  X(buddies, parents, Counts16, "per volunteer: parents buddied (M19)")                           \
  X(buddied, parents, Flags, "has a buddy (M19)")                                                 \
  X(heard, parents, Flags, "knows of the offer: groups, evenings, the support point (B6)")        \
  X(heard_via, parents, Flags,                                                                    \
    "how: 1 a channel or meeting, 2 a parent who took part, 3 an informed one")                   \
  X(engaged, parents, Flags, "has taken part in a meeting or an evening (B6)")                    \
  X(buddy_candidates, week, AgentLists, "per neighbourhood: vulnerable parents, in order")        \
  X(hours_left, professionals, Reals, "hours left this week (M22)")                               \
  X(professional_inviting, professionals, Reals, "share of contacts in an inviting tone (M3)")    \
  X(professional_matching, professionals, Reals, "chance of the matched approach (M16)")          \
  X(professional_responsiveness, professionals, Reals, "cultural responsiveness (M22)")           \
  X(professional_competence, professionals, Reals, "collaboration competence (M22)")              \
  X(trainees, professionals, Agents, "professional indices the training reaches (M22)")           \
  X(hosting, organisations, Flags, "hosts a conversation this week (M6)")                         \
  X(enrolled, key_figures, Flags, "enrolled in the key-figure programme (M5)")                    \
  X(school_parents, schools, AgentLists, "per school: its parents")                               \
  X(evening_school, schools, Flags, "holds a theme evening this week (M17)")                      \
  X(partnership_quality, week, double, "quality of the partnership's conversations (M7)")         \
  X(partnership_conditions, week, Conditions, "the four conditions of the partnership now (M7)")  \
  X(contact_book, week, ContactBook, "this week's proactive contacts (M3, M5)")                   \
  X(hours, week, WeekHours, "this week's hours by use (M22)")                                     \
  X(spending, week, Spending, "euros by intervention and the budget (interventions.hpp)")         \
  X(groups, week, std::vector<Group>, "group courses and parent networks (M8-M10, M20)")          \
  X(meeting_log, week, MeetingLog, "every meeting held, with the parents present (M8)")           \
  X(support_asked, week, SupportByKind, "this week's support requests by kind (M12)")             \
  X(support_granted, week, SupportByKind, "this week's support granted by kind (M12)")            \
  X(new_friend_ties, week, std::vector<EdgeRecord>, "ties met at this week's meetings (M11)")     \
  X(running, week, RunningFlags, "interventions that reserved this week's budget")                \
  X(support_point_week, week, SupportPointWeek, "this week's support point visits (seed 004)")    \
  X(contact_changes, week, std::uint32_t, "contact persons changed this week (M16)")              \
  X(voice_fit, week, double, "fit of groups, evenings and newsletters to parents' needs (M21)")   \
  X(voice_changes, week, std::vector<std::uint32_t>, "weeks of panel meetings not yet in effect") \
  X(key_figures_chosen, week, bool, "the key-figure programme has chosen its figures (M5)")       \
  X(buddies_ranked, week, bool, "buddy_candidates are in buddy_targeting's order (M19)")          \
  X(word_of_mouth, week, WordOfMouthTotals, "tellings and chances to tell so far, by kind (B6)")

// The network layers the model reads or changes: X(name, layer, meaning).
#define VILLAGE_PS_LAYERS(X)                                                                  \
  X(caseload, "caseload", "parent-professional ties, attributes trust and last_contact (M2)") \
  X(key_figure_ties, "key_figures",                                                           \
    "parent-key-figure ties, attributes trust and last_contact (M5)")                         \
  X(friend_ties, "family_friends",                                                            \
    "parent-parent ties, attributes strength, baseline and last_contact (M11)")               \
  X(membership, "membership", "who belongs to which organisation (M6)")                       \
  X(following, "online", "who follows which parent influencer (M4)")

enum class Column : std::uint8_t {
#define VILLAGE_PS_ENUM(name, ...) name,
  VILLAGE_PS_STATE(VILLAGE_PS_ENUM) VILLAGE_PS_LAYERS(VILLAGE_PS_ENUM)
#undef VILLAGE_PS_ENUM
};

#define VILLAGE_PS_COUNT(...) +1
inline constexpr std::size_t kColumnCount =
    0 VILLAGE_PS_STATE(VILLAGE_PS_COUNT) VILLAGE_PS_LAYERS(VILLAGE_PS_COUNT);
#undef VILLAGE_PS_COUNT

struct ColumnInfo {
  const char* name;
  const char* owner;  // kind, "schools", "week", or "layer <name>"
  const char* meaning;
};
const ColumnInfo& column_info(Column column);

// The state, owned by the model; layers point into the run's world.
struct State {
#define VILLAGE_PS_MEMBER(name, owner, type, meaning) type name{};
  VILLAGE_PS_STATE(VILLAGE_PS_MEMBER)
#undef VILLAGE_PS_MEMBER
#define VILLAGE_PS_LAYER_MEMBER(name, layer, meaning) CsrLayer* name = nullptr;
  VILLAGE_PS_LAYERS(VILLAGE_PS_LAYER_MEMBER)
#undef VILLAGE_PS_LAYER_MEMBER
};

// Sizes every column owned by a kind or by the schools (zero or empty values); the steps'
// initialize functions then set their columns' values at week 0.
void size_columns(State& state, std::size_t parents, std::size_t professionals,
                  std::size_t key_figures, std::size_t organisations, std::size_t schools);

// The type and storage of each column, for Access.
template <Column C>
struct ColumnOf;
#define VILLAGE_PS_TRAITS(name, owner, type, meaning)    \
  template <>                                            \
  struct ColumnOf<Column::name> {                        \
    using Type = type;                                   \
    static Type& in(State& state) { return state.name; } \
  };
VILLAGE_PS_STATE(VILLAGE_PS_TRAITS)
#undef VILLAGE_PS_TRAITS
#define VILLAGE_PS_LAYER_TRAITS(name, layer, meaning)     \
  template <>                                             \
  struct ColumnOf<Column::name> {                         \
    using Type = CsrLayer;                                \
    static Type& in(State& state) { return *state.name; } \
  };
VILLAGE_PS_LAYERS(VILLAGE_PS_LAYER_TRAITS)
#undef VILLAGE_PS_LAYER_TRAITS

}  // namespace village::parent_support
