#include "db/query.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <thread>
#include <vector>

#include "db/run_awaitable.hpp"
#include "db/test_databases.hpp"
#include "db/transaction.hpp"

namespace roundtable::db {
namespace {

class QueryOnBackend : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = testing::fresh_database(GetParam());
    db_->run_sync(
        [](soci::session& s) { s << "CREATE TABLE rt_query_test (id BIGINT PRIMARY KEY, name TEXT, note TEXT)"; });
  }
  std::vector<std::string> names(soci::session& s, long long above) {
    std::vector<std::string> out;
    query(s, "SELECT name FROM rt_query_test WHERE id > $1 ORDER BY id", {above},
          [&](const Row& r) { out.push_back(r.string(0)); });
    return out;
  }
  std::unique_ptr<Database> db_;
};

TEST_P(QueryOnBackend, WritesAndReadsWithParametersNullsAndText) {
  db_->run_sync([&](soci::session& s) {
    EXPECT_EQ(query(s, "INSERT INTO rt_query_test (id, name, note) VALUES ($1, $2, $3)", {1LL, "Siân", nullptr}), 1);
    EXPECT_EQ(query(s, "INSERT INTO rt_query_test (id, name, note) VALUES ($1, $2, $3)",
                    {2LL, std::string_view("O'Brien; DROP TABLE x"), std::string_view("a\nb")}),
              1);
    int rows = 0;
    query(s, "SELECT id, name, note FROM rt_query_test WHERE id = $1", {1LL}, [&](const Row& r) {
      ++rows;
      EXPECT_EQ(r.integer(0), 1);
      EXPECT_EQ(r.text(1), "Siân");
      EXPECT_TRUE(r.null(2));
      EXPECT_EQ(r.text(2), "");
      EXPECT_EQ(r.integer(2), 0);
    });
    EXPECT_EQ(rows, 1);
    EXPECT_EQ(names(s, 0), (std::vector<std::string>{"Siân", "O'Brien; DROP TABLE x"}));
    // The same parameter twice, and parameters out of order.
    std::string note;
    query(s, "SELECT note FROM rt_query_test WHERE id = $2 AND (name = $1 OR name = $1)",
          {std::string_view("O'Brien; DROP TABLE x"), 2LL}, [&](const Row& r) { note = r.string(0); });
    EXPECT_EQ(note, "a\nb");
    // Text that is part of a longer string (no NUL after it) is sent as exactly that text.
    const std::string longer = "SiânXYZ";
    long long found = 0;
    query(s, "SELECT COUNT(*) FROM rt_query_test WHERE name = $1", {std::string_view(longer).substr(0, 5)},
          [&](const Row& r) { found = r.integer(0); });
    EXPECT_EQ(found, 1);
    EXPECT_EQ(query(s, "UPDATE rt_query_test SET note = $1", {std::string_view("x")}), 2);
    EXPECT_EQ(query(s, "DELETE FROM rt_query_test WHERE id = $1", {99LL}), 0);
  });
}

TEST_P(QueryOnBackend, KeepsEachStatementPreparedOncePerConnection) {
  db_->run_sync([&](soci::session& s) {
    query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "a"});
    const auto kept = kept_statements(s);
    for (long long i = 2; i < 50; ++i) query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {i, "b"});
    EXPECT_EQ(kept_statements(s), kept);
    EXPECT_EQ(names(s, 47).size(), 2u);
    EXPECT_EQ(kept_statements(s), kept + 1);
  });
}

TEST_P(QueryOnBackend, AnErrorLeavesTheConnectionUsable) {
  db_->run_sync([&](soci::session& s) {
    query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "a"});
    EXPECT_ANY_THROW(query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "again"}));
    EXPECT_ANY_THROW(query(s, "SELECT nothing FROM nowhere WHERE x = $1", {1LL}));
    EXPECT_EQ(names(s, 0), std::vector<std::string>{"a"});
  });
}

TEST_P(QueryOnBackend, WorksInsideAWriteTransactionAndRollsBackWithIt) {
  db_->run_sync([&](soci::session& s) {
    {
      WriteTransaction tx(s);
      query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "kept"});
      tx.commit();
    }
    {
      WriteTransaction tx(s);
      query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {2LL, "rolled back"});
    }
    EXPECT_EQ(names(s, 0), std::vector<std::string>{"kept"});
  });
}

TEST_P(QueryOnBackend, ManyDistinctStatementsStillRunButAreNotAllKept) {
  db_->run_sync([&](soci::session& s) {
    for (long long i = 0; i < 300; ++i) {
      // Each SQL text differs: the cache stops growing at its limit, and every query still answers.
      long long seen = -1;
      query(s, "SELECT " + std::to_string(i) + " + $1", {0LL}, [&](const Row& r) { seen = r.integer(0); });
      EXPECT_EQ(seen, i);
    }
    EXPECT_LE(kept_statements(s), 256u);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, QueryOnBackend, ::testing::ValuesIn(testing::backends()));

TEST_P(QueryOnBackend, IdListsFindEveryIdWhateverTheirNumber) {
  db_->run_sync([&](soci::session& s) {
    for (long long i = 1; i <= 40; ++i) query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {i, "n"});
    for (size_t n : {1u, 7u, 8u, 9u, 33u}) {
      std::vector<long long> ids;
      for (size_t i = 0; i < n; ++i) ids.push_back(static_cast<long long>(i) + 2);
      std::vector<Param> params{std::string_view("n")};
      const std::string list = id_list(params, ids);
      long long found = 0;
      query(s, "SELECT COUNT(*) FROM rt_query_test WHERE name = $1 AND id IN (" + list + ")", params,
            [&](const Row& r) { found = r.integer(0); });
      EXPECT_EQ(found, static_cast<long long>(n)) << n << " ids";
    }
  });
}

// PostgreSQL reports these itself; on SQLite db::query checks them.
TEST(QueryOnSqlite, RefusesParametersThatTheSqlDoesNotName) {
  auto db = testing::fresh_database("sqlite");
  db->run_sync([&](soci::session& s) {
    s << "CREATE TABLE rt_query_test (id BIGINT PRIMARY KEY, name TEXT)";
    EXPECT_THROW(query(s, "SELECT name FROM rt_query_test WHERE id = $1", {1LL, 2LL}), std::invalid_argument);
    EXPECT_THROW(query(s, "SELECT name FROM rt_query_test WHERE id = :id", {1LL}), std::invalid_argument);
    EXPECT_THROW(query(s, "SELECT name FROM rt_query_test WHERE id = $1 AND name = $2", {1LL}), std::invalid_argument);
  });
}

TEST_P(QueryOnBackend, ReadSeesWhatWasWrittenBeforeIt) {
  db_->run_sync([](soci::session& s) { query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "a"}); });
  auto op = db_->read([this](soci::session& s) { return names(s, 0); });
  EXPECT_EQ(testing::run(std::move(op)), std::vector<std::string>{"a"});
  auto write = db_->run([](soci::session& s) {
    return query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {2LL, "b"});
  });
  EXPECT_EQ(testing::run(std::move(write)), 1);
  auto again = db_->read([this](soci::session& s) { return names(s, 0); });
  EXPECT_EQ(testing::run(std::move(again)), (std::vector<std::string>{"a", "b"}));
}

// On SQLite a read runs on the caller's own thread (no hop), on a connection that cannot write.
TEST(ReadOnSqlite, RunsOnTheCallersThreadAndCannotWrite) {
  auto db = testing::fresh_database("sqlite");
  db->run_sync([](soci::session& s) { s << "CREATE TABLE rt_query_test (id BIGINT PRIMARY KEY, name TEXT)"; });
  auto where = db->read([](soci::session&) { return std::this_thread::get_id(); });
  EXPECT_EQ(testing::run(std::move(where)), std::this_thread::get_id());
  auto write = db->read([](soci::session& s) {
    return query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "not allowed"});
  });
  EXPECT_ANY_THROW(testing::run(std::move(write)));
  auto count = db->read([](soci::session& s) {
    long long n = -1;
    query(s, "SELECT COUNT(*) FROM rt_query_test WHERE id > $1", {0LL}, [&](const Row& r) { n = r.integer(0); });
    return n;
  });
  EXPECT_EQ(testing::run(std::move(count)), 0);
}

TEST(StatementCount, CountsEveryStatementOnSqlite) {
  auto db = testing::fresh_database("sqlite");
  const auto before = db->statements_run();
  db->run_sync([](soci::session& s) {
    int one = 0;
    s << "SELECT 1", soci::into(one);
    query(s, "SELECT $1", {1LL});
  });
  EXPECT_EQ(db->statements_run() - before, 2u);
}

TEST(StatementCount, CountsWritesButNotReadsTransactionsOrAuditEntries) {
  auto db = testing::fresh_database("sqlite");
  const auto before = db->writes_run();
  db->run_sync([](soci::session& s) {
    query(s, "SELECT COUNT(*) FROM users", {});
    WriteTransaction tx(s);
    query(s,
          "INSERT INTO audit_log (org_id, actor_user_id, subject_user_id, action, detail, created_at) "
          "VALUES (NULL, NULL, NULL, 'test', '', 1)",
          {});
    tx.commit();
  });
  EXPECT_EQ(db->writes_run() - before, 0u) << "a read, BEGIN, COMMIT and an audit entry are not changes";
  db->run_sync([](soci::session& s) { query(s, "UPDATE users SET name = name WHERE id = $1", {0LL}); });
  EXPECT_EQ(db->writes_run() - before, 1u);
}

}  // namespace
}  // namespace roundtable::db
