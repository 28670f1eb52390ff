// The loop's easy-read words on both databases: the status form's easy-read sentence is kept beside the standard
// words on the change and on the group's entry (a later change without one leaves none), read back by the group's
// page, the timeline and the person's own list; the contribution's own easy-read text is read only for the easy-read
// version and only for the group's people.
#include "loop/loop_service.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>

#include "core/clock.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "testing/world.hpp"

namespace roundtable::loop {
namespace {

using db::testing::run;
using groups::GroupRole;
using organisations::Role;

class LoopOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    priya = world->member("north", "priya@example.org", "Priya");
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Carers board";
    g.purpose = "We meet in the evening.";
    group = run(groups->create_group(north, tom, g, "loop-group-key-1"));
    groups->add_member_now(north, group, gareth, GroupRole::member, clock.now_seconds());
    service = std::make_unique<LoopService>(*world->db, clock);
    // A kind whose one contribution is the group itself, written by Gareth: its purpose stands in for a topic's
    // easy-read summary, read through the kind's `easy_read` SELECT as the page would read a topic's.
    const long long grp = group, author = gareth;
    module::ContributionKind kind{"note",
                                  "loop.kind.topic",
                                  [grp, author](soci::session&, long long, long long id,
                                                long long viewer) -> std::optional<module::Contribution> {
                                    if (id != grp) return std::nullopt;
                                    module::Contribution c;
                                    c.group_id = grp;
                                    c.group_name = "Carers board";
                                    c.group_visibility = "organisation";
                                    c.viewer_role = viewer == 0 ? "" : "lead";
                                    c.title = "Evening meetings?";
                                    c.author_id = author;
                                    c.href = "/notes/1";
                                    return c;
                                  },
                                  "",
                                  {},
                                  "SELECT id, purpose AS easy_read FROM org_groups"};
    service->set_kinds({kind});
  }
  NewChange change(Status st, std::string detail, std::string easy, std::string key) {
    NewChange c;
    c.status = st;
    c.detail = std::move(detail);
    c.easy_read = std::move(easy);
    c.you_said = "Could we meet in the evening?";
    c.change_key = std::move(key);
    return c;
  }
  std::vector<Entry> group_entries(long long viewer, Version v) {
    auto page = run(service->group_page(north, group, viewer, std::nullopt, v));
    EXPECT_TRUE(page);
    return page ? page->page.entries : std::vector<Entry>{};
  }

  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<LoopService> service;
  long long north = 0, tom = 0, gareth = 0, priya = 0, group = 0;
};

// "What happened to what I said" pages back through a person's entries, newest change first, and leaves out those
// in a group they are not in (here newer than all of them, as a group a person has left).
TEST_P(LoopOnBackend, APersonsOwnListPagesBackAndLeavesOutGroupsTheyAreNotIn) {
  groups::GroupDetails g;
  g.name = "Finance group";
  const long long other = run(groups->create_group(north, tom, g, "loop-group-key-2"));
  world->db->run_sync([&](soci::session& s) {
    for (int i = 1; i <= 40; ++i) {
      const long long in = i <= 30 ? group : other;
      const long long at = i <= 30 ? 1000 + i : 5000 + i;  // the other group's entries are the newest
      const long long id = i;
      const std::string title = "Idea " + std::to_string(i);
      s << "INSERT INTO loop_items (org_id, group_id, kind, contribution_id, author_id, title, href, you_said, "
           "status, changed_at) VALUES (:o, :g, 'note', :c, :a, :t, '/notes/1', '', 'under_way', :at)",
          soci::use(north), soci::use(in), soci::use(id), soci::use(gareth), soci::use(title), soci::use(at);
    }
  });
  const auto first = run(service->mine(gareth, std::nullopt, Version::standard));
  ASSERT_EQ(first.entries.size(), 25u);
  EXPECT_EQ(first.entries.front().said, "Idea 30");
  EXPECT_EQ(first.entries.back().said, "Idea 6");
  ASSERT_FALSE(first.older.empty());
  const auto dot = first.older.find('.');
  const std::pair<long long, long long> key{std::stoll(first.older.substr(0, dot)),
                                            std::stoll(first.older.substr(dot + 1))};
  const auto second = run(service->mine(gareth, key, Version::standard));
  ASSERT_EQ(second.entries.size(), 5u);
  EXPECT_EQ(second.entries.front().said, "Idea 5");
  EXPECT_EQ(second.entries.back().said, "Idea 1");
  EXPECT_TRUE(second.older.empty());

  // Joining the other group brings its (newer) entries in at the top; leaving it takes them away again.
  const auto newest = [&] { return run(service->mine(gareth, std::nullopt, Version::standard)).entries.at(0).said; };
  ASSERT_EQ(run(groups->invite(north, other, tom, gareth)), groups::MembershipOutcome::done);
  EXPECT_EQ(newest(), "Idea 30") << "invited, not in it yet";
  ASSERT_EQ(run(groups->answer_invitation(north, other, gareth, true)), groups::MembershipOutcome::done);
  EXPECT_EQ(newest(), "Idea 40");
  ASSERT_EQ(run(groups->leave(north, other, gareth)), groups::MembershipOutcome::done);
  EXPECT_EQ(newest(), "Idea 30");
}

TEST_P(LoopOnBackend, KeepsTheEasyReadSentenceBesideTheStandardWords) {
  const Who as_tom{tom, Role::facilitator, false};
  ASSERT_EQ(run(service->set_status(as_tom, north, "note", group,
                                    change(Status::changed, "Meetings start at 6pm, with supper.",
                                           "Meetings start at 6 in the evening.\nThere is food.", "k1"))),
            Saved::done);

  auto entries = group_entries(gareth, Version::easy_read);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].detail, "Meetings start at 6pm, with supper.");
  EXPECT_EQ(entries[0].easy_read, "Meetings start at 6 in the evening.\nThere is food.");
  EXPECT_EQ(entries[0].said, "Could we meet in the evening?");
  // The contribution's own easy-read text, for one of the group's people on the easy-read version.
  EXPECT_EQ(entries[0].said_easy_read, "We meet in the evening.");
  // Not on the standard version, and not for someone outside the group.
  EXPECT_EQ(group_entries(gareth, Version::standard).at(0).said_easy_read, "");
  const auto outside = group_entries(priya, Version::easy_read);
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0].said_easy_read, "");
  EXPECT_EQ(outside[0].easy_read, "Meetings start at 6 in the evening.\nThere is food.");

  const auto mine = run(service->mine(gareth, std::nullopt, Version::easy_read));
  ASSERT_EQ(mine.entries.size(), 1u);
  EXPECT_EQ(mine.entries[0].easy_read, "Meetings start at 6 in the evening.\nThere is food.");
  EXPECT_EQ(mine.entries[0].said, "Evening meetings?");
  EXPECT_EQ(mine.entries[0].said_easy_read, "We meet in the evening.");

  // A later change without easy-read words: the entry has none now, and the timeline keeps each change's own.
  clock.advance(std::chrono::seconds(60));
  ASSERT_EQ(run(service->set_status(as_tom, north, "note", group, change(Status::under_way, "", "", "k2"))),
            Saved::done);
  EXPECT_EQ(group_entries(gareth, Version::easy_read).at(0).easy_read, "");
  const auto tl = run(service->timeline(north, "note", group, gareth));
  ASSERT_TRUE(tl);
  ASSERT_EQ(tl->changes.size(), 2u);
  EXPECT_EQ(tl->changes[0].easy_read, "");
  EXPECT_EQ(tl->changes[1].easy_read, "Meetings start at 6 in the evening.\nThere is food.");
}

INSTANTIATE_TEST_SUITE_P(Backends, LoopOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::loop
