// The measures' reads on both databases: a group's contributions of every kind (through each kind's listing) with
// their first response, and its closed decisions with their kept verdicts, counted into London months; the
// organisation's add up only the groups the person may see; nobody else's groups count. The first response is kept
// on the loop item (migration 0054), and the figures a server keeps are shown again only while nothing counted has
// changed, whoever changed it, and while the months and the rows in the future are still as they were (ADR 0038).
#include <gtest/gtest.h>

#include <string>

#include "core/clock.hpp"
#include "core/london_time.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "groups/group_service.hpp"
#include "measures/measures_service.hpp"
#include "testing/dates.hpp"
#include "testing/world.hpp"

namespace roundtable::measures {
namespace {

using db::testing::run;
using organisations::Role;

using core::kDay;

using testing::london_noon;

class MeasuresOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    south = world->organisation("south", "South Forum");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    gareth = world->member("north", "gareth@example.org", "Gareth");
    sian = world->member("north", "sian@example.org", "Siân", Role::org_admin);
    rhys = world->member("south", "rhys@example.org", "Rhys", Role::org_admin);
    groups::GroupService groups(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Board";
    g.purpose = "Decides.";
    board = groups.create_group_now(north, gareth, g, clock.now_seconds());
    g.name = "Steering";
    g.visibility = groups::Visibility::members;
    steering = groups.create_group_now(north, gareth, g, clock.now_seconds());
    g.name = "South group";
    g.visibility = groups::Visibility::organisation;
    other = groups.create_group_now(south, rhys, g, clock.now_seconds());
    service = std::make_unique<MeasuresService>(*world->db, clock);
    // Two kinds, as discussions and boards register theirs (the measures need only the listing).
    service->set_kinds(
        {{"topic", "loop.kind.topic", {}, "SELECT org_id, group_id, id, created_at FROM discussion_topics"},
         {"proposal", "loop.kind.proposal", {}, "SELECT org_id, group_id, id, created_at FROM decisions"},
         {"nothing", "loop.kind.nothing", {}, ""}});
  }

  /// A topic made at `made`, answered (its first loop change) at `answered` when not 0, changed again a day later.
  void topic(long long org, long long group, long long made, long long answered) {
    const std::string key = "t" + std::to_string(++n);
    world->db->run_sync([&](soci::session& s) {
      long long id = 0;
      db::query(s,
                "INSERT INTO discussion_topics (org_id, group_id, title, last_post_at, create_key, created_at) VALUES "
                "($1, $2, 'A topic', $3, $4, $3) RETURNING id",
                {org, group, made, std::string_view(key)}, [&](const db::Row& r) { id = r.integer(0); });
      if (answered == 0) return;
      long long item = 0;
      db::query(s,
                "INSERT INTO loop_items (org_id, group_id, kind, contribution_id, title, href, you_said, status, "
                "changed_at) VALUES ($1, $2, 'topic', $3, 'A topic', '/topics/1', 'x', 'changed', $4) RETURNING id",
                {org, group, id, answered + kDay}, [&](const db::Row& r) { item = r.integer(0); });
      for (long long when : {answered + kDay, answered}) {
        const std::string change_key = key + "-" + std::to_string(when);
        db::query(s,
                  "INSERT INTO loop_changes (item_id, org_id, status, changed_at, change_key) VALUES ($1, $2, "
                  "'under_way', $3, $4)",
                  {item, org, when, std::string_view(change_key)});
      }
    });
  }

  /// A decision made and closed at `closed` (open when 0) with its kept verdict.
  void decision(long long group, long long closed, std::optional<long long> lived, std::optional<bool> met) {
    const std::string key = "d" + std::to_string(++n);
    world->db->run_sync([&](soci::session& s) {
      const db::Param closed_at = closed ? db::Param(closed) : db::Param(nullptr);
      const db::Param l = lived ? db::Param(*lived) : db::Param(nullptr);
      const db::Param m = met ? db::Param(*met ? 1LL : 0LL) : db::Param(nullptr);
      db::query(
          s,
          "INSERT INTO decisions (org_id, group_id, title, body, process, eligibility, opens_at, closes_at, "
          "closed_at, lived_took_part, rules_met, create_key, created_at, updated_at) VALUES ($1, $2, 'A', 'B', "
          "'simple_poll', 'members', $3, $3, $4, $5, $6, $7, $3, $3)",
          {north, group, closed ? closed - kDay : london_noon(2026, 12, 1), closed_at, l, m, std::string_view(key)});
    });
  }

  Who as(long long user, Role role, bool two_step = false) const { return {user, role, two_step}; }

  void sql(const std::string& text, const std::vector<db::Param>& params = {}) {
    world->db->run_sync([&](soci::session& s) { db::query(s, text, params); });
  }
  long long number(const std::string& text, const std::vector<db::Param>& params = {}) {
    long long out = -1;
    world->db->run_sync([&](soci::session& s) {
      db::query(s, text, params, [&](const db::Row& r) { out = r.null(0) ? -1 : r.integer(0); });
    });
    return out;
  }
  Figures board_figures() { return run(service->group(as(gareth, Role::member), north, board))->measures.total; }

  core::ManualClock clock{london_noon(2026, 12, 6)};
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<MeasuresService> service;
  long long north = 0, south = 0, tom = 0, gareth = 0, sian = 0, rhys = 0;
  long long board = 0, steering = 0, other = 0;
  int n = 0;
};

TEST_P(MeasuresOnBackend, AGroupsFiguresByMonth) {
  topic(north, board, london_noon(2026, 11, 2), london_noon(2026, 11, 4));   // 2 days
  topic(north, board, london_noon(2026, 11, 3), london_noon(2026, 11, 7));   // 4 days
  topic(north, board, london_noon(2026, 11, 5), london_noon(2026, 11, 14));  // 9 days
  topic(north, board, london_noon(2026, 11, 20), 0);
  topic(north, board, london_noon(2026, 12, 1), 0);
  topic(north, board, london_noon(2025, 11, 1), london_noon(2025, 11, 2));  // before the 12 months
  topic(north, steering, london_noon(2026, 11, 2), 0);                      // another group
  decision(board, london_noon(2026, 10, 1), 2, true);
  decision(board, london_noon(2026, 10, 9), 0, false);
  decision(board, london_noon(2026, 12, 2), std::nullopt,
           std::nullopt);                          // closed before its verdict was kept: met, none
  decision(board, 0, std::nullopt, std::nullopt);  // open: a contribution, not a decision
  const auto found = run(service->group(as(gareth, Role::member), north, board));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->verdict, policy::Verdict::allow);
  EXPECT_EQ(found->name, "Board");
  const auto& m = found->measures;
  // 5 topics and the 4 decisions themselves (proposals are contributions too); 3 answered, after 2, 4 and 9 days.
  EXPECT_EQ(m.total.contributions, 9);
  EXPECT_EQ(m.total.responded, 3);
  EXPECT_EQ(m.total.median_seconds, 4 * kDay);
  EXPECT_EQ(m.total.decisions, 3);
  EXPECT_EQ(m.total.with_lived, 1);
  EXPECT_EQ(m.total.rules_met, 2);
  ASSERT_EQ(m.months.size(), 12U);
  EXPECT_EQ(m.months[10].figures.contributions, 4);  // November
  EXPECT_EQ(m.months[10].figures.responded, 3);
  EXPECT_EQ(m.months[9].figures.decisions, 2);   // October
  EXPECT_EQ(m.months[11].figures.decisions, 1);  // December
}

TEST_P(MeasuresOnBackend, WhoSeesWhat) {
  topic(north, board, london_noon(2026, 11, 2), 0);
  topic(north, steering, london_noon(2026, 11, 2), london_noon(2026, 11, 3));
  topic(south, other, london_noon(2026, 11, 2), london_noon(2026, 11, 3));
  // A members-only group: not for a member outside it (404), for an organisation admin after two-step sign-in.
  EXPECT_EQ(run(service->group(as(tom, Role::facilitator), north, steering))->verdict, policy::Verdict::deny);
  EXPECT_EQ(run(service->group(as(sian, Role::org_admin), north, steering))->verdict, policy::Verdict::need_two_step);
  EXPECT_EQ(run(service->group(as(gareth, Role::member), north, steering))->verdict, policy::Verdict::allow);
  // Another organisation's group does not exist here.
  EXPECT_FALSE(run(service->group(as(gareth, Role::member), north, other)));
  // The organisation's: its facilitators add up the groups they may see; its admins every group; members nothing.
  const auto facilitator = run(service->organisation(as(tom, Role::facilitator), north));
  EXPECT_EQ(facilitator.verdict, policy::Verdict::allow);
  EXPECT_EQ(facilitator.groups, 1);
  EXPECT_EQ(facilitator.measures.total.contributions, 1);
  EXPECT_EQ(facilitator.measures.total.responded, 0);
  const auto admin = run(service->organisation(as(sian, Role::org_admin, true), north));
  EXPECT_EQ(admin.groups, 2);
  EXPECT_EQ(admin.measures.total.contributions, 2);
  EXPECT_EQ(admin.measures.total.responded, 1);
  EXPECT_EQ(run(service->organisation(as(sian, Role::org_admin), north)).verdict, policy::Verdict::need_two_step);
  EXPECT_EQ(run(service->organisation(as(gareth, Role::member), north)).verdict, policy::Verdict::deny);
  // Once Tom is in the members-only group, it counts towards his figures too.
  groups::GroupService(*world->db, clock)
      .add_member_now(north, steering, tom, groups::GroupRole::facilitator, clock.now_seconds());
  const auto in_it = run(service->organisation(as(tom, Role::facilitator), north));
  EXPECT_EQ(in_it.groups, 2);
  EXPECT_EQ(in_it.measures.total.contributions, 2);
}

TEST_P(MeasuresOnBackend, NothingYet) {
  const auto found = run(service->group(as(gareth, Role::member), north, board));
  ASSERT_TRUE(found);
  EXPECT_TRUE(found->measures.empty());
  EXPECT_EQ(found->measures.months.size(), 12U);
}

TEST_P(MeasuresOnBackend, TheFirstResponseIsKeptOnTheLoopItem) {
  topic(north, board, london_noon(2026, 11, 2),
        london_noon(2026, 11, 4));  // changes on the 5th, then the 4th: the 4th is the first
  const long long item = number("SELECT id FROM loop_items WHERE group_id = $1", {board});
  EXPECT_EQ(number("SELECT first_changed_at FROM loop_items WHERE id = $1", {item}), london_noon(2026, 11, 4));
  // Another change later does not move it; the measures still say 2 days.
  sql("INSERT INTO loop_changes (item_id, org_id, status, changed_at, change_key) VALUES ($1, $2, 'changed', $3, "
      "'later')",
      {item, north, london_noon(2026, 11, 20)});
  EXPECT_EQ(number("SELECT first_changed_at FROM loop_items WHERE id = $1", {item}), london_noon(2026, 11, 4));
  EXPECT_EQ(board_figures().median_seconds, 2 * kDay);
  // The loop item removed: the contribution has had no answer.
  sql("DELETE FROM loop_items WHERE id = $1", {item});
  const auto f = board_figures();
  EXPECT_EQ(f.contributions, 1);
  EXPECT_EQ(f.responded, 0);
  EXPECT_FALSE(f.median_seconds);
}

TEST_P(MeasuresOnBackend, EveryChangeShowsOnTheNextView) {
  topic(north, board, london_noon(2026, 11, 2), london_noon(2026, 11, 4));
  topic(north, board, london_noon(2026, 11, 3), 0);
  decision(board, london_noon(2026, 11, 10), 1, true);
  Figures f = board_figures();
  EXPECT_EQ(f.contributions, 3);
  EXPECT_EQ(f.responded, 1);
  EXPECT_EQ(f.decisions, 1);
  if (world->db->backend() == db::Backend::sqlite) {
    // Nothing changed: the next view reads the group and the version alone.
    const auto before = world->db->statements_run();
    EXPECT_EQ(board_figures(), f);
    EXPECT_EQ(world->db->statements_run() - before, 1U);
  }
  // Another server (its own figures kept) shares the database: what this one's views change shows on its next view.
  MeasuresService elsewhere(*world->db, clock);
  elsewhere.set_kinds(
      {{"topic", "loop.kind.topic", {}, "SELECT org_id, group_id, id, created_at FROM discussion_topics"},
       {"proposal", "loop.kind.proposal", {}, "SELECT org_id, group_id, id, created_at FROM decisions"}});
  auto theirs = [&] { return run(elsewhere.group(as(gareth, Role::member), north, board))->measures.total; };
  EXPECT_EQ(theirs(), f);
  // A new contribution.
  topic(north, board, london_noon(2026, 12, 1), 0);
  f = board_figures();
  EXPECT_EQ(f.contributions, 4);
  EXPECT_EQ(theirs(), f);
  // Its first status.
  const long long unanswered =
      number("SELECT id FROM discussion_topics WHERE created_at = $1", {london_noon(2026, 11, 3)});
  sql("INSERT INTO loop_items (org_id, group_id, kind, contribution_id, title, href, you_said, status, changed_at) "
      "VALUES ($1, $2, 'topic', $3, 'A topic', '/topics/2', 'x', 'under_way', $4)",
      {north, board, unanswered, london_noon(2026, 11, 9)});
  const long long item = number("SELECT id FROM loop_items WHERE contribution_id = $1", {unanswered});
  sql("INSERT INTO loop_changes (item_id, org_id, status, changed_at, change_key) VALUES ($1, $2, 'under_way', $3, "
      "'first')",
      {item, north, london_noon(2026, 11, 9)});
  f = board_figures();
  EXPECT_EQ(f.responded, 2);
  EXPECT_EQ(f.median_seconds, (2 * kDay + 6 * kDay) / 2);
  EXPECT_EQ(theirs(), f);
  // A decision closing, with its verdict kept.
  decision(board, 0, std::nullopt, std::nullopt);
  EXPECT_EQ(board_figures().contributions, 5);
  sql("UPDATE decisions SET closed_at = $1, lived_took_part = 0, rules_met = 0 WHERE closed_at IS NULL",
      {london_noon(2026, 12, 5)});
  f = board_figures();
  EXPECT_EQ(f.decisions, 2);
  EXPECT_EQ(f.with_lived, 1);
  EXPECT_EQ(f.rules_met, 1);
  EXPECT_EQ(theirs(), f);
  // A contribution deleted.
  sql("DELETE FROM discussion_topics WHERE created_at = $1", {london_noon(2026, 12, 1)});
  EXPECT_EQ(board_figures().contributions, 4);
  // The organisation's figures too.
  const auto admin = [&] { return run(service->organisation(as(sian, Role::org_admin, true), north)).measures.total; };
  EXPECT_EQ(admin().contributions, 4);
  topic(north, steering, london_noon(2026, 11, 2), 0);
  EXPECT_EQ(admin().contributions, 5);
}

TEST_P(MeasuresOnBackend, KeptFiguresFollowTheClock) {
  // A contribution dated after now (another server's clock ahead) counts from its own time; a new month moves the 12.
  topic(north, board, london_noon(2026, 12, 8), 0);
  topic(north, board, london_noon(2026, 1, 10), 0);
  auto figures = [&] { return run(service->group(as(gareth, Role::member), north, board))->measures; };
  EXPECT_EQ(figures().total.contributions, 1);
  clock.set(london_noon(2026, 12, 9));
  EXPECT_EQ(figures().total.contributions, 2);
  clock.set(london_noon(2027, 1, 2));
  const auto m = figures();
  EXPECT_EQ(m.total.contributions, 1);  // January 2026 has left the 12 months
  EXPECT_EQ(m.months.back().year, 2027);
}

INSTANTIATE_TEST_SUITE_P(Backends, MeasuresOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::measures
