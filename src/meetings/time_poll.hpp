/// "Find a time": an availability poll for a group's meeting. The people who run the group offer 2 to 12 candidate
/// times (evenings and weekends as real options); the group's members answer each one (yes, if I have to, no) until
/// the poll closes, by hand or at its closing time; the results are counted here, and a meeting can be scheduled at
/// the time chosen. Plain types and pure rules shared by the store, the service and the pages (no SOCI, no Beast), so
/// that other parts (a "meeting-time" decision) can reuse them. Times are UTC unix seconds; forms and pages use
/// Europe/London wall-clock time (london_time.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "groups/group.hpp"

namespace roundtable::meetings {

inline constexpr std::size_t kMinPollOptions = 2;
inline constexpr std::size_t kMaxPollOptions = 12;

/// A person's answer for one time.
enum class PollAnswer { yes, if_need_be, no };
inline constexpr PollAnswer kAllPollAnswers[] = {PollAnswer::yes, PollAnswer::if_need_be, PollAnswer::no};
std::string_view poll_answer_code(PollAnswer a);
std::optional<PollAnswer> parse_poll_answer(std::string_view code);

/// What sort of time it is, by when it starts in London: Saturday and Sunday are the weekend; a weekday from 17:00 on
/// is an evening; the rest is weekday daytime.
enum class TimeKind { weekday_daytime, weekday_evening, weekend };
TimeKind time_kind(long long starts_at);
std::string_view time_kind_code(TimeKind k);

/// One time on offer.
struct PollOption {
  long long id = 0;
  long long starts_at = 0;
  long long ends_at = 0;
};

/// What the people who run the group set and may change later.
struct PollDetails {
  std::string title;
  /// Plain words: what the meeting is for.
  std::string purpose;
  /// When answers stop (UTC); none: until closed by hand.
  std::optional<long long> closes_at;
};

struct TimePoll {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::members;
  bool group_archived = false;
  PollDetails details;
  std::optional<long long> closed_at;
  /// The meeting scheduled from it.
  std::optional<long long> meeting_id;
  long long created_at = 0;
  long long updated_at = 0;
  /// In the order given.
  std::vector<PollOption> options;

  /// Closed by hand, or its closing time has come (compared with now, so nothing has to run at that moment).
  bool closed(long long now) const { return closed_at || (details.closes_at && *details.closes_at <= now); }
  const PollOption* option(long long option_id) const;
};

/// One person's answer to one time.
struct PollVote {
  long long option_id = 0;
  PollAnswer answer = PollAnswer::yes;
};

/// Someone in the group who may answer (lead facilitator, facilitator or member), with their answers.
struct PollPerson {
  long long user_id = 0;
  /// As the group shows them.
  std::string name;
  std::vector<PollVote> votes;
  std::optional<PollAnswer> answer_for(long long option_id) const;
};

/// The poll as one person sees it: their role in the group and their own answers.
struct PollForViewer {
  TimePoll poll;
  std::optional<groups::GroupRole> group_role;
  std::vector<PollVote> mine;
};

/// A poll in the group's list.
struct PollListed {
  long long id = 0;
  std::string title;
  std::optional<long long> closes_at;
  std::optional<long long> closed_at;
  std::optional<long long> meeting_id;
  /// Times on offer, and people who answered at least one.
  long long options = 0;
  long long answered = 0;
  bool closed(long long now) const { return closed_at || (closes_at && *closes_at <= now); }
};

/// The counts for one time.
struct OptionTally {
  PollOption option;
  long long yes = 0;
  long long if_need_be = 0;
  long long no = 0;
  long long unanswered = 0;
  /// Among the best times: the most people who can come (yes or if I have to), then the most yes; none is best
  /// while nobody can come to any.
  bool best = false;
};

/// How many people gave one time one answer (as a GROUP BY gives them).
struct AnswerCount {
  long long option_id = 0;
  PollAnswer answer = PollAnswer::yes;
  long long people = 0;
};
/// Each time's counts, in the options' order (none marked best): `unanswered` is how many of `people` gave it no
/// answer. Shared with decisions decided by "find a meeting time" (src/decisions), which count from the store.
std::vector<OptionTally> count_answers(const std::vector<PollOption>& options, const std::vector<AnswerCount>& counts,
                                       long long people);

/// Counts each time's answers from the people who may answer (answers of anyone else are not counted), best times
/// first (then in the poll's order).
std::vector<OptionTally> tally(const TimePoll& poll, const std::vector<PollPerson>& people);

/// A suggested time (London wall clock, as a form's row shows it).
struct SuggestedTime {
  int year = 0, month = 0, day = 0;
  int start_hour = 0, start_minute = 0, end_hour = 0, end_minute = 0;
};
/// The next `count` weekday evenings after today (London), 18:30 to 20:00.
std::vector<SuggestedTime> next_weekday_evenings(long long now, int count);
/// The next Saturday and Sunday mornings after today (London), 10:00 to 12:00.
std::vector<SuggestedTime> next_weekend_mornings(long long now);

/// The end of a London day (midnight at its end) as UTC: when a poll closing "on" that day closes.
long long end_of_london_day(int year, int month, int day);

}  // namespace roundtable::meetings
