// Notifications: the choice codes, the signed stop token (forged, altered or unsigned ones refused), the stop link
// added to an email, and on both databases notify() by each choice, the choices a person may make (only for their
// own groups), the one-click stop, and the list of notices by keyset with "mark all as read".
#include "notifications/notification.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "mail/compose.hpp"
#include "notifications/notification_service.hpp"
#include "notifications/notification_store.hpp"
#include "notifications/notify.hpp"
#include "testing/world.hpp"

namespace roundtable::notifications {
namespace {

using db::testing::run;
using organisations::Role;

TEST(Choices, CodesGoBothWays) {
  for (Choice c : kAllChoices) EXPECT_EQ(parse_choice(choice_code(c)), c);
  EXPECT_FALSE(parse_choice(""));
  EXPECT_FALSE(parse_choice("hourly"));
  EXPECT_FALSE(parse_choice("NONE"));
}

TEST(StopTokens, OnlyTheServersOwnSignatureOverTheSameIdsPasses) {
  const std::string secret = "a secret of this server";
  const StopTarget target{12, 3, 45};
  const auto token = stop_token(secret, target);
  EXPECT_EQ(token.rfind("12.3.45.", 0), 0u);
  EXPECT_EQ(check_stop_token(secret, token), target);
  EXPECT_FALSE(check_stop_token("another secret", token)) << "another server's (or a guessed) key";
  EXPECT_FALSE(check_stop_token("", token)) << "no secret yet: nothing verifies";
  const std::string mac = token.substr(std::string("12.3.45.").size());
  EXPECT_FALSE(check_stop_token(secret, "13.3.45." + mac)) << "someone else's id with this mac";
  EXPECT_FALSE(check_stop_token(secret, "12.3.46." + mac)) << "another group";
  std::string altered = token;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(check_stop_token(secret, altered));
  for (const char* bad : {"", "12.3.45", "12.3.45.", "x.3.45.abc", "012.3.45.abc", "12.3.45.abc.def", "-1.3.45.abc"}) {
    EXPECT_FALSE(check_stop_token(secret, bad)) << bad;
  }
  EXPECT_FALSE(check_stop_token(secret, token + std::string(200, 'a')));
}

TEST(StopLink, GoesAboveTheFooterInBothPartsInTheReadersLanguage) {
  auto m = mail::compose("mair@example.org", "Mair", core::Lang::en, "News", {"Something happened."}, std::nullopt);
  add_stop_link(m, "Carers & Board", "https://rt.example/stop/1.2.3.abc");
  EXPECT_EQ(m.list_unsubscribe, "https://rt.example/stop/1.2.3.abc");
  const auto link = m.text.find("Stop emails from Carers & Board:\nhttps://rt.example/stop/1.2.3.abc\n");
  ASSERT_NE(link, std::string::npos) << m.text;
  EXPECT_LT(link, m.text.rfind("-- \n"));
  const auto a = m.html.find("<a href=\"https://rt.example/stop/1.2.3.abc\">Stop emails from Carers &amp; Board</a>");
  ASSERT_NE(a, std::string::npos) << m.html;
  EXPECT_LT(a, m.html.rfind("<hr "));
  auto cy = mail::compose("mair@example.org", "Mair", core::Lang::cy, "Newyddion", {"Rhywbeth."}, std::nullopt);
  add_stop_link(cy, "Bwrdd", "https://rt.example/stop/x");
  EXPECT_NE(cy.text.find("Bwrdd"), std::string::npos);
  EXPECT_EQ(cy.text.find("Stop emails"), std::string::npos) << cy.text;
}

class NotificationsOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom Evans", Role::facilitator);
    mair = world->member("north", "mair@example.org", "Mair Hughes");
    priya = world->member("north", "priya@example.org", "Priya Shah");
    rhys = world->member("south", "rhys@example.org", "Rhys");
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Carers Board";
    g.purpose = "Deciding together.";
    board = groups->create_group_now(north, tom, g, 1000);
    g.name = "Art Group";
    art = groups->create_group_now(north, tom, g, 1000);
    g.name = "South Board";
    south_board = groups->create_group_now(south, rhys, g, 1000);
    groups->add_member_now(north, board, mair, groups::GroupRole::member, 1000);
    groups->add_member_now(north, art, mair, groups::GroupRole::member, 1000);
    service = std::make_unique<NotificationService>(*world->db, clock);
  }
  Routed tell(long long user, long long group, const std::string& title) {
    Notice n{north, group, user, "test", title, "/o/north/somewhere", "Carers Board", "https://rt.example"};
    auto m = mail::compose("mair@example.org", "Mair", core::Lang::en, title, {"Words."}, std::nullopt);
    return world->db->run_sync([&](soci::session& s) { return notify(s, n, m, clock.now_seconds()); });
  }
  Choice choice(long long user, long long group) {
    return world->db->run_sync([&](soci::session& s) { return store::choice_of(s, user, group); });
  }
  core::ManualClock clock{1'780'000'000};
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<NotificationService> service;
  long long north = 0, south = 0, tom = 0, mair = 0, priya = 0, rhys = 0, board = 0, art = 0, south_board = 0;
};

TEST_P(NotificationsOnBackend, EachChoiceRoutesTheEmailAndEveryNoticeIsListed) {
  EXPECT_EQ(choice(mair, board), Choice::immediate) << "the default";
  EXPECT_EQ(tell(mair, board, "First"), Routed::emailed);
  EXPECT_EQ(world->count("mail_outbox"), 1);
  EXPECT_EQ(world->count("mail_outbox WHERE list_unsubscribe LIKE 'https://rt.example/stop/%'"), 1);
  EXPECT_EQ(world->count("mail_outbox WHERE text_body LIKE '%Stop emails from Carers Board%'"), 1);

  EXPECT_EQ(run(service->save_choices(north, mair, {{board, Choice::daily}, {art, Choice::none}})), 2);
  EXPECT_EQ(tell(mair, board, "Second"), Routed::held);
  EXPECT_EQ(tell(mair, art, "Third"), Routed::not_emailed);
  EXPECT_EQ(world->count("mail_outbox"), 1) << "held for the digest, or never";
  EXPECT_EQ(world->count("notices WHERE digest = 'daily'"), 1);
  EXPECT_EQ(world->count("notices"), 3) << "the app lists them all";

  EXPECT_EQ(run(service->save_choices(north, mair, {{board, Choice::weekly}})), 1);
  EXPECT_EQ(tell(mair, board, "Fourth"), Routed::held);
  EXPECT_EQ(world->count("notices WHERE digest = 'weekly'"), 1);
  EXPECT_EQ(run(service->save_choices(north, mair, {{board, Choice::immediate}})), 1);
  EXPECT_EQ(tell(mair, board, "Fifth"), Routed::emailed);
  EXPECT_EQ(world->count("mail_outbox"), 2);
}

TEST_P(NotificationsOnBackend, APersonChoosesOnlyForTheirOwnGroups) {
  const auto mine = run(service->choices(north, mair));
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].group_name, "Art Group") << "by name";
  EXPECT_EQ(mine[1].group_name, "Carers Board");
  EXPECT_TRUE(run(service->choices(north, priya)).empty());
  EXPECT_EQ(run(service->save_choices(north, priya, {{board, Choice::none}})), 0) << "not in the group";
  EXPECT_EQ(run(service->save_choices(north, mair, {{south_board, Choice::none}})), 0) << "another organisation's";
  EXPECT_EQ(run(service->save_choices(south, mair, {{board, Choice::none}})), 0);
  EXPECT_EQ(world->count("notification_choices"), 0);
}

TEST_P(NotificationsOnBackend, OneClickStopsOnlyWithTheServersSignature) {
  tell(mair, board, "First");
  const std::string secret = world->db->run_sync([](soci::session& s) { return store::stop_secret(s); });
  ASSERT_FALSE(secret.empty()) << "made with the first email";
  const auto token = stop_token(secret, {mair, north, board});
  const auto view = run(service->stop_view(token));
  ASSERT_TRUE(view);
  EXPECT_EQ(view->group_name, "Carers Board");
  EXPECT_EQ(view->org_slug, "north");
  EXPECT_EQ(view->choice, Choice::immediate);

  for (const auto& forged : {stop_token("guessed", {mair, north, board}), std::string("1.1.1.abc"),
                             stop_token(secret, {mair, north, board}) + "x", std::string("")}) {
    EXPECT_FALSE(run(service->stop_view(forged))) << forged;
    EXPECT_FALSE(run(service->stop(forged))) << forged;
  }
  EXPECT_EQ(world->count("notification_choices"), 0) << "a forged token changes nothing";
  EXPECT_FALSE(run(service->stop(stop_token(secret, {priya, north, board})))) << "not in the group";
  EXPECT_FALSE(run(service->stop(stop_token(secret, {mair, north, south_board})))) << "another organisation's group";

  const auto stopped = run(service->stop(token));
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->choice, Choice::none);
  EXPECT_EQ(choice(mair, board), Choice::none);
  EXPECT_EQ(choice(mair, art), Choice::immediate) << "only that group";
  EXPECT_EQ(tell(mair, board, "Second"), Routed::not_emailed);
  EXPECT_TRUE(run(service->stop(token))) << "a second click says the same";
}

TEST_P(NotificationsOnBackend, SomeoneOutsideAGroupThatEmailedThemCanStopItAndChangeThatBack) {
  // Priya is not in the board, which emailed her all the same (as an open session of its series would).
  EXPECT_EQ(tell(priya, board, "Coffee morning"), Routed::emailed);
  const std::string secret = world->db->run_sync([](soci::session& s) { return store::stop_secret(s); });
  const auto stopped = run(service->stop(stop_token(secret, {priya, north, board})));
  ASSERT_TRUE(stopped);
  EXPECT_TRUE(stopped->outside_group);
  EXPECT_EQ(choice(priya, board), Choice::none);

  const auto hers = run(service->choices(north, priya));
  ASSERT_EQ(hers.size(), 1u) << "the group she stopped, though she is not in it";
  EXPECT_EQ(hers[0].group_id, board);
  EXPECT_TRUE(hers[0].outside);
  EXPECT_EQ(hers[0].choice, Choice::none);
  EXPECT_EQ(run(service->save_choices(north, priya, {{board, Choice::immediate}})), 1);
  EXPECT_EQ(choice(priya, board), Choice::immediate);
  // The email's link stops it again (her choice is recorded now, and she is still outside the group).
  const auto again = run(service->stop(stop_token(secret, {priya, north, board})));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->outside_group);
  EXPECT_EQ(choice(priya, board), Choice::none) << "saved, not only said";
  EXPECT_EQ(run(service->save_choices(north, priya, {{board, Choice::immediate}})), 1);
  EXPECT_EQ(run(service->save_choices(north, priya, {{art, Choice::none}})), 0) << "a group she has no choice about";
  EXPECT_EQ(world->count("notification_choices WHERE group_id = " + std::to_string(art)), 0);
  // Mair's own groups come first, and no one else's outside choices.
  const auto mairs = run(service->choices(north, mair));
  ASSERT_EQ(mairs.size(), 2u);
  EXPECT_FALSE(mairs[0].outside);
  EXPECT_FALSE(mairs[1].outside);
}

TEST_P(NotificationsOnBackend, NoticesNewestFirstByKeysetAndMarkedRead) {
  for (int i = 1; i <= kNoticesPerPage + 3; ++i) tell(mair, board, "Notice " + std::to_string(i));
  tell(tom, board, "Tom's own");
  const auto first = run(service->notices(north, mair, 0));
  ASSERT_EQ(first.notices.size(), static_cast<std::size_t>(kNoticesPerPage));
  EXPECT_EQ(first.notices.front().title, "Notice " + std::to_string(kNoticesPerPage + 3));
  EXPECT_EQ(first.unread, kNoticesPerPage + 3);
  ASSERT_TRUE(first.older);
  const auto second = run(service->notices(north, mair, *first.older));
  ASSERT_EQ(second.notices.size(), 3u);
  EXPECT_EQ(second.notices.back().title, "Notice 1");
  EXPECT_FALSE(second.older);
  EXPECT_TRUE(run(service->notices(south, mair, 0)).notices.empty()) << "another organisation's list";
  EXPECT_EQ(run(service->mark_all_read(north, mair)), kNoticesPerPage + 3);
  const auto after = run(service->notices(north, mair, 0));
  EXPECT_EQ(after.unread, 0);
  EXPECT_FALSE(after.notices.front().unread);
  EXPECT_EQ(run(service->notices(north, tom, 0)).unread, 1) << "someone else's stay unread";
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationsOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::notifications
