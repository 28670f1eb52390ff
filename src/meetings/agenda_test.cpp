// Agendas and what came of a meeting, on both databases: proposals (once however often sent), topics members asked
// to raise put on the agenda (once, with where they came from), order, the policy asked again in each change,
// attendance, actions owned by the group's people, and publishing the minutes telling each person who raised or
// supported a topic what the meeting did with it, once, in their language.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/build_paths.hpp"
#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"
#include "discussions/discussion_store.hpp"
#include "groups/group_service.hpp"
#include "meetings/follow_ups.hpp"
#include "meetings/meeting_service.hpp"
#include "organisations/organisation_service.hpp"
#include "testing/world.hpp"
#include "uploads/storage.hpp"
#include "uploads/uploads.hpp"

namespace roundtable::meetings {
namespace {

using db::testing::run;
using organisations::Role;

using core::kHour, core::kDay;

class AgendasOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    mair = world->member("north", "mair@example.org", "Mair");
    ngozi = world->member("north", "ngozi@example.org", "Ngozi");
    priya = world->member("north", "priya@example.org", "Priya");
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Board";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    groups->add_member_now(north, board, gareth, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, mair, GroupRole::member, clock.now_seconds());
    groups->add_member_now(north, board, ngozi, GroupRole::observer, clock.now_seconds());
    service = std::make_unique<MeetingService>(*world->db, clock);
    MeetingDetails d;
    d.title = "December board";
    d.purpose = "Agree the plan.";
    d.starts_at = clock.now_seconds() + 7 * kDay;
    d.ends_at = d.starts_at + 2 * kHour;
    meeting = run(service->schedule_meeting(north, board, tom, d, "meeting-key-123456789"));
    // A topic Mair raised and Priya... (not in the group) and Gareth reacted to.
    world->db->run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      const long long now = clock.now_seconds();
      topic = discussions::store::insert_topic(s, north, board, "Evening meetings", mair, "topic-key-1", now);
      const auto [post, number] = discussions::store::insert_post(s, topic, board, mair, "Can we?", "post-key-1", now);
      discussions::store::set_raised(s, topic, mair, true, now);
      discussions::store::set_reaction(s, post, gareth, discussions::Reaction::agree, true, now);
      quiet = discussions::store::insert_topic(s, north, board, "Nobody raised this", mair, "topic-key-2", now);
      tx.commit();
    });
  }
  Who who(long long user, Role role = Role::member) { return {user, role, false}; }
  MeetingRecord record(long long viewer) { return *run(service->record(north, meeting, viewer)); }

  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<MeetingService> service;
  long long north = 0, tom = 0, gareth = 0, mair = 0, ngozi = 0, priya = 0, board = 0, meeting = 0, topic = 0,
            quiet = 0;
};

TEST_P(AgendasOnBackend, ProposedOncePromotedOnceAndOrdered) {
  EXPECT_EQ(run(service->propose_item(who(gareth), north, meeting, "Bus passes", "Please", "k-123456789")),
            Change::done);
  EXPECT_EQ(run(service->propose_item(who(gareth), north, meeting, "Bus passes", "Please", "k-123456789")),
            Change::already)
      << "sent twice, one item";
  EXPECT_EQ(run(service->propose_item(who(ngozi), north, meeting, "Observer", "", "k-2-23456789")), Change::refused)
      << "observers read only";
  EXPECT_EQ(run(service->propose_item(who(priya), north, meeting, "Outsider", "", "k-3-23456789")), Change::refused);
  EXPECT_EQ(world->count("meeting_agenda_items"), 1);

  // Members' topics: only the raised one is offered; promoting twice makes one item.
  auto r = record(tom);
  ASSERT_EQ(r.raised.size(), 1u);
  EXPECT_EQ(r.raised[0].id, topic);
  EXPECT_EQ(run(service->promote_topic(who(gareth), north, meeting, topic)), Change::refused) << "facilitators only";
  EXPECT_EQ(run(service->promote_topic(who(tom), north, meeting, quiet)), Change::refused) << "nobody raised it";
  EXPECT_EQ(run(service->promote_topic(who(tom), north, meeting, topic)), Change::done);
  EXPECT_EQ(run(service->promote_topic(who(tom), north, meeting, topic)), Change::already);
  // Tom's own item goes straight on the agenda.
  EXPECT_EQ(run(service->propose_item(who(tom), north, meeting, "Budget", "", "k-4-23456789")), Change::done);

  r = record(gareth);
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_TRUE(r.raised.empty());
  EXPECT_EQ(r.items[0].title, "Evening meetings");
  EXPECT_EQ(r.items[0].topic_id, topic);
  EXPECT_EQ(r.items[0].raised_count, 1);
  EXPECT_EQ(r.items[1].title, "Budget");
  EXPECT_EQ(r.items[2].status, ItemStatus::proposed);
  EXPECT_EQ(r.items[2].proposer_name, "Gareth");
  const long long bus = r.items[2].id, budget = r.items[1].id;

  EXPECT_EQ(run(service->accept_item(who(gareth), north, meeting, bus)), Change::refused);
  EXPECT_EQ(run(service->accept_item(who(tom), north, meeting, bus)), Change::done);
  EXPECT_EQ(run(service->accept_item(who(tom), north, meeting, bus)), Change::already);
  EXPECT_EQ(run(service->move_item(who(tom), north, meeting, bus, true)), Change::done);
  EXPECT_EQ(run(service->move_item(who(tom), north, meeting, budget, false)), Change::already) << "last already";
  r = record(gareth);
  EXPECT_EQ(r.items[0].title, "Evening meetings");
  EXPECT_EQ(r.items[1].title, "Bus passes");
  EXPECT_EQ(r.items[2].title, "Budget");
  EXPECT_EQ(run(service->update_item(who(tom), north, meeting, budget, "Money", "For next year")), Change::done);
  EXPECT_EQ(run(service->remove_item(who(tom), north, meeting, budget)), Change::done);
  EXPECT_EQ(world->count("meeting_agenda_items"), 2);
}

TEST_P(AgendasOnBackend, PublishingTellsRaisersAndSupportersOnce) {
  ASSERT_EQ(run(service->promote_topic(who(tom), north, meeting, topic)), Change::done);
  const long long item = record(tom).items.at(0).id;
  clock.advance(std::chrono::seconds(8 * kDay));
  EXPECT_EQ(run(service->set_decision(who(gareth), north, meeting, item, "No")), Change::refused);
  EXPECT_EQ(run(service->set_decision(who(tom), north, meeting, item, "Every other meeting in the evening.")),
            Change::done);
  EXPECT_EQ(run(service->add_action(who(tom), north, meeting, item, "Ask the venue", priya, "2027-01-05", "a-1")),
            Change::not_in_group);
  EXPECT_EQ(run(service->add_action(who(tom), north, meeting, item, "Ask the venue", mair, "2027-01-05", "a-1")),
            Change::done);
  EXPECT_EQ(run(service->add_action(who(tom), north, meeting, item, "Ask the venue", mair, "2027-01-05", "a-1")),
            Change::already);
  const long long action = record(tom).actions.at(0).id;
  EXPECT_EQ(run(service->set_action_status(who(tom), north, meeting, action, ActionStatus::done)), Change::done);
  EXPECT_EQ(run(service->record_attendance(
                who(tom), north, meeting,
                {{gareth, Attendance::present}, {mair, Attendance::apologies}, {priya, Attendance::present}})),
            Change::done);
  EXPECT_EQ(world->count("meeting_attendance"), 2) << "only the group's people";
  EXPECT_EQ(run(service->save_minutes(who(tom), north, meeting, "We met.")), Change::done);

  const long long mail_before = world->count("mail_outbox");
  EXPECT_EQ(run(service->publish_minutes(who(gareth), north, meeting)), Change::refused);
  EXPECT_EQ(run(service->publish_minutes(who(tom), north, meeting)), Change::done);
  EXPECT_EQ(run(service->publish_minutes(who(tom), north, meeting)), Change::already) << "told once";
  // Mair raised it and Gareth reacted: one email each.
  EXPECT_EQ(world->count("mail_outbox") - mail_before, 2);
  const auto r = record(gareth);
  EXPECT_TRUE(r.meeting.meeting.minutes_published_at);
  EXPECT_EQ(r.items.at(0).decision, "Every other meeting in the evening.");
  EXPECT_EQ(r.actions.at(0).status, ActionStatus::done);
}

TEST_P(AgendasOnBackend, PapersSentTellTheGroupOnce) {
  const long long before = world->count("mail_outbox");
  EXPECT_EQ(run(service->send_papers(who(gareth), north, meeting)), Change::refused);
  EXPECT_EQ(run(service->send_papers(who(tom), north, meeting)), Change::done);
  EXPECT_EQ(run(service->send_papers(who(tom), north, meeting)), Change::already);
  EXPECT_EQ(world->count("mail_outbox") - before, 4) << "Tom, Gareth, Mair and Ngozi";
  EXPECT_TRUE(record(gareth).meeting.meeting.papers_sent_at);
}

TEST_P(AgendasOnBackend, AnArchivedGroupIsReadOnly) {
  ASSERT_EQ(run(service->propose_item(who(gareth), north, meeting, "Bus passes", "", "k-123456789")), Change::done);
  world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    db::query(s, "UPDATE org_groups SET archived_at = 1 WHERE id = $1", {board});
    tx.commit();
  });
  const long long item = record(tom).items.at(0).id;
  EXPECT_EQ(run(service->accept_item(who(tom), north, meeting, item)), Change::refused);
  EXPECT_EQ(run(service->propose_item(who(gareth), north, meeting, "More", "", "k-2-23456789")), Change::refused);
  EXPECT_EQ(run(service->send_papers(who(tom), north, meeting)), Change::refused);
}

TEST_P(AgendasOnBackend, PapersWithAnEasyReadVersionAreForTheGroupOnly) {
  const auto dir = std::filesystem::temp_directory_path() / ("rt-papers-" + std::to_string(::getpid()) + "-" +
                                                             std::to_string(std::hash<std::string>{}(GetParam())));
  auto uploads = std::make_unique<uploads::UploadService>(*world->db, std::make_shared<uploads::FolderStorage>(dir));
  auto with_files = std::make_unique<MeetingService>(*world->db, clock, MailHooks{}, uploads.get());
  register_paper_access(*uploads, clock);
  std::ifstream in(std::string(core::build_paths::source_dir()) + "/tests/integration/fixtures/about_me/tiny.png",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto prepared = uploads::prepare_file(bytes.str(), "tiny.png", paper_allowed());
  ASSERT_TRUE(std::holds_alternative<uploads::Prepared>(prepared));
  const auto& png = std::get<uploads::Prepared>(prepared);
  EXPECT_EQ(run(with_files->add_paper(who(gareth), north, meeting, "Plan", png, png, "easy_read", "p-1")),
            Change::refused)
      << "members do not add papers";
  EXPECT_EQ(run(with_files->add_paper(who(tom), north, meeting, "Plan", png, png, "easy_read", "p-1")), Change::done);
  EXPECT_EQ(run(with_files->add_paper(who(tom), north, meeting, "Plan", png, png, "easy_read", "p-1")),
            Change::already);
  const auto r = *run(with_files->record(north, meeting, gareth));
  ASSERT_EQ(r.papers.size(), 1u);
  EXPECT_EQ(r.papers[0].accessible_kind, "easy_read");
  ASSERT_FALSE(r.papers[0].accessible_public_id.empty());
  EXPECT_EQ(r.papers[0].mime, "image/png");
  EXPECT_EQ(r.papers[0].bytes, static_cast<long long>(png.bytes.size()));
  EXPECT_EQ(r.papers[0].accessible_bytes, static_cast<long long>(png.bytes.size()));
  // Whoever is in the group fetches it (observers too); people outside the group do not.
  auto principal = [&](long long user) {
    http::Principal p;
    p.user_id = user;
    p.memberships.push_back({});
    p.memberships.back().org_id = north;
    p.memberships.back().role = Role::member;
    return p;
  };
  EXPECT_TRUE(run(uploads->file_for(r.papers[0].accessible_public_id, principal(ngozi))));
  EXPECT_FALSE(run(uploads->file_for(r.papers[0].public_id, principal(priya))));
  EXPECT_FALSE(run(uploads->file_for(r.papers[0].public_id, std::nullopt)));
  EXPECT_EQ(run(with_files->remove_paper(who(tom), north, meeting, r.papers[0].id)), Change::done);
  EXPECT_EQ(world->count("meeting_papers"), 0);
  EXPECT_EQ(world->count("uploads"), 0) << "the files go with the paper";
  std::filesystem::remove_all(dir);
}

TEST_P(AgendasOnBackend, ATopicsPageSaysWhatTheMeetingDidWithIt) {
  // As the topic's page asks: the topic's group and the viewer's role there (none: not in it).
  auto role = [&](long long viewer) -> std::string_view {
    return viewer == mair ? "member" : viewer == ngozi ? "observer" : "";
  };
  auto follow_ups = [&](long long viewer, long long of = 0, long long group = 0) {
    std::vector<module::FollowUp> out;
    const module::FollowUpAsk ask{"topic", north, of ? of : topic, viewer, group ? group : board, false, role(viewer)};
    world->db->run_sync([&](soci::session& s) {
      db::Batch b(s);
      topic_follow_ups(b, ask, out);
      b.run();
    });
    return out;
  };
  EXPECT_TRUE(follow_ups(mair).empty()) << "raised, not yet on an agenda";
  ASSERT_EQ(run(service->promote_topic(who(tom), north, meeting, topic)), Change::done);
  auto f = follow_ups(mair);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text_key, "meetings.follow_up.on_agenda");
  EXPECT_EQ(f[0].what, "December board");
  EXPECT_EQ(f[0].href, "/meetings/" + std::to_string(meeting) + "/agenda");
  EXPECT_EQ(follow_ups(ngozi).size(), 1u) << "observers see the group's agendas";
  EXPECT_TRUE(follow_ups(priya).empty()) << "not in the group: nothing about its meetings";
  EXPECT_TRUE(follow_ups(mair, quiet).empty()) << "another topic";
  std::vector<module::FollowUp> other_kind;
  const module::FollowUpAsk card{"card", north, topic, mair, board, false, "member"};
  world->db->run_sync([&](soci::session& s) {
    db::Batch b(s);
    topic_follow_ups(b, card, other_kind);
    b.run();
  });
  EXPECT_TRUE(other_kind.empty());
  EXPECT_TRUE(follow_ups(mair, topic, board + 1000).empty()) << "only the meetings of the topic's own group";

  const long long item = record(tom).items.at(0).id;
  ASSERT_EQ(run(service->set_decision(who(tom), north, meeting, item, "Every other meeting in the evening.")),
            Change::done);
  EXPECT_EQ(follow_ups(mair).at(0).text_key, "meetings.follow_up.on_agenda") << "the decision shows once published";
  ASSERT_EQ(run(service->save_minutes(who(tom), north, meeting, "We met.")), Change::done);
  ASSERT_EQ(run(service->publish_minutes(who(tom), north, meeting)), Change::done);
  f = follow_ups(mair);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text_key, "meetings.follow_up.discussed");
  EXPECT_EQ(f[0].detail, "Every other meeting in the evening.");
  EXPECT_EQ(f[0].href, "/meetings/" + std::to_string(meeting) + "/minutes");
}

INSTANTIATE_TEST_SUITE_P(Backends, AgendasOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::meetings
