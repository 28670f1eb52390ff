/// The decisions forms: what was typed, kept as typed for showing again, checked into catalogue keys
/// (decisions.error.*). The closing time is typed as a Europe/London date and time, as on the meetings forms.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "accounts/account_form.hpp"
#include "decisions/decision.hpp"
#include "meetings/time_poll_form.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::decisions {

using accounts::FormProblem;

inline constexpr std::size_t kMaxTitle = 120;
inline constexpr std::size_t kMaxBody = 10000;
inline constexpr std::size_t kMaxEasyRead = 5000;
inline constexpr std::size_t kMaxOption = 200;
inline constexpr std::size_t kMaxReason = 2000;
/// Option rows the form shows.
inline constexpr std::size_t kOptionRows = 6;

struct OptionRow {
  std::string text, easy_read;
};

struct ProposalForm {
  std::string title, body, easy_read;
  std::string process = "simple_poll";
  std::string anonymous;  // "yes" or ""
  std::string eligibility = "members";
  /// "option-<n>" and "option-<n>-easy" for n from 0 to kOptionRows - 1.
  std::vector<OptionRow> options = std::vector<OptionRow>(kOptionRows);
  std::string closes_day, closes_month, closes_year, closes_time;
  std::string create_key;
  /// A dot vote's dots per person and most on one option (blank: no limit); a score poll's highest score.
  std::string dot_budget = "10", dot_most, score_highest = "5";
  /// Finding a meeting time: the candidate times, as the "find a time" form takes them ("rows", "c-<n>-day" ...).
  std::vector<meetings::CandidateRow> times = std::vector<meetings::CandidateRow>(meetings::kPollStartRows);
  /// A button that adds times ("evenings", "weekends", "rows"; meetings::add_rows) rather than putting it forward.
  std::string add;
};

ProposalForm read_proposal(const http::FormData& form);
/// Problems in page order: title and what is proposed needed, lengths, 2 to 10 options for a poll (2 to 12 candidate
/// times, checked as the "find a time" poll checks them, to find a meeting time), a real closing date and time in the
/// future, a known process and rule, and the create key.
std::vector<FormProblem> check_proposal(const ProposalForm& form, long long now);
/// The details of a form check_proposal found nothing wrong with.
ProposalDetails details_of(const ProposalForm& form);

/// A ranked-choice, dot or score ballot as typed: one field "option-<id>" per option (a choice number, a number of
/// dots, a score; blank for none), kept as typed for showing again.
struct BallotForm {
  std::vector<std::pair<long long, std::string>> typed;
  const std::string* of(long long option_id) const;
};
BallotForm read_ballot(const http::FormData& form, const std::vector<Option>& options);
/// The ballot's rows (option, value) when every field is blank or a whole number; otherwise the problem, on the field
/// of the first option that is not.
std::variant<std::vector<std::pair<long long, long long>>, FormProblem> ballot_rows(const ProposalDetails& d,
                                                                                    const BallotForm& form);

/// A consent answer: "answer" and, for an objection, "reason" (needed).
struct ResponseForm {
  std::string answer, reason;
};
ResponseForm read_response(const http::FormData& form);
std::vector<FormProblem> check_response(const ResponseForm& form);

}  // namespace roundtable::decisions
