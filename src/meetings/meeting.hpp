/// Meetings of a group: when and where they are (with their access details), why, and who is coming with what they
/// need to take part. Plain types shared by the store, the service, the policy and the pages (no SOCI, no Beast).
/// Times are UTC unix seconds; forms and pages use Europe/London wall-clock time (london_time.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groups/group.hpp"

namespace roundtable::meetings {

using groups::GroupRole;

/// What the venue offers.
enum class Access { step_free, hearing_loop, quiet_room, parking, public_transport };
inline constexpr Access kAllAccess[] = {Access::step_free, Access::hearing_loop, Access::quiet_room, Access::parking,
                                        Access::public_transport};
std::string_view access_code(Access a);
std::optional<Access> parse_access(std::string_view code);

/// A person's answer to "are you coming?".
enum class Answer { going, maybe, not_going };
inline constexpr Answer kAllAnswers[] = {Answer::going, Answer::maybe, Answer::not_going};
std::string_view answer_code(Answer a);
std::optional<Answer> parse_answer(std::string_view code);

/// What someone needs to take part in a meeting.
enum class Need {
  bsl_interpreter,
  /// An interpreter of another language (RsvpDetails::interpreter_language says which).
  other_interpreter,
  easy_read,
  large_print,
  travel_expenses,
  carer_expenses,
  /// RsvpDetails::dietary says what.
  dietary,
  /// A supporter comes with them.
  supporter,
};
inline constexpr Need kAllNeeds[] = {Need::bsl_interpreter, Need::other_interpreter, Need::easy_read, Need::large_print,
                                     Need::travel_expenses, Need::carer_expenses,    Need::dietary,   Need::supporter};
std::string_view need_code(Need n);
std::optional<Need> parse_need(std::string_view code);

/// Codes joined with commas ("step_free,parking"), as stored; unknown codes are dropped on reading.
std::string access_list_code(const std::vector<Access>& access);
std::vector<Access> parse_access_list(std::string_view codes);
std::string need_list_code(const std::vector<Need>& needs);
std::vector<Need> parse_need_list(std::string_view codes);

/// What the meeting's form sets.
struct MeetingDetails {
  std::string title;
  /// Markdown.
  std::string purpose;
  /// UTC unix seconds.
  long long starts_at = 0;
  long long ends_at = 0;
  /// An http or https address, or "".
  std::string online_url;
  /// The venue's address, or "" for an online meeting.
  std::string venue;
  std::vector<Access> access;
  std::string access_notes;
};

struct Meeting {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::organisation;
  bool group_archived = false;
  MeetingDetails details;
  long long created_at = 0;
  long long updated_at = 0;
  std::optional<long long> cancelled_at;
  std::string cancel_reason;
  /// When the people who run the group said the papers were sent.
  std::optional<long long> papers_sent_at;
  /// Markdown; the group reads it once published.
  std::string minutes;
  std::optional<long long> minutes_published_at;
  /// The series it is a session of (0: none; series.hpp), and whether that series is open to the organisation.
  long long series_id = 0;
  bool open_to_organisation = false;
  /// The iCalendar SEQUENCE of its calendar file, feed entry and invitations: one more each time its time, place or
  /// title changes and when it is called off.
  long long sequence = 0;
  /// Replies of people still in the group (anyone's, when open to the organisation).
  long long going = 0;
  long long maybe = 0;
  bool cancelled() const { return cancelled_at.has_value(); }
  bool started(long long now) const { return now >= details.starts_at; }
};

/// What a person's reply says.
struct RsvpDetails {
  Answer answer = Answer::going;
  std::vector<Need> needs;
  /// Which language, with Need::other_interpreter.
  std::string interpreter_language;
  /// What they need, with Need::dietary.
  std::string dietary;
  std::string note;
  bool has(Need n) const;
};

/// A person in the group and their reply (nullopt: none yet), as the facilitators' checklist lists them.
struct Rsvp {
  long long user_id = 0;
  std::string name;
  std::optional<RsvpDetails> reply;
  long long updated_at = 0;
  /// Which of the needs in their reply the people who run the group have arranged (the checklist's ticks).
  std::vector<Need> arranged;
  bool is_arranged(Need n) const;
};

/// How many support requests still need arranging: the needs of everyone going or maybe that are not ticked.
long long unmet_support(const std::vector<Rsvp>& people);

/// A meeting as one person sees it: with their role in its group and their own reply.
struct MeetingForViewer {
  Meeting meeting;
  std::optional<GroupRole> group_role;
  std::optional<RsvpDetails> mine;
};

/// A line in a group's list of meetings.
struct MeetingListed {
  long long id = 0;
  std::string title;
  long long starts_at = 0;
  long long ends_at = 0;
  bool online = false;
  bool in_person = false;
  bool cancelled = false;
  long long going = 0;
  /// The viewer's answer.
  std::optional<Answer> mine;
};

/// How many replies need each thing (and how many are coming or may come), for the checklist.
struct NeedCounts {
  long long going = 0;
  long long maybe = 0;
  long long not_going = 0;
  /// People in the group (observers aside) who have not replied.
  long long no_reply = 0;
  /// By Need, in kAllNeeds' order; counted over the people going or who may go.
  long long need[std::size(kAllNeeds)] = {};
};
NeedCounts count_needs(const std::vector<Rsvp>& replies);

}  // namespace roundtable::meetings
