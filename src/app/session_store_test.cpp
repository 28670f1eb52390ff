#include "app/session_store.hpp"

#include <gtest/gtest.h>

#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"

namespace roundtable::app {
namespace {

using db::testing::run;
using db::testing::run_void;

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
  EXPECT_EQ(asked, (std::vector<long long>{42, 7})) << "the person is read only for a session that names one";
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
