// Who took part in a closed decision, by member types, is kept (ADR 0037, migration 0055), on both databases: closing
// (early, by the due worker, or the demo's close_now) and withdrawing keep what participant_types gives, for polls and
// consent alike, and "nobody took part" too; the page shows the kept counts with every voter's row gone; a decision
// closed with none kept (before the migration, or in SQL) is counted on its first view and kept then, once; an open
// one, or one past its closing time that the due worker has not closed yet, is counted live and keeps nothing. A
// simple poll's, dot vote's and score poll's counts by option are kept the same way.
#include <gtest/gtest.h>

#include <algorithm>
#include <span>
#include <string>
#include <tuple>
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
using organisations::MemberType;
using organisations::Role;

using core::kDay;

using Types = std::vector<std::pair<std::vector<MemberType>, long long>>;

/// Who took part as stored: 3 lived experience, 2 carers with lived experience, 2 staff (one with a type this version
/// does not know, the same set once read), 1 partner who is staff too, 2 of no type.
const std::vector<std::string> kVoters{"lived_experience",
                                       "lived_experience",
                                       "lived_experience",
                                       "unpaid_carer,lived_experience",
                                       "unpaid_carer,lived_experience",
                                       "staff",
                                       "staff,no_such_type",
                                       "partner_organisation,staff",
                                       "",
                                       ""};
/// The sets of member types among kVoters, as kept (the two spellings of "staff" are one set).
constexpr long long kKeptSets = 5;

/// What the page shows from them: the people of each type and of none, and the verdict under `rules`.
void expect_same(const Types& shown, const Types& counted, const power::Rules& rules, const std::string& what) {
  SCOPED_TRACE(what);
  const auto a = count_types(shown);
  const auto b = count_types(counted);
  EXPECT_EQ(a.people, b.people);
  EXPECT_EQ(a.no_type, b.no_type);
  EXPECT_EQ(a.by_type, b.by_type);
  EXPECT_EQ(lived_experience_count(rules, shown), lived_experience_count(rules, counted));
  EXPECT_EQ(verdict_of(rules, shown, 0).valid(), verdict_of(rules, counted, 0).valid());
}

class TypesKeptOnBackend : public ::testing::TestWithParam<std::string> {
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
    // At least 6 lived-experience members, carers counting: 5 take part, so the verdict depends on every count.
    rules.at_least_lived_experience = 6;
    rules.carers_count = true;
    EXPECT_EQ(run(service->save_rules({tom, Role::facilitator, false}, north, board, rules)), Change::done);
  }

  /// An open simple poll or consent proposal with these voters (member types as stored); returns its id.
  long long proposal(Process process, const std::string& key, const std::vector<std::string>& voters = kVoters) {
    ProposalDetails d;
    d.title = "Meet in the evening";
    d.body = "Board meetings start at six.";
    d.process = process;
    d.closes_at = clock.now_seconds() + 7 * kDay;
    if (process != Process::consent) d.options = {{0, "Yes", ""}, {0, "No", ""}};
    const long long id = run(service->propose({tom, Role::facilitator, false}, north, board, d, key));
    add_voters(id, voters, 0);
    return id;
  }

  void add_voters(long long id, const std::vector<std::string>& voters, long long first) {
    world->db->run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      for (std::size_t i = 0; i < voters.size(); ++i) {
        db::query(s,
                  "INSERT INTO decision_voters (decision_id, org_id, user_id, member_types, voted_at) VALUES ($1, $2, "
                  "$3, $4, $5)",
                  {id, north, 1000000 + first + static_cast<long long>(i), voters[i], clock.now_seconds()});
      }
      tx.commit();
    });
  }

  Types live(long long id) {
    return world->db->run_sync([&](soci::session& s) { return store::participant_types(s, id); });
  }

  void sql(const std::string& statement) {
    world->db->run_sync([&](soci::session& s) { db::query(s, statement, std::span<const db::Param>{}); });
  }

  long long kept_rows(long long id) {
    return world->count("decision_type_counts WHERE decision_id = " + std::to_string(id));
  }
  bool kept(long long id) {
    return world->count("decisions WHERE types_kept_at IS NOT NULL AND id = " + std::to_string(id)) == 1;
  }
  long long kept_at(long long id) {
    return world->db->run_sync([&](soci::session& s) {
      long long at = 0;
      db::query(s, "SELECT types_kept_at FROM decisions WHERE id = $1", {id},
                [&](const db::Row& r) { at = r.integer(0); });
      return at;
    });
  }
  void forget_kept(long long id) {
    sql("DELETE FROM decision_type_counts WHERE decision_id = " + std::to_string(id));
    sql("UPDATE decisions SET types_kept_at = NULL WHERE id = " + std::to_string(id));
  }
  void forget_voters(long long id) { sql("DELETE FROM decision_voters WHERE decision_id = " + std::to_string(id)); }

  core::ManualClock clock;
  std::unique_ptr<roundtable::testing::World> world;
  std::unique_ptr<groups::GroupService> groups;
  std::unique_ptr<DecisionService> service;
  power::Rules rules;
  long long north = 0, tom = 0, board = 0;
};

TEST_P(TypesKeptOnBackend, ClosingKeepsWhoTookPartAndThePageShowsItWithEveryVoterGone) {
  enum class Close { early, due_worker, demo, withdraw };
  struct Case {
    std::string name;
    Process process;
    Close how;
    std::vector<std::string> voters;
  };
  const std::vector<Case> cases{
      {"a poll closed early", Process::simple_poll, Close::early, kVoters},
      {"consent closed by the due worker", Process::consent, Close::due_worker, kVoters},
      {"a poll closed by the demo", Process::simple_poll, Close::demo, kVoters},
      {"a withdrawn poll", Process::simple_poll, Close::withdraw, kVoters},
      {"a poll nobody took part in", Process::simple_poll, Close::early, {}},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const long long id = proposal(c.process, "types-key-" + std::to_string(++n) + "-1234567890", c.voters);
    const Types counted = live(id);
    EXPECT_FALSE(kept(id));
    const Who who{tom, Role::member, false};
    switch (c.how) {
      case Close::early: EXPECT_EQ(run(service->close_early(who, north, id)), Change::done); break;
      case Close::due_worker:
        clock.advance(std::chrono::seconds(8 * kDay));
        EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
        break;
      case Close::demo: service->close_now(id, clock.now_seconds()); break;
      case Close::withdraw: EXPECT_EQ(run(service->withdraw(who, north, id)), Change::done); break;
    }
    EXPECT_TRUE(kept(id));
    EXPECT_EQ(kept_rows(id), c.voters.empty() ? 0 : kKeptSets);
    // The page reads the kept rows: with every voter's row gone (a person erased later) it shows the same counts.
    forget_voters(id);
    const auto page = run(service->page(north, id, tom));
    ASSERT_TRUE(page);
    EXPECT_FALSE(page->types_to_keep);
    EXPECT_EQ(count_types(page->types).people, static_cast<long long>(c.voters.size()));
    expect_same(page->types, counted, rules, c.name);
  }
}

TEST_P(TypesKeptOnBackend, KeptCountsSayWhatTheVotersRowsSaid) {
  const long long id = proposal(Process::simple_poll, "types-words-1234567890");
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, id)), Change::done);
  forget_voters(id);
  const auto c = count_types(run(service->page(north, id, tom))->types);
  EXPECT_EQ(c.people, 10);
  EXPECT_EQ(c.of(MemberType::lived_experience), 5);
  EXPECT_EQ(c.of(MemberType::unpaid_carer), 2);
  EXPECT_EQ(c.of(MemberType::staff), 3);
  EXPECT_EQ(c.of(MemberType::partner_organisation), 1);
  EXPECT_EQ(c.no_type, 2);
  // The verdict the measures keep agrees: 5 lived-experience members took part, the rule needed 6.
  EXPECT_EQ(world->count("decisions WHERE lived_took_part = 5 AND rules_met = 0 AND id = " + std::to_string(id)), 1);
}

TEST_P(TypesKeptOnBackend, AClosedDecisionWithNoneKeptIsCountedOnItsFirstViewAndKeptOnce) {
  // Closed before migration 0055: closed, then its kept counts gone.
  const long long before = proposal(Process::simple_poll, "types-before-1234567890");
  EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, before)), Change::done);
  forget_kept(before);
  // Made closed in SQL, as bench/run.sh does: a consent proposal, and a poll nobody took part in.
  const long long made = proposal(Process::consent, "types-made-1234567890");
  const long long empty = proposal(Process::simple_poll, "types-empty-1234567890", {});
  for (const long long id : {made, empty}) {
    sql("UPDATE decisions SET closed_at = " + std::to_string(clock.now_seconds()) +
        ", outcome = 'passed' WHERE id = " + std::to_string(id));
  }
  for (const long long id : {before, made, empty}) {
    SCOPED_TRACE(id == before ? "closed before" : id == made ? "made in SQL" : "nobody took part");
    const Types counted = live(id);
    EXPECT_FALSE(kept(id));
    const auto first = run(service->page(north, id, tom));
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->types_to_keep);
    expect_same(first->types, counted, rules, "first view");
    EXPECT_TRUE(kept(id));
    const long long rows = kept_rows(id);
    EXPECT_EQ(rows, id == empty ? 0 : kKeptSets);
    // Later views read what was kept: no voter's row is needed, and nothing more is written.
    const long long at = kept_at(id);
    clock.advance(std::chrono::seconds(60));
    forget_voters(id);
    const auto later = run(service->page(north, id, tom));
    ASSERT_TRUE(later);
    EXPECT_FALSE(later->types_to_keep);
    expect_same(later->types, counted, rules, "later view");
    EXPECT_EQ(kept_rows(id), rows);
    EXPECT_EQ(kept_at(id), at);
  }
  // Two servers keeping it at once: the second finds it kept, writes nothing and nothing fails.
  const bool again = world->db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    const bool wrote = store::keep_types(s, made, {{{MemberType::staff}, 99}}, clock.now_seconds());
    tx.commit();
    return wrote;
  });
  EXPECT_FALSE(again);
  EXPECT_EQ(kept_rows(made), kKeptSets);
  EXPECT_EQ(count_types(run(service->page(north, made, tom))->types).people, 10);
}

TEST_P(TypesKeptOnBackend, AnOpenDecisionIsCountedLiveAndKeepsNothingUntilItCloses) {
  const long long id = proposal(Process::simple_poll, "types-open-1234567890", {"staff"});
  auto page = run(service->page(north, id, tom));
  ASSERT_TRUE(page);
  EXPECT_EQ(count_types(page->types).people, 1);
  add_voters(id, {"lived_experience"}, 1);
  page = run(service->page(north, id, tom));
  EXPECT_EQ(count_types(page->types).people, 2);
  EXPECT_FALSE(page->types_to_keep);
  // Past its closing time but not yet closed by the due worker: counted for the view, kept only when it closes.
  clock.advance(std::chrono::seconds(8 * kDay));
  add_voters(id, {""}, 2);
  page = run(service->page(north, id, tom));
  EXPECT_EQ(count_types(page->types).people, 3);
  EXPECT_FALSE(page->types_to_keep);
  EXPECT_FALSE(kept(id));
  EXPECT_EQ(service->close_due(clock.now_seconds()), 1);
  EXPECT_TRUE(kept(id));
  EXPECT_EQ(kept_rows(id), 3);
  forget_voters(id);
  EXPECT_EQ(count_types(run(service->page(north, id, tom))->types).people, 3);
}

/// A closed poll's counts by option as the page uses them (a simple poll's totals as value 1), in a fixed order.
std::vector<std::tuple<long long, long long, long long>> by_option(const DecisionPage& page) {
  std::vector<std::tuple<long long, long long, long long>> out;
  for (const auto& t : page.totals) out.emplace_back(t.option_id, 1, t.ballots);
  for (const auto& c : page.sums) out.emplace_back(c.option_id, c.value, c.rows);
  std::sort(out.begin(), out.end());
  return out;
}

TEST_P(TypesKeptOnBackend, APollsCountsByOptionAreKeptAtClosingAndOnTheFirstViewOfOneClosedWithNone) {
  struct Case {
    std::string name;
    Process process;
    /// Ballot rows: ballot, option (its position), value.
    std::vector<std::tuple<int, int, int>> rows;
  };
  const std::vector<Case> cases{
      {"a simple poll", Process::simple_poll, {{0, 0, 1}, {1, 0, 1}, {2, 1, 1}}},
      {"a dot vote", Process::dot_vote, {{0, 0, 3}, {0, 1, 2}, {1, 1, 3}, {1, 2, 1}, {2, 1, 3}}},
      {"a score poll", Process::score, {{0, 0, 3}, {0, 1, 0}, {0, 2, 1}, {1, 0, 2}, {1, 1, 3}, {1, 2, 1}}},
      {"a poll nobody voted in", Process::simple_poll, {}},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    ProposalDetails d;
    d.title = "Pick a venue";
    d.body = "Choose.";
    d.process = c.process;
    d.closes_at = clock.now_seconds() + 7 * kDay;
    d.options = {{0, "Library", ""}, {0, "Town hall", ""}, {0, "Online", ""}};
    d.dot_budget = 5;
    d.dot_most = 3;
    d.score_highest = 3;
    const std::string key = "counts-key-" + std::to_string(++n) + "-1234567890";
    const long long id = run(service->propose({tom, Role::facilitator, false}, north, board, d, key));
    const auto o = run(service->page(north, id, tom))->view.proposal.details.options;
    world->db->run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      for (const auto& [ballot, option, value] : c.rows) {
        db::query(
            s, "INSERT INTO decision_ballots (decision_id, ballot, option_id, value) VALUES ($1, $2, $3, $4)",
            {id, "a" + std::to_string(ballot), o[static_cast<std::size_t>(option)].id, static_cast<long long>(value)});
      }
      tx.commit();
    });
    const std::string where = "decisions WHERE options_kept_at IS NOT NULL AND id = " + std::to_string(id);
    const std::string rows = "decision_option_counts WHERE decision_id = " + std::to_string(id);
    EXPECT_EQ(run(service->close_early({tom, Role::member, false}, north, id)), Change::done);
    EXPECT_EQ(world->count(where), 1);
    const auto kept_rows = world->count(rows);
    EXPECT_EQ(kept_rows == 0, c.rows.empty());
    // Closed before migration 0055: the first view adds up every ballot, and keeps the counts.
    sql("DELETE FROM " + rows);
    sql("UPDATE decisions SET options_kept_at = NULL WHERE id = " + std::to_string(id));
    const auto first = run(service->page(north, id, tom));
    ASSERT_TRUE(first);
    EXPECT_TRUE(first->counts_to_keep);
    EXPECT_EQ(world->count(where), 1);
    EXPECT_EQ(world->count(rows), kept_rows);
    // Later views read the kept counts: the same with every ballot gone, and nothing more is written.
    sql("DELETE FROM decision_ballots WHERE decision_id = " + std::to_string(id));
    const auto later = run(service->page(north, id, tom));
    ASSERT_TRUE(later);
    EXPECT_FALSE(later->counts_to_keep);
    EXPECT_EQ(by_option(*later), by_option(*first));
    EXPECT_EQ(by_option(*later).size(), static_cast<std::size_t>(kept_rows));
    if (c.process == Process::simple_poll && !c.rows.empty()) {
      const auto r = count_poll(later->view.proposal.details.options, later->totals);
      EXPECT_EQ(r.ballots, 3);
      EXPECT_EQ(r.options[0].votes, 2);
    }
    if (c.process == Process::dot_vote) {
      EXPECT_EQ(dots_of(later->view.proposal.details.options, later->sums).top, std::vector<tally::OptionId>{o[1].id});
    }
    // Two servers keeping it at once: the second writes nothing.
    const bool again = world->db->run_sync([&](soci::session& s) {
      db::WriteTransaction tx(s);
      const bool wrote = store::keep_option_counts(s, id, {{o[0].id, 1, 99}}, clock.now_seconds());
      tx.commit();
      return wrote;
    });
    EXPECT_FALSE(again);
    EXPECT_EQ(world->count(rows), kept_rows);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TypesKeptOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::decisions
