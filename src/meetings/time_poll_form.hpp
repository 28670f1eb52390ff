/// The "find a time" forms: what was typed, kept as typed for showing again, checked into catalogue keys
/// (meetings.polls.error.*). Candidate times are typed as Europe/London date and times, as on the meeting form
/// (london_time.hpp says how the clock changes are handled; a time the clocks skip is refused).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "meetings/time_poll.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::meetings {

using accounts::FormProblem;

inline constexpr std::size_t kMaxPollTitle = 120;
inline constexpr std::size_t kMaxPollPurpose = 2000;
/// Empty rows the form shows to begin with, and how many "more rows" adds.
inline constexpr std::size_t kPollStartRows = 4;
inline constexpr std::size_t kPollMoreRows = 3;

/// One candidate time as typed; a row left empty is no candidate.
struct CandidateRow {
  std::string day, month, year, start, end;
  bool empty() const { return day.empty() && month.empty() && year.empty() && start.empty() && end.empty(); }
};

struct TimePollForm {
  std::string title;
  std::string purpose;
  /// The closing date, optional ("closes-day", "closes-month", "closes-year").
  std::string closes_day, closes_month, closes_year;
  /// Fields "c-<n>-day", "c-<n>-month", "c-<n>-year", "c-<n>-start", "c-<n>-end" for n from 0 to rows - 1.
  std::vector<CandidateRow> rows;
  std::string create_key;
  /// Which button was pressed when it was not the one that opens the poll: "rows" (more empty rows), "evenings" (the
  /// next weekday evenings) or "weekends" (the next weekend mornings); empty otherwise.
  std::string add;
};

/// What sort of time a row is (weekday daytime, weekday evening, weekend), once its date and start are real.
std::optional<TimeKind> row_kind(const CandidateRow& row);

TimePollForm read_time_poll(const http::FormData& form);
/// Adds rows as the button asked ("rows", "evenings" or "weekends"), filling empty rows first, at most
/// kMaxPollOptions rows in all.
void add_rows(TimePollForm& form, const std::string& what, long long now);

// Candidate times on their own, for every form that offers times (this poll's, and a decision decided by "find a
// meeting time" in src/decisions).
/// The rows as typed: "rows" (hidden) says how many, 1 to kMaxPollOptions.
std::vector<CandidateRow> read_candidate_rows(const http::FormData& form);
void add_rows(std::vector<CandidateRow>& rows, const std::string& what, long long now);
/// Adds the problems of the rows (keys meetings.polls.error.*): 2 to 12 times, each on a real date, today or later,
/// ending after it starts, at a time the clocks do not skip.
void check_candidate_rows(std::vector<FormProblem>& out, const std::vector<CandidateRow>& rows, long long now);
/// The times of rows check_candidate_rows found nothing wrong with (empty rows skipped), as UTC.
std::vector<PollOption> options_of_rows(const std::vector<CandidateRow>& rows);
/// The form filled in from a poll (to change its title, purpose and closing date).
TimePollForm form_of(const TimePoll& poll);
/// Problems in page order. creating: the candidate times are checked (2 to 12, real, today or later, each ending
/// after it starts, none the clocks skip) and the create key.
std::vector<FormProblem> check_time_poll(const TimePollForm& form, bool creating, long long now);
/// The details of a form check_time_poll found nothing wrong with.
PollDetails poll_details_of(const TimePollForm& form);
/// Its candidate times (rows left empty are skipped), as UTC.
std::vector<PollOption> poll_options_of(const TimePollForm& form);

/// Answers: field "o-<option id>" holds "yes", "if_need_be" or "no" for each time; times left unanswered are left out.
std::vector<PollVote> read_poll_answers(const http::FormData& form, const TimePoll& poll);
/// At least one time must be answered.
std::vector<FormProblem> check_poll_answers(const std::vector<PollVote>& votes, const TimePoll& poll);

}  // namespace roundtable::meetings
