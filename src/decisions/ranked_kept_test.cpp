// A closed ranked-choice poll's count is kept (ADR 0037, migration 0053), on both databases: closing keeps the rounds
// the ballots give (a winner, several rounds with ballots no longer counted, a tie, a tie broken by an earlier round,
// no ballots); the page shows the kept rounds without reading a ballot; a poll closed with none kept (before the
// migration, or in SQL) is counted on its first view and kept then, once; open and withdrawn polls show no count.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "db/query.hpp"
#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"
#include "decisions/decision_service.hpp"
#include "decisions/decision_store.hpp"
#include "decisions/results.hpp"
#include "decisions/tally.hpp"
#include "groups/group_service.hpp"
#include "testing/world.hpp"

namespace roundtable::decisions {
namespace {

using db::testing::run;
using organisations::Role;

using core::kDay;

/// Ballots as positions in the poll's options (0: the first option), from the 1st choice down.
using Ballots = std::vector<std::vector<int>>;

void expect_same(const tally::RankedResult& kept, const tally::RankedResult& counted, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_EQ(kept.rounds.size(), counted.rounds.size());
  for (std::size_t i = 0; i < kept.rounds.size(); ++i) {
    SCOPED_TRACE("round " + std::to_string(i + 1));
    EXPECT_EQ(kept.rounds[i].counts, counted.rounds[i].counts);
    EXPECT_EQ(kept.rounds[i].exhausted, counted.rounds[i].exhausted);
    EXPECT_EQ(kept.rounds[i].eliminated, counted.rounds[i].eliminated);
    EXPECT_EQ(kept.rounds[i].why, counted.rounds[i].why);
  }
  EXPECT_EQ(kept.winner, counted.winner);
  EXPECT_EQ(kept.tied, counted.tied);
}

class RankedKeptOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    world = std::make_unique<roundtable::testing::World>(GetParam());
    north = world->organisation("north", "North Carers");
    tom = world->member("north", "tom@example.org", "Tom", Role::facilitator);
    groups = std::make_unique<groups::GroupService>(*world->db, clock);
    groups::GroupDetails g;
    g.name = "Steering group";
    g.purpose = "Steers.";
    board = run(groups->create_group(north, tom, g, "board-key-123456789"));
    service = std::make_unique<DecisionService>(*world->db, clock);
  }

  /// An open anonymous (or named) ranked-choice poll of four options, with these ballots written as the store keeps
  /// them; returns its id.
  long long poll_with(const Ballots& ballots, const std::string& key, bool anonymous = true) {
    ProposalDetails d;
    d.title = "Pick a venue";
    d.body = "Put them in order.";
    d.process = Process::ranked_choice;
    d.anonymous = anonymous;
    d.closes_at = clock.now_seconds() + 7 * kDay;
    d.options = {{0, "Library", ""}, {0, "Town hall", ""}, {0, "Online", ""}, {0, "Cafe", ""}};
    const long long id = run(service->propose({tom, Role::facilitator, false}, north, board, d, key));
    const auto o = options(id);
    world->db->run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      for (std::size_t b = 0; b < ballots.size(); ++b) {
        long long rank = 0;
        for (int i : ballots[b]) {
          db::query(s, "INSERT INTO decision_ballots (decision_id, ballot, option_id, value) VALUES ($1, $2, $3, $4)",
                    {id, "a" + std::to_string(b), o[static_cast<std::size_t>(i)].id, ++rank});
        }
      }
      tx.commit();
    });
    return id;
  }

  std::vector<Option> options(long long id) {
    return run(service->page(north, id, tom))->view.proposal.details.options;
  }

  /// instant_runoff over the ballots with the poll's option ids.
  tally::RankedResult counted(long long id, const Ballots& ballots) {
    std::vector<tally::OptionId> ids;
    for (const auto& o : options(id)) ids.push_back(o.id);
    std::vector<std::vector<tally::OptionId>> b;
    for (const auto& ballot : ballots) {
      b.emplace_back();
      for (int i : ballot) b.back().push_back(ids[static_cast<std::size_t>(i)]);
    }
    return tally::instant_runoff(ids, b);
  }

  void sql(const std::string& statement) {
    world->db->run_sync([&](soci::session& s) { db::query(s, statement, std::span<const db::Param>{}); });
  }

  long long kept_rows(long long id) {
    const std::string d = std::to_string(id);
    return world->count("decision_ranked_results WHERE decision_id = " + d) +
           world->count("decision_rounds WHERE decision_id = " + d) +
           world->count("decision_round_counts WHERE decision_id = " + d);
  }

  void forget_kept(long long id) {
    const std::string d = std::to_string(id);
    sql("DELETE FROM decision_round_counts WHERE decision_id = " + d);
    sql("DELETE FROM decision_rounds WHERE decision_id = " + d);
    sql("DELETE FROM decision_ranked_results WHERE decision_id = " + d);
  }

  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<DecisionService> service;
  long long north = 0, tom = 0, board = 0;
};

TEST_P(RankedKeptOnBackend, ClosingKeepsTheRoundsTheBallotsGiveAndThePageReadsNoBallot) {
  struct Case {
    std::string name;
    Ballots ballots;
    std::size_t rounds;
  };
  // Options: 0 Library, 1 Town hall, 2 Online, 3 Cafe.
  const std::vector<Case> cases{
      {"a winner in the first round", {{0}, {0}, {0, 1}, {1}}, 1},
      // Cafe out; its ballot goes to Town hall; Online out, one of its ballots ranks nothing else: Town hall wins.
      {"three rounds with a ballot no longer counted", {{0}, {0}, {0}, {1, 2}, {1}, {2, 1}, {2}, {3, 1}}, 3},
      // Online and Cafe have none: both out; Library and Town hall tie.
      {"a tie", {{0}, {1}}, 2},
      // Cafe out, then Town hall and Online tie at 3 but Online had fewer in round 1: Online out; Library wins.
      {"a tie at the bottom broken by an earlier round", {{0}, {0}, {0}, {0}, {1}, {1}, {1}, {2}, {2}, {3, 2}}, 3},
      {"no ballots", {}, 0},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const long long id = poll_with(c.ballots, "ranked-key-" + std::to_string(++n) + "-1234567890");
    const auto expected = counted(id, c.ballots);
    ASSERT_EQ(expected.rounds.size(), c.rounds);
    EXPECT_EQ(kept_rows(id), 0);
    EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, id)), Change::done);
    EXPECT_EQ(world->count("decision_ranked_results WHERE decision_id = " + std::to_string(id)), 1);
    // The page reads the kept rows: with every ballot gone it shows the same rounds.
    sql("DELETE FROM decision_ballots WHERE decision_id = " + std::to_string(id));
    const auto page = run(service->page(north, id, tom));
    ASSERT_TRUE(page);
    ASSERT_TRUE(page->ranked);
    EXPECT_FALSE(page->ranked_to_keep);
    EXPECT_EQ(page->ranked->ballots, static_cast<long long>(c.ballots.size()));
    expect_same(page->ranked->result, expected, c.name);
  }
  // The cases cover what the page says: ballots no longer counted, each reason to go out, a winner and a tie.
  const auto shapes = [&](const char* where) { return world->count(std::string("decision_rounds WHERE ") + where); };
  EXPECT_GT(shapes("exhausted > 0"), 0);
  EXPECT_GT(shapes("why = 'fewest'"), 0);
  EXPECT_GT(shapes("why = 'earlier_round'"), 0);
  EXPECT_GT(shapes("why = 'all_tied'"), 0);
  EXPECT_EQ(world->count("decision_round_counts WHERE tied = 1"), 2);
}

TEST_P(RankedKeptOnBackend, AClosedPollWithNoKeptCountIsCountedOnItsFirstViewAndKeptOnce) {
  const Ballots ballots{{0}, {0}, {0}, {1, 2}, {1}, {2, 1}, {2}, {3, 1}};
  // Closed before migration 0053: closed, then its kept count gone.
  const long long before = poll_with(ballots, "ranked-before-1234567890");
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, before)), Change::done);
  const long long kept = kept_rows(before);
  forget_kept(before);
  // Made closed in SQL, as bench/run.sh does (named this time).
  const long long made = poll_with(ballots, "ranked-made-1234567890", false);
  sql("UPDATE decisions SET closed_at = " + std::to_string(clock.now_seconds()) +
      ", outcome = 'chosen' WHERE id = " + std::to_string(made));
  for (const long long id : {before, made}) {
    SCOPED_TRACE(id == before ? "closed before" : "made in SQL");
    EXPECT_EQ(kept_rows(id), 0);
    const auto first = run(service->page(north, id, tom));
    ASSERT_TRUE(first && first->ranked);
    EXPECT_TRUE(first->ranked_to_keep);
    EXPECT_EQ(first->ranked->ballots, 8);
    expect_same(first->ranked->result, counted(id, ballots), "first view");
    EXPECT_EQ(kept_rows(id), kept);
    // Later views read what was kept: no ballot is needed, and nothing more is written.
    sql("DELETE FROM decision_ballots WHERE decision_id = " + std::to_string(id));
    const auto later = run(service->page(north, id, tom));
    ASSERT_TRUE(later && later->ranked);
    EXPECT_FALSE(later->ranked_to_keep);
    EXPECT_EQ(later->ranked->ballots, 8);
    expect_same(later->ranked->result, counted(id, ballots), "later view");
    EXPECT_EQ(kept_rows(id), kept);
  }
  // Two servers keeping it at once: the second finds it kept, writes nothing and nothing fails.
  const RankedCount other{{}, 99};
  const bool again = world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const bool wrote = store::keep_ranked(s, made, other, clock.now_seconds());
    tx.commit();
    return wrote;
  });
  EXPECT_FALSE(again);
  EXPECT_EQ(kept_rows(made), kept);
  EXPECT_EQ(run(service->page(north, made, tom))->ranked->ballots, 8);
}

TEST_P(RankedKeptOnBackend, OpenAndWithdrawnPollsShowNoCountAndKeepNone) {
  const Ballots ballots{{0}, {1, 0}, {0}};
  const long long open = poll_with(ballots, "ranked-open-1234567890");
  auto page = run(service->page(north, open, tom));
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->ranked);  // no live counts (ADR 0029)
  const long long withdrawn = poll_with(ballots, "ranked-withdrawn-1234567890");
  EXPECT_EQ(run(service->withdraw({tom, Role::member, false}, north, withdrawn)), Change::done);
  page = run(service->page(north, withdrawn, tom));
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->ranked);
  // Past its closing time but not yet closed by the due worker: counted for the view, kept only when it closes.
  clock.advance(std::chrono::seconds(8 * kDay));
  page = run(service->page(north, open, tom));
  ASSERT_TRUE(page && page->ranked);
  EXPECT_FALSE(page->ranked_to_keep);
  EXPECT_EQ(page->ranked->result.winner, options(open)[0].id);
  EXPECT_EQ(kept_rows(open), 0);
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  EXPECT_EQ(world->count("decision_ranked_results WHERE decision_id = " + std::to_string(open)), 1);
  EXPECT_EQ(kept_rows(withdrawn), 0);
  expect_same(run(service->page(north, open, tom))->ranked->result, counted(open, ballots), "closed by the worker");
}

INSTANTIATE_TEST_SUITE_P(Backends, RankedKeptOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::decisions
