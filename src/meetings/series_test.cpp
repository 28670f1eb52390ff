// The rules of a series of open sessions: when its sessions are (weekly, every 2 weeks, monthly on the nth or last
// weekday; across the British Summer Time changes) and whom its attendance rule covers.
#include "meetings/series.hpp"

#include <gtest/gtest.h>

#include <ctime>

#include "meetings/london_time.hpp"
#include "meetings/meeting_invitation.hpp"
#include "testing/dates.hpp"

namespace roundtable::meetings::series {
namespace {

using testing::utc;

constexpr int kSunday = 0, kTuesday = 2, kWednesday = 3, kFriday = 5;

TEST(Series, MonthlyFirstWednesday) {
  const Recurrence r{Frequency::monthly, kWednesday, 1};
  const auto dates = session_dates(r, {2027, 1, 1}, {2027, 6, 30}, 100);
  const std::vector<Date> expected{{2027, 1, 6}, {2027, 2, 3}, {2027, 3, 3}, {2027, 4, 7}, {2027, 5, 5}, {2027, 6, 2}};
  EXPECT_EQ(dates, expected);
  for (const auto& d : dates) EXPECT_EQ(weekday_of(d.year, d.month, d.day), kWednesday);
}

TEST(Series, MonthlyStartsWithTheFirstSessionOnOrAfterTheFirstDate) {
  const Recurrence r{Frequency::monthly, kWednesday, 1};
  EXPECT_EQ(session_dates(r, {2027, 1, 7}, {2027, 3, 31}, 100), (std::vector<Date>{{2027, 2, 3}, {2027, 3, 3}}));
  EXPECT_EQ(session_dates(r, {2027, 1, 6}, {2027, 2, 2}, 100), (std::vector<Date>{{2027, 1, 6}}));
  EXPECT_EQ(session_dates(r, {2027, 1, 6}, {2027, 12, 31}, 2), (std::vector<Date>{{2027, 1, 6}, {2027, 2, 3}}));
  EXPECT_TRUE(session_dates(r, {2027, 2, 1}, {2027, 1, 1}, 100).empty());
}

TEST(Series, LastWeekdayIsTheFifthInMonthsWithFiveWeeks) {
  // January 2027 has five Fridays (1, 8, 15, 22, 29); February four.
  const Recurrence last{Frequency::monthly, kFriday, kLastWeek};
  EXPECT_EQ(session_dates(last, {2027, 1, 1}, {2027, 3, 31}, 100),
            (std::vector<Date>{{2027, 1, 29}, {2027, 2, 26}, {2027, 3, 26}}));
  const Recurrence fourth{Frequency::monthly, kFriday, 4};
  EXPECT_EQ(session_dates(fourth, {2027, 1, 1}, {2027, 2, 28}, 100), (std::vector<Date>{{2027, 1, 22}, {2027, 2, 26}}));
  // The last day of a month can itself be the weekday.
  const Recurrence last_sunday{Frequency::monthly, kSunday, kLastWeek};
  EXPECT_EQ(session_dates(last_sunday, {2027, 10, 1}, {2027, 10, 31}, 100), (std::vector<Date>{{2027, 10, 31}}));
}

TEST(Series, WeeklyAndEveryTwoWeeks) {
  // 5 December 2026 is a Saturday.
  const Recurrence weekly{Frequency::weekly, kTuesday, 1};
  EXPECT_EQ(session_dates(weekly, {2026, 12, 5}, {2026, 12, 31}, 100),
            (std::vector<Date>{{2026, 12, 8}, {2026, 12, 15}, {2026, 12, 22}, {2026, 12, 29}}));
  const Recurrence fortnightly{Frequency::fortnightly, kTuesday, 1};
  EXPECT_EQ(session_dates(fortnightly, {2026, 12, 5}, {2027, 1, 10}, 100),
            (std::vector<Date>{{2026, 12, 8}, {2026, 12, 22}, {2027, 1, 5}}));
  // A first date on the weekday is the first session; across the year's end and a leap day.
  EXPECT_EQ(session_dates(weekly, {2028, 2, 22}, {2028, 3, 7}, 100),
            (std::vector<Date>{{2028, 2, 22}, {2028, 2, 29}, {2028, 3, 7}}));
}

TEST(Series, TenStaysTenLondonTimeAcrossBritishSummerTime) {
  const Recurrence weekly{Frequency::weekly, kWednesday, 1};
  // The clocks go forward on 28 March 2027 and back on 31 October 2027.
  const auto spring = session_dates(weekly, {2027, 3, 20}, {2027, 4, 3}, 100);
  ASSERT_EQ(spring, (std::vector<Date>{{2027, 3, 24}, {2027, 3, 31}}));
  EXPECT_EQ(slot_on(spring[0], 10, 0, 90).starts_at, utc(2027, 3, 24, 10, 0));
  EXPECT_EQ(slot_on(spring[1], 10, 0, 90).starts_at, utc(2027, 3, 31, 9, 0));
  EXPECT_EQ(slot_on(spring[1], 10, 0, 90).ends_at, utc(2027, 3, 31, 10, 30));
  EXPECT_EQ(slot_on({2027, 10, 27}, 10, 0, 60).starts_at, utc(2027, 10, 27, 9, 0));
  EXPECT_EQ(slot_on({2027, 11, 3}, 10, 0, 60).starts_at, utc(2027, 11, 3, 10, 0));
  for (const auto& d : {Date{2027, 3, 24}, Date{2027, 3, 31}, Date{2027, 10, 27}, Date{2027, 11, 3}}) {
    const auto slot = slot_on(d, 10, 0, 60);
    EXPECT_FALSE(slot.moved);
    EXPECT_EQ(to_london(slot.starts_at), (WallClock{d.year, d.month, d.day, 10, 0}));
  }
}

TEST(Series, ATimeThatDoesNotHappenMovesAnHourLater) {
  // 01:30 on 28 March 2027 never happens: the session starts at 02:30 British Summer Time (01:30 UTC).
  const auto slot = slot_on({2027, 3, 28}, 1, 30, 60);
  EXPECT_TRUE(slot.moved);
  EXPECT_EQ(slot.starts_at, utc(2027, 3, 28, 1, 30));
  EXPECT_EQ(to_london(slot.starts_at), (WallClock{2027, 3, 28, 2, 30}));
  EXPECT_EQ(slot.ends_at, slot.starts_at + 3600);
  // The week after, 01:30 is 01:30 again.
  EXPECT_EQ(to_london(slot_on({2027, 4, 4}, 1, 30, 60).starts_at), (WallClock{2027, 4, 4, 1, 30}));
  // 01:30 on 31 October 2027 happens twice: the first, in British Summer Time.
  const auto twice = slot_on({2027, 10, 31}, 1, 30, 60);
  EXPECT_FALSE(twice.moved);
  EXPECT_EQ(twice.starts_at, utc(2027, 10, 31, 0, 30));
}

TEST(Series, Dates) {
  EXPECT_EQ(parse_date("2026-12-05"), (Date{2026, 12, 5}));
  EXPECT_FALSE(parse_date("2027-02-29"));
  EXPECT_FALSE(parse_date("2026-12-5"));
  EXPECT_FALSE(parse_date("tomorrow"));
  EXPECT_EQ(date_text({2027, 1, 6}), "2027-01-06");
  EXPECT_EQ(add_months({2026, 8, 31}, 3), (Date{2026, 11, 30}));
  EXPECT_EQ(add_months({2027, 11, 30}, 3), (Date{2028, 2, 29}));
  EXPECT_EQ(add_months({2026, 12, 31}, 2), (Date{2027, 2, 28}));
  EXPECT_EQ(add_months({2026, 10, 15}, 14), (Date{2027, 12, 15}));
  // Late evening UTC in summer is already the next day in London.
  EXPECT_EQ(london_date(utc(2027, 6, 30, 23, 30)), (Date{2027, 7, 1}));
  EXPECT_EQ(london_date(utc(2027, 12, 31, 23, 30)), (Date{2027, 12, 31}));
  EXPECT_EQ(parse_frequency("fortnightly"), Frequency::fortnightly);
  EXPECT_FALSE(parse_frequency("daily"));
}

TEST(Series, WhoTheRuleCovers) {
  const Rule staff{"staff", 3};
  const std::vector<std::string> is_staff{"lived_experience", "staff"};
  EXPECT_EQ(due_by({2026, 9, 5}, 3), (Date{2026, 12, 5}));
  // Covered up to and including the date they must come by.
  EXPECT_TRUE(covers(staff, is_staff, {2026, 9, 5}, {2026, 12, 5}));
  EXPECT_FALSE(covers(staff, is_staff, {2026, 9, 5}, {2026, 12, 6}));
  EXPECT_TRUE(covers(staff, is_staff, {2026, 12, 1}, {2026, 12, 5}));
  // Only people of the rule's member type.
  EXPECT_FALSE(covers(staff, {"partner"}, {2026, 12, 1}, {2026, 12, 5}));
  EXPECT_FALSE(covers(staff, {}, {2026, 12, 1}, {2026, 12, 5}));
  // No rule, no one.
  EXPECT_FALSE(covers({"staff", 0}, is_staff, {2026, 12, 1}, {2026, 12, 5}));
  EXPECT_FALSE(covers({"", 3}, is_staff, {2026, 12, 1}, {2026, 12, 5}));
  // A month's end: joined 31 August, must come by 30 November.
  EXPECT_TRUE(covers(staff, is_staff, {2026, 8, 31}, {2026, 11, 30}));
  EXPECT_FALSE(covers(staff, is_staff, {2026, 8, 31}, {2026, 12, 1}));
}

TEST(Series, CoveredFromIsTheFirstJoiningDateTheRuleCovers) {
  // The report and the invitations ask the database "joined on or after covered_from"; that must say exactly what
  // covers() says, for every joining date around it, at months' ends and in leap years.
  const std::vector<std::string> is_staff{"staff"};
  for (int months : {1, 3, 6, 12, 24}) {
    for (const Date today : {Date{2026, 12, 5}, Date{2026, 11, 30}, Date{2027, 3, 1}, Date{2028, 2, 29},
                             Date{2028, 3, 31}, Date{2026, 5, 31}}) {
      const Rule rule{"staff", months};
      const Date from = covered_from(rule, today);
      EXPECT_TRUE(covers(rule, is_staff, from, today)) << months << " " << date_text(today);
      EXPECT_FALSE(covers(rule, is_staff, add_days(from, -1), today)) << months << " " << date_text(today);
      for (long long back = 0; back < 31LL * (months + 2); back += 1) {
        const Date joined = add_days(today, -back);
        EXPECT_EQ(covers(rule, is_staff, joined, today), !(joined < from)) << date_text(joined);
      }
    }
  }
  EXPECT_EQ(covered_from({"staff", 3}, {2026, 11, 30}), (Date{2026, 8, 30})) << "31 August is due 30 November too";
  EXPECT_EQ(london_date(london_midnight({2026, 7, 1})), (Date{2026, 7, 1}));
  EXPECT_EQ(london_date(london_midnight({2026, 7, 1}) - 1), (Date{2026, 6, 30}));
  EXPECT_EQ(london_midnight({2026, 7, 1}), utc(2026, 6, 30, 23, 0)) << "British Summer Time";
  EXPECT_EQ(london_midnight({2026, 12, 1}), utc(2026, 12, 1, 0, 0));
}

TEST(Series, WhoIsInvitedToASession) {
  // One row per case: a group's own meeting, then a session open to the organisation (meeting_invitation.hpp).
  using meetings::InviteeFacts;
  constexpr auto going = Answer::going, maybe = Answer::maybe, not_going = Answer::not_going;
  struct Row {
    const char* who;
    InviteeFacts facts;
    bool invited;
  };
  const Row rows[] = {
      // open, in group, rule covers, came, reply
      {"group meeting: in the group", {false, true, false, false, {}}, true},
      {"group meeting: in the group, said not going", {false, true, false, false, not_going}, true},
      {"group meeting: not in the group, covered", {false, false, true, false, {}}, false},
      {"group meeting: not in the group, going", {false, false, false, false, going}, false},
      {"open: in the group", {true, true, false, false, {}}, true},
      {"open: in the group, came, said not going", {true, true, true, true, not_going}, true},
      {"open: covered, not come yet", {true, false, true, false, {}}, true},
      {"open: covered, came already", {true, false, true, true, {}}, false},
      {"open: covered, said not going to this one", {true, false, true, false, not_going}, false},
      {"open: not covered, going", {true, false, false, false, going}, true},
      {"open: not covered, maybe", {true, false, false, false, maybe}, true},
      {"open: covered, came, going again", {true, false, true, true, going}, true},
      {"open: not covered, said not going", {true, false, false, false, not_going}, false},
      {"open: anyone else in the organisation", {true, false, false, false, {}}, false},
  };
  for (const auto& row : rows) EXPECT_EQ(meetings::invited(row.facts), row.invited) << row.who;
}

TEST(Series, TheReportListsWhoIsDueAndWhoCame) {
  const Rule staff{"staff", 3};
  const auto person = [](long long id, std::vector<std::string> types, long long joined, std::vector<long long> came) {
    ReportPerson p;
    p.user_id = id;
    p.member_types = std::move(types);
    p.joined_at = joined;
    p.attended = std::move(came);
    return p;
  };
  const auto report =
      make_report(staff,
                  {person(1, {"staff"}, utc(2026, 11, 20, 9, 0), {}), person(2, {"staff"}, utc(2026, 9, 10, 9, 0), {}),
                   person(3, {"staff"}, utc(2026, 10, 1, 9, 0), {utc(2026, 11, 4, 10, 0)}),
                   // Joined too long ago: no longer covered.
                   person(4, {"staff"}, utc(2026, 8, 1, 9, 0), {}),
                   // Not staff.
                   person(5, {"lived_experience"}, utc(2026, 11, 1, 9, 0), {}),
                   // Joined long ago but came: listed with those who came.
                   person(6, {"staff"}, utc(2025, 1, 1, 9, 0), {utc(2026, 12, 2, 10, 0)})},
                  {2026, 12, 5});
  ASSERT_EQ(report.not_yet.size(), 2u);
  EXPECT_EQ(report.not_yet[0].user_id, 2) << "the one due soonest first";
  EXPECT_EQ(report.not_yet[1].user_id, 1);
  ASSERT_EQ(report.came.size(), 2u);
  EXPECT_EQ(report.came[0].user_id, 3);
  EXPECT_EQ(report.came[1].user_id, 6);
  // Joined at 23:30 UTC on 31 August in summer: 1 September in London, due 1 December.
  EXPECT_EQ(due_by(london_date(utc(2026, 8, 31, 23, 30)), 3), (Date{2026, 12, 1}));
}

TEST(Series, ASessionsDetailsComeFromTheSeries) {
  SeriesDetails d;
  d.title = "Coffee morning";
  d.purpose = "Meet people";
  d.start_minute = 10 * 60;
  d.length_minutes = 90;
  d.venue = "Winchester";
  d.access = {Access::step_free};
  const auto m = session_details(d, {2027, 6, 2});
  EXPECT_EQ(m.title, "Coffee morning");
  EXPECT_EQ(m.starts_at, utc(2027, 6, 2, 9, 0));
  EXPECT_EQ(m.ends_at, utc(2027, 6, 2, 10, 30));
  EXPECT_EQ(m.venue, "Winchester");
  EXPECT_EQ(m.access.size(), 1u);
}

}  // namespace
}  // namespace roundtable::meetings::series
