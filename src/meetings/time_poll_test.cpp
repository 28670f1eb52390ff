// "Find a time": the pure rules (sorts of time, counting, best times, closing by date, suggestions), the form
// (London times in summer and winter, the hour the clocks skip, rows and suggestions), and the service on both
// databases (one poll however often the form is sent, answers changeable until it closes and not after, only from the
// group's own people, the meeting kept on the poll, the email to members who may answer).
#include "meetings/time_poll.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "http/form.hpp"
#include "meetings/london_time.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/time_poll_form.hpp"
#include "meetings/time_poll_service.hpp"
#include "testing/dates.hpp"
#include "testing/world.hpp"

namespace roundtable::meetings {
namespace {

using db::testing::run;
using organisations::Role;

using core::kHour, core::kDay;

using testing::utc;

TEST(TimePoll, SortsOfTimeAreByTheirLondonStart) {
  // Tuesday 7 July 2026, 6:30pm in London is 5:30pm UTC (British Summer Time).
  EXPECT_EQ(time_kind(utc(2026, 7, 7, 17, 30)), TimeKind::weekday_evening);
  // 4:30pm UTC is 5:30pm in London: evening; in winter 4:30pm UTC is 4:30pm: daytime.
  EXPECT_EQ(time_kind(utc(2026, 7, 7, 16, 30)), TimeKind::weekday_evening);
  EXPECT_EQ(time_kind(utc(2026, 12, 8, 16, 30)), TimeKind::weekday_daytime);
  EXPECT_EQ(time_kind(utc(2026, 12, 12, 10, 0)), TimeKind::weekend);  // Saturday
  EXPECT_EQ(time_kind(utc(2026, 12, 13, 19, 0)), TimeKind::weekend);  // Sunday evening is the weekend
  // 11:30pm UTC on Friday 10 July is 12:30am on Saturday in London.
  EXPECT_EQ(time_kind(utc(2026, 7, 10, 23, 30)), TimeKind::weekend);
}

TimePoll three_times() {
  TimePoll p;
  p.options = {{1, 100, 200}, {2, 300, 400}, {3, 500, 600}};
  return p;
}

TEST(TimePoll, CountsEachAnswerAndWhoHasNotAnswered) {
  const auto p = three_times();
  const std::vector<PollPerson> people{
      {10, "Mair", {{1, PollAnswer::yes}, {2, PollAnswer::no}, {3, PollAnswer::if_need_be}}},
      {11, "Ngozi", {{1, PollAnswer::if_need_be}, {2, PollAnswer::yes}}},
      {12, "Tom", {}},
  };
  const auto t = tally(p, people);
  ASSERT_EQ(t.size(), 3u);
  // Time 1: two can come (one yes), best; then time 2 and time 3 (one each; time 2 has a yes).
  EXPECT_EQ(t[0].option.id, 1);
  EXPECT_TRUE(t[0].best);
  EXPECT_EQ(t[0].yes, 1);
  EXPECT_EQ(t[0].if_need_be, 1);
  EXPECT_EQ(t[0].no, 0);
  EXPECT_EQ(t[0].unanswered, 1);
  EXPECT_EQ(t[1].option.id, 2);
  EXPECT_FALSE(t[1].best);
  EXPECT_EQ(t[1].yes, 1);
  EXPECT_EQ(t[1].no, 1);
  EXPECT_EQ(t[2].option.id, 3);
  EXPECT_EQ(t[2].unanswered, 2);
}

TEST(TimePoll, BestTimesAreTheMostWhoCanComeThenTheMostYesAndMayBeSeveral) {
  const auto p = three_times();
  // Times 2 and 3 tie (two yes each); time 1 has two who can come but only if they have to.
  const std::vector<PollPerson> people{
      {10, "A", {{1, PollAnswer::if_need_be}, {2, PollAnswer::yes}, {3, PollAnswer::yes}}},
      {11, "B", {{1, PollAnswer::if_need_be}, {2, PollAnswer::yes}, {3, PollAnswer::yes}}},
  };
  const auto t = tally(p, people);
  EXPECT_EQ(t[0].option.id, 2);
  EXPECT_TRUE(t[0].best);
  EXPECT_EQ(t[1].option.id, 3);
  EXPECT_TRUE(t[1].best);
  EXPECT_EQ(t[2].option.id, 1);
  EXPECT_FALSE(t[2].best);
  // Nobody can come to any: none is best, and the poll's order stays.
  const auto none = tally(p, {{10, "A", {{1, PollAnswer::no}}}});
  for (const auto& row : none) EXPECT_FALSE(row.best);
  EXPECT_EQ(none[0].option.id, 1);
  EXPECT_EQ(tally(p, {})[0].unanswered, 0);
}

TEST(TimePoll, ClosesByHandOrAtItsClosingTimeWithoutAnyoneVisiting) {
  TimePoll p;
  EXPECT_FALSE(p.closed(1000));
  p.details.closes_at = 2000;
  EXPECT_FALSE(p.closed(1999));
  EXPECT_TRUE(p.closed(2000));
  p.details.closes_at.reset();
  p.closed_at = 500;
  EXPECT_TRUE(p.closed(1000));
  // The end of a London day: midnight at its end, in summer an hour earlier in UTC.
  EXPECT_EQ(end_of_london_day(2026, 7, 7), utc(2026, 7, 7, 23, 0));
  EXPECT_EQ(end_of_london_day(2026, 12, 8), utc(2026, 12, 9, 0, 0));
}

TEST(TimePoll, SuggestsTheNextWeekdayEveningsAndWeekendMornings) {
  // Friday 4 December 2026, noon.
  const long long now = utc(2026, 12, 4, 12, 0);
  const auto evenings = next_weekday_evenings(now, 3);
  ASSERT_EQ(evenings.size(), 3u);
  EXPECT_EQ(evenings[0].day, 7);  // Monday
  EXPECT_EQ(evenings[1].day, 8);
  EXPECT_EQ(evenings[2].day, 9);
  EXPECT_EQ(evenings[0].start_hour, 18);
  EXPECT_EQ(evenings[0].start_minute, 30);
  const auto weekend = next_weekend_mornings(now);
  ASSERT_EQ(weekend.size(), 2u);
  EXPECT_EQ(weekend[0].day, 5);  // Saturday
  EXPECT_EQ(weekend[1].day, 6);  // Sunday
  EXPECT_EQ(weekend[0].start_hour, 10);
}

http::FormData poll_form(std::vector<std::pair<std::string, std::string>> fields) {
  http::FormData f;
  f.add("title", "Planning meeting");
  f.add("purpose", "We plan the year.");
  f.add("create_key", "key-1234567890abcdef");
  for (auto& [k, v] : fields) f.add(k, v);
  return f;
}

void row(std::vector<std::pair<std::string, std::string>>& out, int n, std::string d, std::string m, std::string y,
         std::string start, std::string end) {
  const std::string p = "c-" + std::to_string(n) + "-";
  out.emplace_back(p + "day", d);
  out.emplace_back(p + "month", m);
  out.emplace_back(p + "year", y);
  out.emplace_back(p + "start", start);
  out.emplace_back(p + "end", end);
}

bool has(const std::vector<FormProblem>& problems, const std::string& field, const std::string& key) {
  for (const auto& p : problems) {
    if (p.field == field && p.key == key) return true;
  }
  return false;
}

TEST(TimePollForm, ReadsLondonTimesInSummerAndWinterAndSkipsEmptyRows) {
  std::vector<std::pair<std::string, std::string>> fields{{"rows", "4"}};
  row(fields, 0, "7", "7", "2026", "6:30pm", "8pm");
  row(fields, 2, "12", "12", "2026", "10:00", "12:00");
  const auto form = read_time_poll(poll_form(fields));
  ASSERT_EQ(form.rows.size(), 4u);
  const long long now = utc(2026, 6, 1, 9, 0);
  EXPECT_TRUE(check_time_poll(form, true, now).empty());
  const auto options = poll_options_of(form);
  ASSERT_EQ(options.size(), 2u);
  EXPECT_EQ(options[0].starts_at, utc(2026, 7, 7, 17, 30));  // BST: an hour behind in UTC
  EXPECT_EQ(options[0].ends_at, utc(2026, 7, 7, 19, 0));
  EXPECT_EQ(options[1].starts_at, utc(2026, 12, 12, 10, 0));  // GMT
  EXPECT_EQ(row_kind(form.rows[0]), TimeKind::weekday_evening);
  EXPECT_EQ(row_kind(form.rows[2]), TimeKind::weekend);
  EXPECT_FALSE(row_kind(form.rows[1]));
}

TEST(TimePollForm, RefusesTheHourTheClocksSkipAndSaysWhatIsWrong) {
  std::vector<std::pair<std::string, std::string>> fields{{"rows", "3"}};
  // Sunday 29 March 2026: 1:30am never happens in London.
  row(fields, 0, "29", "3", "2026", "1:30am", "3am");
  row(fields, 1, "31", "2", "2026", "10:00", "11:00");
  row(fields, 2, "5", "5", "2026", "6", "5pm");
  const auto problems = check_time_poll(read_time_poll(poll_form(fields)), true, utc(2026, 1, 1, 0, 0));
  EXPECT_TRUE(has(problems, "c-0-start", "meetings.polls.error.clocks_go_forward"));
  EXPECT_TRUE(has(problems, "c-1-day", "meetings.polls.error.date_real"));
  EXPECT_TRUE(has(problems, "c-2-start", "meetings.polls.error.start_time"));
}

TEST(TimePollForm, NeedsTwoTimesATitleAFutureDateAndEndsAfterStarts) {
  std::vector<std::pair<std::string, std::string>> fields{{"rows", "2"}, {"title", ""}};
  row(fields, 0, "1", "6", "2026", "19:00", "18:00");
  http::FormData f;
  for (auto& [k, v] : fields) f.add(k, v);
  f.add("create_key", "key-1234567890abcdef");
  const auto problems = check_time_poll(read_time_poll(f), true, utc(2026, 6, 2, 9, 0));
  EXPECT_TRUE(has(problems, "title", "meetings.polls.error.title_missing"));
  EXPECT_TRUE(has(problems, "c-0-day", "meetings.polls.error.date_past"));
  EXPECT_TRUE(has(problems, "c-0-end", "meetings.polls.error.end_before_start"));
  EXPECT_TRUE(has(problems, "c-0-day", "meetings.polls.error.too_few"));
}

TEST(TimePollForm, ClosingDateIsOptionalAndEndsThatLondonDay) {
  std::vector<std::pair<std::string, std::string>> fields{
      {"rows", "2"}, {"closes-day", "10"}, {"closes-month", "7"}, {"closes-year", "2026"}};
  row(fields, 0, "14", "7", "2026", "18:30", "20:00");
  row(fields, 1, "18", "7", "2026", "10am", "noon");
  auto form = read_time_poll(poll_form(fields));
  // "noon" is not a time we read.
  EXPECT_TRUE(has(check_time_poll(form, true, utc(2026, 7, 1, 0, 0)), "c-1-end", "meetings.polls.error.end_time"));
  form.rows[1].end = "12:00";
  EXPECT_TRUE(check_time_poll(form, true, utc(2026, 7, 1, 0, 0)).empty());
  EXPECT_EQ(poll_details_of(form).closes_at, utc(2026, 7, 10, 23, 0));
  EXPECT_TRUE(
      has(check_time_poll(form, true, utc(2026, 7, 11, 9, 0)), "closes-day", "meetings.polls.error.closes_past"));
  form.closes_day = form.closes_month = form.closes_year = "";
  EXPECT_FALSE(poll_details_of(form).closes_at);
  // Changing a poll checks no times and needs no key.
  TimePollForm edit;
  edit.title = "New title";
  EXPECT_TRUE(check_time_poll(edit, false, 0).empty());
}

TEST(TimePollForm, ButtonsAddRowsAndSuggestionsUpToTwelve) {
  TimePollForm form;
  form.rows.resize(kPollStartRows);
  form.rows[0] = {"7", "12", "2026", "18:30", "20:00"};
  const long long now = utc(2026, 12, 4, 12, 0);
  add_rows(form, "evenings", now);
  EXPECT_EQ(form.rows.size(), kPollStartRows);  // into the empty rows first
  EXPECT_EQ(form.rows[1].day, "7");
  EXPECT_EQ(form.rows[1].start, "18:30");
  add_rows(form, "weekends", now);
  EXPECT_EQ(form.rows.size(), 6u);
  EXPECT_EQ(form.rows[4].day, "5");
  EXPECT_EQ(form.rows[5].day, "6");
  EXPECT_EQ(form.rows[4].start, "10:00");
  for (int i = 0; i < 5; ++i) add_rows(form, "rows", now);
  EXPECT_EQ(form.rows.size(), kMaxPollOptions);
  // Read back, no more rows than twelve are read.
  http::FormData f;
  f.add("rows", "40");
  EXPECT_EQ(read_time_poll(f).rows.size(), kMaxPollOptions);
}

TEST(TimePollForm, ReadsAnswersForThePollsOwnTimesOnly) {
  TimePoll p = three_times();
  http::FormData f;
  f.add("o-1", "yes");
  f.add("o-3", "if_need_be");
  f.add("o-9", "yes");
  f.add("o-2", "maybe");
  const auto votes = read_poll_answers(f, p);
  ASSERT_EQ(votes.size(), 2u);
  EXPECT_EQ(votes[0].option_id, 1);
  EXPECT_EQ(votes[1].answer, PollAnswer::if_need_be);
  EXPECT_TRUE(check_poll_answers(votes, p).empty());
  EXPECT_FALSE(check_poll_answers({}, p).empty());
}

class TimePollsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    mair = world->member("north", "mair@example.org", "Mair");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    priya = world->member("north", "priya@example.org", "Priya");
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    groups->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, mair, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, ngozi, GroupRole::observer, clock.now_seconds());
    polls = std::make_unique<TimePollService>(*world->db, clock);
    meetings = std::make_unique<MeetingService>(*world->db, clock);
  }
  std::vector<PollOption> times() {
    const long long now = clock.now_seconds();
    return {{0, now + 7 * kDay, now + 7 * kDay + 2 * kHour},
            {0, now + 9 * kDay, now + 9 * kDay + 2 * kHour},
            {0, now + 10 * kDay, now + 10 * kDay + kHour}};
  }
  long long open(const std::string& key = "poll-key-123456789", std::optional<long long> closes = std::nullopt) {
    PollDetails d{"Planning", "We plan the year.", closes};
    return run(polls->open_poll({tom, Role::facilitator, false}, north, board, d, times(), key));
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<TimePollService> polls;
  std::unique_ptr<MeetingService> meetings;
  long long north = 0, south = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, priya = 0, rhys = 0, board = 0;
};

TEST_P(TimePollsOnBackend, TheSameFormSentTwiceOpensOnePollAndEmailsWhoMayAnswer) {
  const long long id = open();
  ASSERT_GT(id, 0);
  EXPECT_EQ(open(), id);
  EXPECT_EQ(world->count("meeting_time_polls"), 1);
  EXPECT_EQ(world->count("meeting_time_poll_options"), 3);
  // Gareth and Mair; not Ngozi, who observes, nor Tom, who opened it.
  EXPECT_EQ(world->count("mail_outbox"), 2);
  const auto page = run(polls->poll_page(north, id, gareth));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->poll.poll.details.title, "Planning");
  EXPECT_EQ(page->poll.group_role, GroupRole::member);
  ASSERT_EQ(page->poll.poll.options.size(), 3u);
  EXPECT_EQ(page->people.size(), 3u);
  // Only the people who run the group open polls, and only in their organisation's groups.
  PollDetails d{"Mine", "", std::nullopt};
  EXPECT_EQ(run(polls->open_poll({gareth, Role::member, false}, north, board, d, times(), "gareth-key-123456789")), 0);
  EXPECT_EQ(run(polls->open_poll({rhys, Role::org_admin, true}, south, board, d, times(), "rhys-key-123456789")), 0);
  EXPECT_FALSE(run(polls->poll_page(south, id, rhys)));
}

TEST_P(TimePollsOnBackend, MembersAnswerAndChangeTheirAnswersOnceEachObserversAndOthersDoNot) {
  const long long id = open();
  const auto o = run(polls->poll_page(north, id, tom))->poll.poll.options;
  const std::vector<PollVote> votes{{o[0].id, PollAnswer::yes}, {o[1].id, PollAnswer::no}};
  EXPECT_EQ(run(polls->answer(north, id, gareth, votes)), PollAnswerOutcome::done);
  EXPECT_EQ(run(polls->answer(north, id, gareth, votes)), PollAnswerOutcome::done);
  EXPECT_EQ(world->count("meeting_time_poll_answers"), 2);
  EXPECT_EQ(run(polls->answer(north, id, gareth, {{o[1].id, PollAnswer::if_need_be}})), PollAnswerOutcome::done);
  EXPECT_EQ(world->count("meeting_time_poll_answers"), 2);
  auto page = run(polls->poll_page(north, id, gareth));
  ASSERT_EQ(page->poll.mine.size(), 2u);
  EXPECT_EQ(page->poll.mine[1].answer, PollAnswer::if_need_be);
  EXPECT_EQ(run(polls->answer(north, id, ngozi, votes)), PollAnswerOutcome::not_in_group);
  EXPECT_EQ(run(polls->answer(north, id, priya, votes)), PollAnswerOutcome::not_in_group);
  EXPECT_EQ(run(polls->answer(south, id, rhys, votes)), PollAnswerOutcome::closed);
  // A time of another poll is ignored.
  EXPECT_EQ(run(polls->answer(north, id, mair, {{999999, PollAnswer::yes}})), PollAnswerOutcome::done);
  EXPECT_EQ(world->count("meeting_time_poll_answers"), 2);
  const auto t = tally(page->poll.poll, page->people);
  EXPECT_EQ(t[0].option.id, o[0].id);
  EXPECT_TRUE(t[0].best);
  EXPECT_EQ(t[0].unanswered, 2);
}

TEST_P(TimePollsOnBackend, AClosedPollTakesNoAnswersByHandOrByDate) {
  const long long id = open("poll-key-123456789", clock.now_seconds() + kDay);
  const auto o = run(polls->poll_page(north, id, tom))->poll.poll.options;
  const Who t{tom, Role::facilitator, false};
  EXPECT_EQ(run(polls->set_closed(t, north, id, true)), Change::done);
  EXPECT_EQ(run(polls->set_closed(t, north, id, true)), Change::already);
  EXPECT_EQ(run(polls->answer(north, id, gareth, {{o[0].id, PollAnswer::yes}})), PollAnswerOutcome::closed);
  EXPECT_EQ(run(polls->set_closed(t, north, id, false)), Change::done);
  EXPECT_EQ(run(polls->answer(north, id, gareth, {{o[0].id, PollAnswer::yes}})), PollAnswerOutcome::done);
  // Its closing date passes with nobody visiting.
  clock.advance(std::chrono::seconds(kDay));
  EXPECT_EQ(run(polls->answer(north, id, gareth, {{o[0].id, PollAnswer::no}})), PollAnswerOutcome::closed);
  // Members cannot close it; the people who run it can change its date to open it again.
  EXPECT_EQ(run(polls->set_closed({gareth, Role::member, false}, north, id, true)), Change::refused);
  EXPECT_EQ(run(polls->update(t, north, id, {"Planning again", "", std::nullopt})), Change::done);
  EXPECT_EQ(run(polls->answer(north, id, gareth, {{o[0].id, PollAnswer::no}})), PollAnswerOutcome::done);
  const auto listed = run(polls->group_polls(board));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].title, "Planning again");
  EXPECT_EQ(listed[0].options, 3);
  EXPECT_EQ(listed[0].answered, 1);
}

TEST_P(TimePollsOnBackend, KeepsTheMeetingScheduledFromItAndDeletes) {
  const long long id = open();
  const Who t{tom, Role::facilitator, false};
  MeetingDetails d;
  d.title = "Planning";
  d.purpose = "We plan the year.";
  d.starts_at = clock.now_seconds() + 7 * kDay;
  d.ends_at = d.starts_at + kHour;
  d.venue = "Hall";
  const long long meeting = run(meetings->schedule_meeting(north, board, tom, d, "meeting-key-123456789"));
  ASSERT_GT(meeting, 0);
  EXPECT_EQ(run(polls->link_meeting({gareth, Role::member, false}, north, id, meeting)), Change::refused);
  EXPECT_EQ(run(polls->link_meeting(t, north, id, meeting)), Change::done);
  EXPECT_EQ(run(polls->link_meeting(t, north, id, meeting)), Change::already);
  EXPECT_EQ(run(polls->poll_page(north, id, tom))->poll.poll.meeting_id, meeting);
  EXPECT_EQ(run(polls->remove({gareth, Role::member, false}, north, id)), Change::refused);
  EXPECT_EQ(run(polls->remove(t, north, id)), Change::done);
  EXPECT_FALSE(run(polls->poll_page(north, id, tom)));
  EXPECT_EQ(world->count("meeting_time_poll_options"), 0);
  EXPECT_EQ(world->count("meetings"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, TimePollsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::meetings
