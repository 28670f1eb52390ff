// Meeting reminders on both databases: the day before, one email to each person who replied going or maybe (even
// with a daily or weekly digest chosen; none when they chose never), once however many ticks or servers run, and
// nothing for a cancelled meeting, a meeting further off, or one that has started.
#include "meetings/meeting_reminders.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "meetings/meeting_service.hpp"
#include "notifications/notification_store.hpp"
#include "testing/world.hpp"

namespace roundtable::meetings {
namespace {

using db::testing::run;
using organisations::Role;

using core::kHour, core::kDay;

class RemindersOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    mair = world->member("north", "mair@example.org", "Mair");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    for (long long who : {gareth, mair, ngozi}) {
      groups->add_member_now(north, board, who, GroupRole::member, clock.now_seconds());
    }
    service = std::make_unique<MeetingService>(*world->db, clock);
  }
  long long schedule(const std::string& title, long long starts_in) {
    MeetingDetails d;
    d.title = title;
    d.purpose = "Agree the plan.";
    d.starts_at = clock.now_seconds() + starts_in;
    d.ends_at = d.starts_at + 2 * kHour;
    d.venue = "Church Hall";
    d.online_url = "https://meet.example/abc";
    d.access = {Access::step_free};
    return run(service->schedule_meeting(north, board, tom, d, "key-" + title + "-123456789"));
  }
  void reply(long long id, long long who, Answer a) {
    RsvpDetails r;
    r.answer = a;
    ASSERT_EQ(run(service->reply(north, id, who, r)), ReplyOutcome::done);
  }
  void choose(long long who, notifications::Choice c) {
    world->db->run_sync([&](soci::session& s) {
      return notifications::store::set_choice(s, north, who, board, c, clock.now_seconds());
    });
  }
  int remind(long long at) {
    return world->db->run_sync([&](soci::session& s) { return send_reminders(s, at, "https://rt.example"); });
  }
  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<MeetingService> service;
  long long north = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, board = 0;
};

TEST_P(RemindersOnBackend, OnceToEachPersonComingTheDayBefore) {
  const long long id = schedule("Budget meeting", 3 * kDay);
  reply(id, gareth, Answer::going);
  reply(id, mair, Answer::maybe);
  reply(id, ngozi, Answer::going);
  reply(id, tom, Answer::not_going);
  choose(mair, notifications::Choice::daily);
  choose(ngozi, notifications::Choice::none);
  const long long outbox_before = world->count("mail_outbox");

  EXPECT_EQ(remind(clock.now_seconds()), 0) << "three days off";
  const long long day_before = clock.now_seconds() + 2 * kDay + 60;
  EXPECT_EQ(remind(day_before), 2) << "Gareth, and Mair though she chose a daily digest; not Ngozi (never)";
  EXPECT_EQ(world->count("mail_outbox") - outbox_before, 2);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'mair@example.org' AND subject = 'Reminder: Budget meeting "
                         "(Steering group)' AND text_body LIKE '%Church Hall%' AND text_body LIKE "
                         "'%https://meet.example/abc%' AND text_body LIKE '%Step-free access%' AND text_body LIKE "
                         "'%https://rt.example/o/north/meetings/" +
                         std::to_string(id) + "%' AND list_unsubscribe <> ''"),
            1);
  EXPECT_EQ(world->count("notices WHERE kind = 'meeting_reminder'"), 3) << "Ngozi's is in the app";
  EXPECT_EQ(world->count("notices WHERE digest <> ''"), 0) << "not held for the digest";
  EXPECT_EQ(remind(day_before + 60), 0) << "the next tick, or another server";
  EXPECT_EQ(remind(day_before + kDay - 120), 0);
  EXPECT_EQ(world->count("meeting_reminders"), 3);
}

TEST_P(RemindersOnBackend, NoneForACancelledOrStartedMeeting) {
  const long long off = schedule("Called off", 20 * kHour);
  reply(off, gareth, Answer::going);
  EXPECT_TRUE(run(service->cancel_meeting(north, off, "The venue flooded.")));
  EXPECT_EQ(remind(clock.now_seconds()), 0);
  const long long soon = schedule("Soon", 2 * kHour);
  reply(soon, mair, Answer::going);
  EXPECT_EQ(remind(clock.now_seconds() + 3 * kHour), 0) << "it has started";
  EXPECT_EQ(remind(clock.now_seconds()), 1) << "a late reply still gets one before it starts";
  EXPECT_EQ(world->count("meeting_reminders"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RemindersOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::meetings
