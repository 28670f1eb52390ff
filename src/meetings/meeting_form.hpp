/// The meetings module's forms: what was typed, kept as typed for showing again, checked into catalogue keys. Dates
/// and times are typed as Europe/London wall-clock time (london_time.hpp says how the clock changes are handled).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/account_form.hpp"
#include "meetings/meeting.hpp"

namespace roundtable::http {
class FormData;
}

namespace roundtable::meetings {

using accounts::FormProblem;

inline constexpr std::size_t kMaxTitle = 120;
inline constexpr std::size_t kMaxPurpose = 20000;
inline constexpr std::size_t kMaxUrl = 500;
inline constexpr std::size_t kMaxVenue = 1000;
inline constexpr std::size_t kMaxAccessNotes = 2000;
inline constexpr std::size_t kMaxReason = 1000;
inline constexpr std::size_t kMaxLanguage = 100;
inline constexpr std::size_t kMaxDietary = 500;
inline constexpr std::size_t kMaxNote = 1000;

/// "18:30", "6:30pm", "6.30 pm", "6pm", "12am" → hours and minutes since midnight; nullopt when it is not a time.
std::optional<std::pair<int, int>> parse_clock_time(std::string_view typed);
/// "18:30"
std::string clock_time_code(int hour, int minute);
/// An http or https address with a host and no spaces.
bool web_address(std::string_view url);

struct MeetingForm {
  std::string title;
  std::string purpose;
  /// The date as typed, in three boxes, and the times as typed.
  std::string day, month, year;
  std::string start, end;
  std::string online_url;
  std::string venue;
  /// The ticked access codes.
  std::vector<std::string> access;
  std::string access_notes;
  /// The form's random key: sent twice, it makes one meeting.
  std::string create_key;
  /// The "find a time" poll it is scheduled from (its id, as a hidden field), if any.
  std::string from_poll;
};

MeetingForm read_meeting(const http::FormData& form);
/// A new meeting arranged from a link (a decision's chosen time): the title, purpose, date ("date-day",
/// "date-month", "date-year") and times ("start", "end") the address gives, in the form's own field names, fill
/// the fields still empty.
void fill_from_address(MeetingForm& form, const http::FormData& query);
/// The form filled in from a meeting's details (to change them), in London time.
MeetingForm form_of(const MeetingDetails& details);
/// Problems in page order. now: the date must be today (in London) or later when creating, and the create key there.
std::vector<FormProblem> check_meeting(const MeetingForm& form, bool creating, long long now);
/// The details of a form check_meeting found nothing wrong with.
MeetingDetails details_of(const MeetingForm& form);

/// Calling a meeting off: the reason everyone will see.
std::vector<FormProblem> check_reason(const std::string& reason);

/// A reply: the answer, the needs ticked, and what goes with them.
struct ReplyForm {
  std::string answer;
  std::vector<std::string> needs;
  std::string interpreter_language;
  std::string dietary;
  std::string note;
};
ReplyForm read_reply(const http::FormData& form);
ReplyForm form_of(const RsvpDetails& details);
std::vector<FormProblem> check_reply(const ReplyForm& form);
/// The reply of a form check_reply found nothing wrong with. Someone not going needs nothing, so their needs are
/// dropped (their note is kept).
RsvpDetails details_of(const ReplyForm& form);

}  // namespace roundtable::meetings
