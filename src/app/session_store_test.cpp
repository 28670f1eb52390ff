#include "app/session_store.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <string>

#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"

namespace roundtable::app {
namespace {

using db::testing::run;
using db::testing::run_void;

void add_user(soci::session& s, long long id, const std::string& email) {
  s << "INSERT INTO users (id, email, name, created_at, updated_at) VALUES (:id, :email, 'Mair', 0, 0)", soci::use(id),
      soci::use(email);
}

class SessionStoreOnBackend : public ::testing::TestWithParam<std::string> {};

TEST_P(SessionStoreOnBackend, SavesLoadsUpdatesAndExpires) {
  auto db = db::testing::fresh_database(GetParam());
  DbSessionStore store(*db);
  http::SessionData s;
  s.id = "abc";
  s.lang = core::Lang::cy;
  s.expires_at = std::chrono::system_clock::now() + std::chrono::hours(1);
  run_void(store.save(s));
  auto loaded = run(store.load("abc"));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->lang, core::Lang::cy);
  EXPECT_FALSE(loaded->user_id);

  s.lang = core::Lang::en;
  s.user_id = 42;
  run_void(store.save(s));
  loaded = run(store.load("abc"));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->lang, core::Lang::en);
  EXPECT_EQ(loaded->user_id, 42);

  EXPECT_FALSE(run(store.load("unknown")));
  // A row past expires_at still loads (the pipeline decides whether a session has ended) until it is purged.
  s.id = "old";
  s.expires_at = std::chrono::system_clock::now() - std::chrono::seconds(5);
  run_void(store.save(s));
  EXPECT_TRUE(run(store.load("old")));
  EXPECT_EQ(store.purge_expired(), 1);
  EXPECT_FALSE(run(store.load("old")));
}

TEST_P(SessionStoreOnBackend, KeepsWhenASessionBeganAndWasLastUsedAndTouchNeverBringsOneBack) {
  auto db = db::testing::fresh_database(GetParam());
  DbSessionStore store(*db);
  using std::chrono::seconds;
  const std::chrono::system_clock::time_point t0(seconds(1'767'225'600));
  http::SessionData s{.id = "laptop", .user_id = 42};
  s.created_at = t0;
  s.last_seen_at = t0 + seconds(10);
  s.expires_at = t0 + seconds(100);
  run_void(store.save(s));
  auto loaded = run(store.load("laptop"));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->created_at, t0);
  EXPECT_EQ(loaded->last_seen_at, t0 + seconds(10));
  EXPECT_EQ(loaded->expires_at, t0 + seconds(100));

  run_void(store.touch("laptop", t0 + seconds(500), t0 + seconds(900)));
  loaded = run(store.load("laptop"));
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->created_at, t0);
  EXPECT_EQ(loaded->last_seen_at, t0 + seconds(500));
  EXPECT_EQ(loaded->expires_at, t0 + seconds(900));
  EXPECT_EQ(loaded->user_id, 42);

  // Signed out meanwhile: a late touch does not sign the person back in.
  run_void(store.remove("laptop"));
  run_void(store.touch("laptop", t0 + seconds(600), t0 + seconds(1000)));
  EXPECT_FALSE(run(store.load("laptop")));
}

TEST_P(SessionStoreOnBackend, LoadsTheSessionAndItsPersonInOneDatabaseHop) {
  auto db = db::testing::fresh_database(GetParam());
  std::vector<long long> asked;
  DbSessionStore store(*db, [&](soci::session&, long long user_id) -> std::optional<http::Principal> {
    asked.push_back(user_id);
    if (user_id != 42) return std::nullopt;  // an account that no longer exists
    http::Principal p;
    p.user_id = user_id;
    p.name = "Mair";
    return p;
  });
  db->run_sync([](soci::session& s) { add_user(s, 42, "mair@example.org"); });
  const auto later = std::chrono::system_clock::now() + std::chrono::hours(1);
  run_void(store.save({.id = "signed-in", .user_id = 42, .expires_at = later}));
  run_void(store.save({.id = "gone", .user_id = 7, .expires_at = later}));
  run_void(store.save({.id = "anonymous", .lang = core::Lang::cy, .expires_at = later}));
  const auto before = db->stats().acquired_total;

  auto signed_in = run(store.load_with_principal("signed-in", nullptr));
  ASSERT_TRUE(signed_in.session);
  ASSERT_TRUE(signed_in.principal);
  EXPECT_EQ(signed_in.principal->name, "Mair");
  // PostgreSQL: one hop to the database threads for both; SQLite: none (read on the caller's thread).
  EXPECT_EQ(db->stats().acquired_total - before, GetParam() == "sqlite" ? 0u : 1u);

  auto gone = run(store.load_with_principal("gone", nullptr));
  EXPECT_TRUE(gone.session);
  EXPECT_FALSE(gone.principal);
  auto anonymous = run(store.load_with_principal("anonymous", nullptr));
  ASSERT_TRUE(anonymous.session);
  EXPECT_EQ(anonymous.session->lang, core::Lang::cy);
  EXPECT_FALSE(anonymous.principal);
  EXPECT_FALSE(run(store.load_with_principal("unknown", nullptr)).session);
  EXPECT_EQ(asked, (std::vector<long long>{42})) << "the person is read only for a session that names one who exists";
}

TEST_P(SessionStoreOnBackend, KeepsThePersonUntilAnythingTheyAreMadeOfChanges) {
  // What a person is made of (name, email, language, password, platform admin, memberships and their roles, member
  // types, two-step sign-in, their organisations' names, addresses and logos) moves users.principal_stamp through
  // database triggers (migration 0024); a kept person is used only while the stamp is the one read with the session.
  auto db = db::testing::fresh_database(GetParam());
  int reads = 0;
  DbSessionStore store(*db, [&](soci::session&, long long user_id) -> std::optional<http::Principal> {
    ++reads;
    http::Principal p;
    p.user_id = user_id;
    return p;
  });
  db->run_sync([](soci::session& s) {
    add_user(s, 42, "mair@example.org");
    add_user(s, 43, "tom@example.org");
    s << "INSERT INTO organisations (id, slug, name, created_at, updated_at) VALUES (5, 'north', 'North', 0, 0)";
    s << "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (5, 43, 'member', 0)";
  });
  run_void(store.save(
      {.id = "mair", .user_id = 42, .expires_at = std::chrono::system_clock::now() + std::chrono::hours(1)}));
  auto load = [&] {
    auto loaded = run(store.load_with_principal("mair", nullptr));
    EXPECT_TRUE(loaded.principal);
  };
  load();
  load();
  load();
  EXPECT_EQ(reads, 1) << "the person was read again though nothing changed";

  struct Change {
    const char* what;
    const char* sql;
    bool moves;
  };
  const Change changes[] = {
      {"name", "UPDATE users SET name = 'Mair Jones' WHERE id = 42", true},
      {"language", "UPDATE users SET lang = 'cy' WHERE id = 42", true},
      {"email", "UPDATE users SET email = 'mair@example.com' WHERE id = 42", true},
      {"password", "UPDATE users SET password_hash = 'x' WHERE id = 42", true},
      {"platform admin", "UPDATE users SET platform_admin = 1 WHERE id = 42", true},
      {"when the account was last changed", "UPDATE users SET updated_at = 9 WHERE id = 42", false},
      {"someone else's name", "UPDATE users SET name = 'Tom Evans' WHERE id = 43", false},
      {"joining an organisation",
       "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (5, 42, "
       "'member', 0)",
       true},
      {"a role", "UPDATE memberships SET role = 'org_admin' WHERE org_id = 5 AND user_id = 42", true},
      {"a member type", "INSERT INTO member_types (org_id, user_id, type) VALUES (5, 42, 'unpaid_carer')", true},
      {"someone else's member type", "INSERT INTO member_types (org_id, user_id, type) VALUES (5, 43, 'staff')", false},
      {"a member type taken away", "DELETE FROM member_types WHERE org_id = 5 AND user_id = 42", true},
      {"two-step sign-in set up", "INSERT INTO two_step (user_id, secret, created_at) VALUES (42, 's', 0)", true},
      {"two-step sign-in turned on", "UPDATE two_step SET enabled_at = 1 WHERE user_id = 42", true},
      {"a code used", "UPDATE two_step SET last_step = 7 WHERE user_id = 42", false},
      {"two-step sign-in turned off", "DELETE FROM two_step WHERE user_id = 42", true},
      {"the organisation's name", "UPDATE organisations SET name = 'North Wales' WHERE id = 5", true},
      {"the organisation's address", "UPDATE organisations SET slug = 'north-wales' WHERE id = 5", true},
      {"the organisation's sign-up", "UPDATE organisations SET signup_mode = 'open' WHERE id = 5", false},
      {"leaving the organisation", "DELETE FROM memberships WHERE org_id = 5 AND user_id = 42", true},
      {"the organisation's name, once left", "UPDATE organisations SET name = 'Gogledd' WHERE id = 5", false},
  };
  for (const auto& c : changes) {
    db->run_sync([&](soci::session& s) { s << c.sql; });
    const int before = reads;
    load();
    EXPECT_EQ(reads - before, c.moves ? 1 : 0) << c.what;
    load();
    EXPECT_EQ(reads - before, c.moves ? 1 : 0) << c.what << ": read again though nothing changed since";
  }

  // An account that is gone has no person, kept or not.
  db->run_sync([](soci::session& s) { s << "DELETE FROM users WHERE id = 42"; });
  EXPECT_FALSE(run(store.load_with_principal("mair", nullptr)).principal);
}

// Every signed-in request reads its session with the person's stamp and unread counts: by key, whoever signs in. As a
// join, PostgreSQL once planned a merge along the users' index up to the person (10 ms a request for the 10,000th to
// join); SQLite, with few unread counts, scanned them all.
TEST_P(SessionStoreOnBackend, TheSignedInReadFindsEachRowByKeyWhoeverSignsIn) {
  auto db = db::testing::fresh_database(GetParam());
  constexpr long long kPeople = 3000;
  db->run_sync([&](soci::session& s) {
    db::WriteTransaction tx(s);
    for (long long id = 1; id <= kPeople; ++id) add_user(s, id, "person" + std::to_string(id) + "@example.org");
    // A few people with unread notices, the last among them.
    s << "INSERT INTO organisations (id, slug, name, created_at, updated_at) VALUES (5, 'north', 'North', 0, 0)";
    for (long long id : {1LL, 2LL, kPeople}) {
      s << "INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (5, :u, 'member', 0)", soci::use(id);
      s << "INSERT INTO unread_notices (user_id, org_id, unread) VALUES (:u, 5, 3)", soci::use(id);
    }
    tx.commit();
  });
  DbSessionStore store(*db);
  const auto later = std::chrono::system_clock::now() + std::chrono::hours(1);
  for (long long id : {1LL, 2LL, 3LL}) {
    run_void(store.save({.id = "early-" + std::to_string(id), .user_id = id, .expires_at = later}));
  }
  const bool postgres = GetParam() != "sqlite";
  // The statistics are from before the newest person signed in, as they usually are.
  db->run_sync([](soci::session& s) { s << "ANALYZE"; });
  run_void(store.save({.id = "last", .user_id = kPeople, .expires_at = later}));
  // As the server runs it: prepared, and on PostgreSQL planned once for any session (ADR 0056).
  const std::string sql(DbSessionStore::signed_in_statement(postgres));
  const auto plan = db->run_sync([&](soci::session& s) {
    std::string explain = "EXPLAIN QUERY PLAN " + sql;
    if (postgres) {
      s << "SET plan_cache_mode TO force_generic_plan";
      s << "PREPARE rt_signed_in(text) AS " + sql;
      explain = "EXPLAIN ANALYZE EXECUTE rt_signed_in('last')";
    }
    std::string out;
    soci::rowset<soci::row> rows = s.prepare << explain;
    for (const auto& line : rows) out += line.get<std::string>(line.size() - 1) + "\n";
    if (postgres) s << "DEALLOCATE rt_signed_in";
    return out;
  });
  if (postgres) {
    // Every node of the plan handles at most a row or two.
    long long most = 0;
    for (std::size_t at = plan.find("actual time="); at != std::string::npos; at = plan.find("actual time=", at + 1)) {
      const auto rows = plan.find("rows=", at);
      most = std::max(most, std::stoll(plan.substr(rows + 5)));
    }
    EXPECT_LE(most, 2) << plan;
  } else {
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << plan;
  }
}

TEST_P(SessionStoreOnBackend, RemovesOneSessionOrAllOfAPersons) {
  auto db = db::testing::fresh_database(GetParam());
  DbSessionStore store(*db);
  auto save = [&](std::string id, std::optional<long long> user) {
    http::SessionData s;
    s.id = std::move(id);
    s.user_id = user;
    s.expires_at = std::chrono::system_clock::now() + std::chrono::hours(1);
    run_void(store.save(s));
  };
  save("laptop", 7);
  save("phone", 7);
  save("tablet", 7);
  save("someone-else", 8);
  save("anonymous", std::nullopt);
  run_void(store.remove("laptop"));
  EXPECT_FALSE(run(store.load("laptop")));
  EXPECT_TRUE(run(store.load("phone")));
  run_void(store.remove_for_user(7));
  EXPECT_FALSE(run(store.load("phone")));
  EXPECT_FALSE(run(store.load("tablet")));
  EXPECT_TRUE(run(store.load("someone-else")));
  EXPECT_TRUE(run(store.load("anonymous")));
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionStoreOnBackend, ::testing::ValuesIn(db::testing::backends()));

}  // namespace
}  // namespace roundtable::app
