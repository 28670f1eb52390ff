/// Decisions (issue #15): a group's proposals, decided by a simple poll (one option each) or by consent (each member
/// agrees, stands aside or objects with a reason; it passes when no objection is open at closing). Plain types and
/// pure rules shared by the store, the service and the pages (no SOCI, no Beast). Times are UTC unix seconds; forms
/// and pages use Europe/London wall-clock time (core/london_time.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "decisions/power_rules.hpp"
#include "groups/group.hpp"
#include "meetings/time_poll.hpp"
#include "organisations/organisation.hpp"

namespace roundtable::decisions {

using groups::GroupRole;
using organisations::MemberType;

inline constexpr std::size_t kMinOptions = 2;
inline constexpr std::size_t kMaxOptions = 10;

/// How the group decides: a simple poll (one option each), consent, ranked choice (instant run-off), a dot vote (a
/// budget of dots per person) or a score (each option scored 0 to the highest). The last three are counted in
/// tally.hpp; their ballots are rows of the same table, the rank, dots or score in `value`.
/// Finding a meeting time (meeting_time) reuses the "find a time" availability poll's parts (meetings/time_poll.hpp,
/// ADR 0041): its options are candidate times, each answered yes, if need be or no (the ballot's value, below).
enum class Process { simple_poll, consent, ranked_choice, dot_vote, score, meeting_time };
inline constexpr Process kAllProcesses[] = {Process::simple_poll, Process::ranked_choice, Process::dot_vote,
                                            Process::score,       Process::meeting_time,  Process::consent};
/// Decided by options (every process but consent).
inline bool has_options(Process p) { return p != Process::consent; }
/// The most options a proposal may have: 12 candidate times (as a "find a time" poll), 10 options otherwise.
inline std::size_t max_options(Process p) {
  return p == Process::meeting_time ? meetings::kMaxPollOptions : kMaxOptions;
}
/// A meeting-time ballot's value for an answer (yes 2, if need be 1, no 0), and back.
long long answer_value(meetings::PollAnswer a);
std::optional<meetings::PollAnswer> answer_of_value(long long value);

inline constexpr int kMaxDotBudget = 100;
inline constexpr int kMaxScore = 10;
/// The largest "at least N lived-experience members" a group's rule may ask for.
inline constexpr int kMaxLivedExperienceRule = 500;
std::string_view process_code(Process p);
std::optional<Process> parse_process(std::string_view code);

/// Who may take part: every lead facilitator, facilitator and member of the group, or only those of them with lived
/// experience and unpaid carers.
enum class Eligibility { members, lived_experience };
inline constexpr Eligibility kAllEligibilities[] = {Eligibility::members, Eligibility::lived_experience};
std::string_view eligibility_code(Eligibility e);
std::optional<Eligibility> parse_eligibility(std::string_view code);

/// A consent answer.
enum class ConsentAnswer { agree, stand_aside, object };
inline constexpr ConsentAnswer kAllConsentAnswers[] = {ConsentAnswer::agree, ConsentAnswer::stand_aside,
                                                       ConsentAnswer::object};
std::string_view consent_answer_code(ConsentAnswer a);
std::optional<ConsentAnswer> parse_consent_answer(std::string_view code);

enum class ObjectionState { open, resolved, withdrawn };
std::string_view objection_state_code(ObjectionState s);
std::optional<ObjectionState> parse_objection_state(std::string_view code);

/// What came of it, fixed when it closes.
enum class Outcome { chosen, tie, no_votes, passed, not_passed };
std::string_view outcome_code(Outcome o);
std::optional<Outcome> parse_outcome(std::string_view code);

std::string member_types_code(const std::vector<MemberType>& types);

/// A poll's option: words, or (finding a meeting time) a candidate time, UTC, with no words of its own (it is said in
/// the reader's language: meetings/london_words.hpp).
struct Option {
  long long id = 0;
  std::string text;
  std::string easy_read;
  long long starts_at = 0;
  long long ends_at = 0;
  bool is_time() const { return starts_at != 0; }
};
/// A meeting-time proposal's candidate times, as the "find a time" parts take them.
std::vector<meetings::PollOption> time_options(const std::vector<Option>& options);

/// What the proposer writes.
struct ProposalDetails {
  std::string title;
  /// What is proposed, as Markdown.
  std::string body;
  std::string easy_read;
  Process process = Process::simple_poll;
  bool anonymous = false;
  Eligibility eligibility = Eligibility::members;
  long long closes_at = 0;
  /// A poll's options, in order (none for consent).
  std::vector<Option> options;
  /// A dot vote: dots per person, and the most one option may take (0: no limit).
  int dot_budget = 0;
  int dot_most = 0;
  /// A score poll: the highest score (scores run from 0).
  int score_highest = 0;
  /// The group's power-sharing rules when it opened (copied then: a later change does not change its verdict).
  power::Rules rules;
};

struct Proposal {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::members;
  bool group_archived = false;
  ProposalDetails details;
  long long opens_at = 0;
  std::optional<long long> closed_at;
  std::optional<long long> withdrawn_at;
  std::optional<Outcome> outcome;
  std::optional<long long> created_by;
  /// As the group shows them ("" when they have left).
  std::string proposer_name;
  long long created_at = 0;
  /// The decision record.
  std::string rationale;
  std::optional<long long> recorded_at;
  /// What led to it: a discussion topic and a meeting of the group, with their titles (read for the page only when
  /// the viewer may see them; "" otherwise).
  std::optional<long long> led_from_topic_id;
  std::optional<long long> led_from_meeting_id;
  std::string led_from_topic_title;
  std::string led_from_meeting_title;
  /// How many took part, as kept when it closed or was withdrawn (0 before).
  long long took_part = 0;

  /// Closed (by the due worker or by hand), withdrawn, or its closing time has come (compared with now, so a page
  /// read between the closing time and the worker's next minute already shows it closed).
  bool closed(long long now) const { return closed_at || withdrawn_at || details.closes_at <= now; }
  const Option* option(long long option_id) const;
};

/// Whether a person with this role and these member types may take part.
bool eligible(const std::optional<GroupRole>& role, const std::vector<MemberType>& types, Eligibility e);

/// The proposal as one person sees it: their role and member types in the group, and their own vote or answer.
struct ProposalForViewer {
  Proposal proposal;
  std::optional<GroupRole> role;
  std::vector<MemberType> member_types;
  /// They voted (or answered); for a simple poll, the option they chose (also for an anonymous one: only they see it).
  bool voted = false;
  std::optional<long long> my_option;
  std::optional<ConsentAnswer> my_answer;
  /// Ranked choice, dot vote and score: the person's own ballot (option, rank/dots/score), read for the page while
  /// it is open.
  std::vector<std::pair<long long, long long>> my_ballot;
  bool may_take_part() const { return eligible(role, member_types, proposal.details.eligibility); }
};

/// A proposal in the group's list.
struct ProposalListed {
  long long id = 0;
  std::string title;
  Process process = Process::simple_poll;
  long long closes_at = 0;
  std::optional<long long> closed_at;
  std::optional<long long> withdrawn_at;
  std::optional<Outcome> outcome;
  long long took_part = 0;
  bool closed(long long now) const { return closed_at || withdrawn_at || closes_at <= now; }
};

/// A topic or meeting the record may name as what led to it.
struct LedFromChoice {
  long long id = 0;
  std::string title;
};

/// One row of a ballot (decision_ballots): which option, with what value (1 for a simple poll's choice).
struct BallotRow {
  std::string ballot;
  long long option_id = 0;
  long long value = 0;
  /// A named poll's voter and their name as the group shows it (none for an anonymous one).
  std::optional<long long> voter_id;
  std::string voter_name;
};

/// Whether a proposal's "who chose what" is shown: a poll (not finding a meeting time, which has its own "who answered
/// what"), named, closed and not withdrawn.
bool shows_who_chose(const Proposal& p, long long now);

/// A page of "who chose what": the group's members who took part, by name, each with their ballot's rows.
struct WhoChosePage {
  std::vector<BallotRow> rows;
  bool more_before = false;
  bool more_after = false;
};

/// Which page: after or before the member with this id (0: the first page), this many people a page.
struct WhoChoseQuery {
  long long after = 0;
  long long before = 0;
  int limit = 50;
};

/// A consent answer, named.
struct Response {
  long long user_id = 0;
  std::string name;
  ConsentAnswer answer = ConsentAnswer::agree;
  std::vector<MemberType> member_types;
};

struct Objection {
  long long id = 0;
  long long user_id = 0;
  std::string name;
  std::string reason;
  ObjectionState state = ObjectionState::open;
  std::string resolution;
  long long created_at = 0;
};

}  // namespace roundtable::decisions
