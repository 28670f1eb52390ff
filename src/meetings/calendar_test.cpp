// Calendars, read back with a real iCalendar parser (libical, as calendar programs read them): the per-meeting file,
// a person's feed, and the invitations, updates and cancellations emailed to a group; times in UTC on both sides of
// the clocks going back, Welsh letters kept whole across folded lines, one UID and a SEQUENCE that only goes up.
#include <gtest/gtest.h>
#include <libical/ical.h>
#include <soci/soci.h>

#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "mail/smtp_sender.hpp"
#include "meetings/calendar_service.hpp"
#include "meetings/london_time.hpp"
#include "meetings/meeting_ics.hpp"
#include "meetings/meeting_invitation.hpp"
#include "meetings/meeting_service.hpp"
#include "meetings/series_service.hpp"
#include "meetings/series_store.hpp"
#include "notifications/notification_store.hpp"
#include "organisations/organisation_service.hpp"
#include "testing/world.hpp"

namespace roundtable::meetings {
namespace {

using db::testing::run;
using organisations::Role;

using core::kHour, core::kDay;

long long london(int y, int mo, int d, int h, int mi) { return from_london({y, mo, d, h, mi}).utc; }

/// A parsed VCALENDAR, freed when it goes.
struct Parsed {
  explicit Parsed(const std::string& text) : root(icalparser_parse_string(text.c_str())) {}
  ~Parsed() {
    if (root) icalcomponent_free(root);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
  icalcomponent* root = nullptr;
  std::vector<icalcomponent*> events() const {
    std::vector<icalcomponent*> out;
    for (auto* e = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
      out.push_back(e);
    }
    return out;
  }
  icalcomponent* event() const {
    auto all = events();
    return all.size() == 1 ? all.front() : nullptr;
  }
};

/// The instant a DTSTART or DTEND names, which must be in UTC ("Z").
long long utc_of(icaltimetype t) {
  EXPECT_TRUE(icaltime_is_utc(t)) << "a time in UTC";
  return static_cast<long long>(icaltime_as_timet(t));
}

std::string text_of(icalcomponent* event, icalproperty_kind kind) {
  auto* p = icalcomponent_get_first_property(event, kind);
  if (!p) return "";
  const char* v = icalproperty_get_value_as_string(p);
  return v ? std::string(v) : std::string();
}

/// Every line at most 75 octets, CRLF only, and folded lines start with a space.
void expect_folded(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "CRLF at the end of every line";
    EXPECT_LE(end - start, 75u) << text.substr(start, end - start);
    EXPECT_EQ(text.substr(start, end - start).find('\n'), std::string::npos) << "no bare LF";
    start = end + 2;
  }
}

const std::string kWelshTitle =
    "Cyfarfod y Bwrdd: ŵyn, ŷd, cân a’r Urdd — trafod cynllun y flwyddyn nesaf ym Mhontypŵl";

Meeting welsh_meeting(long long starts_at) {
  Meeting m;
  m.id = 42;
  m.org_id = 1;
  m.group_name = "Grŵp Llywio";
  m.created_at = m.updated_at = london(2026, 6, 1, 12, 0);
  m.sequence = 3;
  m.details.title = kWelshTitle;
  m.details.purpose = "Cytuno ar y cynllun; gwirio’r gyllideb, a dewis dyddiad. " + std::string(200, 'x');
  m.details.starts_at = starts_at;
  m.details.ends_at = starts_at + 2 * kHour;
  m.details.venue = "Neuadd y Dref, 1 Stryd Fawr, Caerdydd";
  return m;
}

TEST(CalendarWithLibical, TheFileOfOneMeetingInSummerTimeAndAfterTheClocksGoBack) {
  // 6pm London time: 17:00 UTC in British Summer Time, 18:00 UTC once the clocks have gone back (25 October 2026).
  const std::pair<long long, int> cases[] = {{london(2026, 10, 24, 18, 0), 17}, {london(2026, 10, 26, 18, 0), 18}};
  for (const auto& [starts, utc_hour] : cases) {
    const Meeting m = welsh_meeting(starts);
    const auto text = ics::calendar({&m, "https://rt.example/o/north/meetings/42", "north.roundtable"});
    expect_folded(text);
    Parsed cal(text);
    ASSERT_NE(cal.root, nullptr);
    EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_PUBLISH);
    auto* e = cal.event();
    ASSERT_NE(e, nullptr);
    EXPECT_STREQ(icalcomponent_get_uid(e), "meeting-42@north.roundtable");
    EXPECT_EQ(icalcomponent_get_sequence(e), 3);
    EXPECT_EQ(std::string(icalcomponent_get_summary(e)), kWelshTitle) << "unfolded and unescaped whole";
    EXPECT_EQ(std::string(icalcomponent_get_location(e)), "Neuadd y Dref, 1 Stryd Fawr, Caerdydd");
    const long long start = utc_of(icalcomponent_get_dtstart(e));
    EXPECT_EQ(start, starts);
    EXPECT_EQ(start % kDay / kHour, utc_hour);
    EXPECT_EQ(utc_of(icalcomponent_get_dtend(e)), starts + 2 * kHour);
    EXPECT_EQ(icalcomponent_get_status(e), ICAL_STATUS_CONFIRMED);
  }
}

TEST(CalendarWithLibical, AnInvitationAnUpdateAndACancellation) {
  Meeting m = welsh_meeting(london(2026, 3, 30, 18, 0));
  m.sequence = 0;
  const Recipient to{7, "mair@example.org", "Mair Jones", core::Lang::cy};
  const InvitationFacts facts{&m, "https://rt.example/o/north/meetings/42", "north.roundtable", "rt@rt.example"};
  const auto invited = invitation_message(to, facts, InvitationKind::scheduled);
  EXPECT_EQ(invited.to_address, "mair@example.org");
  EXPECT_NE(invited.subject.find("Gwahoddiad"), std::string::npos) << "in her language: " << invited.subject;
  EXPECT_NE(invited.text.find("https://rt.example/o/north/meetings/42"), std::string::npos);
  expect_folded(invited.calendar);
  {
    Parsed cal(invited.calendar);
    ASSERT_NE(cal.root, nullptr);
    EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_REQUEST);
    EXPECT_EQ(icalrestriction_check(cal.root), 1) << "what RFC 5546 asks of a REQUEST";
    auto* e = cal.event();
    ASSERT_NE(e, nullptr);
    EXPECT_STREQ(icalcomponent_get_uid(e), "meeting-42@north.roundtable");
    EXPECT_EQ(icalcomponent_get_sequence(e), 0);
    EXPECT_EQ(std::string(icalcomponent_get_summary(e)), kWelshTitle);
    EXPECT_EQ(utc_of(icalcomponent_get_dtstart(e)), m.details.starts_at);
    EXPECT_EQ(m.details.starts_at % kDay / kHour, 17) << "30 March is in British Summer Time";
    auto* organizer = icalcomponent_get_first_property(e, ICAL_ORGANIZER_PROPERTY);
    ASSERT_NE(organizer, nullptr);
    EXPECT_STREQ(icalproperty_get_organizer(organizer), "mailto:rt@rt.example");
    auto* cn = icalproperty_get_first_parameter(organizer, ICAL_CN_PARAMETER);
    ASSERT_NE(cn, nullptr);
    EXPECT_STREQ(icalparameter_get_cn(cn), "Grŵp Llywio");
    auto* attendee = icalcomponent_get_first_property(e, ICAL_ATTENDEE_PROPERTY);
    ASSERT_NE(attendee, nullptr);
    EXPECT_STREQ(icalproperty_get_attendee(attendee), "mailto:mair@example.org");
    auto* partstat = icalproperty_get_first_parameter(attendee, ICAL_PARTSTAT_PARAMETER);
    ASSERT_NE(partstat, nullptr);
    EXPECT_EQ(icalparameter_get_partstat(partstat), ICAL_PARTSTAT_NEEDSACTION);
    EXPECT_EQ(text_of(e, ICAL_URL_PROPERTY), "https://rt.example/o/north/meetings/42");
    EXPECT_NE(std::string(icalcomponent_get_description(e)).find("https://rt.example/o/north/meetings/42"),
              std::string::npos);
  }
  m.details.starts_at += kDay;
  m.details.ends_at += kDay;
  m.sequence = 1;
  const auto changed = invitation_message(to, facts, InvitationKind::changed);
  {
    Parsed cal(changed.calendar);
    ASSERT_NE(cal.root, nullptr);
    EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_REQUEST);
    auto* e = cal.event();
    ASSERT_NE(e, nullptr);
    EXPECT_STREQ(icalcomponent_get_uid(e), "meeting-42@north.roundtable") << "the same event";
    EXPECT_EQ(icalcomponent_get_sequence(e), 1);
    EXPECT_EQ(utc_of(icalcomponent_get_dtstart(e)), london(2026, 3, 31, 18, 0));
  }
  m.cancelled_at = m.updated_at;
  m.cancel_reason = "Dim lle";
  m.sequence = 2;
  const auto cancelled = invitation_message(to, facts, InvitationKind::cancelled);
  EXPECT_NE(cancelled.text.find("Dim lle"), std::string::npos) << "the reason";
  Parsed cal(cancelled.calendar);
  ASSERT_NE(cal.root, nullptr);
  EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_CANCEL);
  EXPECT_EQ(icalrestriction_check(cal.root), 1) << "what RFC 5546 asks of a CANCEL";
  auto* e = cal.event();
  ASSERT_NE(e, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(e), "meeting-42@north.roundtable");
  EXPECT_EQ(icalcomponent_get_sequence(e), 2);
  EXPECT_EQ(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
}

TEST(CalendarWithLibical, TheEmailPartNamesTheMethodInside) {
  Meeting m = welsh_meeting(london(2026, 12, 8, 18, 0));
  const InvitationFacts facts{&m, "https://rt.example/o/north/meetings/42", "north.roundtable", "rt@rt.example"};
  const Recipient to{7, "mair@example.org", "Mair", core::Lang::en};
  EXPECT_EQ(mail::calendar_method(invitation_message(to, facts, InvitationKind::scheduled).calendar), "REQUEST");
  m.cancelled_at = m.updated_at;
  EXPECT_EQ(mail::calendar_method(invitation_message(to, facts, InvitationKind::cancelled).calendar), "CANCEL");
  EXPECT_EQ(mail::calendar_method(ics::calendar({&m, "", "north.roundtable"})), "PUBLISH");
  EXPECT_EQ(mail::calendar_method(""), "PUBLISH");
}

class CalendarOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    clock.set(london(2026, 10, 1, 9, 0));
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    priya = world->member("north", "priya@example.org", "Priya");
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    groups->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
    g.name = "Other group";
    other = run(groups->create_group(north, priya, g, "other-key-123456789"));
    service = std::make_unique<MeetingService>(
        *world->db, clock,
        MailHooks{[] { return std::string("https://rt.example"); }, {}, [] { return std::string("rt@rt.example"); }});
    calendars = std::make_unique<CalendarService>(*world->db, clock, [] { return std::string("https://rt.example"); });
  }
  MeetingDetails details(const std::string& title, long long starts_at) {
    MeetingDetails d;
    d.title = title;
    d.purpose = "Agree the plan.";
    d.starts_at = starts_at;
    d.ends_at = starts_at + 2 * kHour;
    d.venue = "Hall";
    return d;
  }
  /// The calendar parts queued for an address, oldest first.
  std::vector<std::string> calendars_for(const std::string& address) {
    return world->db->run_sync([&](soci::session& s) {
      std::vector<std::string> out;
      soci::rowset<soci::row> rows =
          (s.prepare << "SELECT calendar FROM mail_outbox WHERE to_address = :a AND calendar <> '' ORDER BY id",
           soci::use(address));
      for (const auto& r : rows) out.push_back(r.get<std::string>(0));
      return out;
    });
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<MeetingService> service;
  std::unique_ptr<CalendarService> calendars;
  long long north = 0, south = 0, tom = 0, gareth = 0, priya = 0, rhys = 0, board = 0, other = 0;
};

TEST_P(CalendarOnBackend, ScheduledChangedAndCalledOffEmailTheGroupOneEventWithARisingSequence) {
  const long long id =
      run(service->schedule_meeting(north, board, tom, details("Autumn", london(2026, 10, 20, 18, 0)), "k-123456789"));
  ASSERT_GT(id, 0);
  EXPECT_EQ(calendars_for("priya@example.org").size(), 0u) << "not in the group";
  ASSERT_EQ(calendars_for("tom@example.org").size(), 1u);
  ASSERT_EQ(calendars_for("gareth@example.org").size(), 1u);
  // The purpose alone changes no calendar: no email, the same SEQUENCE.
  auto d = details("Autumn", london(2026, 10, 20, 18, 0));
  d.purpose = "Agree the plan, and the budget.";
  ASSERT_TRUE(run(service->update_meeting(north, id, d)));
  EXPECT_EQ(calendars_for("gareth@example.org").size(), 1u);
  // Moved past the clocks going back: an update of the same event.
  d.starts_at = london(2026, 10, 27, 18, 0);
  d.ends_at = d.starts_at + 2 * kHour;
  ASSERT_TRUE(run(service->update_meeting(north, id, d)));
  ASSERT_TRUE(run(service->cancel_meeting(north, id, "No room")));
  const auto sent = calendars_for("gareth@example.org");
  ASSERT_EQ(sent.size(), 3u);
  const icalproperty_method methods[] = {ICAL_METHOD_REQUEST, ICAL_METHOD_REQUEST, ICAL_METHOD_CANCEL};
  std::string uid;
  for (std::size_t i = 0; i < sent.size(); ++i) {
    Parsed cal(sent[i]);
    ASSERT_NE(cal.root, nullptr);
    EXPECT_EQ(icalcomponent_get_method(cal.root), methods[i]);
    auto* e = cal.event();
    ASSERT_NE(e, nullptr);
    if (i == 0) uid = icalcomponent_get_uid(e);
    EXPECT_EQ(uid, icalcomponent_get_uid(e));
    EXPECT_EQ(icalcomponent_get_sequence(e), static_cast<int>(i));
    EXPECT_EQ(utc_of(icalcomponent_get_dtstart(e)) % kDay / kHour, i == 0 ? 17 : 18);
  }
  EXPECT_EQ(uid, "meeting-" + std::to_string(id) + "@north.roundtable");
  // The file people download and the feed say the same UID and SEQUENCE.
  const auto v = run(service->meeting_for(north, id, gareth));
  ASSERT_TRUE(v);
  Parsed file(ics::calendar({&v->meeting, "", "north.roundtable"}));
  ASSERT_NE(file.event(), nullptr);
  EXPECT_EQ(uid, icalcomponent_get_uid(file.event()));
  EXPECT_EQ(icalcomponent_get_sequence(file.event()), 2);
  Parsed feed(calendars->feed_now(gareth, core::Lang::en));
  ASSERT_NE(feed.event(), nullptr);
  EXPECT_EQ(uid, icalcomponent_get_uid(feed.event()));
  EXPECT_EQ(icalcomponent_get_sequence(feed.event()), 2);
  EXPECT_EQ(icalcomponent_get_status(feed.event()), ICAL_STATUS_CANCELLED);
}

TEST_P(CalendarOnBackend, AFeedHasThePersonsGroupsOnlyAndItsAddressCanBeRenewedAndStopped) {
  const long long mine =
      run(service->schedule_meeting(north, board, tom, details("Ours", london(2026, 10, 20, 18, 0)), "a-123456789"));
  run(service->schedule_meeting(north, other, priya, details("Theirs", london(2026, 10, 21, 18, 0)), "b-123456789"));
  // Long past: left out.
  service->schedule_now(north, board, tom, details("Old", london(2026, 7, 1, 18, 0)), clock.now_seconds());
  EXPECT_FALSE(run(calendars->made_at(gareth)));
  const auto first = run(calendars->new_address(gareth));
  EXPECT_EQ(token_of(first + ".ics"), first);
  EXPECT_EQ(feed_path(first), "/calendar/" + first + ".ics");
  const auto text = run(calendars->feed(first));
  ASSERT_TRUE(text);
  Parsed cal(*text);
  ASSERT_NE(cal.root, nullptr);
  EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_PUBLISH);
  const auto events = cal.events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(std::string(icalcomponent_get_uid(events[0])), "meeting-" + std::to_string(mine) + "@north.roundtable");
  EXPECT_EQ(text_of(events[0], ICAL_URL_PROPERTY), "https://rt.example/o/north/meetings/" + std::to_string(mine));
  EXPECT_TRUE(run(calendars->made_at(gareth)));
  EXPECT_EQ(Parsed(calendars->feed_now(rhys, core::Lang::en)).events().size(), 0u) << "another organisation's";
  // Only the hash is kept.
  EXPECT_EQ(world->db->run_sync([&](soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM calendar_feeds WHERE token_hash = :t", soci::use(first), soci::into(n);
    return n;
  }),
            0);
  // A new address: the old one stops working at once.
  const auto second = run(calendars->new_address(gareth));
  EXPECT_NE(first, second);
  EXPECT_FALSE(run(calendars->feed(first)));
  EXPECT_TRUE(run(calendars->feed(second)));
  // Leaving the group takes its meetings out of the feed at once.
  EXPECT_EQ(run(groups->leave(north, board, gareth)), groups::MembershipOutcome::done);
  EXPECT_EQ(Parsed(*run(calendars->feed(second))).events().size(), 0u);
  EXPECT_TRUE(run(calendars->stop(gareth)));
  EXPECT_FALSE(run(calendars->feed(second)));
  EXPECT_FALSE(run(calendars->stop(gareth)));
  EXPECT_EQ(token_of("short.ics"), "");
  EXPECT_EQ(token_of(second), "") << "without .ics";
}

TEST_P(CalendarOnBackend, InvitationsFollowEachPersonsChoiceForTheGroup) {
  world->db->run_sync([&](soci::session& s) {
    // Gareth wants no email from the group; Tom a weekly digest, which a calendar cannot wait for.
    ASSERT_TRUE(notifications::store::set_choice(s, north, gareth, board, notifications::Choice::none, 0));
    ASSERT_TRUE(notifications::store::set_choice(s, north, tom, board, notifications::Choice::weekly, 0));
  });
  ASSERT_GT(
      run(service->schedule_meeting(north, board, tom, details("Winter", london(2026, 12, 15, 18, 0)), "k-223456789")),
      0);
  EXPECT_EQ(calendars_for("gareth@example.org").size(), 0u) << "never: no email";
  EXPECT_EQ(world->count("notices WHERE user_id = " + std::to_string(gareth)), 1) << "but the app says so";
  EXPECT_EQ(calendars_for("tom@example.org").size(), 1u) << "weekly: the invitation still comes straight away";
}

/// A coffee-morning series in the board (Tom leads it, Gareth is in it), open to the organisation, with the rule
/// "staff who joined in the last 3 months must come to one session". Priya is staff and joined a month ago; Ann is
/// staff who joined a year ago; Bob joined last week and is not staff.
class OpenSessions : public CalendarOnBackend {
 protected:
  void SetUp() override {
    CalendarOnBackend::SetUp();
    ann = world->member("north", "ann@example.org", "Ann", Role::member, {organisations::MemberType::staff});
    bob = world->member("north", "bob@example.org", "Bob", Role::member,
                        {organisations::MemberType::partner_organisation});
    world->db->run_sync([&](soci::session& s) {
      const auto joined = [&](long long user, long long at) {
        s << "UPDATE memberships SET created_at = :a WHERE user_id = :u", soci::use(at), soci::use(user);
      };
      s << "INSERT INTO member_types (org_id, user_id, type) VALUES (:o, :u, 'staff')", soci::use(north),
          soci::use(priya);
      joined(priya, clock.now_seconds() - 30 * kDay);
      joined(ann, clock.now_seconds() - 365 * kDay);
      joined(bob, clock.now_seconds() - 7 * kDay);
      joined(tom, clock.now_seconds() - 400 * kDay);
      joined(gareth, clock.now_seconds() - 400 * kDay);
    });
    sessions_service = std::make_unique<SeriesService>(
        *world->db, clock,
        MailHooks{[] { return std::string("https://rt.example"); }, {}, [] { return std::string("rt@rt.example"); }});
    series::SeriesDetails d;
    d.title = "Coffee morning";
    d.purpose = "Meet people.";
    d.recurrence = {series::Frequency::monthly, 3, 1};
    d.start_minute = 10 * 60;
    d.length_minutes = 60;
    d.venue = "Hall";
    d.first = {2026, 10, 2};
    d.last = series::Date{2026, 12, 31};
    d.open_to_organisation = true;
    d.rule = {"staff", 3};
    series_id = run(sessions_service->create({tom, core::Role::member, false}, north, board, d, "series-key-1234567"));
    ASSERT_GT(series_id, 0);
    const auto page = run(sessions_service->page(north, series_id, tom));
    ASSERT_TRUE(page);
    for (const auto& one : page->sessions) sessions.push_back(one.id);
  }
  std::unique_ptr<SeriesService> sessions_service;
  long long ann = 0, bob = 0, series_id = 0;
  std::vector<long long> sessions;
};

TEST_P(OpenSessions, EverySessionInvitesTheGroupAndWhomTheRuleCoversEachOnce) {
  // 7 October, 4 November and 2 December: the first Wednesdays to the end of the year.
  ASSERT_EQ(sessions.size(), 3u);
  for (const std::string who : {"tom@example.org", "gareth@example.org", "priya@example.org"}) {
    const auto sent = calendars_for(who);
    ASSERT_EQ(sent.size(), 3u) << who << ": one invitation per session, not two";
    std::vector<std::string> uids;
    for (const auto& text : sent) {
      Parsed cal(text);
      ASSERT_NE(cal.event(), nullptr);
      EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_REQUEST);
      uids.emplace_back(icalcomponent_get_uid(cal.event()));
    }
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      EXPECT_EQ(uids[i], "meeting-" + std::to_string(sessions[i]) + "@north.roundtable");
    }
  }
  EXPECT_EQ(calendars_for("ann@example.org").size(), 0u) << "joined too long ago for the rule";
  EXPECT_EQ(calendars_for("bob@example.org").size(), 0u) << "not staff";
  // Sent twice, the form makes no more sessions and no more email.
  series::SeriesDetails again;
  EXPECT_EQ(run(sessions_service->create({tom, core::Role::member, false}, north, board, again, "series-key-1234567")),
            series_id);
  EXPECT_EQ(calendars_for("priya@example.org").size(), 3u);
  // Priya came to the first: she is no longer invited to the ones made later, but Ann, who said she is going to the
  // second, gets its update; Bob, who said he is not going, does not.
  world->db->run_sync([&](soci::session& s) {
    s << "INSERT INTO meeting_attendance (meeting_id, org_id, user_id, status, recorded_at) VALUES (:m, :o, :u, "
         "'present', 0)",
        soci::use(sessions[0]), soci::use(north), soci::use(priya);
  });
  ASSERT_EQ(run(service->reply(north, sessions[1], ann, RsvpDetails{Answer::going})), ReplyOutcome::done);
  ASSERT_EQ(run(service->reply(north, sessions[1], bob, RsvpDetails{Answer::not_going})), ReplyOutcome::done);
  ASSERT_TRUE(run(service->cancel_meeting(north, sessions[1], "The hall is shut")));
  const auto ann_sent = calendars_for("ann@example.org");
  ASSERT_EQ(ann_sent.size(), 1u);
  Parsed off(ann_sent[0]);
  EXPECT_EQ(icalcomponent_get_method(off.root), ICAL_METHOD_CANCEL);
  EXPECT_EQ(std::string(icalcomponent_get_uid(off.event())),
            "meeting-" + std::to_string(sessions[1]) + "@north.roundtable");
  EXPECT_EQ(calendars_for("bob@example.org").size(), 0u);
  EXPECT_EQ(calendars_for("priya@example.org").size(), 3u) << "she came already";
  EXPECT_EQ(calendars_for("gareth@example.org").size(), 4u) << "the group hears of every change";
}

TEST_P(OpenSessions, ChangingTheSeriesEmailsAnUpdateOfEachSessionToCome) {
  ASSERT_EQ(calendars_for("priya@example.org").size(), 3u);
  const auto page = run(sessions_service->page(north, series_id, tom));
  ASSERT_TRUE(page);
  auto d = page->series.series.details;
  // The purpose alone changes no calendar.
  d.purpose = "Meet people, and the board.";
  ASSERT_TRUE(run(sessions_service->update({tom, core::Role::member, false}, north, series_id, d)));
  EXPECT_EQ(calendars_for("priya@example.org").size(), 3u);
  // 11:00 instead of 10:00: an update of each session, the same UID, SEQUENCE 1.
  d.start_minute = 11 * 60;
  ASSERT_TRUE(run(sessions_service->update({tom, core::Role::member, false}, north, series_id, d)));
  const auto sent = calendars_for("priya@example.org");
  ASSERT_EQ(sent.size(), 6u);
  for (std::size_t i = 0; i < sessions.size(); ++i) {
    Parsed cal(sent[3 + i]);
    ASSERT_NE(cal.event(), nullptr);
    EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_REQUEST);
    EXPECT_EQ(std::string(icalcomponent_get_uid(cal.event())),
              "meeting-" + std::to_string(sessions[i]) + "@north.roundtable");
    EXPECT_EQ(icalcomponent_get_sequence(cal.event()), 1);
  }
  EXPECT_EQ(calendars_for("ann@example.org").size(), 0u);
}

TEST_P(OpenSessions, APersonsFeedHasTheOpenSessionsTheyAreGoingOrMayGoTo) {
  const auto feed_uids = [&](long long user) {
    Parsed cal(calendars->feed_now(user, core::Lang::en));
    EXPECT_NE(cal.root, nullptr);
    std::vector<std::pair<std::string, icalproperty_status>> out;
    for (auto* e : cal.events()) out.emplace_back(icalcomponent_get_uid(e), icalcomponent_get_status(e));
    return out;
  };
  const auto uid = [](long long id) { return "meeting-" + std::to_string(id) + "@north.roundtable"; };
  EXPECT_TRUE(feed_uids(ann).empty()) << "not in the group, no reply";
  ASSERT_EQ(run(service->reply(north, sessions[0], ann, RsvpDetails{Answer::going})), ReplyOutcome::done);
  ASSERT_EQ(run(service->reply(north, sessions[1], ann, RsvpDetails{Answer::maybe})), ReplyOutcome::done);
  ASSERT_EQ(run(service->reply(north, sessions[2], ann, RsvpDetails{Answer::not_going})), ReplyOutcome::done);
  auto feed = feed_uids(ann);
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_EQ(feed[0].first, uid(sessions[0]));
  EXPECT_EQ(feed[1].first, uid(sessions[1]));
  EXPECT_EQ(feed[0].second, ICAL_STATUS_CONFIRMED);
  // Changing her mind takes it away; calling it off keeps it, cancelled, so her calendar shows that.
  ASSERT_EQ(run(service->reply(north, sessions[0], ann, RsvpDetails{Answer::not_going})), ReplyOutcome::done);
  ASSERT_TRUE(run(service->cancel_meeting(north, sessions[1], "No room")));
  feed = feed_uids(ann);
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0].first, uid(sessions[1]));
  EXPECT_EQ(feed[0].second, ICAL_STATUS_CANCELLED);
  // Gareth, in the group, has each once, with or without a reply.
  ASSERT_EQ(run(service->reply(north, sessions[2], gareth, RsvpDetails{Answer::going})), ReplyOutcome::done);
  EXPECT_EQ(feed_uids(gareth).size(), 3u);
}

TEST_P(OpenSessions, TheReportComesAPageAtATimeByNameWithItsCounts) {
  // Priya is due; mark Ann as having come (no longer covered, but listed with those who came).
  world->db->run_sync([&](soci::session& s) {
    s << "INSERT INTO meeting_attendance (meeting_id, org_id, user_id, status, recorded_at) VALUES (:m, :o, :u, "
         "'present', 0)",
        soci::use(sessions[0]), soci::use(north), soci::use(ann);
  });
  // More staff who joined recently, with names that sort around the others.
  std::vector<long long> more;
  for (const char* name : {"Aled", "Zoe", "Priya"}) {
    const std::string email = std::string(name) + "2@example.org";
    more.push_back(world->member("north", email, name, Role::member, {organisations::MemberType::staff}));
  }
  world->db->run_sync([&](soci::session& s) {
    for (long long u : more) {
      const long long at = clock.now_seconds() - 10 * kDay;
      s << "UPDATE memberships SET created_at = :a WHERE user_id = :u", soci::use(at), soci::use(u);
    }
  });
  const Who tom_who{tom, core::Role::member, false};
  const auto names = [](const SeriesReportPage& p) {
    std::vector<std::string> out;
    for (const auto& r : p.page.rows) out.push_back(r.person.name);
    return out;
  };
  auto first = run(sessions_service->report_page(tom_who, north, series_id, {false, 0, 0, 2}));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->summary.must, 4) << "Priya, Aled, Zoe and the second Priya";
  EXPECT_EQ(first->summary.must_came, 0);
  EXPECT_EQ(first->summary.not_yet, 4);
  EXPECT_EQ(first->summary.came, 1) << "Ann";
  EXPECT_EQ(names(*first), (std::vector<std::string>{"Aled", "Ann"}));
  EXPECT_FALSE(first->page.more_before);
  ASSERT_TRUE(first->page.more_after);
  EXPECT_TRUE(first->page.rows[1].came);
  EXPECT_FALSE(first->page.rows[1].must);
  EXPECT_EQ(first->page.rows[0].person.member_types, (std::vector<std::string>{"staff"}));
  auto second = run(
      sessions_service->report_page(tom_who, north, series_id, {false, first->page.rows.back().person.user_id, 0, 2}));
  ASSERT_TRUE(second);
  EXPECT_EQ(names(*second), (std::vector<std::string>{"Priya", "Priya"})) << "the same name, by id";
  EXPECT_LT(second->page.rows[0].person.user_id, second->page.rows[1].person.user_id);
  EXPECT_TRUE(second->page.more_before);
  EXPECT_TRUE(second->page.more_after);
  auto third = run(
      sessions_service->report_page(tom_who, north, series_id, {false, second->page.rows.back().person.user_id, 0, 2}));
  EXPECT_EQ(names(*third), (std::vector<std::string>{"Zoe"}));
  EXPECT_FALSE(third->page.more_after);
  // Back from the third: the second again.
  auto back = run(
      sessions_service->report_page(tom_who, north, series_id, {false, 0, third->page.rows.front().person.user_id, 2}));
  EXPECT_EQ(names(*back), names(*second));
  EXPECT_TRUE(back->page.more_before);
  EXPECT_TRUE(back->page.more_after);
  // Only those who have not come yet.
  auto not_yet = run(sessions_service->report_page(tom_who, north, series_id, {true, 0, 0, 10}));
  EXPECT_EQ(names(*not_yet), (std::vector<std::string>{"Aled", "Priya", "Priya", "Zoe"}));
  EXPECT_FALSE(not_yet->page.more_after);
  // Not for Gareth, who does not run the group.
  EXPECT_FALSE(run(sessions_service->report_page({gareth, core::Role::member, false}, north, series_id, {})));
}

TEST_P(OpenSessions, TheReportsCountFollowsEveryChangeToWhoTheRuleCovers) {
  // The count is kept between views (migration 0065): each change to who is a member, when they joined or their
  // member types shows on the next view.
  const Who tom_who{tom, core::Role::member, false};
  const auto must = [&] {
    auto page = run(sessions_service->report_page(tom_who, north, series_id, {false, 0, 0, 10}));
    return page ? page->summary.must : -1;
  };
  ASSERT_EQ(must(), 1) << "Priya";
  ASSERT_EQ(must(), 1) << "the same again, from what was kept";
  const auto sql = [&](const std::string& statement, long long user) {
    world->db->run_sync([&](soci::session& s) { db::query(s, statement, {user, north}); });
  };
  // A new member of staff who joined today.
  const long long zoe = world->member("north", "zoe2@example.org", "Zoe", Role::member, {});
  const std::string recently = std::to_string(clock.now_seconds() - kDay);
  sql("UPDATE memberships SET created_at = " + recently + " WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 1) << "no member type yet";
  sql("INSERT INTO member_types (user_id, org_id, type) VALUES ($1, $2, 'staff')", zoe);
  EXPECT_EQ(must(), 2) << "a member type added";
  sql("UPDATE member_types SET type = 'partner_organisation' WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 1) << "a member type changed";
  sql("UPDATE member_types SET type = 'staff' WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 2);
  sql("UPDATE memberships SET created_at = 0 WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 1) << "joined long ago";
  sql("UPDATE memberships SET created_at = " + recently + " WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 2);
  sql("DELETE FROM member_types WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 1) << "a member type taken away";
  sql("INSERT INTO member_types (user_id, org_id, type) VALUES ($1, $2, 'staff')", zoe);
  ASSERT_EQ(must(), 2);
  sql("DELETE FROM memberships WHERE user_id = $1 AND org_id = $2", zoe);
  EXPECT_EQ(must(), 1) << "left the organisation";
}

TEST_P(OpenSessions, SomeoneTheRuleCoversOnlyAfterTheSessionsWereMadeIsAskedToThoseToCome) {
  // The organisations service with the meetings module's step, as the server wires it (module::MembershipChanged).
  organisations::OrganisationService orgs(*world->db, clock);
  orgs.set_membership_changed(
      {[&](soci::session& s, long long org_id, long long user_id, const std::vector<std::string>& before) {
        invite_newly_covered(s, org_id, user_id, before, "https://rt.example", "rt@rt.example", clock.now_seconds());
      }});
  ASSERT_EQ(sessions.size(), 3u);
  // A week into October: the first session (7 October) is over; two are to come.
  clock.set(london(2026, 10, 8, 9, 0));
  EXPECT_EQ(calendars_for("bob@example.org").size(), 0u) << "not staff when the sessions were made";
  // An admin records that Bob (joined a fortnight ago) is staff: the rule now covers him.
  ASSERT_EQ(run(orgs.change_membership(tom, north, bob, core::Role::member, {organisations::MemberType::staff})),
            organisations::OrganisationService::MembershipChange::done);
  auto sent = calendars_for("bob@example.org");
  ASSERT_EQ(sent.size(), 2u) << "the two sessions to come, not the one that is over";
  for (std::size_t i = 0; i < sent.size(); ++i) {
    Parsed cal(sent[i]);
    ASSERT_NE(cal.event(), nullptr);
    EXPECT_EQ(icalcomponent_get_method(cal.root), ICAL_METHOD_REQUEST);
    EXPECT_EQ(std::string(icalcomponent_get_uid(cal.event())),
              "meeting-" + std::to_string(sessions[i + 1]) + "@north.roundtable");
  }
  // Changing his role, or saving the same member types again, asks nothing again.
  ASSERT_EQ(run(orgs.change_membership(tom, north, bob, core::Role::facilitator, {organisations::MemberType::staff})),
            organisations::OrganisationService::MembershipChange::done);
  EXPECT_EQ(calendars_for("bob@example.org").size(), 2u);
  // Ann is staff but joined a year ago: the rule does not cover her, whatever else changes.
  ASSERT_EQ(run(orgs.change_membership(tom, north, ann, core::Role::member,
                                       {organisations::MemberType::staff, organisations::MemberType::unpaid_carer})),
            organisations::OrganisationService::MembershipChange::done);
  EXPECT_EQ(calendars_for("ann@example.org").size(), 0u);
  // Gareth is in the group that runs the series: he had every session's invitation already.
  const auto gareth_before = calendars_for("gareth@example.org").size();
  ASSERT_EQ(run(orgs.change_membership(tom, north, gareth, core::Role::member, {organisations::MemberType::staff})),
            organisations::OrganisationService::MembershipChange::done);
  EXPECT_EQ(calendars_for("gareth@example.org").size(), gareth_before);
  // Someone new who joins as staff is asked to the sessions to come, in their language.
  const long long cai = world->person("cai@example.org", "Cai");
  world->db->run_sync([&](soci::session& s) { s << "UPDATE users SET lang = 'cy' WHERE id = :u", soci::use(cai); });
  orgs.add_member_now("north", "cai@example.org", core::Role::member, {organisations::MemberType::staff});
  EXPECT_EQ(calendars_for("cai@example.org").size(), 2u);
  const long long welsh = world->count(
      "mail_outbox WHERE to_address = 'cai@example.org' AND subject LIKE '%Coffee morning%' AND "
      "lang = 'cy'");
  EXPECT_EQ(welsh, 2);
  // Someone who joins with no member type is not covered.
  const long long dee = world->person("dee@example.org", "Dee");
  ASSERT_TRUE(run(orgs.join_as_member(north, dee)));
  EXPECT_EQ(calendars_for("dee@example.org").size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, OpenSessions, ::testing::ValuesIn(db::testing::backends()));

INSTANTIATE_TEST_SUITE_P(Backends, CalendarOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::meetings
