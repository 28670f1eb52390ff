// Digests: when the daily and weekly digests are due (07:00 London time, in Greenwich Mean Time and British Summer
// Time, on Mondays, and on the days the clocks change), how waiting notices are grouped and written, and on both
// databases the run that claims a due time once, sends one email per person and organisation, and nothing when
// there is nothing to send or the person has since chosen never.
#include "notifications/digest.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/london_time.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "mail/compose.hpp"
#include "notifications/digest_run.hpp"
#include "notifications/notification_service.hpp"
#include "notifications/notify.hpp"
#include "testing/world.hpp"

namespace roundtable::notifications {
namespace {

using db::testing::run;
using organisations::Role;

long long utc(int y, int mo, int d, int h, int mi = 0) {
  return core::days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60;
}

TEST(DigestDue, DailyIsSevenLondonTimeTodayOrYesterday) {
  // Greenwich Mean Time: 07:00 London is 07:00 UTC.
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 12, 5, 7)), utc(2026, 12, 5, 7)) << "at the minute";
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 12, 5, 6, 59)), utc(2026, 12, 4, 7)) << "before it: yesterday's";
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 12, 5, 23, 59)), utc(2026, 12, 5, 7));
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2027, 1, 1, 0, 30)), utc(2026, 12, 31, 7)) << "across the year";
  // British Summer Time: 07:00 London is 06:00 UTC.
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 7, 10, 6)), utc(2026, 7, 10, 6));
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 7, 10, 5, 59)), utc(2026, 7, 9, 6));
  // 23:30 UTC in summer is already tomorrow in London (00:30), whose 07:00 has not come: today's.
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 7, 10, 23, 30)), utc(2026, 7, 10, 6));
}

TEST(DigestDue, TheDaysTheClocksChange) {
  // Clocks go forward at 01:00 UTC on Sunday 29 March 2026: that morning's 07:00 is in summer time.
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 3, 29, 6)), utc(2026, 3, 29, 6));
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 3, 29, 5, 59)), utc(2026, 3, 28, 7)) << "Saturday's, in GMT";
  // Clocks go back at 01:00 UTC on Sunday 25 October 2026: that morning's 07:00 is in GMT again.
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 10, 25, 7)), utc(2026, 10, 25, 7));
  EXPECT_EQ(latest_due(DigestKind::daily, utc(2026, 10, 25, 6, 30)), utc(2026, 10, 24, 6)) << "Saturday's, in BST";
}

TEST(DigestDue, WeeklyIsSevenLondonTimeOnTheLatestMonday) {
  // Monday 30 November 2026 (GMT).
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 12, 5, 12)), utc(2026, 11, 30, 7)) << "on a Saturday";
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 11, 30, 7)), utc(2026, 11, 30, 7)) << "Monday at the minute";
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 11, 30, 6, 59)), utc(2026, 11, 23, 7)) << "the Monday before";
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 12, 6, 23)), utc(2026, 11, 30, 7)) << "on the Sunday";
  // Monday 30 March 2026 is the first Monday of summer time; the Monday before was in GMT.
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 3, 30, 6)), utc(2026, 3, 30, 6));
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 3, 30, 5, 59)), utc(2026, 3, 23, 7));
  // Monday 26 October 2026, the day after the clocks went back.
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 10, 26, 7)), utc(2026, 10, 26, 7));
  EXPECT_EQ(latest_due(DigestKind::weekly, utc(2026, 10, 26, 6, 30)), utc(2026, 10, 19, 6)) << "in BST";
}

TEST(DigestGrouping, GroupsByNameAndKeepsEachGroupsNoticesInOrder) {
  const auto groups = group_digest({{5, 2, "Board", "Third", "/c"},
                                    {1, 3, "Art", "First art", "/a"},
                                    {2, 2, "Board", "First", "/b"},
                                    {4, 3, "Art", "Second art", "/d"}});
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].group_name, "Art");
  ASSERT_EQ(groups[0].items.size(), 2u);
  EXPECT_EQ(groups[0].items[0].title, "First art");
  EXPECT_EQ(groups[1].group_name, "Board");
  EXPECT_EQ(groups[1].items[0].title, "First");
  EXPECT_EQ(groups[1].items[1].title, "Third");
  EXPECT_TRUE(group_digest({}).empty());
}

TEST(DigestEmail, ListsLinksWithAStopLinkPerGroupAndOneClickOnlyForOneGroup) {
  DigestEmail d;
  d.to_address = "mair@example.org";
  d.to_name = "Mair";
  d.org_name = "North Carers";
  d.base_url = "https://rt.example";
  d.settings_url = "https://rt.example/o/north/notifications/settings";
  d.groups = group_digest({{1, 2, "Board & Co", "Budget <draft>", "/o/north/topics/1"}, {2, 3, "Art", "Paint", "/x"}});
  d.stop_urls = {"https://rt.example/stop/art", "https://rt.example/stop/board"};
  const auto m = digest_message(d);
  EXPECT_EQ(m.subject, "North Carers: today's news from your groups");
  EXPECT_NE(m.text.find("- Budget <draft>\n  https://rt.example/o/north/topics/1\n"), std::string::npos) << m.text;
  EXPECT_NE(m.text.find("Stop emails from Board & Co:\nhttps://rt.example/stop/board"), std::string::npos);
  EXPECT_LT(m.text.find("Art"), m.text.find("Board & Co")) << "by name";
  EXPECT_LT(m.text.find("https://rt.example/o/north/notifications/settings"), m.text.rfind("-- \n"));
  EXPECT_NE(m.html.find("<a href=\"https://rt.example/o/north/topics/1\">Budget &lt;draft&gt;</a>"), std::string::npos);
  EXPECT_TRUE(m.list_unsubscribe.empty()) << "one button cannot say which of two groups to stop";

  d.groups.pop_back();
  d.stop_urls.pop_back();
  d.kind = DigestKind::weekly;
  d.lang = core::Lang::cy;
  const auto cy = digest_message(d);
  EXPECT_EQ(cy.list_unsubscribe, "https://rt.example/stop/art");
  EXPECT_EQ(cy.text.find("Stop emails"), std::string::npos) << cy.text;
  EXPECT_EQ(cy.subject.find("news"), std::string::npos) << cy.subject;
}

class DigestsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom Evans", Role::facilitator);
    mair = world->member("north", "mair@example.org", "Mair Hughes");
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Carers Board";
    g.purpose = "Deciding together.";
    board = groups->create_group_now(north, tom, g, 1000);
    g.name = "Art Group";
    art = groups->create_group_now(north, tom, g, 1000);
    groups->add_member_now(north, board, mair, groups::GroupRole::member, 1000);
    groups->add_member_now(north, art, mair, groups::GroupRole::member, 1000);
    service = std::make_unique<NotificationService>(*world->db, clock);
  }
  Routed tell(long long user, long long group, const std::string& title) {
    Notice n{north, group, user, "test", title, "/o/north/somewhere", "Carers Board", "https://rt.example"};
    auto m = mail::compose("mair@example.org", "Mair", core::Lang::en, title, {"Words."}, std::nullopt);
    return world->db->run_sync([&](soci::session& s) { return notify(s, n, m, clock.now_seconds()); });
  }
  DigestRun digest(DigestKind kind, long long now) {
    return world->db->run_sync([&](soci::session& s) { return run_digest(s, kind, now, "https://rt.example"); });
  }
  // Thursday 28 May 2026, 20:26 UTC: that day's 07:00 London (06:00 UTC) has passed.
  core::ManualClock clock{1'780'000'000};
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<NotificationService> service;
  long long north = 0, tom = 0, mair = 0, board = 0, art = 0;
};

TEST_P(DigestsOnBackend, ADueTimeIsClaimedOnceAndSendsOneEmailPerPerson) {
  EXPECT_EQ(run(service->save_choices(north, mair, {{board, Choice::daily}, {art, Choice::daily}})), 2);
  EXPECT_EQ(run(service->save_choices(north, tom, {{board, Choice::daily}})), 1);
  tell(mair, board, "Budget");
  tell(mair, art, "Paint");
  tell(mair, board, "Minutes");
  const long long now = clock.now_seconds() + 60;
  const auto first = digest(DigestKind::daily, now);
  EXPECT_TRUE(first.claimed);
  EXPECT_EQ(first.due_at, utc(2026, 5, 28, 6));
  EXPECT_EQ(first.emails, 1) << "one email for Mair's two groups; Tom had nothing waiting";
  EXPECT_EQ(world->count("mail_outbox"), 1);
  EXPECT_EQ(world->count("mail_outbox WHERE to_address = 'mair@example.org' AND text_body LIKE '%Budget%Minutes%' "
                         "AND text_body LIKE '%Paint%' AND list_unsubscribe = ''"),
            1);
  EXPECT_EQ(world->count("notices WHERE digest <> ''"), 0) << "marked as sent";
  EXPECT_EQ(world->count("notices"), 3) << "still listed in the app";

  const auto again = digest(DigestKind::daily, now + 30);
  EXPECT_FALSE(again.claimed) << "another server, or the next tick, for the same 07:00";
  tell(mair, board, "Late news");
  EXPECT_FALSE(digest(DigestKind::daily, now + 3600).claimed);
  EXPECT_EQ(world->count("mail_outbox"), 1);
  EXPECT_EQ(world->count("notices WHERE digest = 'daily'"), 1) << "waits for tomorrow's";
  const auto tomorrow = digest(DigestKind::daily, utc(2026, 5, 29, 6));
  EXPECT_TRUE(tomorrow.claimed);
  EXPECT_EQ(tomorrow.emails, 1);
  EXPECT_EQ(world->count("mail_outbox WHERE text_body LIKE '%Late news%' AND list_unsubscribe LIKE "
                         "'https://rt.example/stop/%'"),
            1)
      << "one group: the one-click headers stop it";
}

TEST_P(DigestsOnBackend, NothingWaitingOrChosenNeverSinceSendsNothing) {
  EXPECT_TRUE(digest(DigestKind::daily, clock.now_seconds()).claimed);
  EXPECT_EQ(world->count("mail_outbox"), 0) << "no empty digests";
  EXPECT_EQ(run(service->save_choices(north, mair, {{board, Choice::weekly}})), 1);
  tell(mair, board, "Budget");
  EXPECT_EQ(digest(DigestKind::daily, utc(2026, 5, 29, 6)).emails, 0) << "the weekly one waits for Monday";
  EXPECT_EQ(run(service->save_choices(north, mair, {{board, Choice::none}})), 1);
  const auto monday = digest(DigestKind::weekly, utc(2026, 6, 1, 6));
  EXPECT_TRUE(monday.claimed);
  EXPECT_EQ(monday.emails, 0) << "she chose never in between";
  EXPECT_EQ(world->count("mail_outbox"), 0);
  EXPECT_EQ(world->count("notices WHERE digest <> ''"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, DigestsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::notifications
