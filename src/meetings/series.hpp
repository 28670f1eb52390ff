/// Series of open sessions (coffee mornings): the pure rules for when a series' sessions are and whom its
/// attendance rule covers. No SOCI, no Beast; tested in series_test.cpp.
///
/// When:
/// - weekly on a weekday, every 2 weeks on a weekday, or monthly on the 1st, 2nd, 3rd, 4th or last weekday of the
///   month;
/// - the first session is the first date on or after the series' first date that fits the pattern (every 2 weeks
///   counts from that session); no session falls after the last date, when there is one;
/// - every session starts at the same Europe/London clock time (10:00 stays 10:00 across British Summer Time) and
///   lasts the same number of minutes;
/// - a start time that does not happen on a date (01:00 to 01:59 on the last Sunday of March, when the clocks go
///   forward) is moved one hour later, to the clock time it would have been had the clocks not changed (01:30 becomes
///   02:30 British Summer Time); a time that happens twice (the last Sunday of October) is the first of the two, as
///   for one meeting (london_time.hpp).
///
/// Whom the attendance rule covers ("staff who joined in the last 3 months must come to one session"):
/// - people with the rule's member type who joined the organisation no more than N months before today, counted by
///   London dates: someone who joined on 31 August with a 3-month rule must come by 30 November (the month's last
///   day when the day does not exist), and is covered up to and including that date.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meetings/meeting.hpp"

namespace roundtable::meetings::series {

enum class Frequency { weekly, fortnightly, monthly };
std::string_view frequency_code(Frequency f);
std::optional<Frequency> parse_frequency(std::string_view code);

/// Which weekday of the month, for a monthly series: the 1st to 4th, or the last (which may be the 4th or the 5th).
inline constexpr int kLastWeek = 5;

struct Recurrence {
  Frequency frequency = Frequency::monthly;
  /// 0 Sunday ... 6 Saturday.
  int weekday = 3;
  /// For monthly: 1 to 4, or kLastWeek.
  int week_of_month = 1;
};

/// A London date.
struct Date {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const Date&) const = default;
};
/// "YYYY-MM-DD"; nullopt when it is not a real date.
std::optional<Date> parse_date(std::string_view text);
std::string date_text(const Date& d);
Date add_days(const Date& d, long long days);
/// The same day N months later, or that month's last day when it has no such day (31 January + 1 = 28 February).
Date add_months(const Date& d, int months);
/// The London date of an instant.
Date london_date(long long utc_seconds);

/// The dates of the sessions from `first` (inclusive) to `until` (inclusive), at most `limit` of them.
std::vector<Date> session_dates(const Recurrence& r, const Date& first, const Date& until, std::size_t limit);

/// When a session starts and ends, UTC unix seconds.
struct Slot {
  long long starts_at = 0;
  long long ends_at = 0;
  /// The start time did not happen on that date and was moved an hour later.
  bool moved = false;
};
/// The session on `date` at hour:minute London time, lasting `minutes`.
Slot slot_on(const Date& date, int hour, int minute, int minutes);

/// The attendance rule: people of `member_type` who joined in the last `months` months must come to one session.
struct Rule {
  std::string member_type;
  int months = 0;
};
/// The date by which someone who joined on `joined` must come.
Date due_by(const Date& joined, int months);
/// Whether the rule covers someone of these member types who joined on `joined`, on `today`.
bool covers(const Rule& rule, const std::vector<std::string>& member_types, const Date& joined, const Date& today);
/// The earliest joining date the rule still covers on `today` (covers() holds for exactly the dates on or after it,
/// for people of the rule's member type), so the database can ask "joined on or after" instead of reading everyone.
Date covered_from(const Rule& rule, const Date& today);
/// The instant (UTC unix seconds) a London date begins.
long long london_midnight(const Date& d);

/// How many months ahead sessions are made, when the series is made and each time "add more dates" is pressed.
inline constexpr int kMonthsAhead = 6;
/// At most this many sessions are made at once (a weekly series over 6 months makes 27).
inline constexpr std::size_t kMaxSessionsAtOnce = 60;

/// What the series' form sets.
struct SeriesDetails {
  std::string title;
  /// Markdown.
  std::string purpose;
  Recurrence recurrence;
  /// London clock time, minutes after midnight.
  int start_minute = 600;
  int length_minutes = 60;
  std::string online_url;
  std::string venue;
  std::vector<Access> access;
  std::string access_notes;
  Date first;
  std::optional<Date> last;
  /// Everyone in the organisation sees its sessions, replies and can be recorded as coming.
  bool open_to_organisation = true;
  /// No rule when its months are 0.
  Rule rule;
};

/// The details a session of the series has on `date`.
MeetingDetails session_details(const SeriesDetails& d, const Date& date);

struct Series {
  long long id = 0;
  long long org_id = 0;
  long long group_id = 0;
  std::string group_name;
  groups::Visibility group_visibility = groups::Visibility::organisation;
  bool group_archived = false;
  SeriesDetails details;
  long long created_at = 0;
};

/// A series as one person sees it, with their role in its group.
struct SeriesForViewer {
  Series series;
  std::optional<GroupRole> group_role;
};

/// One of the series' sessions, with the viewer's answer.
struct Session {
  long long id = 0;
  long long starts_at = 0;
  long long ends_at = 0;
  bool cancelled = false;
  long long going = 0;
  std::optional<Answer> mine;
};

/// Someone the attendance rule covers, or who came to a session.
struct ReportPerson {
  long long user_id = 0;
  std::string name;
  std::vector<std::string> member_types;
  /// When they joined the organisation (UTC unix seconds).
  long long joined_at = 0;
  /// Sessions of the series they came to, and the ones still to come they said they are going to (start times).
  std::vector<long long> attended;
  std::vector<long long> going;
};

/// The attendance report: everyone the rule covers who has not come yet (soonest due first), and everyone who came.
struct Report {
  std::vector<ReportPerson> not_yet;
  std::vector<ReportPerson> came;
};
/// The report's counts, for the top of its page: how many people the rule covers (must come), how many of them came
/// and have not yet, and how many came in all (the rule covers some who came no longer, or never did).
struct ReportSummary {
  long long must = 0;
  long long must_came = 0;
  long long not_yet = 0;
  long long came = 0;
};

/// One person on a page of the report, which lists everyone the rule covers and everyone who came, by name.
struct ReportRow {
  ReportPerson person;
  /// The rule covers them today (they must come, by due_by of when they joined).
  bool must = false;
  bool came = false;
};

/// Sorts people (everyone in the organisation with the rule's member type, with what they came to and will go to)
/// into the report, by the rule, on `today`.
Report make_report(const Rule& rule, std::vector<ReportPerson> people, const Date& today);

}  // namespace roundtable::meetings::series
