#include "decisions/decision.hpp"

#include <algorithm>

namespace roundtable::decisions {

namespace {

template <class E, std::size_t N>
std::optional<E> parse_of(std::string_view code, const E (&all)[N], std::string_view (*name)(E)) {
  for (E e : all) {
    if (name(e) == code) return e;
  }
  return std::nullopt;
}

constexpr ObjectionState kAllObjectionStates[] = {ObjectionState::open, ObjectionState::resolved,
                                                  ObjectionState::withdrawn};
constexpr Outcome kAllOutcomes[] = {Outcome::chosen, Outcome::tie, Outcome::no_votes, Outcome::passed,
                                    Outcome::not_passed};

}  // namespace

std::string_view process_code(Process p) {
  switch (p) {
    case Process::simple_poll: return "simple_poll";
    case Process::consent: return "consent";
    case Process::ranked_choice: return "ranked_choice";
    case Process::dot_vote: return "dot_vote";
    case Process::score: return "score";
    case Process::meeting_time: return "meeting_time";
  }
  return "simple_poll";
}
std::optional<Process> parse_process(std::string_view code) { return parse_of(code, kAllProcesses, process_code); }

std::string_view eligibility_code(Eligibility e) {
  switch (e) {
    case Eligibility::members: return "members";
    case Eligibility::lived_experience: return "lived_experience";
  }
  return "members";
}
std::optional<Eligibility> parse_eligibility(std::string_view code) {
  return parse_of(code, kAllEligibilities, eligibility_code);
}

std::string_view consent_answer_code(ConsentAnswer a) {
  switch (a) {
    case ConsentAnswer::agree: return "agree";
    case ConsentAnswer::stand_aside: return "stand_aside";
    case ConsentAnswer::object: return "object";
  }
  return "agree";
}
std::optional<ConsentAnswer> parse_consent_answer(std::string_view code) {
  return parse_of(code, kAllConsentAnswers, consent_answer_code);
}

std::string_view objection_state_code(ObjectionState s) {
  switch (s) {
    case ObjectionState::open: return "open";
    case ObjectionState::resolved: return "resolved";
    case ObjectionState::withdrawn: return "withdrawn";
  }
  return "open";
}
std::optional<ObjectionState> parse_objection_state(std::string_view code) {
  return parse_of(code, kAllObjectionStates, objection_state_code);
}

std::string_view outcome_code(Outcome o) {
  switch (o) {
    case Outcome::chosen: return "chosen";
    case Outcome::tie: return "tie";
    case Outcome::no_votes: return "no_votes";
    case Outcome::passed: return "passed";
    case Outcome::not_passed: return "not_passed";
  }
  return "no_votes";
}
std::optional<Outcome> parse_outcome(std::string_view code) { return parse_of(code, kAllOutcomes, outcome_code); }

std::string member_types_code(const std::vector<MemberType>& types) {
  std::string out;
  for (MemberType t : types) {
    if (!out.empty()) out += ',';
    out += organisations::member_type_code(t);
  }
  return out;
}

const Option* Proposal::option(long long option_id) const {
  for (const auto& o : details.options) {
    if (o.id == option_id) return &o;
  }
  return nullptr;
}

long long answer_value(meetings::PollAnswer a) {
  switch (a) {
    case meetings::PollAnswer::yes: return 2;
    case meetings::PollAnswer::if_need_be: return 1;
    case meetings::PollAnswer::no: return 0;
  }
  return 0;
}

std::optional<meetings::PollAnswer> answer_of_value(long long value) {
  for (meetings::PollAnswer a : meetings::kAllPollAnswers) {
    if (answer_value(a) == value) return a;
  }
  return std::nullopt;
}

std::vector<meetings::PollOption> time_options(const std::vector<Option>& options) {
  std::vector<meetings::PollOption> out;
  for (const auto& o : options) {
    if (o.is_time()) out.push_back({o.id, o.starts_at, o.ends_at});
  }
  return out;
}

bool eligible(const std::optional<GroupRole>& role, const std::vector<MemberType>& types, Eligibility e) {
  if (role != GroupRole::lead && role != GroupRole::facilitator && role != GroupRole::member) return false;
  if (e == Eligibility::members) return true;
  return std::any_of(types.begin(), types.end(),
                     [](MemberType t) { return t == MemberType::lived_experience || t == MemberType::unpaid_carer; });
}

bool shows_who_chose(const Proposal& p, long long now) {
  const Process process = p.details.process;
  return has_options(process) && process != Process::meeting_time && !p.details.anonymous && !p.withdrawn_at &&
         p.closed(now);
}

}  // namespace roundtable::decisions
