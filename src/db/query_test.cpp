#include "db/query.hpp"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdio>
#include <cstdlib>
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

TEST_P(QueryOnBackend, ABatchAnswersEachQueryInOrderWithItsOwnCopyOfTheParameters) {
  db_->run_sync([&](soci::session& s) {
    for (long long i = 1; i <= 4; ++i) {
      query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {i, "n" + std::to_string(i)});
    }
    std::vector<std::string> above_two;
    std::string named;
    long long count = -1;
    std::vector<std::string> order;
    Batch batch(s);
    {
      // The text is copied when added: the string it came from is gone before the batch runs.
      std::string wanted = "n3";
      batch.add("SELECT id FROM rt_query_test WHERE name = $1", {std::string_view(wanted)}, [&](const Row& r) {
        named = std::to_string(r.integer(0));
        order.push_back("named");
      });
    }
    batch.add("SELECT name FROM rt_query_test WHERE id > $1 ORDER BY id", {2LL}, [&](const Row& r) {
      above_two.push_back(r.string(0));
      order.push_back("above");
    });
    batch.add("SELECT COUNT(*) FROM rt_query_test WHERE COALESCE(note, 'none') = COALESCE(CAST($1 AS TEXT), 'none')",
              {nullptr}, [&](const Row& r) {
                count = r.integer(0);
                order.push_back("count");
              });
    // The same SQL twice in one batch.
    batch.add("SELECT name FROM rt_query_test WHERE id > $1 ORDER BY id", {3LL}, [&](const Row& r) {
      above_two.push_back(r.string(0));
      order.push_back("above");
    });
    EXPECT_EQ(batch.size(), 4u);
    batch.then([&] { order.push_back("then"); });
    if (GetParam() == "sqlite") {
      EXPECT_EQ(order.size(), 5u) << "on SQLite each query runs when added";
    } else {
      EXPECT_TRUE(order.empty()) << "on PostgreSQL nothing runs before run()";
    }
    batch.run();
    EXPECT_EQ(named, "3");
    EXPECT_EQ(above_two, (std::vector<std::string>{"n3", "n4", "n4"}));
    EXPECT_EQ(count, 4);
    EXPECT_EQ(order, (std::vector<std::string>{"named", "above", "above", "count", "above", "then"}));
    EXPECT_THROW(batch.run(), std::logic_error);
    // Its statements are kept like query()'s: running the same batch again prepares nothing more.
    const auto kept = kept_statements(s);
    Batch again(s);
    again.add("SELECT name FROM rt_query_test WHERE id > $1 ORDER BY id", {0LL}, {});
    again.add("SELECT COUNT(*) FROM rt_query_test WHERE COALESCE(note, 'none') = COALESCE(CAST($1 AS TEXT), 'none')",
              {nullptr}, {});
    again.run();
    EXPECT_EQ(kept_statements(s), kept);
    // An empty batch runs nothing.
    Batch empty(s);
    empty.run();
  });
}

TEST_P(QueryOnBackend, ABatchWithAnErrorThrowsAndLeavesTheConnectionUsable) {
  db_->run_sync([&](soci::session& s) {
    query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "a"});
    std::vector<std::string> seen;
    Batch batch(s);
    try {
      // On SQLite the query that cannot run throws when added, on PostgreSQL when the batch runs.
      batch.add("SELECT name FROM rt_query_test WHERE id = $1", {1LL},
                [&](const Row& r) { seen.push_back(r.string(0)); });
      batch.add("SELECT nothing FROM nowhere WHERE x = $1", {1LL}, {});
      batch.add("SELECT name || $1 FROM rt_query_test", {"!"}, [&](const Row& r) { seen.push_back(r.string(0)); });
      batch.run();
      ADD_FAILURE() << "a batch with a query that cannot run must throw";
    } catch (const std::exception& e) {
      EXPECT_NE(std::string(e.what()).find("nowhere"), std::string::npos) << e.what();
    }
    // The statements the failed batch prepared, and the connection, still work.
    Batch next(s);
    std::vector<std::string> names_now;
    next.add("SELECT name FROM rt_query_test WHERE id = $1", {1LL},
             [&](const Row& r) { names_now.push_back(r.string(0)); });
    next.add("SELECT name || $1 FROM rt_query_test", {"!"}, [&](const Row& r) { names_now.push_back(r.string(0)); });
    next.run();
    EXPECT_EQ(names_now, (std::vector<std::string>{"a", "a!"}));
    EXPECT_EQ(names(s, 0), std::vector<std::string>{"a"});
    EXPECT_EQ(query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {2LL, "b"}), 1);
  });
}

TEST_P(QueryOnBackend, ABatchIsOneRoundTripOnPostgresqlAndOneStatementAQueryOnSqlite) {
  db_->run_sync([&](soci::session& s) {
    query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {1LL, "a"});
    const auto batch_of_three = [&] {
      std::vector<std::string> seen;
      Batch batch(s);
      batch.add("SELECT name FROM rt_query_test WHERE id = $1", {1LL},
                [&](const Row& r) { seen.push_back(r.string(0)); });
      batch.add("SELECT COUNT(*) FROM rt_query_test WHERE id > $1", {0LL},
                [&](const Row& r) { seen.push_back(std::to_string(r.integer(0))); });
      batch.add("SELECT name FROM rt_query_test WHERE id = $1", {2LL},
                [&](const Row& r) { seen.push_back(r.string(0)); });
      batch.run();
      return seen;
    };
    if (db_->backend() == Backend::sqlite) {
      const auto before = db_->statements_run();
      EXPECT_EQ(batch_of_three(), (std::vector<std::string>{"a", "1"}));
      EXPECT_EQ(db_->statements_run() - before, 3u);
      return;
    }
    // PostgreSQL: libpq's trace of what was sent shows one Sync (one wait for the server) for the three queries,
    // also the first time, when they are prepared in the same pipeline.
    PGconn* conn = static_cast<soci::postgresql_session_backend*>(s.get_backend())->conn_;
    for (int round = 0; round < 2; ++round) {
      char* buffer = nullptr;
      std::size_t size = 0;
      FILE* trace = open_memstream(&buffer, &size);
      ASSERT_NE(trace, nullptr);
      PQtrace(conn, trace);
      PQsetTraceFlags(conn, PQTRACE_SUPPRESS_TIMESTAMPS);
      const auto seen = batch_of_three();
      PQuntrace(conn);
      std::fclose(trace);
      const std::string sent(buffer, size);
      std::free(buffer);
      EXPECT_EQ(seen, (std::vector<std::string>{"a", "1"}));
      const auto count = [&](std::string_view message) {
        int n = 0;
        for (std::size_t at = sent.find(message); at != std::string::npos; at = sent.find(message, at + 1)) ++n;
        return n;
      };
      EXPECT_EQ(count("F\t4\tSync"), 1) << "round " << round << ":\n" << sent;
      EXPECT_EQ(count("\tBind\t"), 3) << sent;
      EXPECT_EQ(count("\tParse\t"), round == 0 ? 2 : 0) << sent;
    }
    // One Sync also makes them one transaction: they see one moment.
    std::vector<std::string> moments;
    Batch batch(s);
    for (int i = 0; i < 3; ++i) {
      batch.add("SELECT CAST(now() AS TEXT) || $1", {""}, [&](const Row& r) { moments.push_back(r.string(0)); });
      batch.add("SELECT CAST(pg_sleep(0.002) AS TEXT) || $1", {""}, {});
    }
    batch.run();
    ASSERT_EQ(moments.size(), 3u);
    EXPECT_EQ(moments[0], moments[2]);
  });
}

TEST_P(QueryOnBackend, AKeptStatementIsPlannedOnce) {
  db_->run_sync([&](soci::session& s) {
    for (long long i = 1; i <= 20; ++i) query(s, "INSERT INTO rt_query_test (id, name) VALUES ($1, $2)", {i, "n"});
    const std::string sql = "SELECT COUNT(*) FROM rt_query_test WHERE id > $1 AND name = $2";
    const auto run_eight = [&] {
      for (long long i = 0; i < 8; ++i) {
        long long n = -1;
        query(s, sql, {i, "n"}, [&](const Row& r) { n = r.integer(0); });
        EXPECT_EQ(n, 20 - i);
      }
    };
    if (db_->backend() == Backend::sqlite) {
      // SQLite: the statement compiled the first time is the one run every time after.
      run_eight();
      const auto kept = kept_statements(s);
      run_eight();
      EXPECT_EQ(kept_statements(s), kept);
      return;
    }
    // PostgreSQL: the connection plans a prepared statement once for any values (ADR 0056), never per run.
    run_eight();
    long long generic = -1;
    long long custom = -1;
    query(s, "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1", {sql},
          [&](const Row& r) {
            generic = r.integer(0);
            custom = r.integer(1);
          });
    EXPECT_EQ(custom, 0);
    EXPECT_GE(generic, 1);
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
