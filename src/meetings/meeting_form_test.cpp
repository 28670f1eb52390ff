// The meeting and reply forms' checks as tables, times typed as people type them, British Summer Time in the details
// a form makes, and the calendar file's format.
#include "meetings/meeting_form.hpp"

#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "http/form.hpp"
#include "meetings/london_time.hpp"
#include "meetings/meeting_ics.hpp"
#include "testing/dates.hpp"

namespace roundtable::meetings {
namespace {

using testing::utc;

const long long kNow = utc(2026, 6, 15, 9, 0);

MeetingForm good() {
  MeetingForm f;
  f.title = "Steering group, December";
  f.purpose = "Agree the **agenda** for the new year.";
  f.day = "8";
  f.month = "12";
  f.year = "2026";
  f.start = "18:00";
  f.end = "8pm";
  f.online_url = "https://meet.example.org/steering";
  f.access = {"step_free", "hearing_loop"};
  f.create_key = "0123456789abcdef0123";
  return f;
}

std::string problems_of(const MeetingForm& f, bool creating = true) {
  std::string out;
  for (const auto& p : check_meeting(f, creating, kNow)) {
    out += (out.empty() ? "" : " ") + p.field + ":" + p.key.substr(15);
  }
  return out;
}

TEST(MeetingForm, TimesAsPeopleTypeThem) {
  using T = std::optional<std::pair<int, int>>;
  EXPECT_EQ(parse_clock_time("18:30"), T({18, 30}));
  EXPECT_EQ(parse_clock_time("6:30pm"), T({18, 30}));
  EXPECT_EQ(parse_clock_time("6.30 PM"), T({18, 30}));
  EXPECT_EQ(parse_clock_time("6pm"), T({18, 0}));
  EXPECT_EQ(parse_clock_time("12pm"), T({12, 0}));
  EXPECT_EQ(parse_clock_time("12am"), T({0, 0}));
  EXPECT_EQ(parse_clock_time("09:05"), T({9, 5}));
  EXPECT_EQ(parse_clock_time("1830"), T({18, 30}));
  EXPECT_EQ(parse_clock_time("6"), std::nullopt) << "morning or evening?";
  EXPECT_EQ(parse_clock_time("24:00"), std::nullopt);
  EXPECT_EQ(parse_clock_time("13pm"), std::nullopt);
  EXPECT_EQ(parse_clock_time("6:3"), std::nullopt);
  EXPECT_EQ(parse_clock_time("six"), std::nullopt);
  EXPECT_EQ(parse_clock_time(""), std::nullopt);
  EXPECT_EQ(clock_time_code(9, 5), "09:05");
}

TEST(MeetingForm, OnlyWebAddresses) {
  EXPECT_TRUE(web_address("https://meet.example.org/abc?pwd=1"));
  EXPECT_TRUE(web_address("http://zoom.us/j/123"));
  EXPECT_FALSE(web_address("javascript:alert(1)"));
  EXPECT_FALSE(web_address("ftp://example.org"));
  EXPECT_FALSE(web_address("https://"));
  EXPECT_FALSE(web_address("https://meet example.org"));
  EXPECT_FALSE(web_address("https://user@evil.example"));
  EXPECT_FALSE(web_address("meet.example.org"));
  EXPECT_FALSE(web_address("https://nodot/"));
}

TEST(MeetingForm, WhatIsWrongAndWhatIsFine) {
  auto with = [](auto change) {
    auto f = good();
    change(f);
    return f;
  };
  const struct {
    const char* what;
    MeetingForm form;
    const char* problems;
  } cases[] = {
      {"a good form", good(), ""},
      {"a venue and no link", with([](auto& f) {
         f.online_url = "";
         f.venue = "Ty Hywel, Cardiff";
       }),
       ""},
      {"today", with([](auto& f) {
         f.day = "15";
         f.month = "6";
       }),
       ""},
      {"no title", with([](auto& f) { f.title = ""; }), "title:title_missing"},
      {"a long title", with([](auto& f) { f.title = std::string(121, 'a'); }), "title:title_long"},
      {"no purpose", with([](auto& f) { f.purpose = ""; }), "purpose:purpose_missing"},
      {"no date", with([](auto& f) { f.day = f.month = f.year = ""; }), "date-day:date_missing"},
      {"31 April", with([](auto& f) {
         f.day = "31";
         f.month = "4";
       }),
       "date-day:date_real"},
      {"yesterday", with([](auto& f) {
         f.day = "14";
         f.month = "6";
       }),
       "date-day:date_past"},
      {"no start", with([](auto& f) { f.start = ""; }), "start:start_missing"},
      {"a start that is not a time", with([](auto& f) { f.start = "evening"; }), "start:start_time"},
      {"no end", with([](auto& f) { f.end = ""; }), "end:end_missing"},
      {"an end that is not a time", with([](auto& f) { f.end = "25:00"; }), "end:end_time"},
      {"ending before it starts", with([](auto& f) { f.end = "5pm"; }), "end:end_before_start"},
      {"nowhere", with([](auto& f) { f.online_url = ""; }), "online_url:where_missing"},
      {"not a web address", with([](auto& f) { f.online_url = "javascript:alert(1)"; }), "online_url:online_url_bad"},
      {"starting in the hour the clocks go forward", with([](auto& f) {
         f.day = "28";
         f.month = "3";
         f.year = "2027";
         f.start = "1:30am";
         f.end = "3am";
       }),
       "start:clocks_go_forward"},
      {"no create key", with([](auto& f) { f.create_key = ""; }), "title:form_expired"},
  };
  for (const auto& c : cases) EXPECT_EQ(problems_of(c.form), c.problems) << c.what;
  // Changing one needs no create key, and may correct a past meeting.
  EXPECT_EQ(problems_of(with([](auto& f) { f.create_key = ""; }), false), "");
  EXPECT_EQ(problems_of(with([](auto& f) {
                          f.day = "1";
                          f.month = "1";
                        }),
                        false),
            "");
}

TEST(MeetingForm, BritishSummerTimeInTheDetails) {
  // 6pm in December is 18:00 UTC; 6pm in July is 17:00 UTC.
  auto d = details_of(good());
  EXPECT_EQ(d.starts_at, utc(2026, 12, 8, 18, 0));
  EXPECT_EQ(d.ends_at, utc(2026, 12, 8, 20, 0));
  auto summer = good();
  summer.month = "7";
  d = details_of(summer);
  EXPECT_EQ(d.starts_at, utc(2026, 7, 8, 17, 0));
  ASSERT_EQ(d.access.size(), 2u);
  EXPECT_EQ(d.access[0], Access::step_free);
  // And back again, as the form shows it to change it.
  const auto again = form_of(d);
  EXPECT_EQ(again.start, "18:00");
  EXPECT_EQ(again.end, "20:00");
  EXPECT_EQ(again.day, "8");
  EXPECT_EQ(again.month, "7");
  EXPECT_EQ(again.access, (std::vector<std::string>{"step_free", "hearing_loop"}));
}

TEST(MeetingForm, ReadsTrimmedWithEveryTickedBox) {
  auto parsed = http::parse_urlencoded(
      "title=+Board+&purpose=Why&date-day=1&date-month=7&date-year=2026&start=10am&end=12pm&venue=Hall"
      "&access=parking&access=quiet_room&access=made_up&create_key=abcdefabcdefabcdef");
  ASSERT_TRUE(parsed);
  const auto form = read_meeting(*parsed);
  EXPECT_EQ(form.title, "Board");
  EXPECT_EQ(problems_of(form), "");
  const auto d = details_of(form);
  ASSERT_EQ(d.access.size(), 2u);
  EXPECT_EQ(d.access[0], Access::quiet_room);
  EXPECT_EQ(d.access[1], Access::parking);
  EXPECT_EQ(d.starts_at, utc(2026, 7, 1, 9, 0));
}

TEST(MeetingForm, ALinkFillsTheEmptyFieldsOnly) {
  // A decision's chosen time (src/decisions): the new-meeting form opens with its title, date and times.
  auto query = http::parse_urlencoded(
      "title=Caf%C3%A9+times&date-day=3&date-month=3&date-year=2027&start=18%3A00&end=19%3A30&venue=Ignored");
  ASSERT_TRUE(query);
  MeetingForm form;
  form.create_key = "abcdefabcdefabcdef";
  form.end = "20:00";
  fill_from_address(form, *query);
  EXPECT_EQ(form.title, "Café times");
  EXPECT_EQ(form.day + "/" + form.month + "/" + form.year, "3/3/2027");
  EXPECT_EQ(form.start, "18:00");
  EXPECT_EQ(form.end, "20:00");  // what was there stays
  EXPECT_EQ(form.venue, "");     // only the fields a link may set
}

TEST(ReplyForm, WhatIsWrongAndWhatIsKept) {
  ReplyForm f{"going", {"bsl_interpreter", "other_interpreter", "dietary"}, "Polish", "Vegetarian", "See you"};
  EXPECT_TRUE(check_reply(f).empty());
  auto d = details_of(f);
  EXPECT_TRUE(d.has(Need::bsl_interpreter));
  EXPECT_EQ(d.interpreter_language, "Polish");
  EXPECT_EQ(d.dietary, "Vegetarian");

  auto no_answer = f;
  no_answer.answer = "perhaps";
  EXPECT_EQ(check_reply(no_answer).at(0).key, "meetings.error.answer_missing");
  auto no_language = f;
  no_language.interpreter_language = "";
  EXPECT_EQ(check_reply(no_language).at(0).key, "meetings.error.interpreter_language_missing");
  EXPECT_EQ(check_reply(no_language).at(0).field, "interpreter_language");
  auto no_diet = f;
  no_diet.dietary = "";
  EXPECT_EQ(check_reply(no_diet).at(0).key, "meetings.error.dietary_missing");
  auto long_note = f;
  long_note.note = std::string(1001, 'a');
  EXPECT_EQ(check_reply(long_note).at(0).key, "meetings.error.note_long");

  // Someone not coming needs nothing: their ticks are dropped, their note kept.
  auto not_going = f;
  not_going.answer = "not_going";
  not_going.interpreter_language = "";
  EXPECT_TRUE(check_reply(not_going).empty());
  d = details_of(not_going);
  EXPECT_TRUE(d.needs.empty());
  EXPECT_EQ(d.note, "See you");
  // A language without the box ticked is not kept.
  auto unticked = f;
  unticked.needs = {"easy_read"};
  d = details_of(unticked);
  EXPECT_EQ(d.interpreter_language, "");
  EXPECT_EQ(need_list_code(d.needs), "easy_read");
  EXPECT_EQ(form_of(d).needs, std::vector<std::string>{"easy_read"});
}

TEST(MeetingCodes, ListsRoundTripInPageOrder) {
  EXPECT_EQ(need_list_code(parse_need_list("supporter,bsl_interpreter,nonsense,bsl_interpreter")),
            "bsl_interpreter,supporter");
  EXPECT_EQ(access_list_code(parse_access_list("")), "");
  EXPECT_EQ(parse_answer("not_going"), Answer::not_going);
  std::vector<Rsvp> replies(4);
  replies[0].reply = RsvpDetails{Answer::going, {Need::bsl_interpreter, Need::large_print}, "", "", ""};
  replies[1].reply = RsvpDetails{Answer::maybe, {Need::bsl_interpreter}, "", "", ""};
  replies[2].reply = RsvpDetails{Answer::not_going, {}, "", "", ""};
  const auto c = count_needs(replies);
  EXPECT_EQ(c.going, 1);
  EXPECT_EQ(c.maybe, 1);
  EXPECT_EQ(c.not_going, 1);
  EXPECT_EQ(c.no_reply, 1);
  EXPECT_EQ(c.need[0], 2) << "2 need a BSL interpreter";
  EXPECT_EQ(c.need[3], 1) << "1 needs large print";
}

TEST(MeetingCalendar, StampsEscapingAndFolding) {
  EXPECT_EQ(ics::utc_stamp(utc(2026, 12, 8, 18, 0)), "20261208T180000Z");
  EXPECT_EQ(ics::escape_text("a\\b;c,d\r\ne\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  EXPECT_EQ(ics::folded("SHORT:x"), "SHORT:x\r\n");
  const std::string long_line = "DESCRIPTION:" + std::string(100, 'a');
  const auto f = ics::folded(long_line);
  EXPECT_EQ(f.substr(0, 77), long_line.substr(0, 75) + "\r\n");
  EXPECT_EQ(f.substr(77, 1), " ");
  // Each line at most 75 octets, and never a Welsh letter cut in two.
  std::string welsh = "SUMMARY:";
  for (int i = 0; i < 60; ++i) welsh += "ŵ";
  const auto w = ics::folded(welsh);
  std::size_t start = 0;
  std::string joined;
  while (start < w.size()) {
    const auto end = w.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    const auto piece = w.substr(start, end - start);
    if (start > 0) {
      ASSERT_EQ(piece[0], ' ');
      EXPECT_NE(static_cast<unsigned char>(piece[1]) & 0xC0, 0x80) << "a continuation byte starts a line";
      joined += piece.substr(1);
    } else {
      joined += piece;
    }
    start = end + 2;
  }
  EXPECT_EQ(joined, welsh);
}

TEST(MeetingCalendar, OneEventInUtc) {
  Meeting m;
  m.id = 42;
  m.created_at = m.updated_at = utc(2026, 6, 1, 12, 0);
  m.details.title = "Board, December";
  m.details.purpose = "Plan; agree";
  m.details.starts_at = utc(2026, 7, 8, 17, 0);
  m.details.ends_at = utc(2026, 7, 8, 19, 0);
  m.details.venue = "Hall, 1 High St";
  const auto text = ics::calendar({&m, "https://rt.example/o/demo/meetings/42", "rt.example"});
  EXPECT_NE(text.find("\r\nUID:meeting-42@rt.example\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTSTART:20260708T170000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTEND:20260708T190000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nSUMMARY:Board\\, December\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nLOCATION:Hall\\, 1 High St\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nSTATUS:CONFIRMED\r\n"), std::string::npos);
  EXPECT_EQ(text.rfind("END:VCALENDAR\r\n"), text.size() - 15);
  EXPECT_EQ(text.find('\n'), text.find("\r\n") + 1) << "CRLF only";
  m.cancelled_at = m.updated_at;
  EXPECT_NE(ics::calendar({&m, "", "rt.example"}).find("\r\nSTATUS:CANCELLED\r\n"), std::string::npos);
}

}  // namespace
}  // namespace roundtable::meetings
